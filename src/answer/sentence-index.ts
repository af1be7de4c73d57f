// Every citable unit of the report with its terms: the sentences of each paragraph, and each Annex I
// indicator (text, status, deadline, comments). Term rarity (idf) is computed over these units. It is
// the basis for choosing what answers a question and for judging whether the report covers it at all.
import type { Indicator, StructuredReport } from "../report/schema.js";
import { expandQuery, type QueryTerm } from "../retrieval/lexical.js";
import { tokenize, words } from "../retrieval/tokenize.js";
import { isNumberWord } from "./question-kind.js";
import { splitSentences } from "./sentences.js";

export type UnitSource =
  | { kind: "paragraph"; paragraph: number; subItem?: string }
  | { kind: "indicator"; indicator: Indicator };

export interface IndexedSentence {
  /** The unit it belongs to: "p47" for para. 47, "i3.2.4" for Annex I indicator 3.2.4. */
  unit: string;
  /** Position within its unit, 0-based. */
  index: number;
  text: string;
  source: UnitSource;
  terms: Set<string>;
  /** Each word of the text in order, as its index term (undefined for stop words); for proximity checks. */
  positions: (string | undefined)[];
}

/** Words in order with their index terms, so proximity checks need no re-tokenizing per question. */
function positionsOf(text: string): (string | undefined)[] {
  return words(text).map((w) => (isNumberWord(w) ? w : tokenize(w)[0]));
}

export interface SentenceIndex {
  byUnit: Map<string, IndexedSentence[]>;
  /** Indicator units of each Annex I objective ("2.3" -> ["i2.3.1", …]). */
  indicatorUnitsByObjective: Map<string, string[]>;
  /** Inverse document frequency over units' sentences; unseen terms get the maximum. */
  idf(term: string): number;
  /** Every term anywhere in the report, annexes included. */
  vocabulary: Set<string>;
  /** How many units (paragraphs, indicators) contain the term. */
  unitsWith(term: string): number;
  /** Terms of the report's title (its author and subject, "Secretary-General", "Mali"): implicit everywhere. */
  isImplicit(term: string): boolean;
  queryTerms(question: string): QueryTerm[];
}

export const paragraphUnit = (n: number) => `p${n}`;
const indicatorUnit = (id: string) => `i${id}`;

function indicatorText(indicator: Indicator): string {
  const status = indicator.status.length ? indicator.status.join(" and ") : "no state of implementation given";
  return [indicator.text, status, indicator.deadline ?? "", indicator.comments].filter(Boolean).join(". ");
}

export function buildSentenceIndex(report: StructuredReport): SentenceIndex {
  const byUnit = new Map<string, IndexedSentence[]>();
  for (const paragraph of report.paragraphs) {
    const unit = paragraphUnit(paragraph.number);
    byUnit.set(
      unit,
      splitSentences(paragraph).map((s) => ({
        unit,
        index: s.index,
        text: s.text,
        source: { kind: "paragraph", paragraph: paragraph.number, ...(s.subItem ? { subItem: s.subItem } : {}) },
        terms: new Set(tokenize(s.text)),
        positions: positionsOf(s.text),
      })),
    );
  }
  const indicatorUnitsByObjective = new Map<string, string[]>();
  for (const indicator of report.annexI.indicators) {
    const unit = indicatorUnit(indicator.id);
    const text = indicatorText(indicator);
    const entry = { unit, index: 0, text, source: { kind: "indicator" as const, indicator }, terms: new Set(tokenize(text)), positions: positionsOf(text) };
    byUnit.set(unit, [entry]);
    indicatorUnitsByObjective.set(indicator.objective, [...(indicatorUnitsByObjective.get(indicator.objective) ?? []), unit]);
  }

  const docFreq = new Map<string, number>();
  let count = 0;
  for (const sentences of byUnit.values()) {
    for (const sentence of sentences) {
      count += 1;
      for (const term of sentence.terms) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
    }
  }
  const vocabulary = new Set(docFreq.keys());
  const annexText = [
    ...report.annexI.areas.map((a) => `${a.title} ${a.goal}`),
    ...report.annexI.objectives.map((o) => o.text),
    ...report.annexII.rows.map((r) => r.country),
    "military police formed units individual officers men women total strength benchmarks indicators",
  ].join(" ");
  for (const term of tokenize(annexText)) vocabulary.add(term);
  const unitFreq = new Map<string, number>();
  for (const sentences of byUnit.values()) {
    for (const term of new Set(sentences.flatMap((s) => [...s.terms]))) unitFreq.set(term, (unitFreq.get(term) ?? 0) + 1);
  }
  const maxIdf = Math.log(1 + count);
  const implicit = new Set(tokenize(report.title));
  return {
    byUnit,
    indicatorUnitsByObjective,
    vocabulary,
    unitsWith: (term) => unitFreq.get(term) ?? 0,
    isImplicit: (term) => implicit.has(term),
    idf: (term) => {
      const df = docFreq.get(term);
      return df ? Math.log(1 + (count - df + 0.5) / (df + 0.5)) : maxIdf;
    },
    queryTerms: (question) => expandQuery(question),
  };
}
