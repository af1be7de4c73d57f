// Every sentence of the report with its terms, plus term rarity (idf) over sentences: the basis for
// choosing which sentences answer a question and for judging whether the report covers it at all.
import type { StructuredReport } from "../report/schema.js";
import { expandQuery, type QueryTerm } from "../retrieval/lexical.js";
import { tokenize } from "../retrieval/tokenize.js";
import { splitSentences, type Sentence } from "./sentences.js";

export interface IndexedSentence extends Sentence {
  terms: Set<string>;
}

export interface SentenceIndex {
  byParagraph: Map<number, IndexedSentence[]>;
  /** Inverse document frequency over sentences; unseen terms get the maximum. */
  idf(term: string): number;
  /** Every term anywhere in the report, annexes included. */
  vocabulary: Set<string>;
  queryTerms(question: string): QueryTerm[];
}

export function buildSentenceIndex(report: StructuredReport): SentenceIndex {
  const byParagraph = new Map<number, IndexedSentence[]>();
  const docFreq = new Map<string, number>();
  let count = 0;
  for (const paragraph of report.paragraphs) {
    const sentences = splitSentences(paragraph).map((s) => ({ ...s, terms: new Set(tokenize(s.text)) }));
    byParagraph.set(paragraph.number, sentences);
    for (const sentence of sentences) {
      count += 1;
      for (const term of sentence.terms) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
    }
  }
  const vocabulary = new Set(docFreq.keys());
  const annexText = [
    ...report.annexI.areas.map((a) => `${a.title} ${a.goal}`),
    ...report.annexI.objectives.map((o) => o.text),
    ...report.annexI.indicators.map((i) => `${i.text} ${i.status.join(" ")} ${i.deadline ?? ""} ${i.comments}`),
    ...report.annexII.rows.map((r) => r.country),
    "military police formed units individual officers men women total strength benchmarks indicators",
  ].join(" ");
  for (const term of tokenize(annexText)) vocabulary.add(term);
  const maxIdf = Math.log(1 + count);
  return {
    byParagraph,
    vocabulary,
    idf: (term) => {
      const df = docFreq.get(term);
      return df ? Math.log(1 + (count - df + 0.5) / (df + 0.5)) : maxIdf;
    },
    queryTerms: (question) => expandQuery(question),
  };
}
