// LLM mode against a fake OpenAI-compatible server (test/helpers/fake-openai-server.ts) on 127.0.0.1,
// reached through the real ChatOpenAI client: a model is out of reach offline. Each scripted case goes
// through /v1/ask and /v1/chat on the real app and the real index. A verified answer is given as the
// model wrote it; anything verification cannot check gives the extractive answer, counted by reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AskResponse, LlmFallbackReason } from "../../src/answer/contract.js";
import { createTestSitrep } from "../helpers/app.js";
import { startFakeOpenAI, type FakeOpenAIServer, type ScriptedReply } from "../helpers/fake-openai-server.js";
import { ask, chat, finalAnswer, llmSitrep, metric, noMoreTools, numbersCall, shownText, toolRound, type Sitrep } from "../helpers/llm-script.js";

const ROUTE_QUESTION = "When was the supply route through Niamey tested?";
const PARA_47_QUOTE = "The newly established Cotonou-Niamey-Gao supply route was successfully tested with two sets of shipments between 30 March and 28 April.";
const SENEGAL_QUESTION = "How many military personnel does Senegal contribute?";
const SENEGAL_CELL = { operation: "cell", country: "Senegal", component: "military", sex: "total" };

interface Case {
  name: string;
  question: string;
  script: ScriptedReply[];
  /** The model's answer as the user reads it, or the reason it was not used. */
  expected: { answer: string } | { reason: LlmFallbackReason; logged: RegExp };
  /** The rejected answer streamed before verification (so /v1/chat must send a replace). */
  streamsDraft?: boolean;
}

const CASES: Case[] = [
  {
    name: "a correct tool call and answer",
    question: SENEGAL_QUESTION,
    script: [
      toolRound(numbersCall("call_1", SENEGAL_CELL)),
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel to the Mission.", citations: [], figures: [{ value: "576", toolCallId: "call_1" }] }] }),
    ],
    expected: { answer: "Senegal contributes 576 military personnel to the Mission (Annex II)." },
  },
  {
    name: "a fabricated number",
    question: ROUTE_QUESTION,
    script: [
      noMoreTools(),
      finalAnswer({
        answered: true,
        sentences: [{ text: "The route was tested with five sets of shipments, about 340 trucks, between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }],
      }),
    ],
    expected: { reason: "number", logged: /\(number\).*the number 340 /s },
    streamsDraft: true,
  },
  {
    name: "a fabricated citation",
    question: ROUTE_QUESTION,
    script: [
      noMoreTools(),
      finalAnswer({
        answered: true,
        sentences: [{ text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 9", quote: "They conducted tripartite patrols and the armed groups established checkpoints around the town." }], figures: [] }],
      }),
    ],
    expected: { reason: "citation", logged: /\(citation\).*para\. 9/s },
    streamsDraft: true,
  },
  {
    name: "a quote that is not verbatim",
    question: ROUTE_QUESTION,
    script: [
      noMoreTools(),
      finalAnswer({
        answered: true,
        sentences: [
          { text: "The route was tested between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: "The Cotonou-Niamey-Gao supply route was tested successfully with two shipments between 30 March and 28 April." }], figures: [] },
        ],
      }),
    ],
    expected: { reason: "quote", logged: /\(quote\).*not verbatim/s },
    streamsDraft: true,
  },
  {
    name: "malformed output",
    question: ROUTE_QUESTION,
    script: [noMoreTools(), { content: "Sure! The route was tested between 30 March and 28 April (para. 47)." }],
    expected: { reason: "malformed_output", logged: /\(malformed_output\)/ },
  },
  {
    name: "a tool call with invalid arguments (the model is told, and its corrected call is used)",
    question: SENEGAL_QUESTION,
    script: [
      toolRound(numbersCall("call_1", { operation: "cell", country: "Senegal", component: "soldiers" })),
      toolRound(numbersCall("call_2", SENEGAL_CELL)),
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel.", citations: [], figures: [{ value: "576", toolCallId: "call_2" }] }] }),
    ],
    expected: { answer: "Senegal contributes 576 military personnel (Annex II)." },
  },
  {
    name: "a tool call with invalid arguments whose figure is claimed anyway",
    question: SENEGAL_QUESTION,
    script: [
      toolRound(numbersCall("call_1", { operation: "cell", country: "Senegal", component: "soldiers" })),
      noMoreTools(),
      finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 567 military personnel.", citations: [], figures: [{ value: "567", toolCallId: "call_1" }] }] }),
    ],
    expected: { reason: "tool_call", logged: /\(tool_call\).*call_1, which did not succeed/s },
    streamsDraft: true,
  },
  {
    name: "a refusal from the model where decide found an answer",
    question: ROUTE_QUESTION,
    script: [noMoreTools(), finalAnswer({ answered: false, sentences: [] })],
    expected: { reason: "refused", logged: /\(refused\)/ },
  },
];

let fake: FakeOpenAIServer;
let sitrep: Sitrep;
const extractive = new Map<string, AskResponse>();
const warnings: string[] = [];

beforeAll(async () => {
  const plain = await createTestSitrep();
  for (const q of [ROUTE_QUESTION, SENEGAL_QUESTION]) extractive.set(q, await ask(plain.app, q));
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
  for (const c of CASES) {
    describe(c.name, () => {
      it("via /v1/ask", async () => {
        fake.script(c.script);
        const reason = "reason" in c.expected ? c.expected.reason : undefined;
        const before = reason ? await metric(sitrep.app, "sitrep_llm_fallbacks_total", `reason="${reason}"`) : await metric(sitrep.app, "sitrep_llm_answers_total", `outcome="verified"`);
        const body = await ask(sitrep.app, c.question);
        expect(fake.requests.length).toBe(c.script.length);
        if ("answer" in c.expected) {
          expect(body.answer).toBe(c.expected.answer);
          expect(body.citations).toEqual([{ ref: "Annex II", annex: "II", rows: ["Senegal"] }]);
          expect(body.tool).toMatchObject({ name: "report_numbers", result: 576, input: SENEGAL_CELL });
          expect(await metric(sitrep.app, "sitrep_llm_answers_total", `outcome="verified"`)).toBe(before + 1);
        } else {
          const fallback = extractive.get(c.question)!;
          expect(body.answer).toBe(fallback.answer);
          expect(body.citations).toEqual(fallback.citations);
          expect(warnings.join("\n")).toMatch(c.expected.logged);
          expect(await metric(sitrep.app, "sitrep_llm_fallbacks_total", `reason="${reason}"`)).toBe(before + 1);
        }
      });

      it("via /v1/chat (SSE)", async () => {
        fake.script(c.script);
        const result = await chat(sitrep.app, c.question);
        const shown = shownText(result.events);
        expect(shown).toBe(result.done.answer);
        expect(result.citations).toEqual(result.done.citations);
        if ("answer" in c.expected) {
          expect(result.done.answer).toBe(c.expected.answer);
          expect(result.replaces).toEqual([]);
          // The model's tokens, not the whole answer in one piece.
          expect(result.deltas.length).toBeGreaterThan(3);
        } else {
          expect(result.done.answer).toBe(extractive.get(c.question)!.answer);
          if (c.streamsDraft) {
            // The rejected draft went out as it arrived, then the extractive answer replaced it.
            expect(result.replaces).toEqual([extractive.get(c.question)!.answer]);
            expect(result.deltas.join("")).not.toBe(result.done.answer);
          } else expect(result.replaces).toEqual([]);
        }
      });
    });
  }
});
