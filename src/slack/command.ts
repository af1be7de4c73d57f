// /sitrep <question>: ack at once with an ephemeral "Working on it…", answer lazily via response_url.
// Answers are ephemeral (only the asker sees them, with the question echoed); mention the bot for a
// public, threaded answer.
import type { MessageResponse } from "slack-edge";
import { answerForSlack, USAGE } from "./answer.js";
import { noticeMessage } from "./blocks.js";
import type { BotContext } from "./bot-context.js";
import { SlashCommandSchema } from "./payloads.js";
import { slackToPlain } from "./text.js";

export const WORKING = "Working on it…";

function questionOf(body: unknown): { question: string; responseUrl: string; user: string } | null {
  const parsed = SlashCommandSchema.safeParse(body);
  if (!parsed.success) return null;
  return { question: slackToPlain(parsed.data.text).trim(), responseUrl: parsed.data.response_url, user: parsed.data.user_id };
}

export async function ackCommand(body: unknown): Promise<MessageResponse> {
  const q = questionOf(body);
  if (!q || q.question === "") return { response_type: "ephemeral", ...noticeMessage(USAGE) };
  return { response_type: "ephemeral", text: WORKING };
}

export async function answerCommand(bot: BotContext, body: unknown): Promise<void> {
  const q = questionOf(body);
  if (!q || q.question === "") return;
  const message = await answerForSlack(bot.deps, bot.log, { question: q.question, echoQuestion: true });
  try {
    await bot.out.respond(q.responseUrl, { ...message, response_type: "ephemeral" });
  } catch (err) {
    bot.log.error(`response_url post for ${q.user} failed`, err);
  }
}
