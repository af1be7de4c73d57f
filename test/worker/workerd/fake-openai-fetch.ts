// A fake OpenAI-compatible model inside workerd, for the Worker's LLM tests: a hosted model is out of
// reach offline, and cloudflare:test has no fetchMock in this version of the pool. The isolate's global
// fetch is intercepted for the model's origin only (the Worker under test runs in this isolate, so its
// ChatOpenAI client's calls arrive here) and answered with scripted chat-completions replies, in
// order: JSON, or SSE when the request says `stream: true`. Every other request goes out as usual.
import { vi } from "vitest";
import { chunkFrame, closingFrames, completion, pieces, type ScriptedReply } from "../../helpers/openai-wire.js";

export interface FakeModelRequest {
  body: { model?: string; stream?: boolean; messages: { role: string; content?: unknown }[]; tools?: { function: { name: string } }[]; response_format?: { type: string } };
  authorization: string | null;
  /** The client's AbortSignal fired before the reply was complete. */
  aborted: boolean;
}

export interface FakeModelFetch {
  /** What LLM_BASE_URL points at. */
  baseURL: string;
  requests: FakeModelRequest[];
  script(replies: ScriptedReply[]): void;
  restore(): void;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function abortable(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException("aborted", "AbortError"));
    });
  });
}

function sseBody(model: string, reply: ScriptedReply, record: FakeModelRequest): ReadableStream<Uint8Array> {
  const frames = [chunkFrame(model, { role: "assistant", content: "" }), ...pieces(reply.content ?? "", reply.chunkChars ?? 6).map((p) => chunkFrame(model, { content: p })), ...closingFrames(model, reply)];
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    async pull(controller) {
      // Its own turn per chunk, as a real server's tokens arrive.
      await new Promise((r) => setTimeout(r, 0));
      if (next < frames.length) controller.enqueue(encoder.encode(frames[next++]));
      else controller.close();
    },
    cancel() {
      record.aborted = true;
    },
  });
}

export function interceptFakeModel(origin = "https://fake-openai.test"): FakeModelFetch {
  let queue: ScriptedReply[] = [];
  const requests: FakeModelRequest[] = [];
  const realFetch = globalThis.fetch.bind(globalThis);
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== origin) return realFetch(input, init);
    const record: FakeModelRequest = { body: { messages: [] }, authorization: request.headers.get("authorization"), aborted: false };
    record.body = (await request.json()) as FakeModelRequest["body"];
    requests.push(record);
    if (request.method !== "POST" || new URL(request.url).pathname !== "/v1/chat/completions") return json(404, { error: { message: "not found" } });
    const reply = queue.shift();
    if (!reply) return json(500, { error: { message: "the fake model has no scripted reply left" } });
    const signal = init?.signal ?? request.signal;
    try {
      if (reply.delayMs) await abortable(reply.delayMs, signal);
    } catch (err) {
      record.aborted = true;
      throw err;
    }
    const model = record.body.model ?? "fake-model";
    if (record.body.stream) return new Response(sseBody(model, reply, record), { headers: { "content-type": "text/event-stream" } });
    return json(200, completion(model, reply));
  });
  return {
    baseURL: `${origin}/v1`,
    requests,
    script(replies) {
      queue = [...replies];
    },
    restore: () => spy.mockRestore(),
  };
}
