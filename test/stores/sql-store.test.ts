// The SQL store on a real SQLite file: migrations (fresh and from the first release's schema), turns
// with their frames, ownership, feedback and Slack event claims.
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createMemoryStore } from "../../src/stores/memory.js";
import { MIGRATIONS_DIR, openSqliteStore, readMigrations } from "../../src/stores/sqlite.js";
import { ConversationOwnerError, type SitrepStore, type StoredTurn } from "../../src/stores/types.js";

const dbFile = () => join(mkdtempSync(join(tmpdir(), "sitrep-store-")), "sitrep.db");

function turn(answerId: string, question: string): StoredTurn {
  const response: AskResponse = { answer: `answer to ${question}`, answered: true, citations: [], conversationId: "c", answerId };
  return { question, resolvedQuestion: question, response, frame: { asked: question }, createdAt: new Date().toISOString() };
}

const drivers: [string, () => Promise<SitrepStore>][] = [
  ["sqlite", () => openSqliteStore(dbFile())],
  ["memory", async () => createMemoryStore()],
];

describe.each(drivers)("%s store", (_name, open) => {
  it("keeps turns in order with their frames and returns only the last N", async () => {
    const store = await open();
    for (let i = 1; i <= 5; i++) await store.appendTurn("conv-1", "alice", turn(`a${i}`, `q${i}`));
    const recent = await store.recentTurns("conv-1", 2);
    expect(recent.map((t) => t.question)).toEqual(["q4", "q5"]);
    expect(recent[1]!.frame).toEqual({ asked: "q5" });
    expect(await store.recentTurns("no-such", 20)).toEqual([]);
    await store.close();
  });

  it("records who started a conversation; later turns keep it, and another principal's turn is refused", async () => {
    const store = await open();
    expect(await store.conversationOwner("conv-2")).toBeNull();
    await store.appendTurn("conv-2", "alice", turn("b1", "q1"));
    await expect(store.appendTurn("conv-2", "bob", turn("b2", "q2"))).rejects.toBeInstanceOf(ConversationOwnerError);
    expect(await store.answer("b2")).toBeNull();
    await store.appendTurn("conv-2", "alice", turn("b3", "q3"));
    expect(await store.conversationOwner("conv-2")).toBe("alice");
    expect((await store.answer("b3"))?.owner).toBe("alice");
    await store.close();
  });

  it("stores feedback only for a known answer, and claims a Slack event once", async () => {
    const store = await open();
    await store.appendTurn("conv-3", "alice", turn("c1", "q1"));
    expect(await store.recordFeedback({ answerId: "nope", rating: "up" }, "api")).toBeNull();
    expect(await store.recordFeedback({ answerId: "c1", rating: "down", comment: "wrong" }, "api")).toMatchObject({ rating: "down", comment: "wrong" });
    expect((await store.answer("c1"))?.feedback).toEqual([expect.objectContaining({ rating: "down", source: "api" })]);
    expect(await store.claimEvent("Ev1")).toBe(true);
    expect(await store.claimEvent("Ev1")).toBe(false);
    await store.close();
  });
});

describe("migrations", () => {
  it("are the files in migrations/, applied once each and recorded where wrangler records them", async () => {
    const file = dbFile();
    await (await openSqliteStore(file)).close();
    await (await openSqliteStore(file)).close();
    const db = new Database(file, { readonly: true });
    const applied = db.prepare("SELECT name FROM d1_migrations ORDER BY id").all() as { name: string }[];
    db.close();
    expect(applied.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name).sort());
    expect(applied.length).toBeGreaterThanOrEqual(2);
  });

  it("adopt a database made by the first release: its turns stay readable and Slack threads belong to the bot", async () => {
    const file = dbFile();
    const old = new Database(file);
    old.exec(readFileSync(join(MIGRATIONS_DIR, "0001_initial.sql"), "utf8"));
    const response = { answer: "old", answered: true, citations: [], conversationId: "slack:C1:1.2", answerId: "old-1" };
    old.prepare("INSERT INTO turns VALUES (?, ?, 1, ?, ?, ?, ?)").run("old-1", "slack:C1:1.2", "q", "q", JSON.stringify(response), "2026-01-01T00:00:00Z");
    old.prepare("INSERT INTO turns VALUES (?, ?, 1, ?, ?, ?, ?)").run("old-2", "web-1", "q", "q", JSON.stringify({ ...response, answerId: "old-2", conversationId: "web-1" }), "2026-01-01T00:00:00Z");
    old.close();

    const store = await openSqliteStore(file);
    expect((await store.recentTurns("slack:C1:1.2", 20)).map((t) => t.response.answer)).toEqual(["old"]);
    expect(await store.conversationOwner("slack:C1:1.2")).toBe("slack");
    expect(await store.conversationOwner("web-1")).toBe("anonymous");
    await store.close();
  });
});
