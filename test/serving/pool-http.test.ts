// The real app answering through its worker pool (ANSWER_THREADS=2, the real index and encoder in each
// worker), over in-process HTTP: the same answers as on the main thread, a budget that holds (504, no
// stored turn), /health served while the workers are busy, request logs, /metrics and /ready.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { buildApp } from "../../src/http/app.js";
import { readSse, type SseEvent } from "../../src/widget/sse.js";
import { createTestDataDir, createTestSitrep, postJson } from "../helpers/app.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
type App = Sitrep["app"];

const RETRIEVAL = "What did the conference for national harmony recommend?";
const NUMERIC = "How many troops does Senegal contribute?";
const REFUSAL = "Who won the 2018 football world cup?";
const FOLLOW_UP = "When was it held?";

const logLines: Record<string, unknown>[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) });

let pooled: Sitrep;
let local: Sitrep;
beforeAll(async () => {
  const dataDir = await createTestDataDir();
  [pooled, local] = await Promise.all([
    createTestSitrep({ ANSWER_THREADS: "2" }, { dataDir, logger }),
    createTestSitrep({ ANSWER_THREADS: "0" }),
  ]);
});
afterAll(async () => {
  await pooled?.close();
  await local?.close();
});

async function ask(app: App, question: string, conversationId?: string): Promise<AskResponse> {
  const res = await postJson(app, "/v1/ask", { question, ...(conversationId ? { conversationId } : {}) });
  expect(res.status).toBe(200);
  return (await res.json()) as AskResponse;
}

const comparable = (r: AskResponse) => ({ answer: r.answer, answered: r.answered, citations: r.citations, tool: r.tool });

describe("answers through the worker pool", () => {
  it("uses two worker threads", () => {
    expect(pooled.answerThreads).toBe(2);
    expect(local.answerThreads).toBe(0);
  });

  it("gives the main thread's answers, follow-ups (history sent to the worker) included", async () => {
    for (const question of [RETRIEVAL, NUMERIC, REFUSAL]) {
      expect(comparable(await ask(pooled.app, question))).toEqual(comparable(await ask(local.app, question)));
    }
    const first = await ask(pooled.app, RETRIEVAL);
    const localFirst = await ask(local.app, RETRIEVAL);
    const next = await ask(pooled.app, FOLLOW_UP, first.conversationId);
    expect(comparable(next)).toEqual(comparable(await ask(local.app, FOLLOW_UP, localFirst.conversationId)));
    expect(next.conversationId).toBe(first.conversationId);
  });

  it("serves /health while both workers are busy with questions", async () => {
    const questions = Array.from({ length: 24 }, (_, i) => `${RETRIEVAL} (${i})`);
    let pending = questions.length;
    const asks = questions.map(async (q) => {
      const r = await postJson(pooled.app, "/v1/ask", { question: q });
      pending--;
      return r.status;
    });
    const health = await pooled.app.request("/health");
    expect(health.status).toBe(200);
    expect(pending).toBeGreaterThan(0); // answered on the main thread while the workers were still busy
    expect(await Promise.all(asks)).toEqual(questions.map(() => 200));
  });

  it("streams /v1/chat from a worker: meta, deltas, citations, done", async () => {
    const res = await postJson(pooled.app, "/v1/chat", { question: RETRIEVAL });
    const events: SseEvent[] = [];
    for await (const event of readSse(res.body!)) events.push(event);
    expect(events.map((e) => e.event).join(" ")).toMatch(/^meta( delta)+ citations done$/);
    const done = JSON.parse(events.at(-1)!.data) as AskResponse;
    expect(comparable(done)).toEqual(comparable(await ask(local.app, RETRIEVAL)));
  });
});

describe.each([
  ["through the worker pool", () => pooled],
  ["on the main thread", () => local],
])("a 1 ms time budget %s", (_where, sitrep) => {
  it("gives 504 for a retrieval question at once and stores no turn", async () => {
    const { deps } = sitrep();
    const tight = buildApp({ ...deps, config: { ...deps.config, ANSWER_TIMEOUT_MS: 1 } });
    const first = await ask(sitrep().app, RETRIEVAL);

    const res = await postJson(tight, "/v1/ask", { question: "How has the security situation in the central regions evolved?", conversationId: first.conversationId });
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ error: { code: "timeout", message: expect.stringContaining("1 ms") } });
    // Give abandoned work every chance to store its turn: it must not.
    await new Promise((r) => setTimeout(r, 300));
    expect((await deps.store.recentTurns(first.conversationId, 10)).map((t) => t.question)).toEqual([RETRIEVAL]);
    // A follow-up sees only the stored turn.
    const next = await ask(sitrep().app, FOLLOW_UP, first.conversationId);
    expect(comparable(next)).toEqual(comparable(await ask(local.app, FOLLOW_UP, (await ask(local.app, RETRIEVAL)).conversationId)));

    const chat = await postJson(tight, "/v1/chat", { question: "What attacks targeted MINUSMA camps in Timbuktu?" });
    const events: SseEvent[] = [];
    for await (const event of readSse(chat.body!)) events.push(event);
    expect(events.at(-1)).toMatchObject({ event: "error" });
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ code: "timeout" });
  });
});

describe("observability", () => {
  it("logs one JSON line per request with its id, route, status, latency and the answer's route", async () => {
    logLines.length = 0;
    const res = await postJson(pooled.app, "/v1/ask", { question: NUMERIC });
    expect(res.status).toBe(200);
    const id = res.headers.get("x-request-id");
    expect(id).toBeTruthy();
    await postJson(pooled.app, "/v1/ask", { question: "" });
    const chat = await postJson(pooled.app, "/v1/chat", { question: REFUSAL });
    await chat.text();
    const requests = logLines.filter((l) => l.msg === "request");
    expect(requests).toEqual([
      expect.objectContaining({ reqId: id, method: "POST", route: "/v1/ask", status: 200, ms: expect.any(Number), answerRoute: "tool" }),
      expect.objectContaining({ route: "/v1/ask", status: 400 }),
      expect.objectContaining({ route: "/v1/chat", status: 200, answerRoute: "refusal" }),
    ]);
    expect(requests[1]).not.toHaveProperty("answerRoute");
  });

  it("serves Prometheus metrics: requests and latency per route, answers per route taken, the pool's threads", async () => {
    await ask(pooled.app, NUMERIC);
    const metrics = async () => (await pooled.app.request("/metrics")).text();
    // The second worker may still be loading (it starts once the first is ready).
    await expect.poll(metrics, { timeout: 20_000 }).toMatch(/^sitrep_answer_pool_ready_threads 2$/m);
    const text = await metrics();
    const series = (name: string, labels: string[]) => new RegExp(`^${name}\\{${labels.map((l) => `(?=[^}]*${l})`).join("")}[^}]*\\} [1-9]\\d*$`, "m");
    expect(text).toMatch(series("sitrep_http_requests_total", ['route="/v1/ask"', 'status="200"', 'method="POST"']));
    expect(text).toMatch(series("sitrep_http_request_duration_seconds_count", ['route="/v1/ask"', 'status="200"']));
    expect(text).toMatch(/^sitrep_http_request_duration_seconds_bucket\{le="0\.05",[^}]*route="\/v1\/ask"/m);
    expect(text).toMatch(/sitrep_answers_total\{route="tool"\} [1-9]\d*/);
    expect(text).toMatch(/^sitrep_answer_pool_threads 2$/m);
  });

  it("reports readiness apart from liveness (/live)", async () => {
    expect(await (await pooled.app.request("/ready")).json()).toEqual({ status: "ready", problems: [] });
    pooled.deps.readiness.fail("store", "disk full (simulated)");
    try {
      const ready = await pooled.app.request("/ready");
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "not ready", problems: [{ component: "store", reason: "disk full (simulated)" }] });
      expect((await pooled.app.request("/health")).status).toBe(503);
      expect(await (await pooled.app.request("/live")).json()).toEqual({ status: "alive" }); // still alive
    } finally {
      pooled.deps.readiness.recover("store");
    }
  });
});
