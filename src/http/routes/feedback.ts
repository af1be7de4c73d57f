// Feedback on answers, and the stored answer with its feedback.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { principalOf } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { ApiError } from "../errors.js";
import { AskResponse, FeedbackRequest, accessErrors, errorResponse, jsonBody, jsonResponse, v1Security } from "../openapi-schemas.js";
import { ownAnswer } from "../ownership.js";

const StoredFeedback = z
  .object({
    answerId: z.string(),
    rating: z.enum(["up", "down"]),
    comment: z.string().nullable(),
    source: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "StoredFeedback" });

const StoredAnswer = z
  .object({
    answerId: z.string(),
    /** Only with API keys on, and only to the owner: with keys off the id is what lets anyone continue the conversation. */
    conversationId: z.string().optional(),
    question: z.string(),
    response: AskResponse.omit({ conversationId: true }),
    feedback: z.array(StoredFeedback),
  })
  .meta({ id: "StoredAnswer" });

const feedbackRoute = createRoute({
  method: "post",
  path: "/v1/feedback",
  security: v1Security,
  summary: "Rate an answer up or down, with an optional comment",
  request: { body: jsonBody(FeedbackRequest) },
  responses: {
    201: jsonResponse(StoredFeedback, "Stored"),
    400: errorResponse("Invalid body"),
    404: errorResponse("Unknown answerId, or another principal's answer"),
    413: errorResponse("Body over 64 KB"),
    415: errorResponse("Body is not application/json"),
    ...accessErrors,
  },
});

const answerRoute = createRoute({
  method: "get",
  path: "/v1/answers/{answerId}",
  security: v1Security,
  summary: "A stored answer with its feedback",
  request: { params: z.object({ answerId: z.string().min(1).max(200) }) },
  responses: {
    200: jsonResponse(StoredAnswer, "The answer"),
    400: errorResponse("answerId is not 1 to 200 characters"),
    404: errorResponse("Unknown answerId, or another principal's answer"),
    ...accessErrors,
  },
});

const unknownAnswer = (answerId: string) => new ApiError(404, "not_found", `No answer with id ${answerId}.`);

export function feedbackRoutes({ store, config }: AppDeps) {
  const keysOn = config.API_KEYS.length > 0;
  return new OpenAPIHono()
    .openapi(feedbackRoute, async (c) => {
      const body = c.req.valid("json");
      await ownAnswer(store, body.answerId, principalOf(c));
      const stored = await store.recordFeedback(body, c.req.header("x-sitrep-client") === "widget" ? "widget" : "api");
      if (!stored) throw unknownAnswer(body.answerId);
      return c.json(stored, 201);
    })
    .openapi(answerRoute, async (c) => {
      const { answerId } = c.req.valid("param");
      const answer = await ownAnswer(store, answerId, principalOf(c));
      const { conversationId: _inResponse, ...response } = answer.response;
      return c.json(
        {
          answerId: answer.answerId,
          ...(keysOn ? { conversationId: answer.conversationId } : {}),
          question: answer.question,
          response,
          feedback: answer.feedback,
        },
        200,
      );
    });
}
