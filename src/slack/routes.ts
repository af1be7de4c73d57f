// POST /slack/events: Events API, interactivity and slash commands all arrive here. Mounted by the
// core app with `app.route("/", slackRoutes(deps))`; null when Slack isn't configured.
import { Hono, type MiddlewareHandler } from "hono";
import type { AppDeps } from "../http/deps.js";
import { errorJson } from "../http/errors.js";
import { createSlackBot } from "./bot.js";
import { lazyWorkContext } from "./exec-context.js";
import { createSlackLog } from "./log.js";
import { parseSlackBody } from "./request-body.js";
import { verifySlackSignature } from "./verify.js";
import { workspaceLimit } from "./workspace-limit.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export function slackRoutes(deps: AppDeps): Hono | null {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken } = deps.config;
  if (!signingSecret || !botToken) return null;
  const log = createSlackLog(deps.config.LOG_LEVEL);
  const slackApp = createSlackBot(deps, { signingSecret, botToken }, log);
  const app = new Hono();

  const verified: MiddlewareHandler = async (c, next) => {
    const rawBody = await c.req.text();
    // Slack's certificate check for slash commands is unsigned; answer it and run nothing.
    if (isSslCheck(rawBody)) return c.body(null, 200);
    // Verified here (stale/future timestamps, malformed headers) before slack-edge parses anything.
    if (!(await verifySlackSignature(signingSecret, c.req.raw.headers, rawBody))) {
      log.warn(`rejected a request with a missing, bad or stale signature from ${c.req.header("user-agent") ?? "unknown"}`);
      return c.text("invalid signature", 401);
    }
    const body = parseSlackBody(rawBody, c.req.header("content-type") ?? "");
    if (!body.ok) {
      log.warn(`rejected a signed but malformed request: ${body.error}`);
      return errorJson(c, 400, "invalid_request", body.error);
    }
    c.set("slackRequest", { rawBody, kind: body.kind, teamId: body.teamId });
    await next();
  };

  app.post(SLACK_EVENTS_PATH, verified, workspaceLimit(deps, log), async (c) => {
    const { rawBody } = c.get("slackRequest");
    const headers = new Headers(c.req.raw.headers);
    headers.delete("content-length"); // the body is re-sent as the text already read
    const request = new Request(c.req.url, { method: "POST", headers, body: rawBody });
    const response = await slackApp.run(request, lazyWorkContext(c, deps, log));
    // An event or action with no listener is still acked: a non-2xx makes Slack retry and, if it
    // keeps happening, disable the event subscription.
    return response.status === 404 ? c.body(null, 200) : response;
  });
  return app;
}

function isSslCheck(rawBody: string): boolean {
  if (!rawBody.includes("ssl_check=")) return false;
  const params = new URLSearchParams(rawBody);
  return params.get("ssl_check") === "1" && !params.has("command");
}
