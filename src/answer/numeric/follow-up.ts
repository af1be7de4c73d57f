// Follow-ups ("What about Ghana?", "And women?", "And the police?"): re-run the previous
// operation with the slots the new question changes.
import type { Sex, StructuredReport } from "../../report/schema.js";
import type { Selector } from "../../tools/annex-ii-selection.js";
import { NumericOperationSchema, type NumericOperation } from "../../tools/numeric-input.js";
import type { Component } from "../../tools/types.js";
import type { ToolTrace } from "../contract.js";
import { findScope, findStatus } from "./annex-i-question.js";
import type { Slots } from "./annex-ii-question.js";

const FOLLOW_UP = /^\s*(?:and|but|also|what about|how about|and what about|what of|same for|same question for|now|ok(?:ay)?,? (?:and|what about))\b/i;
/** Words that point back at the previous answer: "how many of them", "which one is it", "those countries". */
const ANAPHORA = /\b(?:of (?:them|those|these)|among (?:them|those|these)|which (?:one|ones)|that one|(?:is|are|was|were) (?:it|they|those|these)|those|these|them|they)\b/i;

/** The question points back at the previous answer ("of them", "which one", "they"). */
export function refersBack(question: string): boolean {
  return ANAPHORA.test(question);
}

/** The countries the previous Annex II operation was about, if any. */
export function previousCountries(op: NumericOperation): string[] {
  switch (op.operation) {
    case "cell":
      return [op.country];
    case "sum":
      return op.countries;
    case "share":
      return op.part.countries ?? [];
    case "difference":
    case "ratio":
      return [...(op.a.countries ?? []), ...(op.b.countries ?? [])];
    default:
      return [];
  }
}

export function looksLikeFollowUp(question: string): boolean {
  return FOLLOW_UP.test(question) || ANAPHORA.test(question) || question.trim().split(/\s+/).length <= 3;
}

/** "Which one is it?", "Which ones?", "List them": asks to name what the previous answer counted. */
export function asksWhichOnes(q: string): boolean {
  return /\b(?:which (?:one|ones|are they|is it|indicators?|benchmarks?)|what (?:is|are) (?:it|they)|list (?:them|it)|name (?:them|it)|what does it say)\b/i.test(q);
}

/** The component and sex of the previous Annex II operation's main selection, for a follow-up that names neither. */
export function previousSelection(op: NumericOperation): { component: Component; sex: Sex } | null {
  switch (op.operation) {
    case "cell":
    case "sum":
    case "missionTotal":
    case "rank":
      return { component: op.component, sex: op.sex };
    case "count": {
      const first = op.conditions.find((c) => c.comparator !== "eq") ?? op.conditions[0];
      return first ? { component: first.component, sex: first.sex } : null;
    }
    case "share":
      return { component: op.part.component, sex: op.part.sex === op.whole.sex ? op.part.sex : "total" };
    case "difference":
    case "ratio":
      return op.a.component === op.b.component ? { component: op.a.component, sex: op.a.sex === op.b.sex ? op.a.sex : "total" } : null;
    default:
      return null;
  }
}

/** Gives an operation whose question named no component (or sex) the previous one's. */
export function inheritSelection(op: NumericOperation, from: { component: Component; sex: Sex }, keep: { component: boolean; sex: boolean }): NumericOperation {
  const pick = <T extends { component: Component; sex: Sex }>(x: T): T => ({
    ...x,
    component: keep.component ? x.component : from.component,
    sex: keep.sex ? x.sex : from.sex,
  });
  switch (op.operation) {
    case "cell":
    case "sum":
    case "missionTotal":
    case "rank":
      return pick(op);
    case "count":
      return op.conditions.length === 1 ? { ...op, conditions: [pick(op.conditions[0]!)] } : op;
    default:
      return op;
  }
}

/** The previous operation, when the trace came from this tool and is still valid input. */
export function previousOperation(previous: ToolTrace | undefined, toolName: string): NumericOperation | null {
  if (!previous || previous.name !== toolName) return null;
  const parsed = NumericOperationSchema.safeParse(previous.input);
  return parsed.success ? parsed.data : null;
}

export interface Changes {
  countries?: string[];
  component?: Component;
  sex?: Sex;
  order?: "most" | "fewest";
}

export function changesFrom(s: Slots): Changes {
  const components = [...new Set(s.components.map((c) => c.component))];
  const sex = s.sexes[0]?.sex ?? (/\b(?:overall|in total|all|both sexes|everyone)\b/.test(s.q) ? "total" : undefined);
  const order = /\b(?:fewest|smallest|least|lowest|bottom)\b/.test(s.q) ? "fewest" : /\b(?:most|largest|biggest|highest|top)\b/.test(s.q) ? "most" : undefined;
  return {
    ...(s.countries.length > 0 ? { countries: s.countries.map((c) => c.name) } : {}),
    ...(components.length === 1 ? { component: components[0]! } : {}),
    ...(sex ? { sex } : {}),
    ...(order ? { order } : {}),
  };
}

function changeSelector(selector: Selector, c: Changes, options: { countries: boolean; sex: boolean }): Selector {
  const countries = options.countries && c.countries ? c.countries : selector.countries;
  return {
    component: c.component ?? selector.component,
    sex: options.sex && c.sex ? c.sex : selector.sex,
    ...(countries ? { countries } : {}),
  };
}

/** Applies the changed slots to the previous Annex II operation; null when nothing applies. */
export function applyAnnexIIChanges(op: NumericOperation, c: Changes): NumericOperation | null {
  if (!c.countries && !c.component && !c.sex && !c.order) return null;
  switch (op.operation) {
    case "cell":
    case "sum":
    case "missionTotal": {
      const countries = c.countries ?? (op.operation === "cell" ? [op.country] : op.operation === "sum" ? op.countries : undefined);
      const component = c.component ?? op.component;
      const sex = c.sex ?? op.sex;
      if (!countries) return { operation: "missionTotal", component, sex };
      return countries.length === 1 ? { operation: "cell", country: countries[0]!, component, sex } : { operation: "sum", countries, component, sex };
    }
    case "rank":
      return { ...op, component: c.component ?? op.component, sex: c.sex ?? op.sex, order: c.order ?? op.order, ...(c.countries && c.countries.length >= 2 ? { countries: c.countries } : {}) };
    case "count": {
      if (op.conditions.length === 0) return null;
      const [first, ...rest] = op.conditions;
      const sexed = (x: typeof first) => ({ ...x!, sex: c.sex ?? x!.sex });
      return { ...op, conditions: [{ ...sexed(first), component: c.component ?? first!.component }, ...rest.map(sexed)] };
    }
    case "share": {
      const sameCountries = JSON.stringify(op.part.countries ?? []) === JSON.stringify(op.whole.countries ?? []);
      const sexSplit = op.part.sex !== op.whole.sex;
      // In "share of police in formed units" the components are the question itself: keep them.
      const partChanges: Changes = op.part.component !== op.whole.component ? { ...c, component: undefined } : c;
      return {
        operation: "share",
        part: changeSelector(op.part, partChanges, { countries: true, sex: true }),
        whole: changeSelector(op.whole, partChanges, { countries: sameCountries, sex: !sexSplit }),
      };
    }
    case "difference":
    case "ratio": {
      const countries = c.countries;
      const a = changeSelector(op.a, { ...c, ...(countries && countries.length >= 2 ? { countries: [countries[0]!] } : {}) }, { countries: !!countries && countries.length >= 2, sex: true });
      const b = changeSelector(op.b, { ...c, ...(countries ? { countries: [countries.at(-1)!] } : {}) }, { countries: !!countries, sex: true });
      return { ...op, a, b };
    }
    default:
      return null;
  }
}

export function applyAnnexIChanges(op: NumericOperation, q: string, report: StructuredReport): NumericOperation | null {
  if (op.operation !== "indicatorCount") return null;
  const status = findStatus(q);
  const scope = findScope(q, report);
  if (status === undefined && scope.area === undefined && scope.objective === undefined) return null;
  const base = { operation: "indicatorCount" as const, ...(status ?? op.status ? { status: status ?? op.status } : {}) };
  if (scope.area || scope.objective) return { ...base, ...scope };
  return { ...base, ...(op.area ? { area: op.area } : {}), ...(op.objective ? { objective: op.objective } : {}) };
}
