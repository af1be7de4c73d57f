// Inside workerd: LLM mode in the Worker, against a fake OpenAI-compatible model (fake-openai-fetch.ts)
// reached through the real ChatOpenAI client, which the Worker builds from LLM_* in its env like the
// Node service does. Each Worker here is a fresh one (createSitrepWorker, as a new isolate builds it)
// over the real bundled index and prompts and the local D1. A verified answer is given as the model
// wrote it; one that fails verification gives the extractive answer (what the Worker without LLM_*
// answers), and one JSON log line per turn counts the outcome.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AskResponse } from "../../../src/answer/contract.js";
import { WORKER_ASSET_PATHS, type WorkerDataBundle } from "../../../src/bootstrap/worker-assets.js";
import { LLM_OUTCOME_EVENT } from "../../../src/bootstrap/worker-llm-outcomes.js";
import { readSse, type SseEvent } from "../../../src/widget/sse.js";
import { createSitrepWorker, type Env } from "../../../src/worker.js";
import { finalAnswer, noMoreTools, numbersCall, shownText, toolRound } from "../../helpers/llm-replies.js";
import { askJson } from "../helpers.js";
import { interceptFakeModel, type FakeModelFetch } from "./fake-openai-fetch.js";
import { ask, ORIGIN, workers } from "./helpers.js";
import type { FetchBinding } from "./test-env.js";

const ROUTE_QUESTION = "When was the supply route through Niamey tested?";
const PARA_47_QUOTE = "The newly established Cotonou-Niamey-Gao supply route was successfully tested with two sets of shipments between 30 March and 28 April.";
const SENEGAL_QUESTION = "How many military personnel does Senegal contribute?";
const SENEGAL_CELL = { operation: "cell", country: "Senegal", component: "military", sex: "total" };
const API_KEY = "sk-fake-workerd-test";

const correct = () => [
  toolRound(numbersCall("call_1", SENEGAL_CELL)),
  noMoreTools(),
  finalAnswer({ answered: true, sentences: [{ text: "Senegal contributes 576 military personnel to the Mission.", citations: [], figures: [{ value: "576", toolCallId: "call_1" }] }] }),
];
const fabricatedNumber = () => [
  noMoreTools(),
  finalAnswer({
    answered: true,
    sentences: [{ text: "The route was tested with five sets of shipments, about 340 trucks, between 30 March and 28 April.", citations: [{ ref: "para. 47", quote: PARA_47_QUOTE }], figures: [] }],
  }),
];
const malformed = () => [noMoreTools(), { content: "Sure! The route was tested between 30 March and 28 April (para. 47)." }];

/** A fresh Worker with these settings on top of the test env (vars and secrets are both strings in env). */
function llmWorker(settings: Record<string, string>): FetchBinding {
  const worker = createSitrepWorker();
  const workerEnv = { ...(env as unknown as Env), ...settings } as Env;
  return { fetch: (input, init) => worker.fetch(new Request(input, init), workerEnv, createExecutionContext()) };
}

async function chat(worker: FetchBinding, question: string): Promise<{ events: SseEvent[]; deltas: string[]; replaces: string[]; done: AskResponse }> {
  const res = await worker.fetch(`${ORIGIN}/v1/chat`, askJson(question));
  expect(res.status).toBe(200);
  const events: SseEvent[] = [];
  for await (const event of readSse(res.body!)) events.push(event);
  const data = (name: string) => events.filter((e) => e.event === name).map((e) => JSON.parse(e.data) as Record<string, unknown>);
  expect(events.at(-1)?.event).toBe("done");
  return { events, deltas: data("delta").map((d) => d.text as string), replaces: data("replace").map((d) => d.answer as string), done: JSON.parse(events.at(-1)!.data) as AskResponse };
}

let fake: FakeModelFetch;
let worker: FetchBinding;
const extractive = new Map<string, AskResponse>();
const warnings: string[] = [];
const outcomes: { outcome: string; reason?: string }[] = [];

beforeAll(async () => {
  // The extractive answers, from the Worker as wrangler.toml configures it (no LLM).
  for (const q of [ROUTE_QUESTION, SENEGAL_QUESTION]) extractive.set(q, await ask(workers.first, q));
  fake = interceptFakeModel();
  worker = llmWorker({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: "fake-model", LLM_API_KEY: API_KEY });
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
  vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    const parsed = typeof line === "string" && line.startsWith("{") ? (JSON.parse(line) as { event?: string; outcome: string; reason?: string }) : undefined;
    if (parsed?.event === LLM_OUTCOME_EVENT) outcomes.push({ outcome: parsed.outcome, ...(parsed.reason ? { reason: parsed.reason } : {}) });
  });
});
afterAll(() => {
  fake?.restore();
  vi.restoreAllMocks();
});
beforeEach(() => {
  fake.requests.splice(0);
  warnings.splice(0);
  outcomes.splice(0);
});

describe("LLM mode in the Worker with a fake OpenAI-compatible model (intercepted fetch in workerd)", () => {
  it("says so on /health", async () => {
    const health = (await (await worker.fetch(`${ORIGIN}/health`)).json()) as Record<string, unknown>;
    expect(health.composer).toBe("llm");
  });

  it("a correct tool call and answer, via /v1/ask: the model's answer, with the bundled prompts and the API key secret", async () => {
    fake.script(correct());
    const body = await ask(worker, SENEGAL_QUESTION);
    expect(body.answer).toBe("Senegal contributes 576 military personnel to the Mission (Annex II).");
    expect(body.citations).toEqual([{ ref: "Annex II", annex: "II", rows: ["Senegal"] }]);
    expect(body.tool).toMatchObject({ name: "report_numbers", result: 576, input: SENEGAL_CELL });
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${API_KEY}`)).toBe(true);
    expect(fake.requests[0]!.body.tools?.map((t) => t.function.name).sort()).toEqual(["report_numbers", "search_report"]);
    // The system prompt is prompts/answer.system.md as the asset build bundled it, filled in.
    const bundle = (await (await env.ASSETS.fetch(`https://assets.invalid/${WORKER_ASSET_PATHS.data}`)).json()) as WorkerDataBundle;
    const system = fake.requests[0]!.body.messages[0]!;
    expect(system.role).toBe("system");
    const report = bundle.files["report.json"] as { title: string; symbol: string };
    expect(system.content).toBe(bundle.prompts.system.replace("{report_title}", report.title).replace("{report_symbol}", report.symbol));
    // The last call asked for the structured answer: response_format json_schema, streamed.
    expect(fake.requests[2]!.body).toMatchObject({ stream: true, response_format: { type: "json_schema" } });
    expect(outcomes).toEqual([{ outcome: "verified" }]);
  });

  it("a correct tool call and answer, via /v1/chat: the model's tokens stream, no replace", async () => {
    fake.script(correct());
    const result = await chat(worker, SENEGAL_QUESTION);
    expect(result.done.answer).toBe("Senegal contributes 576 military personnel to the Mission (Annex II).");
    expect(shownText(result.events)).toBe(result.done.answer);
    expect(result.replaces).toEqual([]);
    expect(result.deltas.length).toBeGreaterThan(3);
  });

  it("a fabricated number, via /v1/ask: the extractive answer, the reason logged and counted", async () => {
    fake.script(fabricatedNumber());
    const body = await ask(worker, ROUTE_QUESTION);
    expect(body.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    expect(body.citations).toEqual(extractive.get(ROUTE_QUESTION)!.citations);
    expect(warnings.join("\n")).toMatch(/\(number\).*the number 340 /s);
    expect(outcomes).toEqual([{ outcome: "fallback", reason: "number" }]);
  });

  it("a fabricated number, via /v1/chat: the draft streamed, then a replace with the extractive answer", async () => {
    fake.script(fabricatedNumber());
    const result = await chat(worker, ROUTE_QUESTION);
    const fallback = extractive.get(ROUTE_QUESTION)!.answer;
    expect(result.done.answer).toBe(fallback);
    expect(result.replaces).toEqual([fallback]);
    expect(result.deltas.join("")).not.toBe(fallback);
    expect(shownText(result.events)).toBe(fallback);
    expect(outcomes).toEqual([{ outcome: "fallback", reason: "number" }]);
  });

  it("malformed output, via /v1/ask and /v1/chat: the extractive answer, counted as malformed_output", async () => {
    fake.script(malformed());
    const body = await ask(worker, ROUTE_QUESTION);
    expect(body.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    fake.script(malformed());
    const result = await chat(worker, ROUTE_QUESTION);
    expect(result.done.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    expect(shownText(result.events)).toBe(result.done.answer);
    expect(outcomes).toEqual([
      { outcome: "fallback", reason: "malformed_output" },
      { outcome: "fallback", reason: "malformed_output" },
    ]);
  });

  it("a reply that would arrive after the model's share of the budget: its fetch is aborted, the extractive answer comes in time", async () => {
    // 3 s for the answer, 1.5 s of it kept for the fallback: the model gets 1.5 s and replies after 30.
    const slow = llmWorker({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: "fake-model", ANSWER_TIMEOUT_MS: "3000", LLM_FALLBACK_MARGIN_MS: "1500" });
    fake.script([{ ...noMoreTools(), delayMs: 30_000 }]);
    const body = await ask(slow, ROUTE_QUESTION);
    expect(body.answer).toBe(extractive.get(ROUTE_QUESTION)!.answer);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.aborted).toBe(true);
    expect(outcomes).toEqual([{ outcome: "fallback", reason: "budget" }]);
  });

  it("no LLM configured (wrangler.toml as it is): the extractive answer, and the model is never called", async () => {
    fake.script(correct());
    const health = (await (await workers.first.fetch(`${ORIGIN}/health`)).json()) as Record<string, unknown>;
    expect(health.composer).toBe("extractive");
    const body = await ask(workers.first, SENEGAL_QUESTION);
    expect(body.answer).toBe(extractive.get(SENEGAL_QUESTION)!.answer);
    expect(body.tool?.result).toBe(576);
    expect(fake.requests).toHaveLength(0);
    expect(outcomes).toEqual([]);
  });
});
