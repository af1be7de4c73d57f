// Decides whether the report supports an answer at all. A question about something the report never
// mentions, about a year it does not cover, or asking for a figure it does not give, is refused
// rather than answered with the nearest text.
import type { StructuredReport } from "../report/schema.js";
import type { ScoredSentence } from "./extractive.js";
import { HAS_NUMBER, questionKind } from "./question-kind.js";

/** Below this share of the question's subject weight, the best paragraph does not answer it. */
const MIN_PARAGRAPH_COVERAGE = 0.34;
/** A question about a year after the report needs a sentence that really is about it. */
const MIN_LATER_YEAR_COVERAGE = 0.6;
const YEAR = /\b(19\d\d|20\d\d)\b/g;
// Past tense: the question asks how something turned out.
const PAST_TENSE = /\b(?:did|was|were|won|lost|happened|had|became|took place|ended|went)\b/i;

export interface SupportContext {
  /** Every year the paragraphs mention. */
  years: Set<number>;
  /** The report's own "as at" year: anything later is after the report. */
  reportYear: number;
  asAt: string;
}

export function supportContext(report: StructuredReport): SupportContext {
  const text = report.paragraphs.map((p) => p.text).join(" ");
  const years = new Set([...text.matchAll(YEAR)].map((m) => Number(m[1])));
  const asAtYear = /\b(?:19|20)\d\d\b/.exec(report.annexII.asAt)?.[0];
  return { years, reportYear: asAtYear ? Number(asAtYear) : Math.max(...years), asAt: report.annexII.asAt };
}

const yearsIn = (question: string) => [...question.matchAll(YEAR)].map((m) => Number(m[1]));

/** Checks that need no retrieval: years the report does not cover. Returns a refusal reason or null. */
export function refuseBeforeRetrieval(question: string, context: SupportContext): string | null {
  const unmentioned = yearsIn(question).filter((y) => !context.years.has(y));
  if (unmentioned.length) return `It reports on events up to ${context.asAt} and says nothing about ${unmentioned.join(" or ")}.`;
  const later = yearsIn(question).filter((y) => y > context.reportYear);
  if (later.length && PAST_TENSE.test(question)) {
    return `It reports on events up to ${context.asAt}, so it cannot say how things turned out in ${later.join(" or ")}.`;
  }
  return null;
}

/** Checks on the best sentence found. Returns a refusal reason or null. */
export function refuseAfterScoring(question: string, best: ScoredSentence | undefined, context: SupportContext): string | null {
  if (!best || best.unitCoverage < MIN_PARAGRAPH_COVERAGE) return "None of its paragraphs addresses this.";
  const later = yearsIn(question).filter((y) => y > context.reportYear);
  if (later.some((y) => !best.sentence.text.includes(String(y))) || (later.length && best.coverage < MIN_LATER_YEAR_COVERAGE)) {
    return `It reports on events up to ${context.asAt}; what it says about ${later.join(" and ")} does not cover this.`;
  }
  if (questionKind(question).quantity && !HAS_NUMBER.test(best.sentence.text)) return "It gives no figure for this.";
  return null;
}
