// The default composer: no LLM. It picks the sentences of the retrieved paragraphs that answer the
// question, answer first, then context, each copied verbatim with its citation marker.
import { words } from "../retrieval/tokenize.js";
import type { ParagraphCitation } from "./contract.js";
import type { ComposedAnswer } from "./numeric/types.js";
import { HAS_DATE, HAS_NUMBER, questionKind } from "./question-kind.js";
import type { SubjectWord } from "./question-terms.js";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.js";
import { citationRef } from "./sentences.js";
import { tokenize } from "../retrieval/tokenize.js";

export interface RankedParagraph {
  paragraph: number;
  /** 0-based rank from retrieval. */
  rank: number;
}

export interface ScoredSentence {
  sentence: IndexedSentence;
  score: number;
  /** Share of the question's subject weight this sentence covers, 0..1. */
  coverage: number;
  /** Share of the question's subject weight its paragraph covers, 0..1. */
  paragraphCoverage: number;
}

const MAX_PARAGRAPHS = 4;
const SMALL_NUMBER = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)$/;

/** Subject weight of question words that sit right after a figure ("Eight peacekeepers", "64 injured"). */
function quantityAttachment(sentence: IndexedSentence, subject: SubjectWord[]): number {
  const tokens = words(sentence.text);
  let weight = 0;
  for (const w of subject) {
    const attached = tokens.some((token, i) => {
      if (!SMALL_NUMBER.test(token)) return false;
      return tokens.slice(i + 1, i + 3).some((next) => {
        const [stem] = tokenize(next);
        return stem !== undefined && w.matches.has(stem);
      });
    });
    if (attached) weight += w.weight;
  }
  return weight;
}

export function scoreSentences(question: string, subject: SubjectWord[], ranked: RankedParagraph[], index: SentenceIndex): ScoredSentence[] {
  const known = subject.filter((w) => !w.unknown);
  const total = known.reduce((sum, w) => sum + w.weight, 0) || 1;
  const kind = questionKind(question);
  const scored: ScoredSentence[] = [];
  const covers = (terms: Set<string>, w: SubjectWord) => [...w.matches].some((m) => terms.has(m));
  for (const { paragraph, rank } of ranked.slice(0, MAX_PARAGRAPHS)) {
    const sentences = index.byParagraph.get(paragraph) ?? [];
    const paragraphTerms = new Set(sentences.flatMap((s) => [...s.terms]));
    const paragraphCoverage = known.filter((w) => covers(paragraphTerms, w)).reduce((sum, w) => sum + w.weight, 0) / total;
    for (const sentence of sentences) {
      const matched = known.filter((w) => covers(sentence.terms, w));
      const coverage = matched.reduce((sum, w) => sum + w.weight, 0) / total;
      let score = coverage * (1 + 0.5 / (1 + rank)) + 0.25 * paragraphCoverage;
      if (kind.quantity) score += (HAS_NUMBER.test(sentence.text) ? 0.15 : 0) + (0.5 * quantityAttachment(sentence, matched)) / total;
      if (kind.when && HAS_DATE.test(sentence.text)) score += 0.15;
      scored.push({ sentence, score: matched.length ? score : 0, coverage, paragraphCoverage });
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

/** The best sentence first, then one sentence of context when one bears on the question too. */
export function composeExtractive(scored: ScoredSentence[], subject: SubjectWord[]): ComposedAnswer {
  const best = scored[0];
  if (!best || best.score <= 0) return { answer: "", answered: false, citations: [] };
  const chosen = [best];
  const samePlace = (s: ScoredSentence) => s.sentence.paragraph === best.sentence.paragraph;
  const covers = (s: ScoredSentence, w: SubjectWord) => [...w.matches].some((m) => s.sentence.terms.has(m));
  const addsSomething = (s: ScoredSentence) => subject.some((w) => covers(s, w) && !covers(best, w));
  const context = scored.find(
    (s) => s !== best && s.coverage > 0 && (samePlace(s) ? s.score >= best.score * 0.6 : s.score >= best.score * 0.9 && addsSomething(s)),
  );
  if (context) chosen.push(context);
  // Keep the report's own order when both come from one paragraph, so the prose reads naturally.
  if (context && context.sentence.paragraph === best.sentence.paragraph && context.sentence.index === best.sentence.index - 1 && best.coverage <= context.coverage) chosen.reverse();
  const citations: ParagraphCitation[] = [];
  const parts = chosen.map(({ sentence }) => {
    const ref = citationRef(sentence.paragraph, sentence.subItem);
    if (!citations.some((c) => c.ref === ref)) {
      citations.push({ ref, paragraph: sentence.paragraph, ...(sentence.subItem ? { subItem: sentence.subItem } : {}), quote: sentence.text });
    }
    return withMarker(sentence.text, ref);
  });
  return { answer: parts.join(" "), answered: true, citations };
}
