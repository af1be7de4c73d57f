// Reading Annex II cells with provenance: one country (or the totals row) × component × sex.
import { ANNEX_II_GROUP_HEADINGS, ANNEX_II_GROUPS, ANNEX_II_SEX_HEADINGS, ANNEX_II_SEXES, type AnnexIIGroup, type AnnexIIRow, type Sex, type Strength, type StructuredReport } from "../report/schema.js";
import { NumericToolError } from "./errors.js";
import { fold as foldText } from "../report/fold.js";
import { formatNumber } from "./format.js";
import { COMPONENTS, type AnnexIIProvenance, type Component } from "./types.js";

export const TOTAL_ROW = "Total";


export function columnLabel(group: AnnexIIGroup, sex: Sex): string {
  return `${ANNEX_II_GROUP_HEADINGS[group]} — ${ANNEX_II_SEX_HEADINGS[sex]}`;
}

export function assertComponent(component: string): asserts component is Component {
  if (!(COMPONENTS as readonly string[]).includes(component)) {
    throw new NumericToolError(
      "UNKNOWN_COMPONENT",
      `Unknown component "${component}". Use one of: ${COMPONENTS.join(", ")}.`,
    );
  }
}

export function assertSex(sex: string): asserts sex is Sex {
  if (!(ANNEX_II_SEXES as readonly string[]).includes(sex)) {
    throw new NumericToolError("UNKNOWN_SEX", `Unknown sex "${sex}". Use one of: ${ANNEX_II_SEXES.join(", ")}.`);
  }
}

function foldCountry(name: string): string {
  return foldText(name).replace(/^the /, "");
}

/** Finds a row by its Annex II name (accent-, case- and apostrophe-insensitive). */
export function findRow(report: StructuredReport, country: string): AnnexIIRow {
  const wanted = foldCountry(country);
  const row = report.annexII.rows.find((r) => foldCountry(r.country) === wanted);
  if (!row) {
    throw new NumericToolError("UNKNOWN_COUNTRY", `"${country}" is not a row of Annex II.`);
  }
  return row;
}

export function groupsOf(component: Component): AnnexIIGroup[] {
  return component === "uniformed" ? ["military", "totalPolice"] : [component];
}

export interface CellRead {
  value: number;
  operands: AnnexIIProvenance[];
}

function readStrength(strength: Strength, rowName: string, flagged: boolean, component: Component, sex: Sex): CellRead {
  const operands = groupsOf(component).map(
    (group): AnnexIIProvenance => ({
      source: "Annex II",
      row: rowName,
      column: columnLabel(group, sex),
      group,
      sex,
      value: strength[group][sex],
      flagged,
    }),
  );
  return { value: operands.reduce((sum, o) => sum + o.value, 0), operands };
}

export function readCell(report: StructuredReport, country: string, component: Component, sex: Sex): CellRead & { country: string } {
  assertComponent(component);
  assertSex(sex);
  const row = findRow(report, country);
  const flagged = report.warnings.some((w) => w.row === row.country);
  return { ...readStrength(row, row.country, flagged, component, sex), country: row.country };
}

export function readTotal(report: StructuredReport, component: Component, sex: Sex): CellRead {
  assertComponent(component);
  assertSex(sex);
  const flagged = report.warnings.some((w) => w.row === TOTAL_ROW);
  return readStrength(report.annexII.totals, TOTAL_ROW, flagged, component, sex);
}

/** Every row of Annex II in printed order (the totals row excluded). */
export function allCountries(report: StructuredReport): string[] {
  return report.annexII.rows.map((r) => r.country);
}

/**
 * Warnings from report.warnings that touch any of the given cells, written as
 * "which value was used and why". A cell touches a warning when row, group and sex match.
 */
export function warningsFor(report: StructuredReport, operands: readonly { source: string }[]): string[] {
  const cells = operands.filter((o): o is AnnexIIProvenance => o.source === "Annex II");
  const out: string[] = [];
  for (const w of report.warnings) {
    if (!cells.some((c) => c.row === w.row && c.group === w.group && c.sex === w.sex)) continue;
    const why =
      w.used === w.implied
        ? "the value its own parts add up to, which keeps the row consistent with the totals row"
        : "the printed value";
    const sentence =
      `Annex II prints ${formatNumber(w.printed)} for ${w.row} (${columnLabel(w.group, w.sex)}), ` +
      `but the table's arithmetic implies ${formatNumber(w.implied)}; ${formatNumber(w.used)} was used: ${why}.`;
    if (!out.includes(sentence)) out.push(sentence);
  }
  return out;
}

export { ANNEX_II_GROUPS };
