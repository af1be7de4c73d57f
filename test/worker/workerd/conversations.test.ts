// Inside workerd: conversations and feedback live in D1, so a follow-up or a rating that reaches
// another isolate of the same deployment (the dry-run bundle, bound as SECOND_ISOLATE) finds them.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { StoredAnswer } from "../../../src/stores/types.js";
import { ask, ORIGIN, workers } from "./helpers.js";

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("conversations in D1", () => {
  it("a follow-up is resolved against the previous turn, request after request", async () => {
    const first = await ask(workers.first, "How many peacekeepers were killed since June 2016?");
    expect(first.answer).toMatch(/Eight peacekeepers were killed/);
    const followUp = await ask(workers.first, "And in the previous mandate period?", first.conversationId);
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.answered).toBe(true);
    expect(followUp.answer).toContain("28 killed");
  });

  it("a follow-up that reaches a fresh isolate keeps its context", async () => {
    const first = await ask(workers.first, "How many troops does Senegal contribute?");
    const followUp = await ask(workers.second, "What about Ghana?", first.conversationId);
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.answered).toBe(true);
    expect(followUp.citations).toContainEqual(expect.objectContaining({ annex: "II", rows: ["Ghana"] }));

    const turns = await env.DB.prepare("SELECT seq, question FROM turns WHERE conversation_id = ? ORDER BY seq").bind(first.conversationId).all<{ seq: number; question: string }>();
    expect(turns.results).toEqual([
      { seq: 1, question: "How many troops does Senegal contribute?" },
      { seq: 2, question: "What about Ghana?" },
    ]);
  });

  it("feedback is stored in D1 and read back by another isolate; an unknown answer is a 404", async () => {
    const answer = await ask(workers.first, "When was the Niamey supply route tested?");
    const rated = await workers.second.fetch(`${ORIGIN}/v1/feedback`, json({ answerId: answer.answerId, rating: "down", comment: "too short" }));
    expect(rated.status).toBe(201);
    const stored = (await (await workers.first.fetch(`${ORIGIN}/v1/answers/${answer.answerId}`)).json()) as StoredAnswer;
    expect(stored.question).toBe("When was the Niamey supply route tested?");
    expect(stored.feedback).toEqual([expect.objectContaining({ rating: "down", comment: "too short", source: "api" })]);

    const unknown = await workers.first.fetch(`${ORIGIN}/v1/feedback`, json({ answerId: "no-such-answer", rating: "up" }));
    expect(unknown.status).toBe(404);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM feedback WHERE answer_id = ?").bind("no-such-answer").first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});
