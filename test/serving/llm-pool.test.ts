// LLM mode through the answer worker pool (ANSWER_THREADS=1): the model, a fake OpenAI-compatible
// server on 127.0.0.1 reached through the real ChatOpenAI client, is called from the worker thread;
// its tokens cross the worker's message port as they arrive, a rejected draft is replaced, and the
// outcome reaches the main thread's /metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep } from "../helpers/app.js";
import { startFakeOpenAI, type FakeOpenAIServer } from "../helpers/fake-openai-server.js";
import { ask, chat, finalAnswer, llmSitrep, metric, noMoreTools, numbersCall, shownText, toolRound, type Sitrep } from "../helpers/llm-script.js";

const ROUTE_QUESTION = "When was the supply route through Niamey tested?";
const PARA_47_QUOTE = "The newly established Cotonou-Niamey-Gao supply route was successfully tested with two sets of shipments between 30 March and 28 April.";

let fake: FakeOpenAIServer;
let pooled: Sitrep;
let extractive: AskResponse;

beforeAll(async () => {
  const plain = await createTestSitrep();
  extractive = await ask(plain.app, ROUTE_QUESTION);
  plain.close();
  fake = await startFakeOpenAI();
  pooled = await llmSitrep(fake, { ANSWER_THREADS: "1", LOG_LEVEL: "silent" });
});
afterAll(async () => {
  await pooled?.close();
  await fake?.close();
});

describe("LLM mode in an answer worker (fake OpenAI-compatible server)", () => {
  it("streams the verified answer from the worker, computed by report_numbers, and counts it", async () => {
    expect(pooled.answerThreads).toBe(1);
    const before = await metric(pooled.app, "sitrep_llm_answers_total", `outcome="verified"`);
    fake.script([
      toolRound(numbersCall("call_1", { operation: "cell", country: "Senegal", component: "military", sex: "total" })),
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel.", citations: [], figures: [{ value: "576", toolCallId: "call_1" }] }] }),
    ]);
    const result = await chat(pooled.app, "How many military personnel does Senegal contribute?");
    expect(result.done.answer).toBe("Senegal contributes 576 military personnel (Annex II).");
    expect(result.deltas.length).toBeGreaterThan(3);
    expect(result.deltas.join("")).toBe(result.done.answer);
    expect(await metric(pooled.app, "sitrep_llm_answers_total", `outcome="verified"`)).toBe(before + 1);
  });

  it("replaces a streamed draft with a fabricated number by the extractive answer", async () => {
    fake.script([
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "The route was tested with about 340 trucks between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }] }),
    ]);
    const result = await chat(pooled.app, ROUTE_QUESTION);
    expect(result.replaces).toEqual([extractive.answer]);
    expect(shownText(result.events)).toBe(extractive.answer);
    expect(result.done.answer).toBe(extractive.answer);
  });

  it("a reply after the model's budget: its call is cancelled from the worker, the extractive answer comes in time", async () => {
    const budgeted = await llmSitrep(fake, { ANSWER_THREADS: "1", LOG_LEVEL: "silent", ANSWER_TIMEOUT_MS: "8000", LLM_FALLBACK_MARGIN_MS: "6000" });
    try {
      // A question decide refuses first (no model call), so the worker is warm when the budget starts.
      await ask(budgeted.app, "What was Mali's GDP growth in 2016?");
      fake.requests.splice(0);
      fake.script([{ delayMs: 60_000, content: "too late" }]);
      const body = await ask(budgeted.app, ROUTE_QUESTION);
      expect(body.answer).toBe(extractive.answer);
      await fake.requests[0]!.finished;
      expect(fake.requests[0]!.aborted).toBe(true);
      expect(await metric(budgeted.app, "sitrep_llm_fallbacks_total", `reason="budget"`)).toBe(1);
    } finally {
      await budgeted.close();
    }
  });
});
