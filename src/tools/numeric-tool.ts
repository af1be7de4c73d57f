// The numeric tool as a LangChain tool. The embedded (no-LLM) path calls runOperation directly.
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import type { StructuredReport } from "../report/schema.js";
import { NumericToolError } from "./errors.js";
import { NumericOperationSchema } from "./numeric-input.js";
import { runOperation } from "./run-operation.js";

export const NUMERIC_TOOL_NAME = "report_numbers";

/** Providers require an object at the top level, so the union sits under `request`. */
export const NumericToolSchema = z.object({ request: NumericOperationSchema });

const DESCRIPTION = [
  "Exact arithmetic over the report's tables and paragraph figures. Never compute numbers yourself; call this.",
  "Annex II (military and police strength by country): cell, missionTotal, sum, rank, count, share, difference, ratio.",
  "Annex I (benchmarks): indicatorCount (by status, area, objective), indicatorLookup (by id such as 2.3.1).",
  "Paragraph figures: paragraphPercentChange, paragraphSumChange (percent change of one total made of parts), paragraphDifference, paragraphSum, paragraphRatio, paragraphShare,",
  "paragraphPercentOf — quote each figure exactly as printed in the cited paragraph; the tool verifies it.",
  'Returns JSON {value, unit, formula, operands, warnings, rounding?, rows?, note?} or {error:{code,message}}.',
].join(" ");

export function createNumericTool(report: StructuredReport) {
  return tool(
    ({ request }) => {
      try {
        return JSON.stringify(runOperation(report, request));
      } catch (error) {
        if (error instanceof NumericToolError) return JSON.stringify({ error: { code: error.code, message: error.message } });
        throw error;
      }
    },
    { name: NUMERIC_TOOL_NAME, description: DESCRIPTION, schema: NumericToolSchema },
  );
}
