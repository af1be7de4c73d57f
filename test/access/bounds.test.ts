// Bounds on the real app: only the last HISTORY_TURNS turns reach the pipeline while SQLite keeps them
// all, and RETENTION_DAYS deletes old turns, their feedback and old Slack event ids.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createMemoryStore } from "../../src/stores/memory.js";
import { startRetention } from "../../src/stores/retention.js";
import { openSqliteStore } from "../../src/stores/sqlite.js";
import type { SitrepStore, StoredTurn } from "../../src/stores/types.js";
import { createTestDataDir, createTestSitrep, postJson } from "../helpers/app.js";

const DAY = 24 * 60 * 60 * 1000;

describe("HISTORY_TURNS", () => {
  let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
  beforeAll(async () => {
    sitrep = await createTestSitrep({ HISTORY_TURNS: "3" });
  });
  afterAll(() => sitrep.close());

  it("gives the pipeline only the last 3 turns, while the store keeps all 8", async () => {
    // The asker reads history through the store; watching that call shows what reached the pipeline.
    const recentTurns = vi.spyOn(sitrep.deps.store, "recentTurns");
    const questions = ["How many troops does Senegal contribute?", "What about Ghana?", "And Chad?", "And Togo?", "And Niger?", "And Egypt?", "And Benin?", "And Guinea?"];
    let conversationId: string | undefined;
    for (const question of questions) {
      const response = await postJson(sitrep.app, "/v1/ask", { question, ...(conversationId ? { conversationId } : {}) });
      expect(response.status).toBe(200);
      conversationId = ((await response.json()) as AskResponse).conversationId;
    }
    const calls = recentTurns.mock.calls.filter(([id]) => id === conversationId);
    expect(calls.length).toBe(questions.length - 1);
    for (const [, limit] of calls) expect(limit).toBe(3);
    const seen = await Promise.all(recentTurns.mock.results.slice(-1).map((r) => r.value as Promise<StoredTurn[]>));
    expect(seen[0]!.map((t) => t.question)).toEqual(questions.slice(-4, -1));
    expect((await sitrep.deps.store.recentTurns(conversationId!, 1000)).map((t) => t.question)).toEqual(questions);
    recentTurns.mockRestore();
  });

  it("defaults to 20 and refuses a value that is not a count", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(loadConfig({}).HISTORY_TURNS).toBe(20);
    expect(() => loadConfig({ HISTORY_TURNS: "-1" })).toThrow(/HISTORY_TURNS/);
    expect(() => loadConfig({ HISTORY_TURNS: "lots" })).toThrow(/HISTORY_TURNS/);
  });
});

function turn(answerId: string, conversationId: string, createdAt: Date): StoredTurn {
  return {
    question: `question ${answerId}`,
    resolvedQuestion: `question ${answerId}`,
    response: { answer: "…", answered: true, citations: [], conversationId, answerId },
    createdAt: createdAt.toISOString(),
  };
}

/** Two conversations: "old" entirely older than 40 days; "mixed" with one old and one recent turn. */
async function seed(store: SitrepStore, now: number) {
  await store.appendTurn("old", "alice", turn("old-1", "old", new Date(now - 50 * DAY)));
  await store.appendTurn("old", "alice", turn("old-2", "old", new Date(now - 45 * DAY)));
  await store.appendTurn("mixed", "bob", turn("mixed-1", "mixed", new Date(now - 60 * DAY)));
  await store.appendTurn("mixed", "bob", turn("mixed-2", "mixed", new Date(now - 1 * DAY)));
  await store.recordFeedback({ answerId: "old-1", rating: "up" }, "api");
  await store.recordFeedback({ answerId: "mixed-2", rating: "down" }, "api");
  await store.claimEvent("Ev-recent");
}

describe.each([
  ["SQLite", () => openSqliteStore(":memory:")],
  ["memory", async () => createMemoryStore()],
])("%s store: prune(olderThan)", (_name, open) => {
  it("deletes old turns with their feedback and conversations left empty, keeps the rest", async () => {
    const store = await open();
    const now = Date.now();
    await seed(store, now);
    const result = await store.prune(new Date(now - 30 * DAY));
    expect(result).toEqual({ turns: 3, feedback: 1, conversations: 1, slackEvents: 0 });
    expect(await store.conversationOwner("old")).toBeNull();
    expect(await store.answer("old-1")).toBeNull();
    expect(await store.answer("mixed-1")).toBeNull();
    expect((await store.recentTurns("mixed", 10)).map((t) => t.response.answerId)).toEqual(["mixed-2"]);
    expect((await store.answer("mixed-2"))?.feedback).toMatchObject([{ rating: "down" }]);
    expect(await store.conversationOwner("mixed")).toBe("bob");
    // A later turn continues the kept conversation, for its owner only.
    await store.appendTurn("mixed", "bob", turn("mixed-3", "mixed", new Date(now)));
    expect((await store.recentTurns("mixed", 10)).map((t) => t.response.answerId)).toEqual(["mixed-2", "mixed-3"]);
    // Slack event ids go too once they are older than the cut-off.
    expect(await store.prune(new Date(now + DAY))).toMatchObject({ slackEvents: 1 });
    expect(await store.claimEvent("Ev-recent")).toBe(true);
    await store.close();
  });
});

describe("RETENTION_DAYS on the real app", () => {
  it("prunes at start-up: turns older than the retention are gone, recent ones stay", async () => {
    const dataDir = await createTestDataDir();
    const store = await openSqliteStore(join(dataDir, "sitrep.db"));
    await seed(store, Date.now());
    await store.close();

    const sitrep = await createTestSitrep({ RETENTION_DAYS: "30" }, { dataDir });
    try {
      expect(await sitrep.deps.store.answer("old-1")).toBeNull();
      expect(await sitrep.deps.store.answer("mixed-1")).toBeNull();
      expect(await sitrep.deps.store.conversationOwner("old")).toBeNull();
      expect((await sitrep.deps.store.answer("mixed-2"))?.feedback).toHaveLength(1);
    } finally {
      sitrep.close();
    }
  });

  it("keeps everything when unset", async () => {
    const dataDir = await createTestDataDir();
    const store = await openSqliteStore(join(dataDir, "sitrep.db"));
    await seed(store, Date.now());
    await store.close();
    const sitrep = await createTestSitrep({}, { dataDir });
    try {
      expect(await sitrep.deps.store.answer("old-1")).not.toBeNull();
    } finally {
      sitrep.close();
    }
  });

  it("prunes again on its timer", async () => {
    const store = createMemoryStore();
    let now = Date.now();
    const logs: string[] = [];
    const retention = await startRetention(store, 30, { intervalMs: 10, now: () => now, log: (m) => logs.push(m) });
    try {
      await store.appendTurn("c", "alice", turn("t1", "c", new Date(now)));
      now += 31 * DAY;
      await vi.waitFor(async () => expect(await store.answer("t1")).toBeNull());
      expect(logs.some((m) => /deleted 1 turns/.test(m))).toBe(true);
    } finally {
      retention.stop();
    }
  });

  it("refuses a RETENTION_DAYS that is not a positive number", async () => {
    const { loadConfig } = await import("../../src/config.js");
    expect(loadConfig({ RETENTION_DAYS: "90" }).RETENTION_DAYS).toBe(90);
    for (const bad of ["0", "-3", "forever"]) expect(() => loadConfig({ RETENTION_DAYS: bad })).toThrow(/RETENTION_DAYS/);
  });
});
