// LLM mode against a fake OpenAI-compatible server on 127.0.0.1 (through the real ChatOpenAI client):
// what the model is sent, the decide stage's refusal holding, a second look through search_report,
// numbers that must be in the quote (not just the paragraph), tokens streaming as they arrive, and a
// reply that comes after the model's budget (its HTTP call is cancelled and the fallback is on time).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { readSse, type SseEvent } from "../../src/widget/sse.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { startFakeOpenAI, type FakeOpenAIServer } from "../helpers/fake-openai-server.js";
import { ask, chat, finalAnswer, llmSitrep, metric, noMoreTools, numbersCall, searchCall, shownText, toolRound, type Sitrep } from "../helpers/llm-script.js";

const ROUTE_QUESTION = "When was the supply route through Niamey tested?";
const PARA_47_QUOTE = "The newly established Cotonou-Niamey-Gao supply route was successfully tested with two sets of shipments between 30 March and 28 April.";
const SENEGAL_QUESTION = "How many military personnel does Senegal contribute?";
const SENEGAL_CELL = { operation: "cell", country: "Senegal", component: "military", sex: "total" };
const UNANSWERABLE = "What was Mali's GDP growth in 2016?";

let fake: FakeOpenAIServer;
let sitrep: Sitrep;
const extractive = new Map<string, AskResponse>();
const warnings: string[] = [];

beforeAll(async () => {
  const plain = await createTestSitrep();
  for (const q of [ROUTE_QUESTION, UNANSWERABLE]) extractive.set(q, await ask(plain.app, q));
  plain.close();
  fake = await startFakeOpenAI();
  sitrep = await llmSitrep(fake);
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
});
afterAll(async () => {
  vi.restoreAllMocks();
  sitrep?.close();
  await fake?.close();
});
beforeEach(() => {
  warnings.splice(0);
  fake.requests.splice(0);
});

describe("LLM mode with a fake OpenAI-compatible server", () => {
  it("sends the tools, the evidence with refs and the frame, the tool results, then asks for the structured answer as a stream", async () => {
    fake.script([
      toolRound(numbersCall("call_1", SENEGAL_CELL)),
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel.", citations: [], figures: [{ value: "576", toolCallId: "call_1" }] }] }),
    ]);
    await ask(sitrep.app, SENEGAL_QUESTION);
    const [first, second, final] = fake.requests.map((r) => r.body);
    expect(first!.tools?.map((t) => t.function.name).sort()).toEqual(["report_numbers", "search_report"]);
    expect(first!.stream).toBeFalsy();
    const prompt = first!.messages.map((m) => String(m.content)).join("\n");
    expect(prompt).toContain(`Question: ${SENEGAL_QUESTION}`);
    expect(prompt).toMatch(/reads Annex II \(use report_numbers\)/);
    expect(prompt).toMatch(/^\[para\. \d+\] /m);
    const toolReply = second!.messages.find((m) => m.role === "tool");
    expect(toolReply?.tool_call_id).toBe("call_1");
    expect(JSON.parse(String(toolReply?.content))).toMatchObject({ value: 576, unit: "persons" });
    expect(final!.stream).toBe(true);
    expect(final!.response_format?.type).toBe("json_schema");
  });

  it("tells the model when its tool arguments are invalid, under the call's id", async () => {
    fake.script([toolRound(numbersCall("call_1", { operation: "cell", country: "Senegal", component: "soldiers" })), noMoreTools(), finalAnswer({ answered: false, sentences: [] })]);
    await ask(sitrep.app, SENEGAL_QUESTION);
    const toolReply = fake.requests[1]!.body.messages.find((m) => m.role === "tool");
    expect(toolReply?.tool_call_id).toBe("call_1");
    expect(String(toolReply?.content)).toMatch(/invalid arguments: request\.component/);
  });

  it("answers a tool call whose arguments are not JSON with an error under its id, and uses the corrected call", async () => {
    fake.script([
      toolRound({ id: "call_1", name: "report_numbers", arguments: "{not json" }),
      toolRound(numbersCall("call_2", SENEGAL_CELL)),
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel.", citations: [], figures: [{ value: "576", toolCallId: "call_2" }] }] }),
    ]);
    const body = await ask(sitrep.app, SENEGAL_QUESTION);
    const sent = fake.requests[1]!.body.messages;
    expect(sent.find((m) => m.role === "assistant")?.tool_calls).toEqual([{ id: "call_1", type: "function", function: { name: "report_numbers", arguments: "{not json" } }]);
    expect(sent.find((m) => m.role === "tool")).toMatchObject({ tool_call_id: "call_1", content: expect.stringMatching(/arguments are not valid JSON: \{not json/) });
    expect(body.answer).toBe("Senegal contributes 576 military personnel (Annex II).");
  });

  it("a question decide refuses never reaches the model", async () => {
    fake.script([noMoreTools(), finalAnswer({ answered: true, sentences: [{ text: "Growth was 5.3 per cent.", citations: [{ ref: "para. 10", quote: "x" }], figures: [] }] })]);
    const viaAsk = await ask(sitrep.app, UNANSWERABLE);
    const viaChat = await chat(sitrep.app, UNANSWERABLE);
    expect(viaAsk.answered).toBe(false);
    expect(viaAsk.answer).toBe(extractive.get(UNANSWERABLE)!.answer);
    expect(viaChat.done.answer).toBe(extractive.get(UNANSWERABLE)!.answer);
    expect(fake.requests).toHaveLength(0);
  });

  it("a paragraph search_report brings up counts as evidence and may be cited", async () => {
    fake.script([
      toolRound(searchCall("call_1", "runway rehabilitation in Gao transit camp Niamey")),
      noMoreTools(),
      finalAnswer({
        answered: true,
        sentences: [
          { text: "It was tested with two sets of shipments between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] },
        ],
      }),
    ]);
    const body = await ask(sitrep.app, ROUTE_QUESTION);
    const searched = fake.requests[1]!.body.messages.find((m) => m.role === "tool");
    expect(String(searched?.content)).toContain(`[para. 47] ${PARA_47_QUOTE}`);
    expect(body.answer).toBe("It was tested with two sets of shipments between 30 March and 28 April (para. 47).");
    expect(body.citations).toEqual([{ ref: "para. 47", paragraph: 47, quote: PARA_47_QUOTE }]);
  });

  it("a number from the cited paragraph that is not in the cited quote is rejected", async () => {
    const before = await metric(sitrep.app, "sitrep_llm_fallbacks_total", `reason="number"`);
    fake.script([
      noMoreTools(),
      finalAnswer({
        answered: true,
        sentences: [{ text: "The Gao logistics hub is 92 per cent completed.", citations: [{ ref: "para. 46", quote: "The operational base in Bamako is now 95 per cent completed" }], figures: [] }],
      }),
    ]);
    const body = await ask(sitrep.app, ROUTE_QUESTION);
    expect(body.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    expect(warnings.join("\n")).toMatch(/the number 92 is in no cited quote and no tool result of this turn/);
    expect(await metric(sitrep.app, "sitrep_llm_fallbacks_total", `reason="number"`)).toBe(before + 1);
  });

  it("streams the answer's tokens through /v1/chat while the model is still writing it", async () => {
    let resume!: () => void;
    const answer = { answered: true, sentences: [{ text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }] };
    // Hold the reply after the first part of the sentence is out, until the test has seen it arrive.
    fake.script([noMoreTools(), finalAnswer(answer, { pauseAfterChars: 60, resume: new Promise<void>((r) => (resume = r)) })]);
    const res = await postJson(sitrep.app, "/v1/chat", { question: ROUTE_QUESTION });
    const events = readSse(res.body!);
    const seen: SseEvent[] = [];
    while (seen.at(-1)?.event !== "delta") seen.push((await events.next()).value as SseEvent);
    expect(fake.requests.at(-1)!.replied).toBe(true);
    expect("The route was tested between 30 March and 28 April (para. 47).".startsWith((JSON.parse(seen.at(-1)!.data) as { text: string }).text)).toBe(true);
    resume();
    for await (const event of events) seen.push(event);
    const done = JSON.parse(seen.at(-1)!.data) as AskResponse;
    expect(done.answer).toBe("The route was tested between 30 March and 28 April (para. 47).");
    expect(seen.filter((e) => e.event === "delta").map((e) => (JSON.parse(e.data) as { text: string }).text).join("")).toBe(done.answer);
    expect(seen.map((e) => e.event).slice(-2)).toEqual(["citations", "done"]);
  });
});

describe("LLM mode with a fake OpenAI-compatible server that replies after the budget", () => {
  let slow: Sitrep;
  beforeAll(async () => {
    // The model gets what is left of 6 s minus 4 s for the fallback.
    slow = await llmSitrep(fake, { ANSWER_TIMEOUT_MS: "6000", LLM_FALLBACK_MARGIN_MS: "4000" });
  });
  afterAll(() => slow?.close());

  for (const path of ["/v1/ask", "/v1/chat"] as const) {
    it(`cancels the model's HTTP call and gives the extractive answer in time (${path})`, async () => {
      const before = await metric(slow.app, "sitrep_llm_fallbacks_total", `reason="budget"`);
      fake.script([{ delayMs: 60_000, content: "too late" }]);
      const body = path === "/v1/ask" ? await ask(slow.app, ROUTE_QUESTION) : (await chat(slow.app, ROUTE_QUESTION)).done;
      expect(body.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
      const call = fake.requests.at(-1)!;
      await call.finished;
      expect(call.aborted).toBe(true);
      expect(call.replied).toBe(false);
      expect(warnings.join("\n")).toMatch(/\(budget\)/);
      expect(await metric(slow.app, "sitrep_llm_fallbacks_total", `reason="budget"`)).toBe(before + 1);
    });
  }

  it("a final answer that stops streaming past the budget: its call is cancelled and the streamed part replaced (/v1/chat)", async () => {
    const answer = { answered: true, sentences: [{ text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }] };
    // The model writes the first part of the sentence, then nothing more.
    fake.script([noMoreTools(), finalAnswer(answer, { pauseAfterChars: 60, resume: new Promise<void>(() => {}) })]);
    const result = await chat(slow.app, ROUTE_QUESTION);
    expect(result.deltas.join("").length).toBeGreaterThan(0);
    expect(result.replaces).toEqual([extractive.get(ROUTE_QUESTION)!.answer]);
    expect(shownText(result.events)).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    expect(result.done.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    const call = fake.requests.at(-1)!;
    await call.finished;
    expect(call.aborted).toBe(true);
    expect(warnings.join("\n")).toMatch(/\(budget\)/);
  });
});

describe("LLM mode with a fake OpenAI-compatible server and LLM_STRUCTURED_OUTPUT=tool_call", () => {
  let viaTool: Sitrep;
  beforeAll(async () => {
    viaTool = await llmSitrep(fake, { LLM_STRUCTURED_OUTPUT: "tool_call" });
  });
  afterAll(() => viaTool?.close());

  it("asks for the answer as a forced tool call, streams it and verifies it", async () => {
    const answer = { answered: true, sentences: [{ text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }] };
    fake.script([noMoreTools(), toolRound({ id: "call_final", name: "sitrep_answer", arguments: JSON.stringify(answer) })]);
    const result = await chat(viaTool.app, ROUTE_QUESTION);
    const final = fake.requests.at(-1)!.body as { tool_choice?: { function?: { name?: string } }; response_format?: unknown };
    expect(final.tool_choice?.function?.name).toBe("sitrep_answer");
    expect(final.response_format).toBeUndefined();
    expect(result.done.answer).toBe("The route was tested between 30 March and 28 April (para. 47).");
    expect(result.deltas.join("")).toBe(result.done.answer);
    expect(result.replaces).toEqual([]);
  });

  it("an answer that does not fit the schema is malformed output", async () => {
    fake.script([noMoreTools(), toolRound({ id: "call_final", name: "sitrep_answer", arguments: JSON.stringify({ answered: true, sentences: [{ text: "The route was tested in April." }] }) })]);
    const body = await ask(viaTool.app, ROUTE_QUESTION);
    expect(body.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    expect(warnings.join("\n")).toMatch(/\(malformed_output\)/);
  });
});
