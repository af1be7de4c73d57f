// A fake OpenAI-compatible server on 127.0.0.1 (node:http), for the LLM tests: a hosted or local model
// is out of reach offline. It serves POST /v1/chat/completions with scripted replies, in order, as a
// JSON completion or, when the request says `stream: true`, as SSE chunks (content and tool_calls),
// and records every request it got and whether the client hung up before the reply was complete.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { chunkFrame, closingFrames, completion, pieces, type ScriptedReply } from "./openai-wire.js";

export type { ScriptedReply, ScriptedToolCall } from "./openai-wire.js";

export interface RecordedRequest {
  body: {
    model?: string;
    stream?: boolean;
    messages: { role: string; content?: unknown; tool_call_id?: string; tool_calls?: unknown[] }[];
    tools?: { function: { name: string } }[];
    response_format?: { type: string };
    [key: string]: unknown;
  };
  /** The client closed the connection before the reply was complete (its AbortSignal fired). */
  aborted: boolean;
  /** Reached the point where the scripted reply is written out. */
  replied: boolean;
  /** Resolves when the exchange is over, the reply complete or the connection closed. */
  finished: Promise<void>;
}

export interface FakeOpenAIServer {
  /** What ChatOpenAI's configuration.baseURL (LLM_BASE_URL) points at: http://127.0.0.1:PORT/v1 */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replace the queue of replies (each request takes the next one). */
  script(replies: ScriptedReply[]): void;
  /** Answers requests when the queue is empty (a stand-in model for many questions, e.g. an eval run). */
  respond(responder: ((body: RecordedRequest["body"]) => ScriptedReply) | undefined): void;
  close(): Promise<void>;
}

const sleep = (ms: number, res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

async function writeStream(res: ServerResponse, model: string, reply: ScriptedReply): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.write(chunkFrame(model, { role: "assistant", content: "" }));
  const content = reply.content ?? "";
  let sent = 0;
  for (const piece of pieces(content, reply.chunkChars ?? 6)) {
    if (res.destroyed) return;
    if (reply.pauseAfterChars !== undefined && sent >= reply.pauseAfterChars && sent - piece.length < reply.pauseAfterChars) await reply.resume;
    res.write(chunkFrame(model, { content: piece }));
    sent += piece.length;
    // Its own network write per chunk, as a real server's tokens arrive.
    await new Promise((r) => setImmediate(r));
  }
  const frames = closingFrames(model, reply);
  for (const frame of frames.slice(0, -1)) res.write(frame);
  res.end(frames.at(-1));
}

export async function startFakeOpenAI(initial: ScriptedReply[] = []): Promise<FakeOpenAIServer> {
  let queue = [...initial];
  let responder: ((body: RecordedRequest["body"]) => ScriptedReply) | undefined;
  const requests: RecordedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest) => {
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const reply = queue.shift() ?? responder?.(record.body);
    if (!reply) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "the fake server has no scripted reply left" } }));
      return;
    }
    if (reply.delayMs) await sleep(reply.delayMs, res);
    if (res.destroyed) return;
    record.replied = true;
    const model = record.body.model ?? "fake-model";
    if (record.body.stream) await writeStream(res, model, reply);
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion(model, reply)));
  };

  const server = createServer((req, res) => {
    let finish!: () => void;
    const record: RecordedRequest = { body: { messages: [] }, aborted: false, replied: false, finished: new Promise<void>((r) => (finish = r)) };
    res.once("close", () => {
      if (!res.writableFinished) record.aborted = true;
      finish();
    });
    void (async () => {
      record.body = JSON.parse((await readBody(req)) || "{}") as RecordedRequest["body"];
      requests.push(record);
      await handle(req, res, record);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(replies) {
      queue = [...replies];
    },
    respond(r) {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
