// Annex II rankings (top/bottom N) and counts of countries meeting conditions.
import type { Sex, StructuredReport } from "../report/schema.js";
import { allCountries, readCell, warningsFor } from "./annex-ii-cells.js";
import { resolveCountries, selectorLabel } from "./annex-ii-selection.js";
import { NumericToolError } from "./errors.js";
import { formatNumber } from "./format.js";
import type { AnnexIIProvenance, Component, NumericResult, RankedRow } from "./types.js";

export interface RankInput {
  component: Component;
  sex: Sex;
  /** "most": largest first; "fewest": smallest first. */
  order: "most" | "fewest";
  /** How many places to list (ties at the last place are all listed). */
  n: number;
  /** Restrict the ranking to these countries; all rows when omitted. */
  countries?: string[];
  /** Countries with 0 in the column are left out unless this is true. */
  includeZero?: boolean;
  /** An ordinal place ("third-largest" = 3): the value and rows are that place's; the ranking lists places 1…position. */
  position?: number;
}

/** The cell's value had the printed (contradicted) figure been used instead; undefined when no warning touches it. */
function withPrinted(report: StructuredReport, cell: { value: number; operands: AnnexIIProvenance[] }): number | undefined {
  let value: number | undefined;
  for (const w of report.warnings) {
    if (cell.operands.some((o) => o.row === w.row && o.group === w.group && o.sex === w.sex)) {
      value = (value ?? cell.value) - w.used + w.printed;
    }
  }
  return value;
}

function candidates(report: StructuredReport, countries: string[] | undefined): string[] {
  return countries === undefined ? allCountries(report) : resolveCountries(report, countries);
}

export function rankCountries(report: StructuredReport, input: RankInput): NumericResult {
  if (!Number.isInteger(input.n) || input.n < 1) {
    throw new NumericToolError("INVALID_ARGUMENT", `n must be a positive whole number, got ${input.n}.`);
  }
  if (input.position !== undefined && (!Number.isInteger(input.position) || input.position < 1)) {
    throw new NumericToolError("INVALID_ARGUMENT", `position must be a positive whole number, got ${input.position}.`);
  }
  if (input.position !== undefined) return rankPosition(report, { ...input, n: Math.max(input.n, input.position) }, input.position);
  const names = candidates(report, input.countries);
  const cells = names.map((name) => readCell(report, name, input.component, input.sex));
  const pool = cells.filter((c) => input.includeZero === true || c.value > 0);
  if (pool.length === 0) {
    throw new NumericToolError("EMPTY_SET", `No country has a non-zero value for ${selectorLabel(input)}.`);
  }
  const sign = input.order === "most" ? -1 : 1;
  pool.sort((a, b) => sign * (a.value - b.value) || names.indexOf(a.country) - names.indexOf(b.country));
  const cutoff = pool[Math.min(input.n, pool.length) - 1]!.value;
  const listed = pool.filter((c) => (input.order === "most" ? c.value >= cutoff : c.value <= cutoff));
  const ranking: RankedRow[] = listed.map((c) => ({ country: c.country, value: c.value }));
  const tieNote =
    listed.length > Math.min(input.n, pool.length)
      ? `${listed.length} countries are listed because of a tie at ${formatNumber(cutoff)}.`
      : undefined;
  const places = ranking.map((r, i) => `${i + 1}. ${r.country} ${formatNumber(r.value)}`).join("; ");
  const zeroNote = input.includeZero === true ? "" : " (countries with 0 left out)";
  return {
    value: ranking[0]!.value,
    unit: "persons",
    formula: `Ranked by ${selectorLabel(input)}, ${input.order === "most" ? "largest" : "smallest"} first${zeroNote}: ${places}`,
    operands: listed.flatMap((c) => c.operands),
    warnings: warningsFor(report, cells.filter((c) => {
      const printed = withPrinted(report, c);
      if (printed === undefined) return false;
      const listedNow = listed.includes(c);
      const listedIfPrinted = input.order === "most" ? printed >= cutoff : printed <= cutoff && (printed > 0 || input.includeZero === true);
      return listedNow || listedIfPrinted;
    }).flatMap((c) => c.operands)),
    rows: ranking.map((r) => r.country),
    ranking,
    ...(tieNote ? { note: tieNote } : {}),
  };
}

/** The country (or tied countries) at one ordinal place; the ranking keeps places 1…position for context. */
function rankPosition(report: StructuredReport, input: RankInput, position: number): NumericResult {
  const { position: _omit, ...plain } = input;
  const top = rankCountries(report, { ...plain, n: position });
  const ranking = top.ranking ?? [];
  // Competition ranking: a place is 1 + the number of countries strictly ahead.
  const placeOf = (i: number) => ranking.findIndex((r) => r.value === ranking[i]!.value) + 1;
  const at = ranking.filter((_, i) => placeOf(i) === position);
  if (at.length === 0) {
    const shared = ranking.find((_, i) => placeOf(i) < position && ranking.filter((r) => r.value === ranking[i]!.value).length > 1);
    const reason = ranking.length < position
      ? `only ${ranking.length} countries have a non-zero value`
      : `place ${position} is shared by a tie at ${formatNumber(shared?.value ?? ranking.at(-1)!.value)}`;
    throw new NumericToolError("EMPTY_SET", `No country is ranked exactly ${position}: ${reason}.`);
  }
  const names = new Set(at.map((r) => r.country));
  return {
    ...top,
    value: at[0]!.value,
    formula: `${top.formula}; place ${position}: ${at.map((r) => `${r.country} ${formatNumber(r.value)}`).join(", ")}`,
    operands: top.operands.filter((o) => o.source === "Annex II" && names.has(o.row)),
    rows: at.map((r) => r.country),
    ...(at.length > 1 ? { note: `${at.length} countries share place ${position} with ${formatNumber(at[0]!.value)}.` } : {}),
  };
}

export type Comparator = "gt" | "gte" | "lt" | "lte" | "eq";
const COMPARATOR_SYMBOL: Record<Comparator, string> = { gt: ">", gte: "≥", lt: "<", lte: "≤", eq: "=" };

export interface CountCondition {
  component: Component;
  sex: Sex;
  comparator: Comparator;
  threshold: number;
}

function holds(value: number, c: CountCondition): boolean {
  switch (c.comparator) {
    case "gt": return value > c.threshold;
    case "gte": return value >= c.threshold;
    case "lt": return value < c.threshold;
    case "lte": return value <= c.threshold;
    case "eq": return value === c.threshold;
  }
}

export function describeCondition(c: CountCondition): string {
  return `${selectorLabel(c)} ${COMPARATOR_SYMBOL[c.comparator]} ${formatNumber(c.threshold)}`;
}

/** Counts countries for which every condition holds. No conditions: every row counts. */
export function countCountries(report: StructuredReport, input: { conditions: CountCondition[]; countries?: string[] }): NumericResult {
  for (const c of input.conditions) {
    if (typeof c.threshold !== "number") throw new NumericToolError("INVALID_ARGUMENT", "A condition's threshold must be a number.");
    if (!Number.isFinite(c.threshold)) throw new NumericToolError("INVALID_ARGUMENT", "A condition's threshold must be a finite number.");
    if (!(c.comparator in COMPARATOR_SYMBOL)) throw new NumericToolError("INVALID_ARGUMENT", `Unknown comparator "${c.comparator}".`);
  }
  const names = candidates(report, input.countries);
  const evaluated: AnnexIIProvenance[] = [];
  const matching: { country: string; operands: AnnexIIProvenance[] }[] = [];
  for (const name of names) {
    const reads = input.conditions.map((c) => ({ c, cell: readCell(report, name, c.component, c.sex) }));
    const operands = reads.flatMap((r) => r.cell.operands);
    // A flagged cell matters only when its printed value would change whether the condition holds.
    for (const r of reads) {
      const printed = withPrinted(report, r.cell);
      if (printed !== undefined && holds(printed, r.c) !== holds(r.cell.value, r.c)) evaluated.push(...r.cell.operands);
    }
    if (reads.every((r) => holds(r.cell.value, r.c))) matching.push({ country: reads[0]?.cell.country ?? name, operands });
  }
  const rows = matching.map((m) => m.country);
  const condition = input.conditions.length === 0 ? "listed in Annex II" : input.conditions.map(describeCondition).join(" and ");
  return {
    value: rows.length,
    unit: "countries",
    formula: `Countries with ${condition}: ${rows.length === 0 ? "none" : rows.join(", ")} = ${rows.length}`,
    operands: matching.flatMap((m) => m.operands),
    warnings: warningsFor(report, evaluated),
    rows,
  };
}
