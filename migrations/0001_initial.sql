-- The tables as the first release created them (IF NOT EXISTS: a database made by that release is adopted as is).
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
