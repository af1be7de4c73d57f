// Whose conversation and answer it is. Checked before any work starts, so /v1/chat can still answer 404
// rather than a stream; the conversation asker checks ownership again when it stores the turn.
import { ConversationNotFoundError } from "../conversations/conversation-asker.js";
import { SLACK_PRINCIPAL } from "../slack/answer.js";
import type { SitrepStore, StoredAnswer } from "../stores/types.js";
import { ApiError } from "./errors.js";

/** Conversation ids the Slack bot makes (slack:<channel>:<thread_ts>); no HTTP caller may use them. */
export const SLACK_CONVERSATION_PREFIX = "slack:";

/** Throws ConversationNotFoundError (404) unless `principal` may add to the conversation. */
export async function assertConversationUsable(store: SitrepStore, conversationId: string | undefined, principal: string): Promise<void> {
  if (conversationId === undefined) return;
  // Reserved even before the bot creates it: otherwise a client could start slack:<channel>:<ts> first.
  if (conversationId.startsWith(SLACK_CONVERSATION_PREFIX) && principal !== SLACK_PRINCIPAL) {
    throw new ConversationNotFoundError(conversationId);
  }
  const owner = await store.conversationOwner(conversationId);
  if (owner !== null && owner !== principal) throw new ConversationNotFoundError(conversationId);
}

/** The stored answer if `principal` owns it; another principal's answer looks exactly like a missing one. */
export async function ownAnswer(store: SitrepStore, answerId: string, principal: string): Promise<StoredAnswer> {
  const answer = await store.answer(answerId);
  if (!answer || answer.owner !== principal) throw new ApiError(404, "not_found", `No answer with id ${answerId}.`);
  return answer;
}
