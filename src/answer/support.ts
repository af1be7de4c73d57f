// Decides whether the report supports an answer at all. A question about something the report never
// mentions, about a year it does not cover, or asking for a figure it does not give, is refused
// rather than answered with the nearest text.
import type { StructuredReport } from "../report/schema.js";
import type { ScoredSentence } from "./extractive.js";
import { HAS_NUMBER, questionKind } from "./question-kind.js";
import { coveredBy, type SubjectWord } from "./question-terms.js";
import type { SentenceIndex } from "./sentence-index.js";

/** Below this share of the question's subject weight, the best paragraph does not answer it. */
const MIN_PARAGRAPH_COVERAGE = 0.34;
/** A name found in at most this many units is specific enough that an answer must mention it. */
const RARE_UNITS = 3;
const YEAR = /\b(19\d\d|20\d\d)\b/g;
// Past tense: the question asks how something turned out.
const PAST_TENSE = /\b(?:did|was|were|won|lost|happened|had|became|took place|ended|went)\b/i;

export interface SupportContext {
  /** Every year the paragraphs mention. */
  years: Set<number>;
  /** The report's own "as at" year: anything later is after the report. */
  reportYear: number;
  /** The "as at" month as year * 12 + month, for "June 2017"-style mentions. */
  reportMonth: number;
  asAt: string;
  /** The paragraphs' text, for checking document references. */
  text: string;
}

export function supportContext(report: StructuredReport): SupportContext {
  const text = report.paragraphs.map((p) => p.text).join(" ");
  const years = new Set([...text.matchAll(YEAR)].map((m) => Number(m[1])));
  const asAtYear = /\b(?:19|20)\d\d\b/.exec(report.annexII.asAt)?.[0];
  const reportYear = asAtYear ? Number(asAtYear) : Math.max(...years);
  const [asAtMonth] = monthsIn(report.annexII.asAt);
  return {
    years,
    reportYear,
    reportMonth: asAtMonth ?? reportYear * 12 + 11,
    asAt: report.annexII.asAt,
    text,
  };
}

const yearsIn = (question: string) => [...question.matchAll(YEAR)].map((m) => Number(m[1]));

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_YEAR = new RegExp(`\\b(${MONTHS.join("|")})\\s+((?:19|20)\\d\\d)\\b`, "gi");
/** "June 2017" -> 2017 * 12 + 5, for comparing with the report's "as at" month. */
function monthsIn(text: string): number[] {
  return [...text.matchAll(MONTH_YEAR)].map((m) => Number(m[2]) * 12 + MONTHS.indexOf(m[1]!.toLowerCase()));
}

/** Years and months the question names that fall after the report's "as at" date. */
function afterReport(question: string, context: SupportContext): string[] {
  const months = [...question.matchAll(MONTH_YEAR)].filter((m) => monthsIn(m[0])[0]! > context.reportMonth).map((m) => m[0]);
  const years = yearsIn(question).filter((y) => y > context.reportYear).map(String);
  return [...new Set([...months, ...years])];
}

/** Checks that need no retrieval: years the report does not cover. Returns a refusal reason or null. */
export function refuseBeforeRetrieval(question: string, subject: SubjectWord[], context: SupportContext): string | null {
  const unmentioned = yearsIn(question).filter((y) => !context.years.has(y));
  if (unmentioned.length) return `It reports on events up to ${context.asAt} and says nothing about ${unmentioned.join(" or ")}.`;
  const later = afterReport(question, context);
  if (later.length && PAST_TENSE.test(question)) {
    return `It reports on events up to ${context.asAt}, so it cannot say how things turned out in ${later.join(" or ")}.`;
  }
  const documents = unknownDocuments(question, context.text);
  if (documents.length) return `It does not mention ${documents.join(" or ")}.`;
  const unknownThing = asksForUnknownThing(question, subject);
  if (unknownThing) return `It does not mention “${unknownThing}”.`;
  return null;
}

/** Checks on the best sentence found. Returns a refusal reason or null. */
export function refuseAfterScoring(
  question: string,
  subject: SubjectWord[],
  best: ScoredSentence | undefined,
  sentences: SentenceIndex,
  context: SupportContext,
): string | null {
  if (!best || best.score <= 0 || best.unitCoverage < MIN_PARAGRAPH_COVERAGE) return "None of its paragraphs addresses this.";
  const unitTerms = new Set((sentences.byUnit.get(best.sentence.unit) ?? []).flatMap((s) => [...s.terms]));
  const missing = namesMissingFrom(question, subject, best, unitTerms, (term) => sentences.unitsWith(term) <= RARE_UNITS);
  if (missing.length) return `What it says nearest to this does not concern ${missing.join(" or ")}.`;
  // A later year must be in the answer, next to what the question is mainly about ("2019" next to "Kidal"):
  // one of its two weightiest words.
  const later = yearsIn(question).filter((y) => y > context.reportYear);
  const main = subject
    .filter((w) => !w.unknown && !/^\d+$/.test(w.word) && !MONTHS.includes(w.word.toLowerCase()))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 2);
  const aboutMain = main.length === 0 || main.some((w) => coveredBy(best.sentence.terms, w));
  if (later.some((y) => !best.sentence.text.includes(String(y))) || (later.length && !aboutMain)) {
    return `It reports on events up to ${context.asAt}; what it says about ${later.join(" and ")} does not cover this.`;
  }
  if (questionKind(question).quantity && !HAS_NUMBER.test(best.sentence.text)) return "It gives no figure for this.";
  return null;
}

// "How many drones does…", "What was the turnout in…": the thing asked about, before the verb.
const ASKED_THING =
  /^\s*(?:how (?:many|much)|what(?:'s|’s| is| was| are| were)(?: the)?)\s+(.+?)(?:\s+(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|in|of|for|at|on|to|from|by|per|since|during|between)\b|\s*[?.!]?\s*$)/i;

/** The words of what the question asks about ("Mali's GDP growth rate"), when its form shows them. */
export function askedThing(question: string): string[] {
  const phrase = ASKED_THING.exec(question)?.[1];
  if (!phrase) return [];
  const words = phrase.split(/\s+/).map((w) => w.replace(/[’']s$/i, "")).filter((w) => /^[\p{L}-]{2,}$/u.test(w));
  // A long run is a clause, not the name of a thing; a trailing measure word ("growth rate") is not the thing.
  if (words.length > MAX_THING_WORDS) return [];
  return MEASURE_WORDS.test(words.at(-1) ?? "") ? words.slice(0, -1) : words;
}

/** The asked-for thing when the report never mentions its head word, nor any synonym of it. */
export function asksForUnknownThing(question: string, subject: SubjectWord[]): string | null {
  const thing = askedThing(question);
  const head = thing.at(-1);
  if (!head) return null;
  const unknown = subject.find((w) => w.word.toLowerCase() === head.toLowerCase())?.unknown ?? false;
  return unknown ? thing.join(" ") : null;
}

const MAX_THING_WORDS = 4;
const MEASURE_WORDS = /^(?:rate|rates|level|levels|number|figure|amount|size|total|share|percentage|cost|costs|value)$/i;

// "resolution 2364", "S/2017/600": documents the question names must be ones the report mentions.
const DOCUMENT_REF = /\b(?:resolution|res\.)\s+(\d{3,4})\b|\b(S\/\d{4}\/\d+)\b/gi;

/** Resolutions and documents the question cites that the report never mentions. */
export function unknownDocuments(question: string, reportText: string): string[] {
  return [...question.matchAll(DOCUMENT_REF)]
    .filter((m) => (m[1] ? !new RegExp(`\\b${m[1]}\\b`).test(reportText) : !reportText.includes(m[2]!)))
    .map((m) => m[0]);
}

/**
 * Rare names in the question (places, countries, people: capitalised, in at most a few units) that the
 * best unit does not mention: the nearest text is about something else.
 */
export function namesMissingFrom(
  question: string,
  subject: SubjectWord[],
  best: ScoredSentence,
  unitTerms: Set<string>,
  isRare: (term: string) => boolean,
): string[] {
  const names = [...question.slice(1).matchAll(/\b\p{Lu}[\p{L}’'-]+/gu)].map((m) => m[0]);
  return subject
    .filter((w) => !w.unknown && names.includes(w.word) && isRare(w.stem))
    .filter((w) => !coveredBy(unitTerms, w) && !coveredBy(best.sentence.terms, w))
    .map((w) => w.word);
}
