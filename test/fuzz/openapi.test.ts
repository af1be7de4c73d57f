// Schema-driven fuzz from the service's own /openapi.json (see openapi-arbitraries.ts for why it is
// home-made): for every operation, requests generated from its parameter and body schemas, valid and
// mutated, with a good, a missing or a wrong key. Every response must be a documented status, never a
// 5xx, JSON where the spec says JSON, and conform to the documented schema.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep } from "../helpers/app.js";
import { bearer, postAs, testKeys, type TestKeys } from "../access/keys.js";
import { fuzzed, resolve, violations, type Operation, type Spec } from "./openapi-arbitraries.js";

let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
let spec: Spec;
let keys: TestKeys;
const answerIds: string[] = [];
const QUESTIONS = ["How many troops does Senegal contribute?", "What does paragraph 17 say?", "What about Ghana?", "How many police does Niger contribute?"];

beforeAll(async () => {
  keys = await testKeys();
  sitrep = await createTestSitrep({ API_KEYS: keys.API_KEYS });
  spec = (await (await sitrep.app.request("/openapi.json")).json()) as Spec;
  for (const question of ["How many troops does Senegal contribute?", "What does paragraph 17 say?"]) {
    answerIds.push(((await (await postAs(sitrep.app, "/v1/ask", { question }, bearer(keys.alice))).json()) as AskResponse).answerId);
  }
});
afterAll(() => sitrep.close());

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })));

interface Generated {
  url: string;
  init: RequestInit;
}

function requests(path: string, method: string, op: Operation): fc.Arbitrary<Generated> {
  const params = (op.parameters ?? []).filter((p) => p.in === "path");
  const paramValues = fc.tuple(
    ...params.map((p) =>
      fc.oneof(
        { weight: 3, arbitrary: fuzzed(spec, p.schema).map((v) => (typeof v === "string" ? v : JSON.stringify(v) ?? "")) },
        { weight: 2, arbitrary: fc.constantFrom(...answerIds, "17", "0x11", "1e1", "17.0", "%00", "..", "slack:C1:2") },
      ),
    ),
  );
  const schema = op.requestBody?.content["application/json"]?.schema;
  const body: fc.Arbitrary<{ type: string; text: string } | undefined> = schema
    ? fc.oneof(
        { weight: 8, arbitrary: fuzzed(spec, schema, { answerId: fc.constantFrom(...answerIds), question: fc.constantFrom(...QUESTIONS) }).map((v) => ({ type: "application/json", text: JSON.stringify(v) ?? "null" })) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }).map((text) => ({ type: "application/json", text })) },
        { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "").map((type) => ({ type, text: '{"question":"x"}' })) },
      )
    : fc.constant(undefined);
  const auth = fc.oneof(
    { weight: 6, arbitrary: fc.constant(bearer(keys.alice)) },
    { weight: 1, arbitrary: fc.constant(bearer(keys.bob)) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => ({ authorization: `Bearer ${s}` })) },
  );
  return fc.tuple(paramValues, body, auth).map(([values, b, headers]) => {
    let url = path;
    params.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodePathValue(values[i]!))));
    const init: RequestInit = { method: method.toUpperCase(), headers: { ...headers, ...(b ? { "content-type": b.type } : {}) } };
    if (b) init.body = b.text;
    return { url, init };
  });
}

/** encodeURIComponent, with lone surrogates sent as the invalid UTF-8 a hostile client would send. */
function encodePathValue(value: string): string {
  return value.split(/([\uD800-\uDFFF])/).map((part) => {
    try {
      return encodeURIComponent(part);
    } catch {
      return "%ED%A0%80";
    }
  }).join("");
}

async function check(op: Operation, request: Generated): Promise<void> {
  const response = await sitrep.app.request(request.url, request.init);
  const what = `${request.init.method} ${request.url} -> ${response.status}`;
  expect(response.status, what).toBeLessThan(500);
  const documented = op.responses[String(response.status)];
  expect(documented, `${what} is not a documented status`).toBeDefined();
  const json = documented!.content?.["application/json"];
  if (json) {
    expect(response.headers.get("content-type"), what).toMatch(/application\/json/);
    const problems = violations(spec, json.schema, await response.json());
    expect(problems, what).toEqual([]);
  } else if (documented!.content?.["text/event-stream"]) {
    const text = await response.text();
    expect(text, what).toMatch(/event: (done|error)/);
    expect(text, what).not.toContain("internal_error");
  }
}

describe("schema-driven fuzz of every operation in /openapi.json", () => {
  it("covers the /v1 API and /health", () => {
    const paths = operations().map((o) => `${o.method.toUpperCase()} ${o.path}`);
    for (const p of ["POST /v1/ask", "POST /v1/chat", "POST /v1/feedback", "GET /v1/answers/{answerId}", "GET /v1/paragraphs/{n}", "GET /v1/annexes/I", "GET /v1/annexes/II", "GET /health"]) {
      expect(paths).toContain(p);
    }
    // Every body schema resolves, so every operation below gets generated requests.
    for (const { op } of operations()) {
      const schema = op.requestBody?.content["application/json"]?.schema;
      if (schema) expect(resolve(spec, schema).type).toBe("object");
    }
  });

  it("never answers with a 5xx or an undocumented status, and every JSON body matches its schema", async () => {
    for (const { path, method, op } of operations()) {
      await fc.assert(
        fc.asyncProperty(requests(path, method, op), (request) => check(op, request)),
        { numRuns: path === "/v1/chat" ? 25 : 50 },
      );
    }
    // And the service still answers afterwards.
    const after = await postAs(sitrep.app, "/v1/ask", { question: "What does paragraph 17 say?" }, bearer(keys.alice));
    expect(after.status).toBe(200);
    expect(((await after.json()) as AskResponse).citations[0]).toMatchObject({ ref: "para. 17" });
  }, 300_000);
});
