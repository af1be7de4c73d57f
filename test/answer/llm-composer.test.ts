// The optional LLM composer, driven by LangChain's fake chat model (a hosted LLM is out of reach offline).
// Its answers are verified against the retrieved paragraphs; a fabricated number or citation falls back
// to the extractive answer.
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createLlmComposer } from "../../src/answer/llm/composer.js";
import { loadAnswerPrompt } from "../../src/answer/llm/prompts.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { StructuredReportSchema } from "../../src/report/schema.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { buildTestIndex } from "../helpers/index-fixture.js";

const QUESTION = "When was the supply route through Niamey tested?";
const PARA_47_QUOTE = "The newly established Cotonou-Niamey-Gao supply route was successfully tested with two sets of shipments between 30 March and 28 April.";

async function fakeModelSitrep(reply: string, log: string[]) {
  const report = StructuredReportSchema.parse(JSON.parse(await readFile(join(await buildTestIndex(), "report.json"), "utf8")));
  const composer = createLlmComposer({
    model: new FakeListChatModel({ responses: [reply] }),
    prompt: loadAnswerPrompt(),
    report,
    log: (m) => log.push(m),
  });
  return createTestSitrep({}, { composer });
}

async function ask(sitrep: Awaited<ReturnType<typeof createTestSitrep>>) {
  const response = await postJson(sitrep.app, "/v1/ask", { question: QUESTION });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

describe("LLM composer with a fake chat model (no network)", () => {
  const log: string[] = [];
  let extractive: AskResponse;
  beforeAll(async () => {
    const plain = await createTestSitrep();
    extractive = await ask(plain);
    plain.close();
  });
  afterAll(() => log.splice(0));

  it("a verified answer is returned as the model wrote it", async () => {
    const reply = JSON.stringify({
      answered: true,
      answer: "The route was tested with two sets of shipments between 30 March and 28 April (para. 47).",
      citations: [{ paragraph: 47, quote: PARA_47_QUOTE }],
    });
    const sitrep = await fakeModelSitrep(reply, log);
    const body = await ask(sitrep);
    sitrep.close();
    expect(body.answer).toBe("The route was tested with two sets of shipments between 30 March and 28 April (para. 47).");
    expect(body.citations).toEqual([{ ref: "para. 47", paragraph: 47, quote: PARA_47_QUOTE }]);
  });

  it("a fabricated number is rejected and the extractive answer is returned", async () => {
    const reply = JSON.stringify({
      answered: true,
      answer: "The route was tested with five sets of shipments, about 340 trucks, between 30 March and 28 April (para. 47).",
      citations: [{ paragraph: 47, quote: PARA_47_QUOTE }],
    });
    const sitrep = await fakeModelSitrep(reply, log);
    const body = await ask(sitrep);
    sitrep.close();
    expect(body.answer).toBe(extractive.answer);
    expect(body.answer).not.toContain("340");
    expect(log.at(-1)).toMatch(/the number 340 is neither quoted from a cited passage nor made by the tool/);
  });

  it("a fabricated citation (a paragraph that was not retrieved) is rejected", async () => {
    const reply = JSON.stringify({
      answered: true,
      answer: "The route was tested between 30 March and 28 April (para. 9).",
      citations: [{ paragraph: 9, quote: "They conducted tripartite patrols and the armed groups established checkpoints around the town." }],
    });
    const sitrep = await fakeModelSitrep(reply, log);
    const body = await ask(sitrep);
    sitrep.close();
    expect(body.answer).toBe(extractive.answer);
    expect(log.at(-1)).toMatch(/cites para\. 9, which was not in the evidence/);
  });

  it("a quote that is not verbatim is rejected", async () => {
    const reply = JSON.stringify({
      answered: true,
      answer: "It was tested between 30 March and 28 April (para. 47).",
      citations: [{ paragraph: 47, quote: "The supply route was tested successfully in spring." }],
    });
    const sitrep = await fakeModelSitrep(reply, log);
    const body = await ask(sitrep);
    sitrep.close();
    expect(body.answer).toBe(extractive.answer);
    expect(log.at(-1)).toMatch(/not verbatim/);
  });

  it("output that is not the expected JSON falls back too", async () => {
    const sitrep = await fakeModelSitrep("Sure! The route was tested in spring.", log);
    const body = await ask(sitrep);
    sitrep.close();
    expect(body.answer).toBe(extractive.answer);
    expect(log.at(-1)).toMatch(/LLM composer failed/);
  });
});

describe("time budget", () => {
  it("a composer that exceeds ANSWER_TIMEOUT_MS gets 504 (slow fake composer)", async () => {
    const slow = { compose: () => new Promise<never>((resolve) => setTimeout(resolve, 2_000)) };
    const sitrep = await createTestSitrep({ ANSWER_TIMEOUT_MS: "100" }, { composer: slow });
    const response = await postJson(sitrep.app, "/v1/ask", { question: QUESTION });
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: { code: "timeout", message: expect.stringMatching(/100 ms/) } });
    expect((await sitrep.app.request("/health")).status).toBe(200);
    sitrep.close();
  });
});
