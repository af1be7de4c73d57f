// Writes the plain-English answer for an Annex II operation from the tool's result.
import type { StructuredReport } from "../../../report/schema.js";
import { readSelection, type Selector } from "../../../tools/annex-ii-selection.js";
import { describeCondition, type CountCondition } from "../../../tools/annex-ii-rank-count.js";
import { formatNumber } from "../../../tools/format.js";
import type { NumericOperation } from "../../../tools/numeric-input.js";
import type { NumericResult } from "../../../tools/types.js";
import { ANNEX_II_MARK, count, describeSelector, groupNoun, listOf, whoLabel } from "./phrases.js";

function asAt(report: StructuredReport): string {
  return report.annexII.asAt ? ` as at ${report.annexII.asAt}` : "";
}

function pct(result: NumericResult): string {
  return `${formatNumber(result.value, 1)} per cent${result.rounding ? " (rounded to one decimal place)" : ""}`;
}

function conditionPhrase(c: CountCondition): string {
  const noun = groupNoun(c.component, c.sex);
  if (c.comparator === "gt" && c.threshold === 0) return `contribute ${noun}`;
  if (c.comparator === "eq" && c.threshold === 0) return `contribute no ${noun}`;
  const words: Record<string, string> = { gt: "more than", gte: "at least", lt: "fewer than", lte: "at most", eq: "exactly" };
  return `contribute ${words[c.comparator]} ${formatNumber(c.threshold)} ${noun}` || describeCondition(c);
}

/** Describes a pair for difference/ratio: names only the slot that differs. */
function pairNames(a: Selector, b: Selector): { subject: [string, string]; noun: string } {
  const sameCountries = JSON.stringify(a.countries ?? []) === JSON.stringify(b.countries ?? []);
  if (!sameCountries) return { subject: [whoLabel(a), whoLabel(b)], noun: groupNoun(a.component, a.sex) };
  return { subject: [groupNoun(a.component, a.sex), groupNoun(b.component, b.sex)], noun: "" };
}

export function writeAnnexIIAnswer(op: NumericOperation, r: NumericResult, report: StructuredReport): string {
  const when = asAt(report);
  switch (op.operation) {
    case "cell":
    case "missionTotal":
    case "sum": {
      const selector: Selector = op.operation === "cell" ? { ...op, countries: [op.country] } : op.operation === "sum" ? op : { component: op.component, sex: op.sex };
      const noun = groupNoun(op.component, op.sex);
      const who = whoLabel(selector);
      const parts = op.component === "uniformed" && op.operation !== "sum"
        ? ` (${formatNumber(selectionTotal(report, { ...selector, component: "military" }))} military and ${formatNumber(selectionTotal(report, { ...selector, component: "totalPolice" }))} police)`
        : "";
      if (op.operation === "missionTotal") return `The Mission had ${formatNumber(r.value)} ${noun}${parts}${when} ${ANNEX_II_MARK}.`;
      if (op.operation === "sum") {
        const each = r.formula.split(" = ")[0]!.replace(/ \+ /g, "; ");
        return `${who} together contribute ${formatNumber(r.value)} ${noun}${when} (${each}) ${ANNEX_II_MARK}.`;
      }
      if (r.value === 0) return `${who} contributes no ${noun} (0)${when} ${ANNEX_II_MARK}.`;
      return `${who} contributes ${formatNumber(r.value)} ${noun}${parts}${when} ${ANNEX_II_MARK}.`;
    }
    case "rank": {
      const noun = groupNoun(op.component, op.sex);
      const ranking = r.ranking ?? [];
      const scope = op.countries ? ` Of ${listOf(op.countries)},` : "";
      const extreme = op.order === "most" ? "the most" : "the fewest";
      const tie = r.note ? ` ${r.note}` : "";
      const zero = op.order === "fewest" && op.includeZero !== true ? " (among countries that contribute any)" : "";
      if (op.position !== undefined) {
        const at = r.rows ?? [];
        const ahead = ranking.filter((x) => !at.includes(x.country) && (op.order === "most" ? x.value > r.value : x.value < r.value));
        const place = `${ordinalWord(op.position)}-${op.order === "most" ? "largest" : "smallest"}`;
        const verb = at.length > 1 ? "are joint" : "is the";
        const after = ahead.length > 0 ? ` (after ${ahead.map((x) => `${x.country}, ${formatNumber(x.value)}`).join("; ")})` : "";
        return `${scope ? `${scope} ` : ""}${listOf(at)} ${verb} ${place} contributor${at.length > 1 ? "s" : ""} of ${noun}${zero}: ${formatNumber(r.value)}${when}${after} ${ANNEX_II_MARK}.`.trim();
      }
      if (op.n === 1) {
        const names = listOf(ranking.map((x) => x.country));
        const verb = ranking.length > 1 ? "contribute" : "contributes";
        return `${scope ? `${scope} ` : ""}${names} ${verb} ${extreme} ${noun}${zero}: ${formatNumber(r.value)}${when} ${ANNEX_II_MARK}.${tie}`.trim();
      }
      const list = ranking.map((x, i) => `${i + 1}. ${x.country} (${formatNumber(x.value)})`).join("; ");
      const label = op.order === "most" ? `top ${op.n}` : `bottom ${op.n}`;
      return `${scope ? `${scope} the` : "The"} ${label} contributors of ${noun}${zero}${when} are: ${list} ${ANNEX_II_MARK}.${tie}`.trim();
    }
    case "count": {
      const what = op.conditions.length === 0 ? "are listed in Annex II" : listOf(op.conditions.map(conditionPhrase));
      const list = (r.rows ?? []).length > 0 ? `: ${listOf(r.rows ?? [])}` : "";
      return `${count(r.value, "country", "countries")} ${what}${when}${list} ${ANNEX_II_MARK}.`;
    }
    case "share": {
      const part = op.part;
      const whole = op.whole;
      const samePeople = JSON.stringify(part.countries ?? []) === JSON.stringify(whole.countries ?? []) && part.component === whole.component;
      const numbers = `${formatNumber(selectionTotal(report, part))} of ${formatNumber(selectionTotal(report, whole))}`;
      if (samePeople && part.sex !== whole.sex) {
        const sexWord = part.sex === "women" ? "Women" : "Men";
        return `${sexWord} make up ${pct(r)} of ${describeSelector(whole)}${when}: ${numbers} ${ANNEX_II_MARK}.`;
      }
      return `${capitalize(describeSelector(part))} make up ${pct(r)} of ${describeSelector(whole)}${when}: ${numbers} ${ANNEX_II_MARK}.`;
    }
    case "difference":
    case "ratio": {
      const { subject, noun } = pairNames(op.a, op.b);
      const [va, vb] = [selectionTotal(report, op.a), selectionTotal(report, op.b)];
      const nounPart = noun ? ` ${noun}` : "";
      if (op.operation === "ratio") {
        const verb = noun ? (op.a.countries?.length === 1 ? "contributes" : "contribute") : "number";
        return `${capitalize(subject[0])} ${verb} ${formatNumber(r.value)} times as many${nounPart} as ${subject[1]}${r.rounding ? " (rounded to two decimals)" : ""}: ${formatNumber(va)} against ${formatNumber(vb)}${when} ${ANNEX_II_MARK}.`;
      }
      if (r.value === 0) return `${capitalize(subject[0])} and ${subject[1]} are equal: ${formatNumber(va)} each${nounPart ? ` (${noun})` : ""}${when} ${ANNEX_II_MARK}.`;
      const moreFewer = r.value > 0 ? "more" : "fewer";
      const diff = formatNumber(Math.abs(r.value));
      if (noun) return `${capitalize(subject[0])} contribute${op.a.countries?.length === 1 ? "s" : ""} ${diff} ${moreFewer} ${noun} than ${subject[1]}: ${formatNumber(va)} against ${formatNumber(vb)}${when} ${ANNEX_II_MARK}.`;
      const who = op.a.countries && op.a.countries.length > 0 ? ` from ${listOf(op.a.countries)}` : " in the Mission";
      return `There are ${diff} ${moreFewer} ${subject[0]} than ${subject[1]}${who}: ${formatNumber(va)} against ${formatNumber(vb)}${when} ${ANNEX_II_MARK}.`;
    }
    default:
      return r.formula;
  }
}

function ordinalWord(n: number): string {
  const words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
  if (n <= words.length) return words[n - 1]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The value of one selection, read from the same tool function the operation used. */
function selectionTotal(report: StructuredReport, selector: Selector): number {
  return readSelection(report, selector).value;
}
