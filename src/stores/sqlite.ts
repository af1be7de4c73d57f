// SQLite-backed store in DATA_DIR: conversations, answers, feedback and Slack event ids survive restarts.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { AskResponseSchema, type FeedbackRequest } from "../answer/contract.js";
import type { SitrepStore, StoredAnswer, StoredFeedback, StoredTurn } from "./types.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS turns (
  answer_id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  question TEXT NOT NULL,
  resolved_question TEXT NOT NULL,
  response_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (conversation_id, seq);
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  answer_id TEXT NOT NULL REFERENCES turns (answer_id),
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment TEXT,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS slack_events (
  event_id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
);
`;

interface TurnRow {
  answer_id: string;
  conversation_id: string;
  question: string;
  resolved_question: string;
  response_json: string;
  created_at: string;
}
interface FeedbackRow {
  answer_id: string;
  rating: "up" | "down";
  comment: string | null;
  source: string;
  created_at: string;
}

export function openSqliteStore(file: string): SitrepStore {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // WAL + NORMAL never corrupts the file; a power cut may lose only the last few turns, not an fsync per request.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);

  const selectTurns = db.prepare<[string], TurnRow>("SELECT * FROM turns WHERE conversation_id = ? ORDER BY seq");
  const insertTurn = db.prepare(
    `INSERT INTO turns (answer_id, conversation_id, seq, question, resolved_question, response_json, created_at)
     VALUES (@answerId, @conversationId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE conversation_id = @conversationId),
             @question, @resolvedQuestion, @responseJson, @createdAt)`,
  );
  const selectTurn = db.prepare<[string], TurnRow>("SELECT * FROM turns WHERE answer_id = ?");
  const insertFeedback = db.prepare(
    "INSERT INTO feedback (answer_id, rating, comment, source, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const selectFeedback = db.prepare<[string], FeedbackRow>("SELECT * FROM feedback WHERE answer_id = ? ORDER BY id");
  const insertEvent = db.prepare("INSERT OR IGNORE INTO slack_events (event_id, received_at) VALUES (?, ?)");

  const toTurn = (row: TurnRow): StoredTurn => ({
    question: row.question,
    resolvedQuestion: row.resolved_question,
    response: AskResponseSchema.parse(JSON.parse(row.response_json)),
    createdAt: row.created_at,
  });
  const toFeedback = (row: FeedbackRow): StoredFeedback => ({
    answerId: row.answer_id,
    rating: row.rating,
    comment: row.comment,
    source: row.source,
    createdAt: row.created_at,
  });

  return {
    turns: (conversationId) => selectTurns.all(conversationId).map(toTurn),
    appendTurn(conversationId, turn) {
      insertTurn.run({
        answerId: turn.response.answerId,
        conversationId,
        question: turn.question,
        resolvedQuestion: turn.resolvedQuestion,
        responseJson: JSON.stringify(turn.response),
        createdAt: turn.createdAt,
      });
    },
    recordFeedback(feedback: FeedbackRequest, source: string) {
      if (!selectTurn.get(feedback.answerId)) return null;
      const createdAt = new Date().toISOString();
      insertFeedback.run(feedback.answerId, feedback.rating, feedback.comment ?? null, source, createdAt);
      return { answerId: feedback.answerId, rating: feedback.rating, comment: feedback.comment ?? null, source, createdAt };
    },
    answer(answerId): StoredAnswer | null {
      const row = selectTurn.get(answerId);
      if (!row) return null;
      return {
        answerId,
        conversationId: row.conversation_id,
        question: row.question,
        response: toTurn(row).response,
        feedback: selectFeedback.all(answerId).map(toFeedback),
      };
    },
    claimEvent: (eventId) => insertEvent.run(eventId, new Date().toISOString()).changes === 1,
    close: () => db.close(),
  };
}
