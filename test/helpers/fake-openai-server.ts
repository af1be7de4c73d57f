// A fake OpenAI-compatible server on 127.0.0.1 (node:http), for the LLM tests: a hosted or local model
// is out of reach offline. It serves POST /v1/chat/completions with scripted replies, in order, as a
// JSON completion or, when the request says `stream: true`, as SSE chunks (content and tool_calls),
// and records every request it got and whether the client hung up before the reply was complete.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** The arguments as the model writes them: a JSON string (or not, for a broken call). */
  arguments: string;
}

export interface ScriptedReply {
  content?: string;
  toolCalls?: ScriptedToolCall[];
  /** Wait this long before replying (a slow model); the wait ends early if the client hangs up. */
  delayMs?: number;
  /** Streaming only: send this many characters of the content, then wait for `resume` before the rest. */
  pauseAfterChars?: number;
  resume?: Promise<void>;
  /** Characters of content per SSE chunk. */
  chunkChars?: number;
}

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

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

function completion(model: string, reply: ScriptedReply) {
  const toolCalls = reply.toolCalls?.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } }));
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: reply.content ?? null, ...(toolCalls?.length ? { tool_calls: toolCalls } : {}) }, finish_reason: toolCalls?.length ? "tool_calls" : "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

async function writeStream(res: ServerResponse, model: string, reply: ScriptedReply): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    res.write(`data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
  chunk({ role: "assistant", content: "" });
  const content = reply.content ?? "";
  let sent = 0;
  for (const piece of pieces(content, reply.chunkChars ?? 6)) {
    if (res.destroyed) return;
    if (reply.pauseAfterChars !== undefined && sent >= reply.pauseAfterChars && sent - piece.length < reply.pauseAfterChars) await reply.resume;
    chunk({ content: piece });
    sent += piece.length;
    // Its own network write per chunk, as a real server's tokens arrive.
    await new Promise((r) => setImmediate(r));
  }
  (reply.toolCalls ?? []).forEach((c, index) => {
    chunk({ tool_calls: [{ index, id: c.id, type: "function", function: { name: c.name, arguments: "" } }] });
    for (const part of pieces(c.arguments, 12)) chunk({ tool_calls: [{ index, function: { arguments: part } }] });
  });
  chunk({}, reply.toolCalls?.length ? "tool_calls" : "stop");
  res.end("data: [DONE]\n\n");
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
