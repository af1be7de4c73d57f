// In-memory store: for tests that don't need persistence (Workers use D1).
import type { FeedbackRequest } from "../answer/contract.js";
import { ConversationOwnerError, type SitrepStore, type StoredFeedback, type StoredTurn } from "./types.js";

export function createMemoryStore(): SitrepStore {
  const conversations = new Map<string, { owner: string; createdAt: string; turns: StoredTurn[] }>();
  const answers = new Map<string, { conversationId: string; turn: StoredTurn }>();
  const feedback = new Map<string, StoredFeedback[]>();
  const events = new Map<string, string>();
  return {
    async conversationOwner(conversationId) {
      return conversations.get(conversationId)?.owner ?? null;
    },
    async recentTurns(conversationId, limit) {
      const turns = conversations.get(conversationId)?.turns ?? [];
      return limit > 0 ? turns.slice(-limit) : [];
    },
    async appendTurn(conversationId, owner, turn) {
      const conversation = conversations.get(conversationId) ?? { owner, createdAt: turn.createdAt, turns: [] };
      if (conversation.owner !== owner) throw new ConversationOwnerError(conversationId);
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
      events.set(eventId, new Date().toISOString());
      return true;
    },
    async prune(olderThan) {
      const cutoff = olderThan.toISOString();
      const result = { turns: 0, feedback: 0, conversations: 0, slackEvents: 0 };
      for (const [answerId, list] of feedback) {
        const answer = answers.get(answerId);
        const kept = answer && answer.turn.createdAt < cutoff ? [] : list.filter((f) => f.createdAt >= cutoff);
        result.feedback += list.length - kept.length;
        if (kept.length > 0) feedback.set(answerId, kept);
        else feedback.delete(answerId);
      }
      for (const [conversationId, conversation] of conversations) {
        const kept = conversation.turns.filter((t) => t.createdAt >= cutoff);
        for (const t of conversation.turns) if (t.createdAt < cutoff) answers.delete(t.response.answerId);
        result.turns += conversation.turns.length - kept.length;
        conversation.turns = kept;
        if (kept.length === 0 && conversation.createdAt < cutoff) {
          conversations.delete(conversationId);
          result.conversations++;
        }
      }
      for (const [eventId, receivedAt] of events) {
        if (receivedAt < cutoff) {
          events.delete(eventId);
          result.slackEvents++;
        }
      }
      return result;
    },
    async close() {},
  };
}
