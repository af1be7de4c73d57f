// The store's queries, written once over a SqlDriver: the same SQL runs on SQLite and on D1.
import { AskResponseSchema, type FeedbackRequest } from "../../answer/contract.js";
import {
  ANONYMOUS_OWNER,
  ConversationOwnerError,
  StoreUnavailableError,
  type SitrepStore,
  type StoredAnswer,
  type StoredFeedback,
  type StoredTurn,
} from "../types.js";
import { sql, type SqlDriver } from "./driver.js";

interface TurnRow {
  answer_id: string;
  conversation_id: string;
  question: string;
  resolved_question: string;
  response_json: string;
  frame_json: string | null;
  created_at: string;
}

interface FeedbackRow {
  answer_id: string;
  rating: "up" | "down";
  comment: string | null;
  source: string;
  created_at: string;
}

/** A row that no longer decodes was damaged on disk (SQLite has no checksums on cell contents). */
function toTurn(row: TurnRow): StoredTurn {
  try {
    return {
      question: row.question,
      resolvedQuestion: row.resolved_question,
      response: AskResponseSchema.parse(JSON.parse(row.response_json)),
      ...(row.frame_json ? { frame: JSON.parse(row.frame_json) as unknown } : {}),
      createdAt: row.created_at,
    };
  } catch (err) {
    throw new StoreUnavailableError(`the stored turn ${row.answer_id} does not decode (damaged record)`, { cause: err });
  }
}

const toFeedback = (row: FeedbackRow): StoredFeedback => ({
  answerId: row.answer_id,
  rating: row.rating,
  comment: row.comment,
  source: row.source,
  createdAt: row.created_at,
});

export function sqlSitrepStore(db: SqlDriver): SitrepStore {
  return {
    async conversationOwner(conversationId) {
      const row = await db.first<{ owner: string }>("SELECT owner FROM conversations WHERE conversation_id = ?", [conversationId]);
      return row?.owner ?? null;
    },
    async recentTurns(conversationId, limit) {
      const rows = await db.all<TurnRow>(
        "SELECT * FROM (SELECT * FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq",
        [conversationId, limit],
      );
      return rows.map(toTurn);
    },
    async appendTurn(conversationId, owner, turn) {
      const [, inserted] = await db.batch([
        sql("INSERT OR IGNORE INTO conversations (conversation_id, owner, created_at) VALUES (?, ?, ?)", conversationId, owner, turn.createdAt),
        // Only into the owner's conversation: the owner check and the write are one statement, so two
        // principals racing to start the same conversation id cannot both write into it.
        sql(
          `INSERT INTO turns (answer_id, conversation_id, seq, question, resolved_question, response_json, frame_json, created_at)
           SELECT ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE conversation_id = ?), ?, ?, ?, ?, ?
           WHERE EXISTS (SELECT 1 FROM conversations WHERE conversation_id = ? AND owner = ?)`,
          turn.response.answerId,
          conversationId,
          conversationId,
          turn.question,
          turn.resolvedQuestion,
          JSON.stringify(turn.response),
          turn.frame === undefined ? null : JSON.stringify(turn.frame),
          turn.createdAt,
          conversationId,
          owner,
        ),
      ]);
      if (inserted?.changes === 0) throw new ConversationOwnerError(conversationId);
    },
    async recordFeedback(feedback: FeedbackRequest, source: string) {
      const createdAt = new Date().toISOString();
      // Inserted only when the answer exists: one statement, no race between the check and the write.
      const { changes } = await db.run(
        `INSERT INTO feedback (answer_id, rating, comment, source, created_at)
         SELECT answer_id, ?, ?, ?, ? FROM turns WHERE answer_id = ?`,
        [feedback.rating, feedback.comment ?? null, source, createdAt, feedback.answerId],
      );
      if (changes === 0) return null;
      return { answerId: feedback.answerId, rating: feedback.rating, comment: feedback.comment ?? null, source, createdAt };
    },
    async answer(answerId): Promise<StoredAnswer | null> {
      const row = await db.first<TurnRow & { owner: string | null }>(
        "SELECT t.*, c.owner FROM turns t LEFT JOIN conversations c ON c.conversation_id = t.conversation_id WHERE t.answer_id = ?",
        [answerId],
      );
      if (!row) return null;
      const feedback = await db.all<FeedbackRow>("SELECT * FROM feedback WHERE answer_id = ? ORDER BY id", [answerId]);
      return {
        answerId,
        conversationId: row.conversation_id,
        owner: row.owner ?? ANONYMOUS_OWNER,
        question: row.question,
        response: toTurn(row).response,
        feedback: feedback.map(toFeedback),
      };
    },
    async claimEvent(eventId) {
      const { changes } = await db.run("INSERT OR IGNORE INTO slack_events (event_id, received_at) VALUES (?, ?)", [eventId, new Date().toISOString()]);
      return changes === 1;
    },
    async prune(olderThan) {
      const cutoff = olderThan.toISOString();
      const [feedback, turns, conversations, slackEvents] = await db.batch([
        sql("DELETE FROM feedback WHERE created_at < ? OR answer_id IN (SELECT answer_id FROM turns WHERE created_at < ?)", cutoff, cutoff),
        sql("DELETE FROM turns WHERE created_at < ?", cutoff),
        sql(
          "DELETE FROM conversations WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM turns t WHERE t.conversation_id = conversations.conversation_id)",
          cutoff,
        ),
        sql("DELETE FROM slack_events WHERE received_at < ?", cutoff),
      ]);
      return {
        turns: turns?.changes ?? 0,
        feedback: feedback?.changes ?? 0,
        conversations: conversations?.changes ?? 0,
        slackEvents: slackEvents?.changes ?? 0,
      };
    },
    close: () => db.close(),
  };
}
