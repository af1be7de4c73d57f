// Decides whether the report supports an answer at all. A question about something the report never
// mentions, or about a year it does not cover, is refused rather than answered with the nearest text.
import type { StructuredReport } from "../report/schema.js";
import type { SentenceIndex } from "./sentence-index.js";
import { subjectWords } from "./question-terms.js";

/** Every year the report's paragraphs mention. */
export function reportYears(report: StructuredReport): Set<number> {
  const text = report.paragraphs.map((p) => p.text).join(" ");
  return new Set([...text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1])));
}

/** The report's own "as at" year: anything later is after the report. */
export function referenceYear(report: StructuredReport): number {
  const year = /\b(19|20)\d\d\b/.exec(report.annexII.asAt)?.[0];
  return year ? Number(year) : Math.max(...reportYears(report));
}

/** Years the question asks about that fall after the report. */
export function yearsAfterReport(question: string, reportYear: number): number[] {
  return [...question.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((m) => Number(m[1])).filter((y) => y > reportYear);
}

/**
 * Subject words of the question that occur nowhere in the report, even through a synonym, and that
 * look like names of things (not inflected verbs or adverbs, which paraphrase more than they name).
 */
export function unknownSubjectWords(question: string, index: SentenceIndex): string[] {
  return subjectWords(question, index)
    .filter((w) => w.unknown && w.word.length >= 4 && !/(?:ly|ed|ing)$/i.test(w.word) && !/^\d/.test(w.word))
    .map((w) => w.word);
}
