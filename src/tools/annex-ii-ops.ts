// Annex II arithmetic: cells, sums, shares, differences and ratios, each with formula and provenance.
import type { StructuredReport } from "../report/schema.js";
import { warningsFor } from "./annex-ii-cells.js";
import { readSelection, selectorLabel, type SelectionRead, type Selector } from "./annex-ii-selection.js";
import { NumericToolError } from "./errors.js";
import { formatNumber, formatPercent, roundPercent, roundStated } from "./format.js";
import type { NumericResult } from "./types.js";

function describe(read: SelectionRead): string {
  if (read.parts.length === 1) {
    const part = read.parts[0]!;
    if (read.operands.length === 2) {
      const [a, b] = read.operands;
      return `${part.row} ${formatNumber(part.value)} (military ${formatNumber(a!.value)} + total police ${formatNumber(b!.value)})`;
    }
    return `${part.row} ${formatNumber(part.value)}`;
  }
  return `(${read.parts.map((p) => `${p.row} ${formatNumber(p.value)}`).join(" + ")} = ${formatNumber(read.value)})`;
}

function result(report: StructuredReport, reads: SelectionRead[], value: number, unit: string, formula: string, rounding?: string): NumericResult {
  const operands = reads.flatMap((r) => r.operands);
  const rows = [...new Set(reads.flatMap((r) => r.rows))];
  return { value, unit, formula, operands, warnings: warningsFor(report, operands), rows, ...(rounding ? { rounding } : {}) };
}

/** One selection's value: a cell, the mission total, or a sum over countries. */
export function selectionValue(report: StructuredReport, selector: Selector): NumericResult {
  const read = readSelection(report, selector);
  const formula =
    read.parts.length > 1
      ? `${read.parts.map((p) => `${p.row} ${formatNumber(p.value)}`).join(" + ")} = ${formatNumber(read.value)} (${selectorLabel(selector)})`
      : `${describe(read)} (${selectorLabel(selector)})`;
  return result(report, [read], read.value, "persons", formula);
}

export function cellValue(report: StructuredReport, input: Omit<Selector, "countries"> & { country: string }): NumericResult {
  return selectionValue(report, { component: input.component, sex: input.sex, countries: [input.country] });
}

export function sumCountries(report: StructuredReport, input: Omit<Selector, "countries"> & { countries: string[] }): NumericResult {
  return selectionValue(report, input);
}

export function missionTotal(report: StructuredReport, input: Omit<Selector, "countries">): NumericResult {
  return selectionValue(report, { component: input.component, sex: input.sex });
}

/** part / whole × 100, one decimal. */
export function share(report: StructuredReport, input: { part: Selector; whole: Selector }): NumericResult {
  const part = readSelection(report, input.part);
  const whole = readSelection(report, input.whole);
  if (whole.value === 0) {
    throw new NumericToolError("DIVISION_BY_ZERO", `The whole (${whole.label}, ${selectorLabel(input.whole)}) is 0.`);
  }
  const { value, rounding } = roundPercent((part.value / whole.value) * 100);
  const formula = `${describe(part)} [${selectorLabel(input.part)}] / ${describe(whole)} [${selectorLabel(input.whole)}] × 100 = ${formatPercent(value)}`;
  return result(report, [part, whole], value, "per cent", formula, rounding);
}

/** a − b (negative when b is larger). */
export function difference(report: StructuredReport, input: { a: Selector; b: Selector }): NumericResult {
  const a = readSelection(report, input.a);
  const b = readSelection(report, input.b);
  const value = a.value - b.value;
  const formula = `${describe(a)} [${selectorLabel(input.a)}] − ${describe(b)} [${selectorLabel(input.b)}] = ${formatNumber(value)}`;
  return result(report, [a, b], value, "persons", formula);
}

/** a / b, two decimals. */
export function ratio(report: StructuredReport, input: { a: Selector; b: Selector }): NumericResult {
  const a = readSelection(report, input.a);
  const b = readSelection(report, input.b);
  if (b.value === 0) {
    throw new NumericToolError("DIVISION_BY_ZERO", `The divisor (${b.label}, ${selectorLabel(input.b)}) is 0.`);
  }
  const { value, rounding } = roundStated(a.value / b.value, 2, "Ratio");
  const formula = `${describe(a)} [${selectorLabel(input.a)}] / ${describe(b)} [${selectorLabel(input.b)}] = ${formatNumber(value)}`;
  return result(report, [a, b], value, "ratio", formula, rounding);
}
