// Annex I: counting and listing indicators by state of implementation; looking one up by id.
import type { ImplementationStatus, Indicator, StructuredReport } from "../report/schema.js";
import { NumericToolError } from "./errors.js";
import type { AnnexIProvenance, NumericResult } from "./types.js";

/** "none" selects indicators for which the annex gives no state of implementation. */
export type StatusFilter = ImplementationStatus | "none";

export interface IndicatorScope {
  area?: string;
  objective?: string;
}

export function indicatorProvenance(indicator: Indicator): AnnexIProvenance {
  return { source: "Annex I", indicator: indicator.id, objective: indicator.objective, area: indicator.area, status: [...indicator.status] };
}

export function statusText(indicator: Indicator): string {
  return indicator.status.length === 0 ? "no status given" : indicator.status.join(" + ");
}

function scopeLabel(report: StructuredReport, scope: IndicatorScope): string {
  if (scope.objective !== undefined) return `objective ${scope.objective}`;
  if (scope.area !== undefined) {
    const area = report.annexI.areas.find((a) => a.id === scope.area);
    return `area ${scope.area}${area ? ` (${area.title})` : ""}`;
  }
  return "all of Annex I";
}

export function indicatorsInScope(report: StructuredReport, scope: IndicatorScope): Indicator[] {
  const { indicators, areas, objectives } = report.annexI;
  if (scope.area !== undefined && !areas.some((a) => a.id === scope.area) && !indicators.some((i) => i.area === scope.area)) {
    throw new NumericToolError("UNKNOWN_AREA", `Annex I has no area ${scope.area}.`);
  }
  if (scope.objective !== undefined && !objectives.some((o) => o.id === scope.objective) && !indicators.some((i) => i.objective === scope.objective)) {
    throw new NumericToolError("UNKNOWN_OBJECTIVE", `Annex I has no objective ${scope.objective}.`);
  }
  return indicators.filter(
    (i) => (scope.area === undefined || i.area === scope.area) && (scope.objective === undefined || i.objective === scope.objective),
  );
}

function matches(indicator: Indicator, status: StatusFilter): boolean {
  return status === "none" ? indicator.status.length === 0 : indicator.status.includes(status);
}

/** Counts (and lists) indicators with a given status; without a status, counts all indicators in scope. */
export function countIndicators(report: StructuredReport, input: IndicatorScope & { status?: StatusFilter }): NumericResult {
  const inScope = indicatorsInScope(report, input);
  const selected = input.status === undefined ? inScope : inScope.filter((i) => matches(i, input.status!));
  const ids = selected.map((i) => i.id);
  const where = scopeLabel(report, input);
  const what = input.status === undefined ? "indicators" : `indicators with status "${input.status === "none" ? "no status given" : input.status}"`;
  const notes: string[] = [];
  const dual = (input.status === undefined ? inScope : selected).filter((i) => i.status.length > 1);
  if (dual.length > 0) {
    notes.push(
      `${dual.map((i) => `${i.id} (${i.status.join(" + ")})`).join(", ")} ${dual.length === 1 ? "has" : "have"} two statuses and count${dual.length === 1 ? "s" : ""} under both.`,
    );
  }
  const none = inScope.filter((i) => i.status.length === 0);
  if (none.length > 0 && input.status === undefined) notes.push(`${none.map((i) => i.id).join(", ")}: no status given in the annex (counted as "no status given").`);
  if (input.status === undefined) {
    const breakdown = (["Implemented", "Ongoing", "Not implemented", "none"] as const).map(
      (s) => `${s === "none" ? "no status given" : s} ${inScope.filter((i) => matches(i, s)).length}`,
    );
    notes.push(`Breakdown: ${breakdown.join(", ")}.`);
  }
  return {
    value: selected.length,
    unit: "indicators",
    formula: `Annex I ${what} in ${where}: ${ids.length === 0 ? "none" : ids.join(", ")} = ${ids.length}`,
    operands: selected.map(indicatorProvenance),
    warnings: [],
    rows: ids,
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

/** Looks an indicator up by id; the value is 1 (one indicator found), the status is in the note and operand. */
export function lookupIndicator(report: StructuredReport, input: { id: string }): NumericResult {
  const indicator = report.annexI.indicators.find((i) => i.id === input.id.trim());
  if (!indicator) throw new NumericToolError("UNKNOWN_INDICATOR", `Annex I has no indicator ${input.id}.`);
  const dual = indicator.status.length > 1 ? " It has two statuses and counts under both." : "";
  return {
    value: 1,
    unit: "indicators",
    formula: `Annex I indicator ${indicator.id}: ${statusText(indicator)}`,
    operands: [indicatorProvenance(indicator)],
    warnings: [],
    rows: [indicator.id],
    note: `State of implementation: ${statusText(indicator)}.${dual}${indicator.deadline ? ` Deadline: ${indicator.deadline}.` : ""}`,
  };
}
