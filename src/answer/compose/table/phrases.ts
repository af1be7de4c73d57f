// English phrases for Annex II selections and lists.
import type { Sex } from "../../../report/schema.js";
import type { Selector } from "../../../tools/annex-ii-selection.js";
import { formatNumber } from "../../../tools/format.js";
import type { Component } from "../../../tools/types.js";

const NOUN: Record<Component, string> = {
  military: "military personnel",
  individualPolice: "individual police officers",
  formedPoliceUnits: "formed police unit personnel",
  totalPolice: "police personnel",
  uniformed: "uniformed personnel",
};

export function groupNoun(component: Component, sex: Sex): string {
  const adjective = sex === "women" ? "female " : sex === "men" ? "male " : "";
  return `${adjective}${NOUN[component]}`;
}

export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Chad", "Chad and Niger", or "the Mission as a whole". */
export function whoLabel(selector: Selector): string {
  return selector.countries && selector.countries.length > 0 ? listOf(selector.countries) : "the Mission as a whole";
}

export function describeSelector(selector: Selector): string {
  const noun = groupNoun(selector.component, selector.sex);
  return selector.countries && selector.countries.length > 0 ? `${noun} from ${listOf(selector.countries)}` : `${noun} in the Mission`;
}

export function count(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

export const POLICE_NOTE =
  "“Police” is read as total police (individual police officers plus formed police units).";
export const ANNEX_II_MARK = "(Annex II)";
export const ANNEX_I_MARK = "(Annex I)";
