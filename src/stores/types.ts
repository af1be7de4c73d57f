// Persistence ports. Node backs them with SQLite (better-sqlite3) in DATA_DIR, Workers with D1; both run
// the same migrations (migrations/) and the same queries (src/stores/sql/). Tests may use memory.
// Every method is async because D1 is. Front ends depend on these, never on a driver.
import type { AskResponse, FeedbackRequest } from "../answer/contract.js";

export interface StoredTurn {
  question: string;
  /** The question after follow-up resolution ("What about Ghana?" -> a full question). */
  resolvedQuestion: string;
  response: AskResponse;
  /** The pipeline's question frame for this turn (JSON); the next turn's follow-up resolves against it. */
  frame?: unknown;
  createdAt: string;
}

/** Who a conversation belongs to when nobody authenticated. */
export const ANONYMOUS_OWNER = "anonymous";

export interface ConversationStore {
  /** The principal that started the conversation, or null when there is no such conversation. */
  conversationOwner(conversationId: string): Promise<string | null>;
  /** The last `limit` turns in order, oldest first; empty for an unknown conversation. */
  recentTurns(conversationId: string, limit: number): Promise<StoredTurn[]>;
  /**
   * Appends a turn; the conversation is created for `owner` when it is new. Throws ConversationOwnerError,
   * storing nothing, when the conversation exists and belongs to someone else.
   */
  appendTurn(conversationId: string, owner: string, turn: StoredTurn): Promise<void>;
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
  /** The principal that owns the answer's conversation. */
  owner: string;
  question: string;
  response: AskResponse;
  feedback: StoredFeedback[];
}

export interface FeedbackStore {
  /** Returns null when the answerId is unknown (nothing is stored then). */
  recordFeedback(feedback: FeedbackRequest, source: string): Promise<StoredFeedback | null>;
  answer(answerId: string): Promise<StoredAnswer | null>;
}

export interface SlackEventStore {
  /** True the first time an event_id is seen; false for every retry after it. Persisted. */
  claimEvent(eventId: string): Promise<boolean>;
}

/** What prune() deleted. */
export interface PruneResult {
  turns: number;
  feedback: number;
  conversations: number;
  slackEvents: number;
}

export interface SitrepStore extends ConversationStore, FeedbackStore, SlackEventStore {
  /**
   * Deletes turns (with their feedback), feedback and Slack event ids created before `olderThan`, and
   * conversations left with no turns. Atomic.
   */
  prune(olderThan: Date): Promise<PruneResult>;
  close(): Promise<void>;
}

/** appendTurn to a conversation another principal owns (a race the asker's check cannot see): nothing is stored. */
export class ConversationOwnerError extends Error {
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} belongs to another principal; the turn was not stored.`);
    this.name = "ConversationOwnerError";
  }
}

/** The database failed at run time (damaged, unreadable, full) or holds a record that no longer decodes. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}
