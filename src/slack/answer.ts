// Question in, Slack message out: validates the question, asks within the answer budget, and turns
// every outcome (answer, refusal, invalid question, timeout, failure) into a postable message.
import { AskRequestSchema } from "../answer/contract.js";
import type { AppDeps } from "../http/deps.js";
import { ApiError } from "../http/errors.js";
import { answerWithinBudget } from "../http/time-budget.js";
import { answerMessage, noticeMessage, type SlackMessage } from "./blocks.js";
import type { SlackLog } from "./log.js";

/** Slack conversations (slack:<channel>:<thread>) belong to the bot: no API client can write into them. */
export const SLACK_PRINCIPAL = "slack";

export const USAGE =
  "Ask me about the Secretary-General's report on Mali (S/2017/478), e.g. `/sitrep How many troops does Senegal contribute?` or mention me with a question. Follow-ups in the same thread keep the context.";

export interface SlackQuestion {
  question: string;
  conversationId?: string;
  /** Echo the question in the reply (slash commands). */
  echoQuestion?: boolean;
}

export async function answerForSlack(deps: AppDeps, log: SlackLog, q: SlackQuestion): Promise<SlackMessage> {
  if (q.question.trim() === "") return noticeMessage(USAGE);
  const parsed = AskRequestSchema.safeParse({ question: q.question, conversationId: q.conversationId });
  if (!parsed.success) return noticeMessage(`I can't ask that: ${parsed.error.issues[0]?.message ?? "invalid question"}.`);
  try {
    // Slack gets one message, posted after verification: a draft the LLM stage streams and then
    // replaces (the `replace` event) never reaches the channel, so there is nothing to update.
    const response = await answerWithinBudget(deps, parsed.data, {
      principal: SLACK_PRINCIPAL,
      onTurn: (turn) => turn.llm && deps.metrics?.llm(turn.llm),
    });
    return answerMessage(response, q.echoQuestion ? { question: parsed.data.question } : {});
  } catch (err) {
    if (err instanceof ApiError && err.status === 504) {
      log.warn(`answer timed out (conversation ${q.conversationId ?? "new"})`);
      return noticeMessage("Sorry, that took too long to answer. Please try again.");
    }
    log.error(`answer failed (conversation ${q.conversationId ?? "new"})`, err);
    return noticeMessage("Sorry, something went wrong while answering. Please try again.");
  }
}
