// Persistence ports. The Node build backs them with SQLite (better-sqlite3) in DATA_DIR;
// tests and Workers can back them with memory. Front ends depend on these, never on SQLite.
import type { AskResponse, FeedbackRequest } from "../answer/contract.js";

export interface StoredTurn {
  question: string;
  /** The question after follow-up resolution ("What about Ghana?" -> a full question). */
  resolvedQuestion: string;
  response: AskResponse;
  createdAt: string;
}

export interface ConversationStore {
  /** Turns in order, oldest first; empty for an unknown conversation. */
  turns(conversationId: string): StoredTurn[];
  appendTurn(conversationId: string, turn: StoredTurn): void;
}

export interface StoredFeedback {
  answerId: string;
  rating: "up" | "down";
  comment: string | null;
  source: string; // "api" | "widget" | "slack"
  createdAt: string;
}

export interface StoredAnswer {
  answerId: string;
  conversationId: string;
  question: string;
  response: AskResponse;
  feedback: StoredFeedback[];
}

export interface FeedbackStore {
  /** Returns null when the answerId is unknown (nothing is stored then). */
  recordFeedback(feedback: FeedbackRequest, source: string): StoredFeedback | null;
  answer(answerId: string): StoredAnswer | null;
}

export interface SlackEventStore {
  /** True the first time an event_id is seen; false for every retry after it. Persisted. */
  claimEvent(eventId: string): boolean;
}

export interface SitrepStore extends ConversationStore, FeedbackStore, SlackEventStore {
  close(): void;
}
