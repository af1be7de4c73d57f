// A selection of Annex II cells — the mission total, one country, or a sum over countries — read with provenance.
import type { Sex, StructuredReport } from "../report/schema.js";
import { assertComponent, assertSex, findRow, readCell, readTotal, TOTAL_ROW } from "./annex-ii-cells.js";
import { NumericToolError } from "./errors.js";
import type { AnnexIIProvenance, Component } from "./types.js";

export interface Selector {
  component: Component;
  sex: Sex;
  /** Omitted: the mission total (the printed totals row). One name: that row. Several: their sum. */
  countries?: string[];
}

export interface SelectionRead {
  value: number;
  operands: AnnexIIProvenance[];
  /** Rows as printed in Annex II ("Total" for the totals row). */
  rows: string[];
  /** Short description used in formulas, e.g. "Chad + Niger". */
  label: string;
  /** Per-row values, in the order given. */
  parts: { row: string; value: number }[];
}

export const COMPONENT_LABEL: Record<Component, string> = {
  military: "military",
  individualPolice: "individual police officers",
  formedPoliceUnits: "formed police units",
  totalPolice: "total police",
  uniformed: "uniformed (military + total police)",
};

export function selectorLabel(selector: Selector): string {
  const sex = selector.sex === "total" ? "" : `, ${selector.sex}`;
  return `${COMPONENT_LABEL[selector.component]}${sex}`;
}

/** Canonical row names, duplicates removed; throws EMPTY_SET or UNKNOWN_COUNTRY. */
export function resolveCountries(report: StructuredReport, countries: readonly string[]): string[] {
  if (countries.length === 0) throw new NumericToolError("EMPTY_SET", "The set of countries is empty.");
  const names = countries.map((c) => findRow(report, c).country);
  return [...new Set(names)];
}

export function readSelection(report: StructuredReport, selector: Selector): SelectionRead {
  assertComponent(selector.component);
  assertSex(selector.sex);
  if (selector.countries === undefined) {
    const total = readTotal(report, selector.component, selector.sex);
    return { ...total, rows: [TOTAL_ROW], label: "mission total", parts: [{ row: TOTAL_ROW, value: total.value }] };
  }
  const names = resolveCountries(report, selector.countries);
  const cells = names.map((name) => readCell(report, name, selector.component, selector.sex));
  return {
    value: cells.reduce((sum, c) => sum + c.value, 0),
    operands: cells.flatMap((c) => c.operands),
    rows: names,
    label: names.join(" + "),
    parts: cells.map((c) => ({ row: c.country, value: c.value })),
  };
}
