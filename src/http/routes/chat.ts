// POST /v1/chat: the /v1/ask answer delivered as Server-Sent Events, as it is made:
// meta (as soon as the question is accepted) → delta… (as the composer produces them) → replace?
// (when verification swapped the streamed text for another answer) → citations → done, or error.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import type { AnswerStreamEvent } from "../../answer/contract.js";
import { splitForStreaming } from "../../answer/stream-pieces.js";
import { noteAnswerRoute } from "../answer-route.js";
import { principalOf } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { publicError } from "../errors.js";
import { AskRequest, askBodyErrors, jsonBody, v1Security } from "../openapi-schemas.js";
import { assertConversationUsable } from "../ownership.js";
import { answerWithinBudget } from "../time-budget.js";

const route = createRoute({
  method: "post",
  path: "/v1/chat",
  security: v1Security,
  summary: "Answer a question as Server-Sent Events (meta, delta…, replace?, citations, done | error)",
  request: { body: jsonBody(AskRequest) },
  responses: {
    200: {
      content: { "text/event-stream": { schema: z.string() } },
      description:
        "Events: meta {conversationId, answerId}; delta {text}; replace {answer} (the text so far is replaced); citations {citations}; done (the AskResponse); error {code, message}",
    },
    ...askBodyErrors,
  },
});

class ClientGoneError extends Error {
  constructor() {
    super("The client closed the stream.");
    this.name = "ClientGoneError";
  }
}

export function chatRoutes(deps: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const request = c.req.valid("json");
    const principal = principalOf(c);
    // Before the stream opens, so someone else's conversation is a plain 404, as on /v1/ask.
    await assertConversationUsable(deps.store, request.conversationId, principal);
    return streamSSE(c, async (stream) => {
      const events = new EventWriter(stream);
      // A client that leaves abandons its answer: the work stops and no turn is stored.
      const gone = new AbortController();
      stream.onAbort(() => gone.abort(new ClientGoneError()));
      let streamed: string | undefined;
      try {
        // ask() stores the turn, so the answer is the one /v1/ask would give and follow-ups see it.
        const response = await answerWithinBudget(deps, request, {
          principal,
          signal: gone.signal,
          onAccepted: (ids) => events.send("meta", ids),
          onEvent: (event: AnswerStreamEvent) => {
            if (event.type === "delta") {
              streamed = (streamed ?? "") + event.text;
              events.send("delta", { text: event.text });
            } else {
              streamed = event.answer;
              events.send("replace", { answer: event.answer });
            }
          },
          onTurn: noteAnswerRoute(c, deps),
        });
        if (stream.aborted) return;
        // An asker that does not call onAccepted (not the conversation asker) gets its ids sent now.
        if (!events.metaSent) events.send("meta", { conversationId: response.conversationId, answerId: response.answerId });
        // Nothing was streamed (a numeric, reference or extractive answer): send it now, in pieces.
        if (streamed === undefined) for (const text of splitForStreaming(response.answer)) events.send("delta", { text });
        else if (streamed !== response.answer) events.send("replace", { answer: response.answer });
        events.send("citations", { citations: response.citations });
        events.send("done", response);
        await events.flushed();
      } catch (err) {
        await events.flushed();
        if (stream.aborted) return;
        const { code, message } = publicError(err, "POST /v1/chat");
        events.send("error", { code, message });
        await events.flushed();
      }
    });
  });
}

/** Writes events in order without making the caller wait; stops once the client has gone. */
class EventWriter {
  private chain: Promise<void> = Promise.resolve();
  metaSent = false;

  constructor(private readonly stream: SSEStreamingApi) {}

  send(event: string, data: unknown): void {
    if (event === "meta") this.metaSent = true;
    this.chain = this.chain.then(async () => {
      if (this.stream.aborted) return;
      await this.stream.writeSSE({ event, data: JSON.stringify(data) });
    });
  }

  flushed(): Promise<void> {
    return this.chain.catch(() => {});
  }
}
