// Inside workerd: the store's SQL (src/stores/sql/) on D1 through d1-driver.ts, the same queries and
// migrations the Node service runs on SQLite: turns in order, ownership, feedback, Slack claims,
// atomic batches, and the rate-limit counters.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AskResponse } from "../../../src/answer/contract.js";
import { d1Driver } from "../../../src/stores/sql/d1-driver.js";
import { sql } from "../../../src/stores/sql/driver.js";
import { pendingMigrations } from "../../../src/stores/sql/pending-migrations.js";
import { sqlSitrepStore } from "../../../src/stores/sql/sitrep-queries.js";
import type { StoredTurn } from "../../../src/stores/types.js";
import { rateLimitStoreContract } from "../rate-limit-contract.js";

function turn(answerId: string, question: string): StoredTurn {
  const response: AskResponse = { answer: `answer to ${question}`, answered: true, citations: [], conversationId: "c", answerId };
  return { question, resolvedQuestion: question, response, frame: { asked: question }, createdAt: new Date().toISOString() };
}

const store = () => sqlSitrepStore(d1Driver(env.DB));

describe("the SQL store on D1", () => {
  it("keeps turns in order with their frames, returns only the last N, and records the owner", async () => {
    const s = store();
    for (let i = 1; i <= 5; i++) await s.appendTurn("d1-conv-1", "alice", turn(`d1-a${i}`, `q${i}`));
    const recent = await s.recentTurns("d1-conv-1", 2);
    expect(recent.map((t) => t.question)).toEqual(["q4", "q5"]);
    expect(recent[1]!.frame).toEqual({ asked: "q5" });
    expect(await s.conversationOwner("d1-conv-1")).toBe("alice");
    expect(await s.recentTurns("d1-no-such", 20)).toEqual([]);
  });

  it("stores feedback only for a known answer, and claims a Slack event once", async () => {
    const s = store();
    await s.appendTurn("d1-conv-2", "alice", turn("d1-c1", "q1"));
    expect(await s.recordFeedback({ answerId: "d1-nope", rating: "up" }, "api")).toBeNull();
    expect(await s.recordFeedback({ answerId: "d1-c1", rating: "down", comment: "wrong" }, "slack")).toMatchObject({ rating: "down", comment: "wrong" });
    expect((await s.answer("d1-c1"))?.feedback).toEqual([expect.objectContaining({ rating: "down", source: "slack" })]);
    expect(await s.claimEvent("d1-Ev1")).toBe(true);
    expect(await s.claimEvent("d1-Ev1")).toBe(false);
  });

  it("runs a batch atomically: a failing statement leaves nothing of the batch behind", async () => {
    const db = d1Driver(env.DB);
    await expect(
      db.batch([
        sql("INSERT INTO slack_events (event_id, received_at) VALUES (?, ?)", "d1-batch-1", "now"),
        sql("INSERT INTO no_such_table VALUES (1)"),
      ]),
    ).rejects.toThrow();
    expect(await db.first("SELECT event_id FROM slack_events WHERE event_id = ?", ["d1-batch-1"])).toBeNull();
  });

  it("has every migration applied, recorded where wrangler records them", async () => {
    const names = env.TEST_MIGRATIONS.map((m) => m.name);
    expect(names).toContain("0003_rate_limits.sql");
    expect(await pendingMigrations(d1Driver(env.DB), names)).toEqual([]);
    expect(await pendingMigrations(d1Driver(env.UNMIGRATED_DB), names)).toEqual(names);
  });
});

describe("rate-limit store on D1", () => {
  rateLimitStoreContract(async () => d1Driver(env.DB));
});
