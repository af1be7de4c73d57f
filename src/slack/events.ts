// app_mention in channels and message.im in DMs: answer in the thread, keeping one conversation per thread.
import { answerForSlack } from "./answer.js";
import type { BotContext } from "./bot-context.js";
import { EventEnvelopeSchema, MessageEventSchema, type MessageEvent } from "./payloads.js";
import { questionFromMessage } from "./text.js";

export interface ThreadQuestion {
  channel: string;
  threadTs: string;
  question: string;
  conversationId: string;
}

/** True for anything a bot posted, this bot included. */
export function isFromBot(event: Pick<MessageEvent, "bot_id" | "subtype" | "user">, botUserId: string | undefined): boolean {
  return Boolean(event.bot_id) || event.subtype === "bot_message" || (botUserId !== undefined && event.user === botUserId);
}

/** Where and what to answer for an Events API body, or null when the bot should stay silent. */
export function threadQuestionOf(body: unknown): ThreadQuestion | null {
  const envelope = EventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const event = MessageEventSchema.safeParse(envelope.data.event);
  if (!event.success) return null;
  const ev = event.data;
  const botUserId = envelope.data.authorizations?.[0]?.user_id;
  if (isFromBot(ev, botUserId) || !ev.user) return null;
  if (ev.type === "app_mention" && ev.channel.startsWith("D")) return null; // DMs are answered from message.im
  if (ev.type === "message" && (ev.channel_type !== "im" || ev.subtype !== undefined)) return null;
  const threadTs = ev.thread_ts ?? ev.ts;
  return {
    channel: ev.channel,
    threadTs,
    question: questionFromMessage(ev.text, botUserId),
    conversationId: `slack:${ev.channel}:${threadTs}`,
  };
}

/** Lazy listener for app_mention and message events: ask, then post ONE reply in the thread. */
export async function answerInThread(bot: BotContext, body: unknown): Promise<void> {
  const target = threadQuestionOf(body);
  if (!target) return;
  const message = await answerForSlack(bot.deps, bot.log, { question: target.question, conversationId: target.conversationId });
  try {
    await bot.out.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
  } catch (err) {
    bot.log.error(`chat.postMessage to ${target.channel} failed`, err);
  }
}
