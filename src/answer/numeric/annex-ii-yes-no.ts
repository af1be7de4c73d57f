// Yes/no questions about one Annex II cell split by sex: "Is Czechia's single soldier a woman?",
// "Among Togo's individual police officers, do women outnumber men?", "Are all of Niger's police men?".
// The answer says yes or no and states the figures it rests on (women and men of that cell).
import type { Sex, StructuredReport } from "../../report/schema.js";
import type { Selector } from "../../tools/annex-ii-selection.js";
import { readSelection } from "../../tools/annex-ii-selection.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import type { Component } from "../../tools/types.js";
import { formatNumber } from "../../tools/format.js";
import { isNotStrengthQuestion, readSlots } from "./annex-ii-question.js";
import { ANNEX_II_MARK, groupNoun } from "./phrases.js";

/** A yes/no clause: the question (or a clause after a comma) opens with an auxiliary verb. */
const YES_NO = /(?:^|[,;:]\s*)(?:is|are|was|were|does|do|did|has|have|had)\s/;
const MORE = /\b(?:outnumber\w*|more|exceed\w*|greater|larger|bigger)\b/;
const FEWER = /\b(?:fewer|less|smaller)\b/;
const MAJORITY = /\b(?:most|majority|mostly|mainly|predominantly)\b/;
const ALL = /\b(?:all|only|entirely|exclusively|solely)\b/;

export function isYesNoQuestion(question: string): boolean {
  return YES_NO.test(question.trim().toLowerCase());
}

export type YesNoParse =
  | { kind: "answer"; op: NumericOperation; verdict: (women: number, men: number) => boolean; country: string | undefined; component: Component }
  | { kind: "notListed"; country: string };

/** The one component asked about; several (military and police) → all uniformed personnel. */
function componentOf(components: readonly { component: Component }[]): Component {
  const set = new Set(components.map((c) => c.component));
  if (set.size === 1) return [...set][0]!;
  return set.size === 0 || set.has("military") || set.has("uniformed") ? "uniformed" : "totalPolice";
}

const other = (sex: Sex): Sex => (sex === "women" ? "men" : "women");

/**
 * A yes/no question about the women and men of one country's component (or of the Mission's), or null.
 * The verdict compares the two figures as the wording asks: "do women outnumber men" (women > men), "are
 * most … women" (women > men), "are all … women" (no men), otherwise "is … a woman / any women" (women > 0).
 */
export function parseYesNoAnnexII(question: string, report: StructuredReport): YesNoParse | null {
  if (!isYesNoQuestion(question)) return null;
  const s = readSlots(question, report);
  if (isNotStrengthQuestion(s.q) || s.countries.length > 1) return null;
  const sexes = [...new Set(s.sexes.map((x) => x.sex))].filter((x): x is "women" | "men" => x === "women" || x === "men");
  if (sexes.length === 0) return null;
  if (s.components.length === 0 && s.countries.length === 0) return null;
  const country = s.countries[0];
  if (country && !country.listed) return { kind: "notListed", country: country.name };
  const component = componentOf(s.components);
  const first = sexes[0]!;
  const second = sexes[1] ?? other(first);
  const pick = (sex: Sex, women: number, men: number) => (sex === "women" ? women : men);
  let verdict: (women: number, men: number) => boolean;
  if (sexes.length === 2 && FEWER.test(s.q)) verdict = (w, m) => pick(first, w, m) < pick(second, w, m);
  else if ((sexes.length === 2 && MORE.test(s.q)) || MAJORITY.test(s.q)) verdict = (w, m) => pick(first, w, m) > pick(second, w, m);
  else if (ALL.test(s.q)) verdict = (w, m) => pick(first, w, m) > 0 && pick(other(first), w, m) === 0;
  else verdict = (w, m) => pick(first, w, m) > 0;
  const countries = country ? [country.name] : undefined;
  const sel = (sex: Sex): Selector => (countries ? { component, sex, countries } : { component, sex });
  return { kind: "answer", op: { operation: "difference", a: sel("women"), b: sel("men") }, verdict, country: country?.name, component };
}

/** "Yes — Czechia contributes 1 military personnel as at 20 May 2017: 1 woman and 0 men (Annex II)." */
export function writeYesNoAnswer(parse: Extract<YesNoParse, { kind: "answer" }>, report: StructuredReport): string {
  const selector: Selector = parse.country ? { component: parse.component, sex: "total", countries: [parse.country] } : { component: parse.component, sex: "total" };
  const women = readSelection(report, { ...selector, sex: "women" }).value;
  const men = readSelection(report, { ...selector, sex: "men" }).value;
  const total = readSelection(report, selector).value;
  const when = report.annexII.asAt ? ` as at ${report.annexII.asAt}` : "";
  const noun = groupNoun(parse.component, "total");
  const who = parse.country ? `${parse.country} contributes` : "The Mission has";
  const split = `${formatNumber(women)} ${women === 1 ? "woman" : "women"} and ${formatNumber(men)} ${men === 1 ? "man" : "men"}`;
  return `${parse.verdict(women, men) ? "Yes" : "No"} — ${who} ${formatNumber(total)} ${noun}${when}: ${split} ${ANNEX_II_MARK}.`;
}
