// Slack requests are limited per workspace (team id), with the same RATE_LIMIT_PER_MINUTE as the API.
// Over the limit Slack still gets its 200 ack (an error makes it retry and, in the end, disable the
// app's events); a slash command's ack says why, an event or a click is dropped and logged.
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps } from "../http/deps.js";
import { perMinuteLimit } from "../http/rate-limit.js";
import type { SlackLog } from "./log.js";
import type { SlackBodyKind } from "./request-body.js";

export interface SlackRequestInfo {
  rawBody: string;
  kind: SlackBodyKind;
  teamId: string | undefined;
}

declare module "hono" {
  interface ContextVariableMap {
    slackRequest: SlackRequestInfo;
  }
}

export function workspaceLimit(deps: AppDeps, log: SlackLog): MiddlewareHandler {
  return perMinuteLimit({
    config: deps.config,
    store: deps.rateLimitStore,
    key: (c) => `slack:${c.get("slackRequest").teamId ?? "unknown"}`,
    exceeded: (c: Context) => {
      const { kind, teamId } = c.get("slackRequest");
      const retryAfter = c.res.headers.get("retry-after") ?? "60";
      log.warn(`workspace ${teamId ?? "unknown"} is over ${deps.config.RATE_LIMIT_PER_MINUTE} requests a minute; dropped a ${kind} request`);
      if (kind !== "command") return c.body(null, 200);
      return c.json({ response_type: "ephemeral", text: `This workspace is asking too many questions right now. Please try again in ${retryAfter} seconds.` }, 200);
    },
  });
}
