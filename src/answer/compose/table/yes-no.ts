// Yes/no questions about the women and men of one Annex II cell: "Is Czechia's single soldier a
// woman?", "Do women outnumber men among Togo's police?", "Are all of Niger's police men?". The answer
// says yes or no and states the figures it rests on.
import type { Sex, StructuredReport } from "../../../report/schema.js";
import { readSelection, type Selector } from "../../../tools/annex-ii-selection.js";
import { formatNumber } from "../../../tools/format.js";
import type { NumericOperation } from "../../../tools/numeric-input.js";
import type { FramePart, TableQuery } from "../../understand/frame.js";
import type { ComposedAnswer } from "../composed.js";
import { singleComponent } from "./annex-ii-operation.js";
import { toolTrace, runTool } from "./compose-table.js";
import { ANNEX_II_MARK, groupNoun } from "./phrases.js";

const MORE = /\b(?:outnumber\w*|more|exceed\w*|greater|larger|bigger)\b/i;
const FEWER = /\b(?:fewer|less|smaller)\b/i;
const MAJORITY = /\b(?:most|majority|mostly|mainly|predominantly)\b/i;
const ALL = /\b(?:all|only|entirely|exclusively|solely)\b/i;
const other = (sex: Sex): Sex => (sex === "women" ? "men" : "women");

export function yesNoAnnexII(part: FramePart, t: TableQuery, report: StructuredReport): ComposedAnswer | null {
  const sexes = [...new Set(t.sexes)];
  if (sexes.length === 0 || t.countries.length > 1) return null;
  const country = t.countries[0]?.row ?? undefined;
  const component = t.components.length ? singleComponent(t.components) : "uniformed";
  const first = sexes[0]!;
  const second = sexes[1] ?? other(first);
  const pick = (sex: Sex, women: number, men: number) => (sex === "women" ? women : men);
  const q = part.question;
  let verdict: (women: number, men: number) => boolean;
  if (sexes.length === 2 && FEWER.test(q)) verdict = (w, m) => pick(first, w, m) < pick(second, w, m);
  else if ((sexes.length === 2 && MORE.test(q)) || MAJORITY.test(q)) verdict = (w, m) => pick(first, w, m) > pick(second, w, m);
  else if (ALL.test(q)) verdict = (w, m) => pick(first, w, m) > 0 && pick(other(first), w, m) === 0;
  else verdict = (w, m) => pick(first, w, m) > 0;
  const countries = country ? [country] : undefined;
  const sel = (sex: Sex): Selector => (countries ? { component, sex, countries } : { component, sex });
  const op: NumericOperation = { operation: "difference", a: sel("women"), b: sel("men") };
  const r = runTool(op, report);
  if (!r) return null;
  const women = readSelection(report, sel("women")).value;
  const men = readSelection(report, sel("men")).value;
  const total = readSelection(report, sel("total")).value;
  const when = report.annexII.asAt ? ` as at ${report.annexII.asAt}` : "";
  const who = country ? `${country} contributes` : "The Mission has";
  const split = `${formatNumber(women)} ${women === 1 ? "woman" : "women"} and ${formatNumber(men)} ${men === 1 ? "man" : "men"}`;
  const answer = `${verdict(women, men) ? "Yes" : "No"} — ${who} ${formatNumber(total)} ${groupNoun(component, "total")}${when}: ${split} ${ANNEX_II_MARK}.`;
  return { answer, answered: true, citations: [{ ref: "Annex II", annex: "II", rows: r.rows ?? [] }], tool: toolTrace(op, r) };
}
