// Feedback on answers, and the stored answer with its feedback.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.js";
import { ApiError } from "../errors.js";
import { AskResponse, FeedbackRequest, errorResponse, jsonBody, jsonResponse } from "../openapi-schemas.js";

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
    conversationId: z.string(),
    question: z.string(),
    response: AskResponse,
    feedback: z.array(StoredFeedback),
  })
  .meta({ id: "StoredAnswer" });

const feedbackRoute = createRoute({
  method: "post",
  path: "/v1/feedback",
  summary: "Rate an answer up or down, with an optional comment",
  request: { body: jsonBody(FeedbackRequest) },
  responses: {
    201: jsonResponse(StoredFeedback, "Stored"),
    400: errorResponse("Invalid body"),
    404: errorResponse("Unknown answerId"),
  },
});

const answerRoute = createRoute({
  method: "get",
  path: "/v1/answers/{answerId}",
  summary: "A stored answer with its feedback",
  request: { params: z.object({ answerId: z.string().min(1).max(200) }) },
  responses: { 200: jsonResponse(StoredAnswer, "The answer"), 404: errorResponse("Unknown answerId") },
});

const unknownAnswer = (answerId: string) => new ApiError(404, "not_found", `No answer with id ${answerId}.`);

export function feedbackRoutes({ store }: AppDeps) {
  return new OpenAPIHono()
    .openapi(feedbackRoute, async (c) => {
      const body = c.req.valid("json");
      const stored = await store.recordFeedback(body, c.req.header("x-sitrep-client") === "widget" ? "widget" : "api");
      if (!stored) throw unknownAnswer(body.answerId);
      return c.json(stored, 201);
    })
    .openapi(answerRoute, async (c) => {
      const { answerId } = c.req.valid("param");
      const answer = await store.answer(answerId);
      if (!answer) throw unknownAnswer(answerId);
      const { owner: _owner, ...shown } = answer;
      return c.json(shown, 200);
    });
}
