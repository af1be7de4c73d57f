-- Conversations belong to the principal that started them; each turn keeps the question frame it was
-- answered with, so a follow-up resolves against the previous frame rather than its text.
CREATE TABLE conversations (
  conversation_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  created_at TEXT NOT NULL
);
INSERT INTO conversations (conversation_id, owner, created_at)
  SELECT conversation_id, CASE WHEN conversation_id LIKE 'slack:%' THEN 'slack' ELSE 'anonymous' END, MIN(created_at) FROM turns GROUP BY conversation_id;
ALTER TABLE turns ADD COLUMN frame_json TEXT;
CREATE INDEX feedback_by_answer ON feedback (answer_id);
