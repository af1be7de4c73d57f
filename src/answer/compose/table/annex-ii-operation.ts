// The strength-table question as one numeric-tool operation: the frame's countries, components and
// sexes, and its explicit operation (rank, count, share, difference, ratio, sum), else a cell or the
// Mission total.
import type { Sex } from "../../../report/schema.js";
import type { Selector } from "../../../tools/annex-ii-selection.js";
import type { CountCondition } from "../../../tools/annex-ii-rank-count.js";
import type { NumericOperation } from "../../../tools/numeric-input.js";
import type { Component } from "../../../tools/types.js";
import type { FramePart, TableQuery } from "../../understand/frame.js";

const SUBSET: Record<Component, Component[]> = {
  individualPolice: ["totalPolice", "uniformed"],
  formedPoliceUnits: ["totalPolice", "uniformed"],
  totalPolice: ["uniformed"],
  military: ["uniformed"],
  uniformed: [],
};

/** The one component a selector uses when the question names several (military + police → uniformed). */
export function singleComponent(components: readonly Component[]): Component {
  const set = new Set(components);
  if (set.size === 0) return "uniformed";
  if (set.size === 1) return [...set][0]!;
  if (set.has("uniformed") || set.has("military")) return "uniformed";
  return "totalPolice";
}

/** Two different components where one contains the other: [part, whole]. */
function nested(components: readonly Component[]): [Component, Component] | null {
  const distinct = [...new Set(components)];
  if (distinct.length !== 2) return null;
  const [a, b] = distinct as [Component, Component];
  if (SUBSET[a].includes(b)) return [a, b];
  if (SUBSET[b].includes(a)) return [b, a];
  return null;
}

const sel = (component: Component, sex: Sex, countries?: string[]): Selector => (countries && countries.length ? { component, sex, countries } : { component, sex });

function shareOp(t: TableQuery, names: string[]): NumericOperation | null {
  const pair = nested(t.components);
  const countries = names.length ? names : undefined;
  const partSex = t.sexes[0];
  if (pair) return { operation: "share", part: sel(pair[0], partSex ?? "total", countries), whole: sel(pair[1], partSex ?? "total", countries) };
  const component = singleComponent(t.components);
  if (partSex) return { operation: "share", part: sel(component, partSex, countries), whole: sel(component, "total", countries) };
  if (countries) return { operation: "share", part: sel(component, "total", countries), whole: sel(component, "total") };
  return null;
}

/** Two selectors for "how many more / ratio / compare": the slot that has two values differs. */
function pairOf(t: TableQuery, names: string[]): [Selector, Selector] | null {
  const sex = t.sexes.length === 1 ? t.sexes[0]! : "total";
  if (names.length === 2) return [sel(singleComponent(t.components), sex, [names[0]!]), sel(singleComponent(t.components), sex, [names[1]!])];
  const distinct = [...new Set(t.components)];
  if (distinct.length === 2) return [sel(distinct[0]!, sex, names), sel(distinct[1]!, sex, names)];
  const sexes = [...new Set(t.sexes)];
  if (sexes.length === 2) return [sel(singleComponent(t.components), sexes[0]!, names), sel(singleComponent(t.components), sexes[1]!, names)];
  return null;
}

function countOp(t: TableQuery, listedOnly: boolean): NumericOperation {
  const sex = t.sexes[0] ?? "total";
  const conditions: CountCondition[] = [];
  const seen = new Set<Component>();
  for (const c of t.components) {
    if (seen.has(c)) continue;
    seen.add(c);
    conditions.push({ component: c, sex, comparator: t.negated.includes(c) ? "eq" : "gt", threshold: 0 });
    if (t.only.includes(c) && (c === "military" || c === "totalPolice")) {
      const other: Component = c === "military" ? "totalPolice" : "military";
      if (!seen.has(other)) conditions.push({ component: other, sex: "total", comparator: "eq", threshold: 0 });
      seen.add(other);
    }
  }
  if (listedOnly && conditions.length === 0 && !t.threshold && t.sexes.length === 0) return { operation: "count", conditions: [] };
  if (conditions.length === 0) conditions.push({ component: "uniformed", sex, comparator: "gt", threshold: 0 });
  if (t.threshold) {
    const first = conditions.find((c) => c.comparator !== "eq") ?? conditions[0]!;
    first.comparator = t.threshold.comparator;
    first.threshold = t.threshold.value;
  }
  return { operation: "count", conditions };
}

const TABLE_ANSWER_TYPES = new Set<FramePart["answerType"]>(["number", "yesno", "list", "description"]);

/** Null when the frame asks nothing the tool can compute from the strength table. */
export function annexIIOperation(part: FramePart, t: TableQuery): NumericOperation | null {
  const names = t.countries.filter((c) => c.row !== null).map((c) => c.row!);
  const sex: Sex = t.sexes.length === 1 ? t.sexes[0]! : "total";
  const component = singleComponent(t.components);
  const op = part.operation;
  const contributing = /\b(?:contribut\w*|sen[dt]\w*|provid\w*|deploy\w*|hav(?:e|ing))\b/i.test(part.question);
  switch (op?.kind) {
    case "share":
      return shareOp(t, names);
    case "count":
      return countOp(t, !contributing && /\b(?:listed|appear\w*|included|named|shown|in (?:the )?(?:\w+ )?table|in annex)\b/i.test(part.question));
    case "rank":
      return { operation: "rank", component, sex, order: op.order ?? "most", n: op.n ?? 1, ...(op.position ? { position: op.position } : {}), ...(names.length >= 2 ? { countries: names } : {}) };
    case "ratio": {
      const pair = pairOf(t, names);
      return pair ? { operation: "ratio", a: pair[0], b: pair[1] } : null;
    }
    case "difference": {
      const pair = pairOf(t, names);
      return pair ? { operation: "difference", a: pair[0], b: pair[1] } : null;
    }
    default:
      break;
  }
  if (names.length === 0 && t.wantsList && /\b(?:countries|nations|contributors|which country)\b/i.test(part.question)) return countOp(t, false);
  if (names.length >= 2 && /\bwhich\b/i.test(part.question) && /\b(?:more|most|larger|largest|bigger|biggest|fewer|fewest|less|smaller|smallest)\b/i.test(part.question)) {
    const fewest = /\b(?:fewer|fewest|less|smaller|smallest)\b/i.test(part.question);
    return { operation: "rank", component, sex, order: fewest ? "fewest" : "most", n: 1, countries: names };
  }
  // Without an explicit operation the table gives counts: no answer to "how are they doing?" or "why?".
  if (!TABLE_ANSWER_TYPES.has(part.answerType)) return null;
  if (names.length >= 2) {
    const pair = /\b(?:more|fewer|less|compare\w*|versus|vs\.?)\b/i.test(part.question) ? pairOf(t, names) : null;
    return pair ? { operation: "difference", a: pair[0], b: pair[1] } : { operation: "sum", countries: names, component, sex };
  }
  if (names.length === 1) return { operation: "cell", country: names[0]!, component, sex };
  if (t.components.length > 0 || t.sexes.length > 0) return { operation: "missionTotal", component, sex };
  return null;
}
