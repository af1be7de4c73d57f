// The parts of Slack's payloads this bot reads, validated with zod (slack-edge hands us untyped bodies).
import { z } from "zod";

/** Events API envelope (type "event_callback"). */
export const EventEnvelopeSchema = z.object({
  type: z.literal("event_callback"),
  event_id: z.string().min(1),
  authorizations: z.array(z.object({ user_id: z.string().optional(), is_bot: z.boolean().optional() })).optional(),
  event: z.looseObject({ type: z.string() }),
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** A posted message or an app_mention: the fields that decide whether and where to answer. */
export const MessageEventSchema = z.object({
  type: z.enum(["app_mention", "message"]),
  subtype: z.string().optional(),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(""),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** Slash command form body. */
export const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string().default(""),
  user_id: z.string(),
  channel_id: z.string(),
  response_url: z.string().url(),
});
export type SlashCommand = z.infer<typeof SlashCommandSchema>;

/** block_actions payload for the feedback buttons. */
export const FeedbackActionSchema = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string() }),
  response_url: z.string().url().optional(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.looseObject({ message_ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().min(1).max(200) })).min(1),
});
export type FeedbackAction = z.infer<typeof FeedbackActionSchema>;

/** The bot's own user id, as Slack reports it in every Events API envelope. */
export function botUserIdOf(body: unknown): string | undefined {
  const parsed = z.object({ authorizations: z.array(z.object({ user_id: z.string() })).min(1) }).safeParse(body);
  return parsed.success ? parsed.data.authorizations[0]?.user_id : undefined;
}
