// The two tools the model may call in one turn, and what they returned: report_numbers (the
// deterministic numeric tool, its own LangChain tool() and zod schema) and search_report (the
// retriever, through invoke, for a second look). Verification reads the record: a computed figure
// must come from a successful call of this turn, and paragraphs search_report brought up count as evidence.
import type { BaseRetriever } from "@langchain/core/retrievers";
import { ToolMessage, type ToolCall } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import type { StructuredReport } from "../../report/schema.js";
import { createNumericTool, NUMERIC_TOOL_NAME, NumericToolSchema } from "../../tools/numeric-tool.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import type { NumericResult } from "../../tools/types.js";
import { evidenceText } from "./evidence-text.js";

export const SEARCH_TOOL_NAME = "search_report";
/** Paragraphs one search_report call returns. */
const SEARCH_RESULTS = 4;

export type NumericCall = { id: string; ok: true; op: NumericOperation; result: NumericResult } | { id: string; ok: false; error: string };

const SearchSchema = z.object({ query: z.string().min(1).max(500).describe("What to look for in the report, in plain words.") });

/** A tool's reply that is an error ({error: {code, message}}), as the numeric tool writes it. */
const ToolErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class TurnTools {
  readonly numericCalls: NumericCall[] = [];
  /** Paragraphs search_report returned this turn. */
  readonly searched = new Set<number>();
  private unnamed = 0;
  readonly numeric;
  readonly search;

  constructor(report: StructuredReport, retriever: Pick<BaseRetriever, "invoke">) {
    this.numeric = createNumericTool(report);
    this.search = tool(
      async ({ query }, config) => {
        const docs = await retriever.invoke(query, config?.signal ? { signal: config.signal } : {});
        const found = docs.flatMap((d) => (typeof d.metadata.paragraph === "number" ? [d.metadata.paragraph as number] : [])).filter((n, i, all) => all.indexOf(n) === i).slice(0, SEARCH_RESULTS);
        for (const n of found) this.searched.add(n);
        return found.length ? evidenceText(report, found) : "No paragraph matches. Figures of Annex I and Annex II come from report_numbers.";
      },
      {
        name: SEARCH_TOOL_NAME,
        description: "Search the report's paragraphs again. Returns their sentences, each led by the ref to cite it with.",
        schema: SearchSchema,
      },
    );
  }

  get all() {
    return [this.numeric, this.search];
  }

  /** The successful report_numbers call with this id, if there was one this turn. */
  numericResult(id: string): Extract<NumericCall, { ok: true }> | undefined {
    const call = this.numericCalls.find((c) => c.id === id);
    return call?.ok ? call : undefined;
  }

  /** Runs one tool call; a bad call is answered with an error the model can read, never thrown. */
  async run(call: ToolCall, signal: AbortSignal): Promise<ToolMessage> {
    // A server that gives no id: one of ours, so the reply still pairs with its call.
    const id = call.id ?? `call_${++this.unnamed}`;
    const error = (message: string) => new ToolMessage({ tool_call_id: id, name: call.name, status: "error", content: JSON.stringify({ error: { code: "invalid_call", message } }) });
    if (call.name === NUMERIC_TOOL_NAME) {
      const parsed = NumericToolSchema.safeParse(call.args);
      if (!parsed.success) {
        const message = `invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ")}`;
        this.numericCalls.push({ id, ok: false, error: message });
        return error(message);
      }
      const content = String(await this.numeric.invoke(parsed.data, { signal }));
      const failed = ToolErrorSchema.safeParse(JSON.parse(content));
      this.numericCalls.push(failed.success ? { id, ok: false, error: failed.data.error.message } : { id, ok: true, op: parsed.data.request, result: JSON.parse(content) as NumericResult });
      return new ToolMessage({ tool_call_id: id, name: call.name, content, ...(failed.success ? { status: "error" as const } : {}) });
    }
    if (call.name === SEARCH_TOOL_NAME) {
      const parsed = SearchSchema.safeParse(call.args);
      if (!parsed.success) return error(`invalid arguments: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
      return new ToolMessage({ tool_call_id: id, name: call.name, content: String(await this.search.invoke(parsed.data, { signal })) });
    }
    return error(`there is no tool named ${call.name}; use ${NUMERIC_TOOL_NAME} or ${SEARCH_TOOL_NAME}`);
  }
}
