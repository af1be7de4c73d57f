// The default composer: no LLM. It picks the sentences of the retrieved paragraphs that answer the
// question, answer first, then context, each copied verbatim with its citation marker.
import type { ParagraphCitation } from "./contract.js";
import type { ComposedAnswer } from "./numeric/types.js";
import { HAS_DATE, HAS_NUMBER, questionKind } from "./question-kind.js";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.js";
import { citationRef } from "./sentences.js";
import { isFramingTerm } from "./support.js";

export interface RankedParagraph {
  paragraph: number;
  /** 0-based rank from retrieval. */
  rank: number;
}

export interface ScoredSentence {
  sentence: IndexedSentence;
  score: number;
  /** Share of the question's subject weight this sentence's paragraph covers, 0..1. */
  coverage: number;
}

const MAX_PARAGRAPHS = 4;
const MAX_SENTENCES = 3;

export function scoreSentences(question: string, ranked: RankedParagraph[], index: SentenceIndex): ScoredSentence[] {
  const terms = index.queryTerms(question).filter((t) => !isFramingTerm(t.term));
  const subjectWeight = terms.filter((t) => t.weight === 1).reduce((sum, t) => sum + index.idf(t.term), 0) || 1;
  const kind = questionKind(question);
  const scored: ScoredSentence[] = [];
  for (const { paragraph, rank } of ranked.slice(0, MAX_PARAGRAPHS)) {
    const sentences = index.byParagraph.get(paragraph) ?? [];
    const paragraphTerms = new Set(sentences.flatMap((s) => [...s.terms]));
    const covered = terms.filter((t) => t.weight === 1 && paragraphTerms.has(t.term));
    const coverage = covered.reduce((sum, t) => sum + index.idf(t.term), 0) / subjectWeight;
    for (const sentence of sentences) {
      let lexical = 0;
      for (const t of terms) if (sentence.terms.has(t.term)) lexical += t.weight * index.idf(t.term);
      let score = lexical * (1 + 0.6 / (1 + rank));
      if (kind.quantity && HAS_NUMBER.test(sentence.text)) score *= 1.35;
      if (kind.when && HAS_DATE.test(sentence.text)) score *= 1.35;
      scored.push({ sentence, score, coverage });
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

/** Best sentence first, then up to two context sentences that also bear on the question. */
export function composeExtractive(scored: ScoredSentence[]): ComposedAnswer {
  const best = scored[0];
  if (!best || best.score <= 0) return { answer: "", answered: false, citations: [] };
  const chosen = [best];
  const next = scored.find(
    (s) => s.sentence.paragraph === best.sentence.paragraph && s.sentence.index === best.sentence.index + 1 && s.score > 0,
  );
  if (next) chosen.push(next);
  for (const candidate of scored.slice(1)) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (chosen.includes(candidate) || candidate.score < best.score * 0.6) continue;
    chosen.push(candidate);
  }
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
