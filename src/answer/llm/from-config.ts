// Builds the LLM answer stage when LLM_BASE_URL and LLM_MODEL are set (any OpenAI-compatible server:
// a hosted API, llama.cpp's llama-server, vLLM); otherwise none. Node and the Worker both build it here;
// each passes the prompts its own way (read from prompts/, or bundled with the Worker's data).
import type { BaseRetriever } from "@langchain/core/retrievers";
import type { AppConfig } from "../../config.js";
import type { StructuredReport } from "../../report/schema.js";
import type { Composer } from "../pipeline.js";
import { createLlmComposer } from "./composer.js";
import type { AnswerPrompts } from "./prompts.js";

export interface LlmStageParts {
  /** Read only when an LLM is configured. */
  prompts: () => AnswerPrompts;
  report: StructuredReport;
  retriever: Pick<BaseRetriever, "invoke">;
  log?: (message: string) => void;
}

export async function createLlmComposerFromConfig(config: AppConfig, parts: LlmStageParts): Promise<Composer | undefined> {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  // Loaded only when configured: the OpenAI client is heavy and the default needs no LLM.
  const { ChatOpenAI } = await import("@langchain/openai");
  const model = new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? "not-needed",
    temperature: 0,
    // The budget and the AbortSignal bound each call; a retry would only eat the fallback's margin.
    maxRetries: 0,
    configuration: { baseURL: config.LLM_BASE_URL },
  });
  return createLlmComposer({
    model,
    prompts: parts.prompts(),
    report: parts.report,
    retriever: parts.retriever,
    toolRounds: config.LLM_TOOL_ROUNDS,
    fallbackMarginMs: config.LLM_FALLBACK_MARGIN_MS,
    budgetMs: config.ANSWER_TIMEOUT_MS,
    structuredMethod: config.LLM_STRUCTURED_OUTPUT === "tool_call" ? "functionCalling" : "jsonSchema",
    ...(parts.log ? { log: parts.log } : {}),
  });
}
