// Dispatches one validated operation to the pure function that computes it.
import type { Paragraph, StructuredReport } from "../report/schema.js";
import { NumericToolError } from "./errors.js";
import { countIndicators, lookupIndicator } from "./annex-i-ops.js";
import { cellValue, difference, missionTotal, ratio, share, sumCountries } from "./annex-ii-ops.js";
import { countCountries, rankCountries } from "./annex-ii-rank-count.js";
import { NumericOperationSchema, type NumericOperation, type NumericOperationInput } from "./numeric-input.js";
import { figureDifference, figureRatio, figureShare, figureSum, percentChange, percentOf, sumChange } from "./paragraph-ops.js";
import type { NumericResult } from "./types.js";

export function runOperation(report: StructuredReport, op: NumericOperation): NumericResult {
  const p = report.paragraphs;
  switch (op.operation) {
    case "cell": return cellValue(report, op);
    case "missionTotal": return missionTotal(report, op);
    case "sum": return sumCountries(report, op);
    case "rank": return rankCountries(report, op);
    case "count": return countCountries(report, op);
    case "share": return share(report, op);
    case "difference": return difference(report, op);
    case "ratio": return ratio(report, op);
    case "indicatorCount": return countIndicators(report, op);
    case "indicatorLookup": return lookupIndicator(report, op);
    case "paragraphPercentChange": return percentChange(p, op);
    case "paragraphSumChange": return sumChange(p, op);
    case "paragraphDifference": return figureDifference(p, op);
    case "paragraphSum": return figureSum(p, op);
    case "paragraphRatio": return figureRatio(p, op);
    case "paragraphShare": return figureShare(p, op);
    case "paragraphPercentOf": return percentOf(p, op);
  }
}

/** Paragraph-figure operations over a given list of paragraphs (e.g. the top retrieved ones). */
export function runParagraphOperation(paragraphs: readonly Paragraph[], op: NumericOperation): NumericResult {
  switch (op.operation) {
    case "paragraphPercentChange": return percentChange(paragraphs, op);
    case "paragraphSumChange": return sumChange(paragraphs, op);
    case "paragraphDifference": return figureDifference(paragraphs, op);
    case "paragraphSum": return figureSum(paragraphs, op);
    case "paragraphRatio": return figureRatio(paragraphs, op);
    case "paragraphShare": return figureShare(paragraphs, op);
    case "paragraphPercentOf": return percentOf(paragraphs, op);
    default: throw new NumericToolError("INVALID_ARGUMENT", `${op.operation} is not a paragraph-figure operation.`);
  }
}

/** Validates raw input with zod (throws ZodError), then runs it. Domain errors throw NumericToolError. */
export function runNumericOperation(report: StructuredReport, input: NumericOperationInput | unknown): NumericResult {
  return runOperation(report, NumericOperationSchema.parse(input));
}
