// Bad input through real HTTP requests: each gets the JSON error shape, the right status, no stack trace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSitrep, postJson } from "../helpers/app.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
let sitrep: Sitrep;

beforeAll(async () => {
  sitrep = await createTestSitrep();
});
afterAll(() => sitrep.close());

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  return body.error;
}

describe("POST /v1/ask rejects bad input", () => {
  it("a missing question is 400", async () => {
    const error = await expectError(await postJson(sitrep.app, "/v1/ask", {}), 400, "invalid_request");
    expect(error.message).toMatch(/question/);
  });
  it("an empty or blank question is 400", async () => {
    await expectError(await postJson(sitrep.app, "/v1/ask", { question: "" }), 400, "invalid_request");
    await expectError(await postJson(sitrep.app, "/v1/ask", { question: "   " }), 400, "invalid_request");
  });
  it("a question over 2,000 characters is 400", async () => {
    const error = await expectError(await postJson(sitrep.app, "/v1/ask", { question: "x".repeat(2001) }), 400);
    expect(error.message).toMatch(/2000/);
  });
  it("a question of exactly 2,000 characters is accepted", async () => {
    const response = await postJson(sitrep.app, "/v1/ask", { question: `What ${"about Kidal ".repeat(180)}`.slice(0, 2000) });
    expect(response.status).toBe(200);
  });
  it("malformed JSON is 400", async () => {
    const response = await sitrep.app.request("/v1/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"question": "How many',
    });
    await expectError(response, 400);
  });
  it("a non-JSON content type is 415", async () => {
    const response = await sitrep.app.request("/v1/ask", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "How many troops are there?",
    });
    await expectError(response, 415, "unsupported_media_type");
  });
  it("a body over 64 KB is 413", async () => {
    const response = await postJson(sitrep.app, "/v1/ask", { question: "Kidal?", padding: "x".repeat(70 * 1024) });
    await expectError(response, 413, "payload_too_large");
  });
  it("a wrongly typed field is 400", async () => {
    await expectError(await postJson(sitrep.app, "/v1/ask", { question: 42 }), 400, "invalid_request");
  });
});

describe("routing errors", () => {
  it("an unknown route is a JSON 404", async () => {
    await expectError(await sitrep.app.request("/v1/nope"), 404, "not_found");
  });
  it("an unknown paragraph is 404, a known one is returned", async () => {
    await expectError(await sitrep.app.request("/v1/paragraphs/75"), 404, "not_found");
    await expectError(await sitrep.app.request("/v1/paragraphs/0"), 400);
    const response = await sitrep.app.request("/v1/paragraphs/47");
    expect(response.status).toBe(200);
    const paragraph = (await response.json()) as { number: number; chapter: string; section: string | null; text: string };
    expect(paragraph.number).toBe(47);
    expect(paragraph.chapter).toMatch(/^VII\. /);
    expect(paragraph.text).toMatch(/Niamey/);
  });
  it("feedback for an unknown answer is 404 and stores nothing", async () => {
    await expectError(await postJson(sitrep.app, "/v1/feedback", { answerId: "nope", rating: "up" }), 404);
    expect(await sitrep.deps.store.answer("nope")).toBeNull();
  });
  it("feedback with a bad rating is 400", async () => {
    await expectError(await postJson(sitrep.app, "/v1/feedback", { answerId: "x", rating: "meh" }), 400);
  });
});

describe("the service keeps serving after errors", () => {
  it("answers normally after a burst of bad requests", async () => {
    for (let i = 0; i < 5; i++) await postJson(sitrep.app, "/v1/ask", { question: "" });
    const response = await postJson(sitrep.app, "/v1/ask", { question: "What does paragraph 47 say?" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { answered: boolean; citations: { ref: string }[] };
    expect(body.answered).toBe(true);
    expect(body.citations[0]?.ref).toBe("para. 47");
  });
});
