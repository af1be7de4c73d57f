// Pre-authorize middleware: drop bot-authored events and Slack's retries before any listener runs.
// Returning a response here acks the request with 200 and schedules no lazy work at all.
import type { PreAuthorizeMiddleware, SlackEdgeAppEnv } from "slack-edge";
import { z } from "zod";
import type { SlackEventStore } from "../stores/types.js";
import { isFromBot } from "./events.js";
import type { SlackLog } from "./log.js";
import { botUserIdOf } from "./payloads.js";

const AckOnly = { status: 200, body: "" } as const;

const EventFieldsSchema = z.object({
  type: z.literal("event_callback"),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string(), bot_id: z.string().optional(), subtype: z.string().optional(), user: z.string().optional() }),
});

/** Acks event types no listener handles, so slack-edge neither 404s (Slack would retry) nor logs the payload. */
export function ackUnhandledEvents(handled: readonly string[]): PreAuthorizeMiddleware<SlackEdgeAppEnv> {
  return async (req) => {
    const parsed = EventFieldsSchema.safeParse(req.body);
    if (parsed.success && !handled.includes(String(parsed.data.event.type))) return AckOnly;
  };
}

/** Ignores events posted by any bot, this one included (bot_id, subtype bot_message, or the bot's user id). */
export function ignoreBotEvents(log: SlackLog): PreAuthorizeMiddleware<SlackEdgeAppEnv> {
  return async (req) => {
    const parsed = EventFieldsSchema.safeParse(req.body);
    if (!parsed.success || !isFromBot(parsed.data.event, botUserIdOf(req.body))) return;
    log.debug(`ignoring bot event ${parsed.data.event_id}`);
    return AckOnly;
  };
}

/** Claims each event_id once (persisted by the store); a retry of a claimed event is acked and dropped. */
export function dedupeEvents(store: SlackEventStore, log: SlackLog): PreAuthorizeMiddleware<SlackEdgeAppEnv> {
  return async (req) => {
    const parsed = EventFieldsSchema.safeParse(req.body);
    if (!parsed.success || (await store.claimEvent(parsed.data.event_id))) return;
    log.info(`dropping duplicate event ${parsed.data.event_id} (retry ${req.retryNum ?? 0}, ${req.retryReason ?? "no reason"})`);
    return AckOnly;
  };
}
