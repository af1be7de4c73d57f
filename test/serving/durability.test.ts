// A turn whose response the client received is on disk. The real start command is killed with SIGKILL
// (no graceful shutdown, no SQLite close, no WAL checkpoint), started again on the same DATA_DIR, and
// the conversation is read back through the API: both turns, as they were answered, and the
// conversation goes on.
import { describe, expect, it } from "vitest";
import { isAlive } from "../../ingest/atomic-dir.js";
import type { AskResponse } from "../../src/answer/contract.js";
import { bearer, testKeys } from "../access/keys.js";
import { childOf, npmStart } from "../helpers/npm-start.js";

interface StoredAnswer {
  answerId: string;
  conversationId?: string;
  question: string;
  response: Omit<AskResponse, "conversationId">;
}

describe("npm start, killed with SIGKILL", () => {
  it("keeps every turn whose response the client received, readable after a restart on the same database", async () => {
    const { alice } = await testKeys();
    // With keys on, GET /v1/answers/{id} shows its owner the conversation the answer belongs to.
    const env = { API_KEYS: alice.entry };
    const headers = { "content-type": "application/json", ...bearer(alice) };
    const ask = async (url: string, body: { question: string; conversationId?: string }) => {
      const response = await fetch(`${url}/v1/ask`, { method: "POST", headers, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      return (await response.json()) as AskResponse;
    };

    const first = await npmStart(env);
    const question = await ask(first.url, { question: "How many troops does Senegal contribute?" });
    const followUp = await ask(first.url, { question: "And Chad?", conversationId: question.conversationId });
    expect(followUp.conversationId).toBe(question.conversationId);

    const server = childOf(first.npm.pid!);
    process.kill(server.pid, "SIGKILL");
    await first.exited;
    expect(isAlive(server.pid)).toBe(false);
    expect(first.logs.map((l) => l.msg)).not.toContain("shutdown complete: every request finished");

    const second = await npmStart(env, first.dataDir);
    for (const [asked, answer] of [
      ["How many troops does Senegal contribute?", question],
      ["And Chad?", followUp],
    ] as const) {
      const response = await fetch(`${second.url}/v1/answers/${answer.answerId}`, { headers: bearer(alice) });
      expect(response.status).toBe(200);
      const stored = (await response.json()) as StoredAnswer;
      const { conversationId, ...rest } = answer;
      expect(stored).toMatchObject({ answerId: answer.answerId, conversationId, question: asked });
      expect(stored.response).toEqual(rest);
    }
    // The conversation itself survived: it goes on, under its owner.
    const after = await ask(second.url, { question: "And Niger?", conversationId: question.conversationId });
    expect(after.conversationId).toBe(question.conversationId);
    second.npm.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
