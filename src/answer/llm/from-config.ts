// Builds the LLM composer when LLM_BASE_URL and LLM_MODEL are set (OpenAI-compatible); otherwise none.
import type { AppConfig } from "../../config.js";
import type { StructuredReport } from "../../report/schema.js";
import type { Composer } from "../pipeline.js";
import { createLlmComposer } from "./composer.js";
import { loadAnswerPrompt } from "./prompts.js";

export async function createLlmComposerFromConfig(config: AppConfig, report: StructuredReport): Promise<Composer | undefined> {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  // Loaded only when configured: the OpenAI client is heavy and the default needs no LLM.
  const { ChatOpenAI } = await import("@langchain/openai");
  const model = new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? "not-needed",
    temperature: 0,
    timeout: config.ANSWER_TIMEOUT_MS,
    maxRetries: 1,
    configuration: { baseURL: config.LLM_BASE_URL },
  });
  return createLlmComposer({ model, prompt: loadAnswerPrompt(), report });
}
