// POST /v1/ask: the product's core contract.
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { noteAnswerRoute } from "../answer-route.js";
import { principalOf } from "../auth.js";
import type { AppDeps } from "../deps.js";
import { assertConversationUsable } from "../ownership.js";
import { answerWithinBudget } from "../time-budget.js";
import { AskRequest, AskResponse, askBodyErrors, errorResponse, jsonBody, jsonResponse, v1Security } from "../openapi-schemas.js";

const route = createRoute({
  method: "post",
  path: "/v1/ask",
  security: v1Security,
  summary: "Answer a question about the report, with citations",
  request: { body: jsonBody(AskRequest) },
  responses: {
    200: jsonResponse(AskResponse, "The answer; answered=false when the report does not support one"),
    ...askBodyErrors,
    503: errorResponse("Every answer worker is busy and the queue is full"),
    504: errorResponse("The answer took longer than its time budget"),
  },
});

export function askRoutes(deps: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const request = c.req.valid("json");
    const principal = principalOf(c);
    await assertConversationUsable(deps.store, request.conversationId, principal);
    const response = await answerWithinBudget(deps, request, { principal, onTurn: noteAnswerRoute(c, deps) });
    return c.json(response, 200);
  });
}
