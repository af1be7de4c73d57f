// Offline authorize: a single-workspace app already knows its bot token, so no auth.test call.
// The bot's user id comes from the Events API envelope; its bot id is unknown, so it is "" (which
// never equals an absent event.bot_id, so slack-edge's self-event filter doesn't drop user events).
import type { Authorize, SlackEdgeAppEnv } from "slack-edge";
import { botUserIdOf } from "./payloads.js";

export function offlineAuthorize(botToken: string): Authorize<SlackEdgeAppEnv> {
  return async (req) => ({
    botToken,
    botId: "",
    botUserId: botUserIdOf(req.body) ?? "",
    botScopes: [],
    enterpriseId: req.context.enterpriseId,
    teamId: req.context.teamId,
    userId: req.context.userId,
  });
}
