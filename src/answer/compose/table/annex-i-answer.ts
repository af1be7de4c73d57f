// Writes the plain-English answer for an Annex I count, list or lookup.
import type { StructuredReport } from "../../../report/schema.js";
import { statusText } from "../../../tools/annex-i-ops.js";
import type { NumericOperation } from "../../../tools/numeric-input.js";
import type { NumericResult } from "../../../tools/types.js";
import { ANNEX_I_MARK, count, listOf } from "./phrases.js";

function scopeText(op: { area?: string; objective?: string }, report: StructuredReport): string {
  if (op.objective) return ` under objective ${op.objective}`;
  if (op.area) {
    const area = report.annexI.areas.find((a) => a.id === op.area);
    return ` in area ${op.area}${area ? ` (${area.title})` : ""}`;
  }
  return "";
}

function statusPhrase(status: string | undefined): string {
  if (status === undefined) return "";
  if (status === "none") return " have no state of implementation given";
  return ` are ${status === "Implemented" ? "implemented" : status === "Ongoing" ? "ongoing" : "not implemented"}`;
}

export function writeAnnexIAnswer(op: NumericOperation, r: NumericResult, report: StructuredReport, wantsList: boolean): string {
  if (op.operation === "indicatorLookup") {
    const indicator = report.annexI.indicators.find((i) => i.id === op.id)!;
    const status =
      indicator.status.length === 0
        ? "Annex I gives no state of implementation for it"
        : indicator.status.length > 1
          ? `its state of implementation is given as both ${listOf(indicator.status)}`
          : `its state of implementation is ${indicator.status[0]}`;
    const deadline = indicator.deadline ? ` Deadline: ${indicator.deadline}.` : "";
    const comments = indicator.comments.trim() ? ` Comments: ${indicator.comments.trim()}` : "";
    const text = indicator.text.trim().replace(/\s+/g, " ");
    return `Indicator ${indicator.id} (“${text}”): ${status} ${ANNEX_I_MARK}.${deadline}${comments}`.trim();
  }
  if (op.operation !== "indicatorCount") return r.formula;
  const total = report.annexI.indicators.length;
  const scope = scopeText(op, report);
  const ids = r.rows ?? [];
  const head =
    op.status === undefined
      ? `Annex I lists ${count(r.value, "progress indicator", "progress indicators")}${scope}`
      : `${count(r.value, "indicator", "indicators")}${scope}${statusPhrase(op.status)}${scope ? "" : ` (of ${total} in Annex I)`}`;
  const list = ids.length > 0 && (wantsList || ids.length <= 12) ? `: ${listOf(named(ids, report))}` : "";
  const note = r.note ? ` ${r.note}` : "";
  const oneVerb = r.value === 1 && op.status !== undefined ? head.replace(/ are /, " is ").replace(/ have no /, " has no ") : head;
  return `${oneVerb}${list} ${ANNEX_I_MARK}.${note}`.replace(/\s+/g, " ").trim();
}

/** "How many … are there, and how many are implemented?": the total in scope, then the status count. */
export function writeAnnexITotalAndStatus(op: NumericOperation, total: NumericResult, r: NumericResult, report: StructuredReport): string {
  if (op.operation !== "indicatorCount" || op.status === undefined) return writeAnnexIAnswer(op, r, report, true);
  const scope = scopeText(op, report);
  const ids = r.rows ?? [];
  const one = r.value === 1;
  const status = op.status === "none" ? `${one ? "has" : "have"} no state of implementation given` : `${one ? "is" : "are"}${statusPhrase(op.status).replace(/^ are/, "")}`;
  const list = ids.length > 0 ? `: ${listOf(named(ids, report))}` : "";
  const note = r.note ? ` ${r.note}` : "";
  return `Annex I lists ${count(total.value, "progress indicator", "progress indicators")}${scope}; ${formatCount(r.value)} of them ${status}${list} ${ANNEX_I_MARK}.${note}`
    .replace(/\s+/g, " ")
    .trim();
}

/** A few indicators are named with their text ("1.2.3 (“…tax…”)"), so the answer says which they are; many, by number only. */
const NAMED_INDICATORS = 3;
function named(ids: string[], report: StructuredReport): string[] {
  if (ids.length > NAMED_INDICATORS) return ids;
  return ids.map((id) => {
    const text = report.annexI.indicators.find((i) => i.id === id)?.text.trim().replace(/\s+/g, " ");
    return text ? `${id} (“${text}”)` : id;
  });
}

function formatCount(value: number): string {
  return count(value, "", "").trim();
}

export { statusText };
