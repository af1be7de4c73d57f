// Table answers through the deterministic numeric tool: one operation over Annex II or Annex I, its
// result written in plain English with the tool's trace, the rows it used, and any data warning.
import type { StructuredReport } from "../../../report/schema.js";
import { NumericToolError } from "../../../tools/errors.js";
import type { NumericOperation } from "../../../tools/numeric-input.js";
import { NUMERIC_TOOL_NAME } from "../../../tools/numeric-tool.js";
import { runOperation } from "../../../tools/run-operation.js";
import type { NumericResult } from "../../../tools/types.js";
import type { Citation, ToolTrace } from "../../contract.js";
import type { FramePart, TableQuery } from "../../understand/frame.js";
import type { ComposedAnswer } from "../composed.js";
import { writeAnnexIAnswer, writeAnnexITotalAndStatus } from "./annex-i-answer.js";
import { writeAnnexIIAnswer } from "./annex-ii-answer.js";
import { annexIIOperation } from "./annex-ii-operation.js";
import { POLICE_NOTE } from "./phrases.js";
import { yesNoAnnexII } from "./yes-no.js";

/** The nouns a count over Annex I may be about: its indicators or benchmarks (or a pronoun for them). */
const COUNTED_INDICATORS = /\b(?:benchmarks?|indicators?|progress indicators?|items?|ones?|them|those|these|targets?|measures?|entries|rows?)$/i;

export function toolTrace(op: NumericOperation, r: NumericResult, name = NUMERIC_TOOL_NAME): ToolTrace {
  return {
    name,
    input: { ...op },
    result: r.value,
    unit: r.unit,
    formula: r.rounding ? `${r.formula} (${r.rounding})` : r.formula,
    operands: r.operands.map((o) => ({ ...o })),
    warnings: [...r.warnings],
  };
}

export function runTool(op: NumericOperation, report: StructuredReport): NumericResult | null {
  try {
    return runOperation(report, op);
  } catch (error) {
    if (error instanceof NumericToolError) return null;
    throw error;
  }
}

function notListed(country: string, report: StructuredReport): ComposedAnswer {
  const when = report.annexII.asAt ? ` as at ${report.annexII.asAt}` : "";
  return {
    answer: `${country} is not listed in Annex II, which gives the military and police strength of the Mission by contributing country${when}; the report gives no figure for ${country}.`,
    answered: false,
    citations: [],
  };
}

function fromTool(op: NumericOperation, r: NumericResult, text: string, report: StructuredReport, extra: string[] = []): ComposedAnswer {
  const annexI = op.operation === "indicatorCount" || op.operation === "indicatorLookup";
  const citation: Citation = annexI ? { ref: "Annex I", annex: "I", rows: r.rows ?? [] } : { ref: "Annex II", annex: "II", rows: r.rows ?? [] };
  void report;
  return { answer: [text, ...extra, ...r.warnings.map((w) => `Note: ${w}`)].join(" "), answered: true, citations: [citation], tool: toolTrace(op, r) };
}

/** A table answer, a "not listed" refusal, or null when the tool cannot answer it (retrieval then tries). */
export function composeTable(part: FramePart, t: TableQuery, report: StructuredReport): ComposedAnswer | null {
  if (t.annex === "I") return composeAnnexI(part, t, report);
  const unlisted = t.countries.find((c) => c.row === null);
  if (unlisted) return notListed(unlisted.name, report);
  if (part.answerType === "yesno") {
    const yesNo = yesNoAnnexII(part, t, report);
    if (yesNo) return yesNo;
  }
  const op = annexIIOperation(part, t);
  if (!op) return null;
  const r = runTool(op, report);
  if (!r) return null;
  const text = writeAnnexIIAnswer(op, r, report);
  const verdict = part.answerType === "yesno" && op.operation === "cell" ? `${r.value > 0 ? "Yes" : "No"} — ` : "";
  return fromTool(op, r, `${verdict}${text}`, report, t.policeAmbiguous ? [POLICE_NOTE] : []);
}

function composeAnnexI(part: FramePart, t: TableQuery, report: StructuredReport): ComposedAnswer | null {
  if (t.indicator) {
    const op: NumericOperation = { operation: "indicatorLookup", id: t.indicator };
    const r = runTool(op, report);
    return r ? fromTool(op, r, writeAnnexIAnswer(op, r, report, false), report) : null;
  }
  const counting = part.answerType === "number" || part.operation?.kind === "count";
  if (t.status === undefined && !counting) return null;
  // "How many regional offices are open (per the benchmarks)?" counts offices, not indicators: retrieval answers it.
  if (counting && part.asked && !COUNTED_INDICATORS.test(part.asked)) return null;
  const scope = { ...(t.area ? { area: t.area } : {}), ...(t.objective ? { objective: t.objective } : {}) };
  const op: NumericOperation = { operation: "indicatorCount", ...(t.status ? { status: t.status } : {}), ...scope };
  const r = runTool(op, report);
  if (!r) return null;
  // "How many are there, and how many are implemented?": the total in scope too.
  const alsoTotal = t.status !== undefined && (part.question.match(/\bhow many\b|\bnumber of\b/gi) ?? []).length >= 2;
  const total = alsoTotal ? runTool({ operation: "indicatorCount", ...scope }, report) : null;
  // "Which one is it?": the one indicator the count found.
  if (!counting && !total && r.rows?.length === 1) {
    const lookup: NumericOperation = { operation: "indicatorLookup", id: r.rows[0]! };
    const found = runTool(lookup, report);
    if (found) return fromTool(lookup, found, writeAnnexIAnswer(lookup, found, report, false), report);
  }
  const text = total ? writeAnnexITotalAndStatus(op, total, r, report) : writeAnnexIAnswer(op, r, report, t.wantsList || !counting);
  return fromTool(op, r, text, report);
}
