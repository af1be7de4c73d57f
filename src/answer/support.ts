// Decides whether the report supports an answer at all. A question about something the report never
// mentions, or about a year it does not cover, is refused rather than answered with the nearest text.
import type { StructuredReport } from "../report/schema.js";
import { tokenize } from "../retrieval/tokenize.js";
import type { SentenceIndex } from "./sentence-index.js";

// Words that frame a question rather than name its subject; their absence from the report means nothing.
const FRAMING_WORDS = new Set(
  tokenize(
    "happen happened happening going goes situation latest update updates status know explain describe detail details " +
      "info information anything something mention mentioned reported report say said tell give given kind type " +
      "like way ways thing things current currently recent recently overall main key general summary summarise summarize " +
      "please could would should did does done doing made make happening lately far well much many long number figure " +
      "total amount percentage share proportion per cent percent count counted quick quickly brief briefly exactly roughly approximately " +
      "about regarding concerning around look looked looking change changed changes since ago last first next time period",
  ),
);

export type SupportVerdict = { supported: true } | { supported: false; reason: string };

export function reportYears(report: StructuredReport): Set<number> {
  const years = new Set<number>();
  const text = report.paragraphs.map((p) => p.text).join(" ");
  for (const match of text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) years.add(Number(match[1]));
  return years;
}

/** Years asked about that the report never mentions and that fall after its latest year. */
export function yearsOutsideReport(question: string, years: Set<number>): number[] {
  const latest = Math.max(...years);
  return [...question.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((m) => Number(m[1])).filter((y) => !years.has(y) && y > latest);
}

/** Subject words of the question that occur nowhere in the report (after stemming and synonyms). */
export function unknownSubjectWords(question: string, index: SentenceIndex): string[] {
  const unknown: string[] = [];
  for (const raw of question.match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    const [term] = tokenize(raw);
    if (!term || term.length < 3 || FRAMING_WORDS.has(term) || index.vocabulary.has(term)) continue;
    // A word the synonym map translates into report vocabulary is a paraphrase, not an unknown subject.
    const synonymTerms = index.queryTerms(raw).filter((t) => t.weight < 1);
    if (synonymTerms.some((t) => index.vocabulary.has(t.term))) continue;
    unknown.push(raw);
  }
  return unknown;
}

export function isFramingTerm(term: string): boolean {
  return FRAMING_WORDS.has(term);
}
