// The Hono app. Built from its dependencies so Node, Workers and tests all run the same thing.
import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { slackRoutes } from "../slack/routes.js";
import { apiKeyAuth } from "./auth.js";
import type { AppDeps } from "./deps.js";
import { ApiError, errorJson, handleError } from "./errors.js";
import { requestLog } from "./middleware/request-log.js";
import { askRoutes } from "./routes/ask.js";
import { chatRoutes } from "./routes/chat.js";
import { feedbackRoutes } from "./routes/feedback.js";
import { API_KEY_SCHEME } from "./openapi-schemas.js";
import { apiRateLimit } from "./rate-limit.js";
import { requestBody } from "./request-body.js";
import { healthRoutes } from "./routes/health.js";
import { reportRoutes } from "./routes/report.js";
import { widgetRoutes } from "./routes/widget.js";
import { securityHeaders } from "./security-headers.js";

export const MAX_BODY_BYTES = 64 * 1024;
const JSON_ENDPOINTS = ["/v1/ask", "/v1/chat", "/v1/feedback"];

export function buildApp(deps: AppDeps) {
  const app = new OpenAPIHono({
    // Validation failures become the same JSON error shape as everything else.
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        return errorJson(c, 400, "invalid_request", `${where}${issue?.message ?? "invalid request"}`);
      }
    },
  });

  app.onError(handleError);
  app.notFound((c) => errorJson(c, 404, "not_found", `No route for ${c.req.method} ${c.req.path}.`));

  app.use("*", requestId());
  if (deps.logger) app.use("*", requestLog(deps.logger));
  if (deps.metrics) app.use("*", deps.metrics.middleware);
  app.use("*", securityHeaders());
  // Operators' numbers: behind a full key when keys are on, with the same headers as everything else.
  if (deps.metrics) app.get("/metrics", apiKeyAuth(deps.config), deps.metrics.handler);
  app.use(
    "/v1/*",
    cors({
      origin: (origin) => (deps.config.WIDGET_ORIGINS.includes(origin) ? origin : null),
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Content-Type", "X-Sitrep-Client", "Authorization"],
      exposeHeaders: ["Retry-After", "RateLimit", "RateLimit-Policy"],
      maxAge: 600,
    }),
  );
  // After CORS (preflights carry no key), before any body is read.
  app.use("/v1/*", apiKeyAuth(deps.config));
  app.use("/v1/*", apiRateLimit(deps.config, deps.rateLimitStore));
  // Reads every body in full (up to the limit): 413 over it, 400 for a body that cannot be read.
  app.use("*", requestBody(MAX_BODY_BYTES));
  for (const path of JSON_ENDPOINTS) {
    app.post(path, async (c, next) => {
      const type = c.req.header("content-type") ?? "";
      if (!/^application\/json\b/i.test(type)) {
        throw new ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
      }
      await next();
    });
  }

  const slack = slackRoutes(deps);
  app.route("/", askRoutes(deps));
  app.route("/", chatRoutes(deps));
  app.route("/", reportRoutes(deps));
  app.route("/", feedbackRoutes(deps));
  app.route("/", healthRoutes(deps, slack !== null));
  app.route("/", widgetRoutes(deps));
  if (slack) app.route("/", slack);

  app.openAPIRegistry.registerComponent("securitySchemes", API_KEY_SCHEME, {
    type: "http",
    scheme: "bearer",
    description: "Required on /v1 when the service sets API_KEYS.",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "sitrep",
      version: deps.version,
      description: "Grounded answers about UN Secretary-General reports, with paragraph and annex citations.",
    },
  });
  return app;
}

export type SitrepApp = ReturnType<typeof buildApp>;
