// Input normalisation at the boundary, on the real app and index: invisible characters and compatibility
// forms are folded before anything reads the question, so "Sen\u200Begal" is Senegal, not the Mission
// total; the stored question is the one answered; lone surrogates and sloppy paragraph numbers are 400.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep, postJson } from "../helpers/app.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
let sitrep: Sitrep;
beforeAll(async () => {
  sitrep = await createTestSitrep();
});
afterAll(() => sitrep.close());

const CLEAN = "How many troops does Senegal contribute?";

async function ask(question: string): Promise<AskResponse> {
  const response = await postJson(sitrep.app, "/v1/ask", { question });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

async function storedQuestion(answerId: string): Promise<string> {
  return ((await (await sitrep.app.request(`/v1/answers/${answerId}`)).json()) as { question: string }).question;
}

describe("questions are normalised before they are answered", () => {
  it.each([
    ["a zero-width space", "How many troops does Sen\u200Begal contribute?"],
    ["a zero-width joiner and a word joiner", "How many troops does Sen\u200Deg\u2060al contribute?"],
    ["a soft hyphen", "How many troops does Sen\u00ADegal contribute?"],
    ["a byte-order mark", "\uFEFFHow many troops does Senegal contribute?"],
    ["bidi controls", "How many troops does \u202ESenegal\u202C contribute\u200F?"],
    ["bidi isolates", "How many troops does \u2066Senegal\u2069 contribute?"],
    ["full-width letters (NFKC)", "How many troops does Ｓｅｎｅｇａｌ contribute?"],
  ])("%s: the same answer as the clean question, and the clean question is stored", async (_label, dirty) => {
    const clean = await ask(CLEAN);
    const answered = await ask(dirty);
    expect(answered.answer).toBe(clean.answer);
    expect(answered.citations).toEqual(clean.citations);
    expect(answered.answer).toMatch(/Senegal/);
    expect(await storedQuestion(answered.answerId)).toBe(CLEAN);
  });

  it("does not answer 'Sen\\u200Begal' with the Mission total", async () => {
    const mission = await ask("How many troops does the Mission have?");
    const answered = await ask("How many troops does Sen\u200Begal contribute?");
    expect(answered.answer).not.toBe(mission.answer);
    expect(answered.citations).toContainEqual(expect.objectContaining({ annex: "II", rows: ["Senegal"] }));
  });

  it("reads full-width digits as digits (paragraph １７ is paragraph 17)", async () => {
    const answered = await ask("What does paragraph １７ say?");
    expect(answered.citations[0]).toMatchObject({ ref: "para. 17" });
    expect(await storedQuestion(answered.answerId)).toBe("What does paragraph 17 say?");
  });

  it("keeps emoji and other astral characters (paired surrogates) intact", async () => {
    const answered = await ask("How many troops does Senegal contribute? 🇸🇳");
    expect(await storedQuestion(answered.answerId)).toBe("How many troops does Senegal contribute? 🇸🇳");
  });
});

describe("questions that cannot be normalised are refused with 400, and nothing is stored", () => {
  it.each([
    ["a lone high surrogate", '"How many troops\\ud800 are there?"'],
    ["a lone low surrogate", '"\\udc00How many troops are there?"'],
    ["surrogates in the wrong order", '"How many \\udc00\\ud800 troops?"'],
  ])("%s", async (_label, jsonString) => {
    const conversationId = `surrogate-${Math.random()}`;
    const response = await sitrep.app.request("/v1/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"question":${jsonString},"conversationId":"${conversationId}"}`,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "invalid_request" });
    expect(body.error.message).toMatch(/unpaired surrogate/);
    expect(await sitrep.deps.store.conversationOwner(conversationId)).toBeNull();
  });

  it("a question of invisible characters only is empty", async () => {
    const response = await postJson(sitrep.app, "/v1/ask", { question: "\u200B\u200D\u202E\uFEFF" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/must not be empty/);
  });
});

describe("GET /v1/paragraphs/{n} takes digits only", () => {
  it.each(["0x11", "1e1", "17.0", "+17", "-17", "17abc", "%2017", "1_7", "Infinity", "１７"])("%s is 400", async (n) => {
    const response = await sitrep.app.request(`/v1/paragraphs/${n}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("17 is paragraph 17; 0 is 400; 75 does not exist (404)", async () => {
    const response = await sitrep.app.request("/v1/paragraphs/17");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { number: number }).number).toBe(17);
    expect((await sitrep.app.request("/v1/paragraphs/0")).status).toBe(400);
    expect((await sitrep.app.request("/v1/paragraphs/75")).status).toBe(404);
    expect((await sitrep.app.request("/v1/paragraphs/9999999999")).status).toBe(400);
  });
});
