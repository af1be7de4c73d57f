// POST /v1/chat: the /v1/ask answer delivered as Server-Sent Events
// (meta → delta+ → citations → done, or error).
import { Hono } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { AskRequestSchema, type AskResponse } from "../../answer/contract.js";
import type { AppDeps } from "../deps.js";

export interface ChatRouteOptions {
  /** Pause between delta events so the answer visibly streams; 0 in tests that want speed. */
  deltaDelayMs?: number;
}

class AnswerTimeout extends Error {}

export function chatRoutes(deps: AppDeps, options: ChatRouteOptions = {}): Hono {
  const delay = options.deltaDelayMs ?? 20;
  const app = new Hono();

  app.post("/v1/chat", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: { code: "bad_request", message: "body must be JSON" } }, 400);
    }
    const parsed = AskRequestSchema.safeParse(body);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "invalid request";
      return c.json({ error: { code: "bad_request", message } }, 400);
    }
    const request = parsed.data;

    return streamSSE(c, async (stream) => {
      try {
        const response = await withTimeout(deps.asker.ask(request), deps.config.ANSWER_TIMEOUT_MS);
        await sendAnswer(stream, response, delay);
      } catch (err) {
        if (stream.aborted) return;
        const timedOut = err instanceof AnswerTimeout;
        if (!timedOut && deps.config.LOG_LEVEL !== "silent") console.error("chat: ask failed", err);
        await send(stream, "error", {
          code: timedOut ? "timeout" : "internal",
          message: timedOut ? "The answer took too long. Please try again." : "Something went wrong while answering.",
        });
      }
    });
  });

  return app;
}

async function sendAnswer(stream: SSEStreamingApi, response: AskResponse, delay: number): Promise<void> {
  if (!(await send(stream, "meta", { conversationId: response.conversationId, answerId: response.answerId }))) return;
  for (const text of splitForStreaming(response.answer)) {
    if (delay > 0) await stream.sleep(delay);
    if (!(await send(stream, "delta", { text }))) return;
  }
  if (!(await send(stream, "citations", { citations: response.citations }))) return;
  await send(stream, "done", response);
}

/** Writes one event; false once the client has gone, so the caller stops. */
async function send(stream: SSEStreamingApi, event: string, data: unknown): Promise<boolean> {
  if (stream.aborted) return false;
  await stream.writeSSE({ event, data: JSON.stringify(data) });
  return !stream.aborted;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnswerTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Splits text into sentence/phrase-sized pieces whose concatenation is exactly the input.
 * Never breaks inside parentheses, so "(para. 18 (b))" arrives whole unless it is huge.
 */
export function splitForStreaming(text: string, maxChars = 120): string[] {
  const pieces: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    const next = text[i + 1];
    if (next === undefined || !/\s/.test(next)) continue;
    const length = i + 1 - start;
    const sentenceEnd = depth === 0 && /[.;:!?]/.test(ch) && !/\b(?:para|paras|No|Mr|Ms|Dr)\.$/.test(text.slice(start, i + 1));
    const phraseEnd = depth === 0 && ch === "," && length > 60;
    if (sentenceEnd || phraseEnd || length >= maxChars) {
      let end = i + 1;
      while (end < text.length && /\s/.test(text[end]!)) end++;
      pieces.push(text.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces.length > 0 ? pieces : [""];
}
