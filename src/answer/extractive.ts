// The default composer: no LLM. It picks the sentences of the retrieved units (paragraph sentences,
// Annex I indicators) that answer the question, answer first, then context, each copied verbatim
// with its citation marker.
import type { Citation } from "./contract.js";
import type { ComposedAnswer } from "./numeric/types.js";
import { HAS_DATE, HAS_NUMBER, isNumberWord, questionKind } from "./question-kind.js";
import { coveredBy, type SubjectWord } from "./question-terms.js";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.js";
import { citationRef } from "./sentences.js";

export interface RankedUnit {
  /** "p47" or "i3.2.4" (see sentence-index.ts). */
  unit: string;
  /** 0-based rank from retrieval. */
  rank: number;
}

export interface ScoredSentence {
  sentence: IndexedSentence;
  score: number;
  /** Share of the question's subject weight this sentence covers, 0..1. */
  coverage: number;
  /** Share of the question's subject weight its unit covers, 0..1. */
  unitCoverage: number;
}

/** How many retrieval ranks the composer looks at. */
const MAX_RANK = 6;
/** Subject weight of question words that sit right after a figure ("Eight peacekeepers", "64 injured"). */
function quantityAttachment(sentence: IndexedSentence, subject: SubjectWord[]): number {
  const { positions } = sentence;
  let weight = 0;
  for (const w of subject) {
    const attached = positions.some(
      (token, i) => isNumberWord(token) && positions.slice(i + 1, i + 4).some((next) => next !== undefined && w.matches.has(next)),
    );
    if (attached) weight += w.weight;
  }
  return weight;
}

const covers = coveredBy;

/**
 * For a question that wants a figure, the best sentence that gives one, when it scores nearly as well
 * as the best sentence overall ("no new allegations" vs "the two allegations … are still pending").
 */
export function preferFigures(question: string, scored: ScoredSentence[]): ScoredSentence[] {
  const best = scored[0];
  if (!best || !questionKind(question).quantity || HAS_NUMBER.test(best.sentence.text)) return scored;
  const withFigure = scored.find((s) => HAS_NUMBER.test(s.sentence.text) && s.score >= best.score * 0.7);
  return withFigure ? [withFigure, ...scored.filter((s) => s !== withFigure)] : scored;
}

export function scoreSentences(question: string, subject: SubjectWord[], ranked: RankedUnit[], index: SentenceIndex): ScoredSentence[] {
  const known = subject.filter((w) => !w.unknown);
  const total = known.reduce((sum, w) => sum + w.weight, 0) || 1;
  const kind = questionKind(question);
  const scored: ScoredSentence[] = [];
  for (const { unit, rank } of ranked.filter((r) => r.rank < MAX_RANK)) {
    const sentences = index.byUnit.get(unit) ?? [];
    const unitTerms = new Set(sentences.flatMap((s) => [...s.terms]));
    const unitCoverage = known.filter((w) => covers(unitTerms, w)).reduce((sum, w) => sum + w.weight, 0) / total;
    for (const sentence of sentences) {
      const matched = known.filter((w) => covers(sentence.terms, w));
      const coverage = matched.reduce((sum, w) => sum + w.weight, 0) / total;
      let score = coverage * (1 + 0.5 / (1 + rank)) + 0.25 * unitCoverage;
      if (kind.quantity) score += (HAS_NUMBER.test(sentence.text) ? 0.15 : 0) + (0.5 * quantityAttachment(sentence, matched)) / total;
      if (kind.when && HAS_DATE.test(sentence.text)) score += 0.15;
      scored.push({ sentence, score: matched.length ? score : 0, coverage, unitCoverage });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

function withMarker(text: string, ref: string): string {
  const trimmed = text.replace(/[\s;:,]+$/, "");
  const end = /[.!?]$/.test(trimmed) ? trimmed.slice(-1) : ".";
  const body = /[.!?]$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
  return `${body} (${ref})${end}`;
}

/** One unit rendered as answer text plus its citation. Indicator facts are quoted from Annex I. */
function render(sentence: IndexedSentence): { text: string; citation: Citation } {
  const source = sentence.source;
  if (source.kind === "paragraph") {
    const ref = citationRef(source.paragraph, source.subItem);
    return {
      text: withMarker(sentence.text, ref),
      citation: { ref, paragraph: source.paragraph, ...(source.subItem ? { subItem: source.subItem } : {}), quote: sentence.text },
    };
  }
  const { indicator } = source;
  const status = indicator.status.length ? `is marked ${indicator.status.join(" and ")}` : "has no state of implementation given";
  const deadline = indicator.deadline ? ` (deadline: ${indicator.deadline})` : "";
  const comments = indicator.comments ? ` Comments: ${indicator.comments.replace(/[\s.]+$/, "")}.` : "";
  return {
    text: `Benchmark indicator ${indicator.id}, “${indicator.text}”, ${status}${deadline}.${comments} (Annex I)`,
    citation: { ref: "Annex I", annex: "I", rows: [indicator.id] },
  };
}

/** The best sentence first, then one sentence of context when one bears on the question too. */
export function composeExtractive(scored: ScoredSentence[], subject: SubjectWord[]): ComposedAnswer {
  const best = scored[0];
  if (!best || best.score <= 0) return { answer: "", answered: false, citations: [] };
  const chosen = [best];
  const samePlace = (s: ScoredSentence) => s.sentence.unit === best.sentence.unit;
  const coversSentence = (s: ScoredSentence, w: SubjectWord) => covers(s.sentence.terms, w);
  const addsSomething = (s: ScoredSentence) => subject.some((w) => coversSentence(s, w) && !coversSentence(best, w));
  // Context from the same paragraph reads best; another paragraph must score nearly as well and add a subject.
  const context =
    scored.find((s) => s !== best && s.coverage > 0 && samePlace(s) && s.score >= best.score * 0.6) ??
    scored.find((s) => s.coverage > 0 && !samePlace(s) && s.score >= best.score * 0.9 && addsSomething(s));
  if (context) chosen.push(context);
  // Keep the report's own order within a paragraph when the earlier sentence answers as well.
  if (context && samePlace(context) && context.sentence.index === best.sentence.index - 1 && best.coverage <= context.coverage) chosen.reverse();
  const citations: Citation[] = [];
  const parts = chosen.map(({ sentence }) => {
    const { text, citation } = render(sentence);
    const existing = citations.find((c) => c.ref === citation.ref);
    if (!existing) citations.push(citation);
    else if ("rows" in existing && "rows" in citation) existing.rows = [...new Set([...existing.rows, ...citation.rows])];
    return text;
  });
  return { answer: parts.join(" "), answered: true, citations };
}
