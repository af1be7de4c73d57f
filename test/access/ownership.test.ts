// Whose conversation it is, across two keys on the real app: another key gets 404 conversation_not_found
// and nothing is stored; stored answers and feedback are the owner's only; slack: ids belong to the bot;
// with keys off the conversationId is a capability that GET /v1/answers never reveals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createMemoryStore } from "../../src/stores/memory.js";
import { openSqliteStore } from "../../src/stores/sqlite.js";
import { ConversationOwnerError, type SitrepStore, type StoredTurn } from "../../src/stores/types.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { bearer, postAs, testKeys, type TestKeys } from "./keys.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
const FIRST = "How many troops does Senegal contribute?";
const FOLLOW_UP = "What about Ghana?";

async function expectConversationNotFound(response: Response) {
  expect(response.status).toBe(404);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("conversation_not_found");
}

async function turnsOf(store: SitrepStore, conversationId: string) {
  return (await store.recentTurns(conversationId, 1000)).map((t) => t.question);
}

describe("two keys", () => {
  let sitrep: Sitrep;
  let keys: TestKeys;
  let alice: AskResponse;

  beforeAll(async () => {
    keys = await testKeys();
    sitrep = await createTestSitrep({ API_KEYS: keys.API_KEYS });
    alice = (await (await postAs(sitrep.app, "/v1/ask", { question: FIRST }, bearer(keys.alice))).json()) as AskResponse;
  });
  afterAll(() => sitrep.close());

  it("lets the owner continue the conversation (the follow-up resolves against her turn)", async () => {
    const response = await postAs(sitrep.app, "/v1/ask", { question: FOLLOW_UP, conversationId: alice.conversationId }, bearer(keys.alice));
    expect(response.status).toBe(200);
    expect(((await response.json()) as AskResponse).answer).toMatch(/Ghana/);
    expect(await turnsOf(sitrep.deps.store, alice.conversationId)).toEqual([FIRST, FOLLOW_UP]);
  });

  it("gives another key 404 conversation_not_found on /v1/ask and /v1/chat, and stores nothing", async () => {
    const before = await turnsOf(sitrep.deps.store, alice.conversationId);
    await expectConversationNotFound(await postAs(sitrep.app, "/v1/ask", { question: FOLLOW_UP, conversationId: alice.conversationId }, bearer(keys.bob)));
    await expectConversationNotFound(await postAs(sitrep.app, "/v1/chat", { question: FOLLOW_UP, conversationId: alice.conversationId }, bearer(keys.bob)));
    expect(await turnsOf(sitrep.deps.store, alice.conversationId)).toEqual(before);
    expect(await sitrep.deps.store.conversationOwner(alice.conversationId)).toBe("alice");
  });

  it("shows a stored answer, with its conversationId, to its owner only", async () => {
    const own = await sitrep.app.request(`/v1/answers/${alice.answerId}`, { headers: bearer(keys.alice) });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ answerId: alice.answerId, conversationId: alice.conversationId, question: FIRST });
    const other = await sitrep.app.request(`/v1/answers/${alice.answerId}`, { headers: bearer(keys.bob) });
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(alice.conversationId);
  });

  it("refuses feedback on another key's answer as not found, and stores none", async () => {
    const response = await postAs(sitrep.app, "/v1/feedback", { answerId: alice.answerId, rating: "down", comment: "bob was here" }, bearer(keys.bob));
    expect(response.status).toBe(404);
    expect((await sitrep.deps.store.answer(alice.answerId))?.feedback).toEqual([]);
    expect((await postAs(sitrep.app, "/v1/feedback", { answerId: alice.answerId, rating: "up" }, bearer(keys.alice))).status).toBe(201);
    expect((await sitrep.deps.store.answer(alice.answerId))?.feedback).toMatchObject([{ rating: "up" }]);
  });

  it("lets each key start its own conversations with ids it picks, first come first served", async () => {
    const id = "shared-name";
    expect((await postAs(sitrep.app, "/v1/ask", { question: FIRST, conversationId: id }, bearer(keys.bob))).status).toBe(200);
    await expectConversationNotFound(await postAs(sitrep.app, "/v1/ask", { question: FIRST, conversationId: id }, bearer(keys.alice)));
    expect(await sitrep.deps.store.conversationOwner(id)).toBe("bob");
  });

  it("reserves slack: conversation ids for the bot, even ones that do not exist yet", async () => {
    const id = "slack:C0GENERAL:1712345678.000100";
    await expectConversationNotFound(await postAs(sitrep.app, "/v1/ask", { question: FIRST, conversationId: id }, bearer(keys.alice)));
    await expectConversationNotFound(await postAs(sitrep.app, "/v1/chat", { question: FIRST, conversationId: id }, bearer(keys.alice)));
    expect(await sitrep.deps.store.conversationOwner(id)).toBeNull();
  });
});

describe("keys off", () => {
  let sitrep: Sitrep;
  beforeAll(async () => {
    sitrep = await createTestSitrep();
  });
  afterAll(() => sitrep.close());

  it("never reveals the conversationId in GET /v1/answers/{id}", async () => {
    const asked = (await (await postJson(sitrep.app, "/v1/ask", { question: FIRST })).json()) as AskResponse;
    const response = await sitrep.app.request(`/v1/answers/${asked.answerId}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(asked.conversationId);
    expect(JSON.parse(text)).toMatchObject({ answerId: asked.answerId, question: FIRST, response: { answer: asked.answer } });
  });

  it("keeps the conversationId a capability: whoever holds it continues the conversation", async () => {
    const asked = (await (await postJson(sitrep.app, "/v1/ask", { question: FIRST })).json()) as AskResponse;
    expect((await postJson(sitrep.app, "/v1/ask", { question: FOLLOW_UP, conversationId: asked.conversationId })).status).toBe(200);
  });

  it("gives slack: conversations, existing or not, 404 and stores nothing in them", async () => {
    const existing = "slack:C0GENERAL:1712345678.000200";
    await sitrep.deps.store.appendTurn(existing, "slack", turn("slack-answer-1", existing, FIRST));
    await expectConversationNotFound(await postJson(sitrep.app, "/v1/ask", { question: FOLLOW_UP, conversationId: existing }));
    await expectConversationNotFound(await postJson(sitrep.app, "/v1/ask", { question: FIRST, conversationId: "slack:C0NEW:1.2" }));
    expect(await turnsOf(sitrep.deps.store, existing)).toEqual([FIRST]);
    expect(await sitrep.deps.store.conversationOwner("slack:C0NEW:1.2")).toBeNull();
    // The bot's answers and their feedback are the bot's too.
    expect((await sitrep.app.request("/v1/answers/slack-answer-1")).status).toBe(404);
    expect((await postJson(sitrep.app, "/v1/feedback", { answerId: "slack-answer-1", rating: "down" })).status).toBe(404);
  });
});

function turn(answerId: string, conversationId: string, question: string): StoredTurn {
  return {
    question,
    resolvedQuestion: question,
    response: { answer: "…", answered: true, citations: [], conversationId, answerId },
    createdAt: new Date().toISOString(),
  };
}

describe.each([
  ["SQLite", () => openSqliteStore(":memory:")],
  ["memory", async () => createMemoryStore()],
])("%s store: appendTurn into another principal's conversation", (_name, open) => {
  it("throws ConversationOwnerError and stores nothing (the race the asker's check cannot see)", async () => {
    const store = await open();
    await store.appendTurn("c1", "alice", turn("a1", "c1", "one"));
    await expect(store.appendTurn("c1", "bob", turn("b1", "c1", "two"))).rejects.toBeInstanceOf(ConversationOwnerError);
    expect(await turnsOf(store, "c1")).toEqual(["one"]);
    expect(await store.answer("b1")).toBeNull();
    await store.appendTurn("c1", "alice", turn("a2", "c1", "three"));
    expect(await turnsOf(store, "c1")).toEqual(["one", "three"]);
    await store.close();
  });
});
