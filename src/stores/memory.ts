// In-memory store: for tests that don't need persistence (Workers use D1).
import type { FeedbackRequest } from "../answer/contract.js";
import type { SitrepStore, StoredFeedback, StoredTurn } from "./types.js";

export function createMemoryStore(): SitrepStore {
  const conversations = new Map<string, { owner: string; turns: StoredTurn[] }>();
  const answers = new Map<string, { conversationId: string; turn: StoredTurn }>();
  const feedback = new Map<string, StoredFeedback[]>();
  const events = new Set<string>();
  return {
    async conversationOwner(conversationId) {
      return conversations.get(conversationId)?.owner ?? null;
    },
    async recentTurns(conversationId, limit) {
      const turns = conversations.get(conversationId)?.turns ?? [];
      return limit > 0 ? turns.slice(-limit) : [];
    },
    async appendTurn(conversationId, owner, turn) {
      const conversation = conversations.get(conversationId) ?? { owner, turns: [] };
      conversation.turns.push(turn);
      conversations.set(conversationId, conversation);
      answers.set(turn.response.answerId, { conversationId, turn });
    },
    async recordFeedback(request: FeedbackRequest, source: string) {
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
    async answer(answerId) {
      const found = answers.get(answerId);
      if (!found) return null;
      return {
        answerId,
        conversationId: found.conversationId,
        owner: conversations.get(found.conversationId)!.owner,
        question: found.turn.question,
        response: found.turn.response,
        feedback: feedback.get(answerId) ?? [],
      };
    },
    async claimEvent(eventId) {
      if (events.has(eventId)) return false;
      events.add(eventId);
      return true;
    },
    async close() {},
  };
}
