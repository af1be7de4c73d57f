// Response headers on the real app: a CSP on every response (the chat page keeps its own), a
// Permissions-Policy that turns browser features off, and Cache-Control: no-store on everything under /v1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { testKeys } from "./keys.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
let sitrep: Sitrep;
let keyed: Sitrep;
let answer: AskResponse;
beforeAll(async () => {
  sitrep = await createTestSitrep();
  keyed = await createTestSitrep({ API_KEYS: (await testKeys()).API_KEYS });
  answer = (await (await postJson(sitrep.app, "/v1/ask", { question: "How many troops does Senegal contribute?" })).json()) as AskResponse;
});
afterAll(() => {
  sitrep.close();
  keyed.close();
});

const routes = () => [
  ["GET /", () => sitrep.app.request("/")],
  ["GET /widget.js", () => sitrep.app.request("/widget.js")],
  ["GET /health", () => sitrep.app.request("/health")],
  ["GET /openapi.json", () => sitrep.app.request("/openapi.json")],
  ["POST /v1/ask", () => postJson(sitrep.app, "/v1/ask", { question: "What does paragraph 17 say?" })],
  ["POST /v1/chat", () => postJson(sitrep.app, "/v1/chat", { question: "What does paragraph 17 say?" })],
  ["GET /v1/answers/{id}", () => sitrep.app.request(`/v1/answers/${answer.answerId}`)],
  ["POST /v1/feedback", () => postJson(sitrep.app, "/v1/feedback", { answerId: answer.answerId, rating: "up" })],
  ["GET /v1/paragraphs/17", () => sitrep.app.request("/v1/paragraphs/17")],
  ["GET /v1/annexes/II", () => sitrep.app.request("/v1/annexes/II")],
  ["a 400", () => postJson(sitrep.app, "/v1/ask", {})],
  ["a 404 under /v1", () => sitrep.app.request("/v1/nope")],
  ["a 404 elsewhere", () => sitrep.app.request("/nope.html")],
  ["a 401", () => keyed.app.request("/v1/paragraphs/17")],
] as const;

describe("every response", () => {
  it.each(routes())("%s has a CSP and a Permissions-Policy", async (_name, send) => {
    const response = await send();
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors/);
    const policy = response.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) expect(policy).toContain(feature);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("HTML", () => {
  it("the chat page keeps its own CSP, which lets it load its script and call the API", async () => {
    const response = await sitrep.app.request("/");
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
  });

  it("any other response that a browser might render gets the strictest CSP", async () => {
    const response = await sitrep.app.request("/nope.html");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });
});

describe("Cache-Control", () => {
  it.each(routes().filter(([name]) => /\/v1|a 40/.test(name) && name !== "a 404 elsewhere"))("%s: no-store", async (_name, send) => {
    expect((await send()).headers.get("cache-control")).toBe("no-store");
  });

  it("a 429 is not stored either", async () => {
    const { alice } = await testKeys();
    const limited = await createTestSitrep({ API_KEYS: alice.entry, RATE_LIMIT_PER_MINUTE: "1" });
    try {
      const headers = { authorization: `Bearer ${alice.key}` };
      await limited.app.request("/v1/paragraphs/17", { headers });
      const response = await limited.app.request("/v1/paragraphs/17", { headers });
      expect(response.status).toBe(429);
      expect(response.headers.get("cache-control")).toBe("no-store");
    } finally {
      limited.close();
    }
  });

  it("the widget bundle stays cacheable (it is public and versioned by its ETag)", async () => {
    expect((await sitrep.app.request("/widget.js")).headers.get("cache-control")).toMatch(/public, max-age=\d+/);
  });
});
