// 👍/👎 clicks: record the rating during the ack (a failure shows the user an error), thank them lazily.
import { FEEDBACK_UP, noticeMessage } from "./blocks.js";
import type { BotContext } from "./bot-context.js";
import { FeedbackActionSchema } from "./payloads.js";

function clickOf(body: unknown) {
  const parsed = FeedbackActionSchema.safeParse(body);
  if (!parsed.success) return null;
  const action = parsed.data.actions[0]!;
  return { payload: parsed.data, answerId: action.value, rating: action.action_id === FEEDBACK_UP ? ("up" as const) : ("down" as const) };
}

export async function ackFeedback(bot: BotContext, body: unknown): Promise<void> {
  const click = clickOf(body);
  if (!click) return;
  const stored = await bot.deps.store.recordFeedback({ answerId: click.answerId, rating: click.rating }, "slack");
  bot.log.debug(`feedback ${click.rating} on ${click.answerId}: ${stored ? "stored" : "unknown answer"}`);
}

export async function thankForFeedback(bot: BotContext, body: unknown): Promise<void> {
  const click = clickOf(body);
  if (!click) return;
  const known = (await bot.deps.store.answer(click.answerId)) !== null;
  const message = noticeMessage(
    known
      ? `Thanks — your ${click.rating === "up" ? "👍" : "👎"} was recorded.`
      : "Sorry, I couldn't record that: this answer is no longer in my records.",
  );
  const { payload } = click;
  try {
    if (payload.response_url) {
      await bot.out.respond(payload.response_url, { ...message, response_type: "ephemeral", replace_original: false });
    } else if (payload.channel) {
      const thread_ts = payload.container?.thread_ts ?? payload.container?.message_ts;
      await bot.out.postEphemeral({ channel: payload.channel.id, user: payload.user.id, ...(thread_ts ? { thread_ts } : {}), ...message });
    }
  } catch (err) {
    bot.log.error(`feedback acknowledgement to ${payload.user.id} failed`, err);
  }
}
