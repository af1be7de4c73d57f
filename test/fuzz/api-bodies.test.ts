// fast-check properties over /v1/ask, /v1/chat and /v1/feedback bodies on the real app and index:
// whatever the body, never a 5xx (nor an SSE internal_error), always the JSON error shape for a 4xx,
// and a valid ask still works afterwards.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep, postJson } from "../helpers/app.js";

let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
const known = { conversationIds: [] as string[], answerIds: [] as string[] };

beforeAll(async () => {
  sitrep = await createTestSitrep();
  for (const question of ["How many troops does Senegal contribute?", "What does paragraph 17 say?"]) {
    const body = (await (await postJson(sitrep.app, "/v1/ask", { question })).json()) as AskResponse;
    known.conversationIds.push(body.conversationId);
    known.answerIds.push(body.answerId);
  }
});
afterAll(() => sitrep.close());

const invisible = fc.constantFrom("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202A", "\u202E", "\u2066", "\u2069", "\u061C", "\u180E");
const surrogate = fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF");
const words = fc.constantFrom(
  "How many", "troops", "police", "does", "Senegal", "Sen\u200Begal", "Ghana", "Chad", "Niger", "contribute", "paragraph", "17", "１７",
  "what about", "total", "women", "ratio of", "percentage", "Annex II", "Kidal", "?", "0x11", "1e308", "NaN", "Infinity", "-0", "<@U1>", "${x}", "'; DROP TABLE turns;--",
);
const question = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: words }, { weight: 1, arbitrary: invisible }, { weight: 1, arbitrary: surrogate }), { minLength: 1, maxLength: 14 }).map((w) => w.join(" ")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1990, max: 2100 }).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const conversationId = fc.oneof(
  fc.constantFrom(...["slack:C1:1.2", "slack:", "", " ", "../../etc/passwd", "\u0000", "x".repeat(201)]),
  fc.constant(undefined),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 1 }),
  fc.constantFrom("known-0", "known-1"),
);
/** Keys a careless parser would merge into prototypes. */
const hostileKeys = fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "toString", "debug", "question", "extra"), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

const askBody = fc.tuple(question, conversationId, fc.option(fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 }))), hostileKeys).map(([q, id, debug, extra]) => {
  const body: Record<string, unknown> = { ...extra, question: q };
  if (id !== undefined) body.conversationId = id === "known-0" ? known.conversationIds[0] : id === "known-1" ? known.conversationIds[1] : id;
  if (debug !== null) body.debug = debug;
  return JSON.stringify(body);
});
const rawBody = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom("", "{", '{"question":', "null", "[]", '"question"', '{"question":"\\ud800"}', "{".repeat(5000), '{"question":"a","question":"b"}'),
);
const feedbackBody = fc
  .record(
    {
      answerId: fc.oneof(fc.constantFrom("known-0", "known-1"), fc.string({ maxLength: 220 }), fc.jsonValue({ maxDepth: 1 })),
      rating: fc.oneof(fc.constantFrom("up", "down"), fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })),
      comment: fc.oneof(fc.string({ unit: "binary", maxLength: 100 }), fc.constant("c".repeat(2001)), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  )
  .map((b) => JSON.stringify({ ...b, ...(b.answerId === "known-0" ? { answerId: known.answerIds[0] } : b.answerId === "known-1" ? { answerId: known.answerIds[1] } : {}) }));
const contentType = fc.oneof({ weight: 8, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/json; charset=latin1", "APPLICATION/JSON", "") });

async function post(path: string, body: string, type: string): Promise<Response> {
  return sitrep.app.request(path, { method: "POST", headers: type ? { "content-type": type } : {}, body });
}

async function expectWellFormed(response: Response, path: string, body: string) {
  const what = `${path} ${body.slice(0, 200)} -> ${response.status}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    const json = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof json.error?.code, what).toBe("string");
    expect(typeof json.error?.message, what).toBe("string");
    expect(JSON.stringify(json), what).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  } else if (path === "/v1/chat") {
    const text = await response.text();
    expect(text, what).toMatch(/event: (done|error)/);
    expect(text, what).not.toContain("internal_error");
  } else if (path === "/v1/ask") {
    const json = (await response.json()) as AskResponse;
    // A refusal may quote the question, or words of an earlier turn (in “…”); anything else the
    // service wrote must not be a broken number.
    const ownWords = json.answer.replace(/“[^”]*”/g, "");
    if (!/NaN|Infinity|undefined/.test(body)) expect(ownWords, what).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b/);
    if (json.tool) expect(Number.isFinite(json.tool.result), what).toBe(true);
  }
}

describe("hostile bodies (fast-check, real app)", () => {
  it("POST /v1/ask: never a 5xx, always the error shape", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: askBody }, { weight: 1, arbitrary: rawBody }), contentType, async (body, type) => {
        await expectWellFormed(await post("/v1/ask", body, type), "/v1/ask", body);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it("POST /v1/chat: never a 5xx, and the stream ends in done or a public error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: askBody }, { weight: 1, arbitrary: rawBody }), contentType, async (body, type) => {
        await expectWellFormed(await post("/v1/chat", body, type), "/v1/chat", body);
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it("POST /v1/feedback: never a 5xx, and feedback is stored only for a real answer with a valid rating", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: feedbackBody }, { weight: 1, arbitrary: rawBody }), contentType, async (body, type) => {
        const response = await post("/v1/feedback", body, type);
        if (response.status === 201) {
          const sent = JSON.parse(body) as { answerId: string; rating: string };
          expect(known.answerIds).toContain(sent.answerId);
          expect(["up", "down"]).toContain(sent.rating);
          return;
        }
        await expectWellFormed(response, "/v1/feedback", body);
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it("a valid ask and its follow-up still work afterwards, and so does a conversation the fuzz wrote into", async () => {
    const first = (await (await postJson(sitrep.app, "/v1/ask", { question: "How many troops does Senegal contribute?" })).json()) as AskResponse;
    expect(first.answer).toMatch(/Senegal/);
    const response = await postJson(sitrep.app, "/v1/ask", { question: "What about Ghana?", conversationId: first.conversationId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/Ghana/);
    const fuzzed = await postJson(sitrep.app, "/v1/ask", { question: "What does paragraph 17 say?", conversationId: known.conversationIds[0] });
    expect(fuzzed.status).toBe(200);
    expect(((await fuzzed.json()) as AskResponse).citations[0]).toMatchObject({ ref: "para. 17" });
    expect((await sitrep.app.request("/health")).status).toBe(200);
  });
});
