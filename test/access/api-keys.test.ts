// API keys against the real app (real index, SQLite): off by default, on with API_KEYS; 401 JSON with
// WWW-Authenticate; /health, / and /widget.js stay open; widget keys only ask, chat, give feedback and
// read paragraphs, and only from WIDGET_ORIGINS.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import { loadConfig } from "../../src/config.js";
import { createTestSitrep, postJson } from "../helpers/app.js";
import { REPO_ROOT } from "../helpers/index-fixture.js";
import { bearer, postAs, testKeys, type TestKeys } from "./keys.js";

type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;
const SITE = "https://embedder.example";
const QUESTION = { question: "How many peacekeepers were killed since June 2016?" };

async function expectUnauthorized(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("unauthorized");
  expect(body.error.message).toMatch(/key/i);
}

describe("keys off (API_KEYS unset)", () => {
  let sitrep: Sitrep;
  beforeAll(async () => {
    sitrep = await createTestSitrep();
  });
  afterAll(() => sitrep.close());

  it("answers without an Authorization header, as the anonymous principal", async () => {
    const response = await postJson(sitrep.app, "/v1/ask", QUESTION);
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    expect(await sitrep.deps.store.conversationOwner(body.conversationId)).toBe("anonymous");
  });

  it("ignores a bearer token it has no keys for", async () => {
    const response = await sitrep.app.request("/v1/paragraphs/17", { headers: { authorization: "Bearer whatever" } });
    expect(response.status).toBe(200);
  });
});

describe("keys on (API_KEYS set)", () => {
  let sitrep: Sitrep;
  let keys: TestKeys;
  beforeAll(async () => {
    keys = await testKeys();
    sitrep = await createTestSitrep({ API_KEYS: keys.API_KEYS, WIDGET_ORIGINS: SITE });
  });
  afterAll(() => sitrep.close());

  it("keeps /metrics behind a full key, with the security headers every route has", async () => {
    await expectUnauthorized(await sitrep.app.request("/metrics"));
    expect((await sitrep.app.request("/metrics", { headers: { ...bearer(keys.site), origin: SITE } })).status).toBe(403);
    const response = await sitrep.app.request("/metrics", { headers: bearer(keys.alice) });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^# HELP /m);
    expect(response.headers.get("content-security-policy")).toBeTruthy();
  });

  it("refuses a request with no key: 401 JSON with WWW-Authenticate: Bearer, and nothing is stored", async () => {
    const conversationId = "no-key-conversation";
    await expectUnauthorized(await postJson(sitrep.app, "/v1/ask", { ...QUESTION, conversationId }));
    expect(await sitrep.deps.store.conversationOwner(conversationId)).toBeNull();
  });

  it("refuses a wrong key, a key of the right shape but unknown, and a header that is not Bearer", async () => {
    await expectUnauthorized(await postAs(sitrep.app, "/v1/ask", QUESTION, { authorization: "Bearer wrong" }));
    await expectUnauthorized(await postAs(sitrep.app, "/v1/ask", QUESTION, { authorization: `Bearer ${keys.alice.key}x` }));
    await expectUnauthorized(await postAs(sitrep.app, "/v1/ask", QUESTION, { authorization: `Basic ${btoa("alice:pw")}` }));
    await expectUnauthorized(await postAs(sitrep.app, "/v1/ask", QUESTION, { authorization: "Bearer" }));
    // The key's hash is configured, not the key: sending the hash is no key at all.
    await expectUnauthorized(await postAs(sitrep.app, "/v1/ask", QUESTION, { authorization: `Bearer ${keys.alice.entry.split(":")[1]}` }));
  });

  it("answers every /v1 route with a valid key, and makes the key's name the owner", async () => {
    const response = await postAs(sitrep.app, "/v1/ask", QUESTION, bearer(keys.alice));
    expect(response.status).toBe(200);
    const body = (await response.json()) as AskResponse;
    expect(await sitrep.deps.store.conversationOwner(body.conversationId)).toBe("alice");
    for (const path of ["/v1/paragraphs/17", "/v1/annexes/I", "/v1/annexes/II", `/v1/answers/${body.answerId}`]) {
      expect((await sitrep.app.request(path, { headers: bearer(keys.alice) })).status, path).toBe(200);
      await expectUnauthorized(await sitrep.app.request(path));
    }
    const chat = await postAs(sitrep.app, "/v1/chat", QUESTION, bearer(keys.bob));
    expect(chat.status).toBe(200);
    expect(await chat.text()).toMatch(/event: done/);
    await expectUnauthorized(await postJson(sitrep.app, "/v1/chat", QUESTION));
    await expectUnauthorized(await postJson(sitrep.app, "/v1/feedback", { answerId: body.answerId, rating: "up" }));
  });

  it("keeps /health, /, /widget.js and /openapi.json open", async () => {
    expect((await sitrep.app.request("/health")).status).toBe(200);
    expect((await sitrep.app.request("/")).status).toBe(200);
    expect((await sitrep.app.request("/widget.js")).status).toBe(200);
    const spec = (await (await sitrep.app.request("/openapi.json")).json()) as { components: { securitySchemes: Record<string, unknown> } };
    expect(spec.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lets a browser preflight from a widget origin through without a key, allowing the Authorization header", async () => {
    const response = await sitrep.app.request("/v1/chat", {
      method: "OPTIONS",
      headers: { origin: SITE, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
  });

  describe("a widget key", () => {
    const fromSite = () => ({ ...bearer(keys.site), origin: SITE });

    it("may ask, chat, give feedback and read paragraphs from a WIDGET_ORIGINS page", async () => {
      const ask = await postAs(sitrep.app, "/v1/ask", QUESTION, fromSite());
      expect(ask.status).toBe(200);
      const { answerId } = (await ask.json()) as AskResponse;
      expect((await postAs(sitrep.app, "/v1/chat", QUESTION, fromSite())).status).toBe(200);
      expect((await postAs(sitrep.app, "/v1/feedback", { answerId, rating: "up" }, fromSite())).status).toBe(201);
      expect((await sitrep.app.request("/v1/paragraphs/17", { headers: fromSite() })).status).toBe(200);
    });

    it("may not read stored answers or the annex tables (403)", async () => {
      const { answerId } = (await (await postAs(sitrep.app, "/v1/ask", QUESTION, fromSite())).json()) as AskResponse;
      for (const path of [`/v1/answers/${answerId}`, "/v1/annexes/I", "/v1/annexes/II"]) {
        const response = await sitrep.app.request(path, { headers: fromSite() });
        expect(response.status, path).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      }
    });

    it("is refused from any other origin, or with no origin at all (a script, not a browser on the site)", async () => {
      const conversationId = "widget-elsewhere";
      for (const headers of [{ ...bearer(keys.site), origin: "https://elsewhere.example" }, bearer(keys.site)]) {
        const response = await postAs(sitrep.app, "/v1/ask", { ...QUESTION, conversationId }, headers);
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/WIDGET_ORIGINS/);
      }
      expect(await sitrep.deps.store.conversationOwner(conversationId)).toBeNull();
    });
  });
});

describe("npm run keys:new", () => {
  it("prints a key and its API_KEYS entry, and the key then opens the API", async () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/keys-new.ts", "ci-bot"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    const key = /^key:\s+(\S+)$/m.exec(run.stdout)?.[1];
    const entry = /^entry:\s+(\S+)$/m.exec(run.stdout)?.[1];
    expect(key).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/);
    expect(entry).toMatch(/^ci-bot:[0-9a-f]{64}$/);
    const sitrep = await createTestSitrep({ API_KEYS: entry! });
    try {
      expect((await sitrep.app.request("/v1/paragraphs/1", { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      expect((await sitrep.app.request("/v1/paragraphs/1")).status).toBe(401);
    } finally {
      sitrep.close();
    }
  });

  it("marks a widget key, and refuses a reserved or malformed name", () => {
    const widget = spawnSync(process.execPath, ["--import", "tsx", "scripts/keys-new.ts", "site", "--widget"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(widget.stdout).toMatch(/^entry:\s+site:[0-9a-f]{64}:widget$/m);
    for (const name of ["slack", "anonymous", "has space", ""]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/keys-new.ts", name], { cwd: REPO_ROOT, encoding: "utf8" });
      expect(run.status, name).not.toBe(0);
    }
  });
});

describe("API_KEYS validation at start-up", () => {
  const hash = "a".repeat(64);
  it.each([
    ["a reserved name", `slack:${hash}`, /not anonymous or slack/],
    ["a hash that is not 64 lowercase hex digits", "ci:ABC", /64 lowercase hex/],
    ["an unknown flag", `ci:${hash}:admin`, /name:sha256hex:widget/],
    ["a name used twice", `ci:${hash},ci:${"b".repeat(64)}`, /used twice/],
  ])("stops on %s, naming API_KEYS and never echoing its value", (_label, value, message) => {
    let error: Error | undefined;
    try {
      loadConfig({ API_KEYS: value });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).toMatch(/API_KEYS: /);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain(value);
  });

  it("accepts names with dots, dashes and underscores and a widget flag", () => {
    const config = loadConfig({ API_KEYS: ` ci.bot-1:${hash} , site_2:${"b".repeat(64)}:widget ` });
    expect(config.API_KEYS).toEqual([
      { name: "ci.bot-1", sha256: hash, widget: false },
      { name: "site_2", sha256: "b".repeat(64), widget: true },
    ]);
  });
});
