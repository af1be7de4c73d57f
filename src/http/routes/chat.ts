// POST /v1/chat: the /v1/ask answer delivered as Server-Sent Events
// (meta → delta+ → citations → done, or error).
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import type { AskResponse } from "../../answer/contract.js";
import { principalOf } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { assertConversationUsable } from "../ownership.js";
import { publicError } from "../errors.js";
import { AskRequest, askBodyErrors, jsonBody, v1Security } from "../openapi-schemas.js";
import { answerWithinBudget } from "../time-budget.js";

export interface ChatRouteOptions {
  /** Pause between delta events so the answer visibly streams. */
  deltaDelayMs?: number;
}

const route = createRoute({
  method: "post",
  path: "/v1/chat",
  security: v1Security,
  summary: "Answer a question as Server-Sent Events (meta, delta…, citations, done | error)",
  request: { body: jsonBody(AskRequest) },
  responses: {
    200: {
      content: { "text/event-stream": { schema: z.string() } },
      description: "Events: meta {conversationId, answerId}; delta {text}; citations {citations}; done (the AskResponse); error {code, message}",
    },
    ...askBodyErrors,
  },
});

export function chatRoutes(deps: AppDeps, options: ChatRouteOptions = {}) {
  const delay = options.deltaDelayMs ?? 20;
  return new OpenAPIHono().openapi(route, async (c) => {
    const request = c.req.valid("json");
    const principal = principalOf(c);
    // Before the stream opens, so someone else's conversation is a plain 404, as on /v1/ask.
    await assertConversationUsable(deps.store, request.conversationId, principal);
    return streamSSE(c, async (stream) => {
      try {
        // ask() stores the turn, so the answer is the one /v1/ask would give and follow-ups see it.
        const response = await answerWithinBudget(deps, request, { principal });
        await sendAnswer(stream, response, delay);
      } catch (err) {
        if (stream.aborted) return;
        const { code, message } = publicError(err, "POST /v1/chat");
        await send(stream, "error", { code, message });
      }
    });
  });
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
    const sentenceEnd = depth === 0 && /[.;:!?]/.test(ch) && !/\b(?:paras?|No|Mr|Ms|Dr)\.$/.test(text.slice(start, i + 1));
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
