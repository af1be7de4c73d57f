// The Slack bot in LLM mode: signed events and slash commands against the real app, the model a fake
// OpenAI-compatible server on 127.0.0.1 (through the real ChatOpenAI client) and Slack's Web API a
// local recorder. Slack gets one message, after verification: the model's verified answer, or the
// extractive answer when the model's is rejected (fabricated number or citation, quote not verbatim,
// malformed output, a figure from a failed tool call) or late; a rejected draft never reaches the channel.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep } from "../helpers/app.js";
import { startFakeOpenAI, type FakeOpenAIServer, type ScriptedReply } from "../helpers/fake-openai-server.js";
import { ask, finalAnswer, metric, noMoreTools, numbersCall, toolRound } from "../helpers/llm-script.js";
import { startSlackHarness, type SlackHarness } from "./harness.js";
import { answerText, isThreadReply, settle } from "./messages.js";
import { mention, slashCommandForm } from "./payloads.js";
import type { RecordedCall } from "./recorder.js";

const ROUTE_QUESTION = "When was the supply route through Niamey tested?";
const PARA_47_QUOTE = "The newly established Cotonou-Niamey-Gao supply route was successfully tested with two sets of shipments between 30 March and 28 April.";
const SENEGAL_QUESTION = "How many military personnel does Senegal contribute?";

const CORRECT: ScriptedReply[] = [
  toolRound(numbersCall("call_1", { operation: "cell", country: "Senegal", component: "military", sex: "total" })),
  noMoreTools(),
  finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel to the Mission.", citations: [], figures: [{ value: "576", toolCallId: "call_1" }] }] }),
];
const FABRICATED_NUMBER: ScriptedReply[] = [
  noMoreTools(),
  finalAnswer({ answered: true, sentences: [{ text: "The route was tested with about 340 trucks between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }] }),
];
const FABRICATED_CITATION: ScriptedReply[] = [
  noMoreTools(),
  finalAnswer({ answered: true, sentences: [{ text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 9", quote: "They conducted tripartite patrols and the armed groups established checkpoints around the town." }], figures: [] }] }),
];
const MALFORMED: ScriptedReply[] = [noMoreTools(), { content: "{\"answered\": true, \"sentences\": [{\"text\": \"The route was" }];
const NOT_VERBATIM: ScriptedReply[] = [
  noMoreTools(),
  finalAnswer({ answered: true, sentences: [{ text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: "The Cotonou-Niamey-Gao supply route was tested successfully with two shipments between 30 March and 28 April." }], figures: [] }] }),
];
const INVALID_TOOL_ARGUMENTS: ScriptedReply[] = [
  toolRound(numbersCall("call_1", { operation: "cell", country: "Senegal", component: "soldiers" })),
  noMoreTools(),
  finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 567 military personnel.", citations: [], figures: [{ value: "567", toolCallId: "call_1" }] }] }),
];

let fake: FakeOpenAIServer;
let h: SlackHarness;
let extractiveRoute: AskResponse;

beforeAll(async () => {
  const plain = await createTestSitrep();
  extractiveRoute = await ask(plain.app, ROUTE_QUESTION);
  plain.close();
  fake = await startFakeOpenAI();
  h = await startSlackHarness({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: "fake-model" });
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
  await fake?.close();
});
beforeEach(() => void fake.requests.splice(0));

async function mentionReply(question: string, channel: string): Promise<RecordedCall[]> {
  const event = mention(question, { channel });
  expect((await h.sendEvent(event)).status).toBe(200);
  await h.recorder.waitFor(isThreadReply(channel, event.ts));
  await settle(h.lazyWork);
  return h.recorder.calls.filter(isThreadReply(channel, event.ts));
}

describe("Slack bot in LLM mode (fake OpenAI-compatible server; Slack Web API replaced by a local recorder)", () => {
  it("a mention gets the model's verified answer, computed by report_numbers", async () => {
    fake.script(CORRECT);
    const replies = await mentionReply(SENEGAL_QUESTION, "C0LLMOK");
    expect(replies).toHaveLength(1);
    expect(answerText(replies[0]!)).toContain("Senegal contributes 576 military personnel to the Mission (Annex II).");
    expect(fake.requests).toHaveLength(3);
  });

  for (const [name, script, reason] of [
    ["a fabricated number", FABRICATED_NUMBER, "number"],
    ["a fabricated citation", FABRICATED_CITATION, "citation"],
    ["malformed output", MALFORMED, "malformed_output"],
    ["a quote that is not verbatim", NOT_VERBATIM, "quote"],
  ] as const) {
    it(`a mention whose model answer has ${name} gets the extractive answer, once, and the reason is counted`, async () => {
      const before = await metric(h.app, "sitrep_llm_fallbacks_total", `reason="${reason}"`);
      fake.script(script);
      const replies = await mentionReply(ROUTE_QUESTION, `C0LLM${reason.slice(0, 4).toUpperCase()}`);
      expect(replies).toHaveLength(1);
      const text = answerText(replies[0]!);
      expect(text).toContain("successfully tested with two sets of shipments between 30 March and 28 April");
      expect(text).not.toMatch(/340|para\. 9/);
      expect(await metric(h.app, "sitrep_llm_fallbacks_total", `reason="${reason}"`)).toBe(before + 1);
    });
  }

  it("a mention whose model claims the figure of a tool call with invalid arguments gets the extractive answer, once", async () => {
    const before = await metric(h.app, "sitrep_llm_fallbacks_total", `reason="tool_call"`);
    fake.script(INVALID_TOOL_ARGUMENTS);
    const replies = await mentionReply(SENEGAL_QUESTION, "C0LLMTOOL");
    expect(replies).toHaveLength(1);
    const text = answerText(replies[0]!);
    expect(text).toContain("576");
    expect(text).not.toContain("567");
    expect(await metric(h.app, "sitrep_llm_fallbacks_total", `reason="tool_call"`)).toBe(before + 1);
  });

  it("a slash command whose model replies after the budget gets the extractive answer (the model's call cancelled)", async () => {
    const slow = await startSlackHarness({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: "fake-model", ANSWER_TIMEOUT_MS: "6000", LLM_FALLBACK_MARGIN_MS: "4000" });
    try {
      fake.script([{ delayMs: 60_000, content: "too late" }]);
      const hook = slow.recorder.hookUrl("cmd-late");
      expect((await slow.sendForm(slashCommandForm(ROUTE_QUESTION, hook))).status).toBe(200);
      const [posted] = await slow.recorder.waitFor((c) => c.method === "response_url" && c.path === "/hooks/cmd-late", { timeoutMs: 20_000 });
      expect(answerText(posted!)).toContain("successfully tested with two sets of shipments");
      expect(answerText(posted!)).not.toMatch(/took too long/);
      await fake.requests[0]!.finished;
      expect(fake.requests[0]!.aborted).toBe(true);
      expect(extractiveRoute.answered).toBe(true);
    } finally {
      await slow.close();
    }
  });
});
