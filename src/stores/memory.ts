// In-memory store: for Workers without D1 and for tests that don't need persistence.
import type { FeedbackRequest } from "../answer/contract.js";
import type { SitrepStore, StoredFeedback, StoredTurn } from "./types.js";

export function createMemoryStore(): SitrepStore {
  const conversations = new Map<string, StoredTurn[]>();
  const answers = new Map<string, { conversationId: string; turn: StoredTurn }>();
  const feedback = new Map<string, StoredFeedback[]>();
  const events = new Set<string>();
  return {
    turns: (conversationId) => [...(conversations.get(conversationId) ?? [])],
    appendTurn(conversationId, turn) {
      conversations.set(conversationId, [...(conversations.get(conversationId) ?? []), turn]);
      answers.set(turn.response.answerId, { conversationId, turn });
    },
    recordFeedback(request: FeedbackRequest, source: string) {
      if (!answers.has(request.answerId)) return null;
      const stored: StoredFeedback = {
        answerId: request.answerId,
        rating: request.rating,
        comment: request.comment ?? null,
        source,
        createdAt: new Date().toISOString(),
      };
      feedback.set(request.answerId, [...(feedback.get(request.answerId) ?? []), stored]);
      return stored;
    },
    answer(answerId) {
      const found = answers.get(answerId);
      if (!found) return null;
      return {
        answerId,
        conversationId: found.conversationId,
        question: found.turn.question,
        response: found.turn.response,
        feedback: feedback.get(answerId) ?? [],
      };
    },
    claimEvent(eventId) {
      if (events.has(eventId)) return false;
      events.add(eventId);
      return true;
    },
    close() {},
  };
}
