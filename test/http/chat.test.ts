// POST /v1/chat: the SSE twin of /v1/ask, on the real app and the real index.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnswerInput, AnswerPipeline, AnswerStreamEvent, AskResponse, Asker } from "../../src/answer/contract.js";
import { buildApp } from "../../src/http/app.js";
import { splitForStreaming } from "../../src/answer/stream-pieces.js";
import { readSse, type SseEvent } from "../../src/widget/sse.js";
import { createTestSitrep, postJson } from "../helpers/app.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
type App = Sitrep["app"];

const QUESTION = "What did the conference for national harmony recommend?";
const FOLLOW_UP = "When was it held?";

async function readEvents(res: Response): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(res.body!)) events.push(event);
  return events;
}

async function chat(app: App, body: unknown): Promise<{ res: Response; events: SseEvent[] }> {
  const res = await postJson(app, "/v1/chat", body);
  return { res, events: await readEvents(res) };
}

function done(events: SseEvent[]): AskResponse {
  const last = events.at(-1);
  expect(last?.event).toBe("done");
  return JSON.parse(last!.data) as AskResponse;
}

const comparable = (r: AskResponse) => ({ answer: r.answer, answered: r.answered, citations: r.citations, tool: r.tool });

let sitrep: Sitrep;
beforeAll(async () => {
  sitrep = await createTestSitrep();
});
afterAll(() => sitrep?.close());

describe("POST /v1/chat", () => {
  it("streams meta, then deltas, then citations, then done", async () => {
    const { res, events } = await chat(sitrep.app, { question: QUESTION });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);

    const names = events.map((e) => e.event);
    expect(names.join(" ")).toMatch(/^meta( delta)+ citations done$/);

    const meta = JSON.parse(events[0]!.data) as { conversationId: string; answerId: string };
    const final = done(events);
    expect(meta).toEqual({ conversationId: final.conversationId, answerId: final.answerId });
    const text = events.filter((e) => e.event === "delta").map((e) => (JSON.parse(e.data) as { text: string }).text);
    expect(text.join("")).toBe(final.answer);
    expect(JSON.parse(events.at(-2)!.data)).toEqual({ citations: final.citations });
  });

  it("gives the same answer as /v1/ask for the same question and conversation state, follow-ups included", async () => {
    const askFirst = (await (await postJson(sitrep.app, "/v1/ask", { question: QUESTION })).json()) as AskResponse;
    const chatFirst = done((await chat(sitrep.app, { question: QUESTION })).events);
    expect(comparable(chatFirst)).toEqual(comparable(askFirst));
    expect(chatFirst.conversationId).not.toBe(askFirst.conversationId);

    // Each conversation now holds the same one turn: the follow-up must resolve the same way.
    const askNext = (await (await postJson(sitrep.app, "/v1/ask", { question: FOLLOW_UP, conversationId: askFirst.conversationId })).json()) as AskResponse;
    const chatNext = done((await chat(sitrep.app, { question: FOLLOW_UP, conversationId: chatFirst.conversationId })).events);
    expect(comparable(chatNext)).toEqual(comparable(askNext));
    expect(chatNext.conversationId).toBe(chatFirst.conversationId);

    // The streamed turn was stored like an /v1/ask turn.
    const stored = await sitrep.app.request(`/v1/answers/${chatNext.answerId}`);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ answerId: chatNext.answerId, question: FOLLOW_UP });
    expect((await sitrep.deps.store.answer(chatNext.answerId))?.conversationId).toBe(chatFirst.conversationId);
  });

  it.each([
    ["a missing question", {}],
    ["an empty question", { question: "   " }],
    ["a question that is not a string", { question: 42 }],
    ["an over-long question", { question: "x".repeat(2001) }],
  ])("rejects %s with the same JSON error as /v1/ask", async (_name, body) => {
    const res = await postJson(sitrep.app, "/v1/chat", body);
    const ask = await postJson(sitrep.app, "/v1/ask", body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const error = (await res.json()) as { error: { code: string; message: string } };
    expect(error).toEqual(await ask.json());
    expect(error.error.code).toBe("invalid_request");
  });

  it("rejects malformed JSON and non-JSON bodies like /v1/ask", async () => {
    for (const init of [
      { headers: { "content-type": "application/json" }, body: "{not json" },
      { headers: { "content-type": "text/plain" }, body: JSON.stringify({ question: QUESTION }) },
    ]) {
      const res = await sitrep.app.request("/v1/chat", { method: "POST", ...init });
      const ask = await sitrep.app.request("/v1/ask", { method: "POST", ...init });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect({ status: res.status, body: await res.json() }).toEqual({ status: ask.status, body: await ask.json() });
    }
  });

  it("sends an error event without internals when answering fails", async () => {
    const failing: Asker = {
      ask: async () => {
        throw new Error("secret database path /var/lib/x at line 12");
      },
    };
    const app = buildApp({ ...sitrep.deps, asker: failing });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { res, events } = await chat(app, { question: QUESTION });
    expect(log).toHaveBeenCalled(); // the server log keeps the detail the client must not see
    log.mockRestore();
    expect(res.status).toBe(200);
    expect(events.map((e) => e.event)).toEqual(["error"]);
    const error = JSON.parse(events[0]!.data) as Record<string, unknown>;
    expect(error).toEqual({ code: "internal_error", message: expect.any(String) });
    expect(JSON.stringify(error)).not.toMatch(/secret|\/var\/lib|at line|Error:/);
  });

  it("sends a timeout error event when the answer is over its time budget", async () => {
    const slow: Asker = { ask: () => new Promise(() => {}) };
    const app = buildApp({ ...sitrep.deps, asker: slow, config: { ...sitrep.deps.config, ANSWER_TIMEOUT_MS: 50 } });
    const { events } = await chat(app, { question: QUESTION });
    expect(events.map((e) => e.event)).toEqual(["error"]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ code: "timeout" });
  });

  it("survives a client that disconnects mid-stream and keeps serving", async () => {
    const controller = new AbortController();
    const res = await sitrep.app.request("/v1/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: QUESTION }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("event: meta");
    controller.abort();
    await reader.cancel();

    await new Promise((r) => setTimeout(r, 200)); // let the abandoned stream's timers run out
    const { res: next, events } = await chat(sitrep.app, { question: QUESTION });
    expect(next.status).toBe(200);
    expect(events.at(-1)?.event).toBe("done");
    const health = await sitrep.app.request("/health");
    expect(health.status).toBe(200);
  });

});

/** Resolves when `open()` is called: holds an answer back until the test has seen what it wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function nextEvent(events: AsyncGenerator<SseEvent>): Promise<SseEvent> {
  const { value, done } = await events.next();
  expect(done).toBe(false);
  return value as SseEvent;
}

describe("POST /v1/chat streams as the answer is made (an injected slow pipeline around the real one)", () => {
  let slow: Sitrep;
  let hold = gate();
  let seen: AnswerInput[] = [];
  const scripted = new Map<string, AnswerStreamEvent[]>();

  beforeAll(async () => {
    const wrapPipeline = (real: AnswerPipeline): AnswerPipeline => ({
      async answer(input) {
        seen.push(input);
        const script = scripted.get(input.question);
        for (const event of script ?? []) input.onEvent?.(event);
        await hold.opened;
        input.signal?.throwIfAborted();
        // A scripted stream stands in for the composer's: the real pipeline's own events are not passed on.
        return real.answer(script ? { ...input, onEvent: undefined } : input);
      },
    });
    slow = await createTestSitrep({}, { wrapPipeline });
  });
  afterAll(() => slow?.close());
  const reset = () => {
    hold = gate();
    seen = [];
  };

  it("sends meta before the answer is complete, then the answer in delta pieces without waiting", async () => {
    reset();
    const res = await postJson(slow.app, "/v1/chat", { question: QUESTION });
    const events = readSse(res.body!);
    const meta = await nextEvent(events);
    expect(meta.event).toBe("meta");
    expect(seen).toHaveLength(1); // the pipeline is still holding its answer back
    hold.open();
    const rest: SseEvent[] = [];
    for await (const event of events) rest.push(event);
    expect(rest.map((e) => e.event).join(" ")).toMatch(/^( ?delta)+ citations done$/);
    const final = JSON.parse(rest.at(-1)!.data) as AskResponse;
    expect(JSON.parse(meta.data)).toEqual({ conversationId: final.conversationId, answerId: final.answerId });
    expect(rest.filter((e) => e.event === "delta").map((e) => (JSON.parse(e.data) as { text: string }).text).join("")).toBe(final.answer);
  });

  it("forwards the composer's deltas as they are produced, and a replace when the final answer differs", async () => {
    reset();
    const question = "How has the security situation in the central regions evolved?";
    scripted.set(question, [
      { type: "delta", text: "Draft from a model, " },
      { type: "delta", text: "not verified." },
      { type: "replace", answer: "Rejected draft replaced." },
    ]);
    const res = await postJson(slow.app, "/v1/chat", { question });
    const events = readSse(res.body!);
    expect((await nextEvent(events)).event).toBe("meta");
    // Both deltas and the replace arrive while the pipeline is still working.
    expect(await nextEvent(events)).toEqual({ event: "delta", data: JSON.stringify({ text: "Draft from a model, " }) });
    expect(await nextEvent(events)).toEqual({ event: "delta", data: JSON.stringify({ text: "not verified." }) });
    expect(await nextEvent(events)).toEqual({ event: "replace", data: JSON.stringify({ answer: "Rejected draft replaced." }) });
    hold.open();
    const rest: SseEvent[] = [];
    for await (const event of events) rest.push(event);
    const final = JSON.parse(rest.at(-1)!.data) as AskResponse;
    // The real pipeline's answer differs from what was streamed: the client is told to replace it.
    expect(rest.map((e) => e.event)).toEqual(["replace", "citations", "done"]);
    expect(JSON.parse(rest[0]!.data)).toEqual({ answer: final.answer });
    scripted.delete(question);
  });

  it("abandons the answer of a client that leaves: the work is told to stop and no turn is stored", async () => {
    reset();
    const controller = new AbortController();
    const res = await slow.app.request("/v1/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: QUESTION }),
      signal: controller.signal,
    });
    const events = readSse(res.body!);
    const meta = JSON.parse((await nextEvent(events)).data) as { conversationId: string; answerId: string };
    controller.abort();
    await events.return(undefined);
    await expect.poll(() => seen[0]?.signal?.aborted).toBe(true);
    hold.open();
    expect((await slow.app.request(`/v1/answers/${meta.answerId}`)).status).toBe(404);
    expect(await slow.deps.store.recentTurns(meta.conversationId, 10)).toEqual([]);
  });
});

describe("splitForStreaming", () => {
  it("splits into sentence-sized pieces that rebuild the text exactly", () => {
    const text = "Kidal was attacked (para. 17). Troops (para. 18 (b)); Senegal sent 576 (Annex II). See para. 3 too.";
    const pieces = splitForStreaming(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.split("(").length).toBe(piece.split(")").length);
  });

  it("bounds long sentences and keeps empty answers to one piece", () => {
    const long = "word ".repeat(100).trim();
    const pieces = splitForStreaming(long, 50);
    expect(pieces.join("")).toBe(long);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(50 + "word ".length);
    expect(splitForStreaming("")).toEqual([""]);
  });
});
