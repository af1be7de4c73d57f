// Rate limits on the real app: RATE_LIMIT_PER_MINUTE (default 60) per key, or per client address when
// keys are off; 429 JSON with Retry-After and the RateLimit headers; X-Forwarded-For only with
// TRUST_PROXY; Slack per workspace. Address tests go through a real server on 127.0.0.1.
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeSitrep } from "../../src/bootstrap/node.js";
import { loadConfig } from "../../src/config.js";
import { addressBucket } from "../../src/http/client-address.js";
import { createTestDataDir, createTestSitrep } from "../helpers/app.js";
import { settle } from "../slack/messages.js";
import { slashCommandForm, TEAM } from "../slack/payloads.js";
import { startSlackHarness, type SlackHarness } from "../slack/harness.js";
import { bearer, postAs, testKeys, type TestKeys } from "./keys.js";

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** Sends `count` cheap requests; returns their statuses. */
async function burst(app: App, count: number, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await app.request("/v1/paragraphs/17", { headers })).status);
  return statuses;
}

/** GET from a chosen local address, so the server sees a different client (any 127.x is loopback on Linux). */
function getFrom(base: string, path: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { localAddress, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function expectLimited(response: Response, limit: number) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter) && retryAfter >= 0 && retryAfter <= 60).toBe(true);
  expect(response.headers.get("ratelimit")).toMatch(new RegExp(`^limit=${limit}, remaining=0, reset=\\d+$`));
  expect(response.headers.get("ratelimit-policy")).toBe(`${limit};w=60`);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("rate_limited");
  expect(body.error.message).toMatch(new RegExp(`${limit} a minute`));
}

describe("the default limit", () => {
  it("is 60 requests a minute: the 61st gets 429, with the headers a client needs to back off", async () => {
    // The test helper turns limits off; this builds the app as `npm start` does, on the real index.
    const sitrep = await createNodeSitrep({ env: { DATA_DIR: await createTestDataDir(), LOG_LEVEL: "warn" } });
    try {
      const first = await sitrep.app.request("/v1/paragraphs/17");
      expect(first.headers.get("ratelimit")).toMatch(/^limit=60, remaining=59, reset=\d+$/);
      expect((await burst(sitrep.app, 59)).every((s) => s === 200)).toBe(true);
      await expectLimited(await sitrep.app.request("/v1/paragraphs/17"), 60);
      // Asks count too, and are refused before any work: nothing is stored.
      const refused = await postAs(sitrep.app, "/v1/ask", { question: "How many troops?", conversationId: "over-the-limit" });
      await expectLimited(refused, 60);
      expect(await sitrep.deps.store.conversationOwner("over-the-limit")).toBeNull();
      // Open routes are not limited.
      expect((await sitrep.app.request("/health")).status).toBe(200);
    } finally {
      await sitrep.close();
    }
  });

  it("stays 60 when the variable is set but empty (an empty value is not 0, which would turn limits off)", () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: "" }).RATE_LIMIT_PER_MINUTE).toBe(60);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: "120" }).RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: "-1" })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });

  it("is off with RATE_LIMIT_PER_MINUTE=0", async () => {
    const sitrep = await createTestSitrep({ RATE_LIMIT_PER_MINUTE: "0" });
    try {
      const statuses = await burst(sitrep.app, 120);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect((await sitrep.app.request("/v1/paragraphs/17")).headers.get("ratelimit")).toBeNull();
    } finally {
      sitrep.close();
    }
  });
});

describe("per key (keys on)", () => {
  let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
  let keys: TestKeys;
  const SITE = "https://embedder.example";
  beforeAll(async () => {
    keys = await testKeys();
    sitrep = await createTestSitrep({ API_KEYS: keys.API_KEYS, RATE_LIMIT_PER_MINUTE: "5", WIDGET_ORIGINS: SITE });
  });
  afterAll(() => sitrep.close());

  it("counts each key on its own: alice over her limit leaves bob untouched", async () => {
    expect(await burst(sitrep.app, 5, bearer(keys.alice))).toEqual([200, 200, 200, 200, 200]);
    await expectLimited(await sitrep.app.request("/v1/paragraphs/17", { headers: bearer(keys.alice) }), 5);
    await expectLimited(await postAs(sitrep.app, "/v1/chat", { question: "How many troops?" }, bearer(keys.alice)), 5);
    expect(await burst(sitrep.app, 5, bearer(keys.bob))).toEqual([200, 200, 200, 200, 200]);
  });

  it("does not count requests refused for a missing key (they are 401, not 429)", async () => {
    const statuses = await burst(sitrep.app, 8);
    expect(statuses.every((s) => s === 401)).toBe(true);
  });
});

describe("per client address (keys off), through a real server on 127.0.0.1", () => {
  async function startServer(env: Record<string, string>) {
    const sitrep = await createTestSitrep(env);
    const server = serve({ fetch: sitrep.app.fetch, hostname: "127.0.0.1", port: 0 }) as Server;
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const app: App = { request: (path, init) => fetch(`${base}${path}`, init) };
    return {
      app,
      url: base,
      async stop() {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        sitrep.close();
      },
    };
  }

  it("gives each client address its own budget (clients on 127.0.0.1 and 127.0.0.2)", async () => {
    const s = await startServer({ RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const from = async (localAddress: string, n: number) => {
        const statuses: number[] = [];
        for (let i = 0; i < n; i++) statuses.push(await getFrom(s.url, "/v1/paragraphs/17", localAddress));
        return statuses;
      };
      expect(await from("127.0.0.1", 4)).toEqual([200, 200, 200, 429]);
      expect(await from("127.0.0.2", 3)).toEqual([200, 200, 200]);
    } finally {
      await s.stop();
    }
  });

  it("ignores X-Forwarded-For without TRUST_PROXY: a client cannot pose as many", async () => {
    const s = await startServer({ RATE_LIMIT_PER_MINUTE: "4" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await s.app.request("/v1/paragraphs/17", { headers: { "x-forwarded-for": `198.51.100.${i}` } })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await s.stop();
    }
  });

  it("with TRUST_PROXY=1 counts the address the proxy saw, whatever the client put before it", async () => {
    const s = await startServer({ RATE_LIMIT_PER_MINUTE: "3", TRUST_PROXY: "1" });
    try {
      const via = (client: string, spoofed = "") => ({ "x-forwarded-for": spoofed ? `${spoofed}, ${client}` : client });
      expect(await burst(s.app, 3, via("198.51.100.7"))).toEqual([200, 200, 200]);
      // Spoofed entries to the left of the proxy's own do not make a new client.
      expect((await s.app.request("/v1/paragraphs/17", { headers: via("198.51.100.7", "203.0.113.99") })).status).toBe(429);
      // Another client behind the same proxy has its own budget.
      expect(await burst(s.app, 3, via("198.51.100.8"))).toEqual([200, 200, 200]);
    } finally {
      await s.stop();
    }
  });
});

describe("client address buckets", () => {
  it("keeps IPv4 addresses apart, folds IPv4-mapped IPv6, and groups IPv6 by /64", () => {
    expect(addressBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(addressBucket("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(addressBucket("2001:db8:1:2::1"));
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });
});

describe("Slack, per workspace (Slack's Web API replaced by a local recorder)", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ RATE_LIMIT_PER_MINUTE: "2" });
  });
  afterAll(async () => {
    await h?.close();
  });

  const command = (team: string, hook: string) => slashCommandForm("What does paragraph 17 say?", h.recorder.hookUrl(hook)).replace(`team_id=${TEAM}`, `team_id=${team}`);

  it("acks a workspace over its limit with a notice and answers nothing; other workspaces are unaffected", async () => {
    for (const n of [1, 2]) expect(await (await h.sendForm(command(TEAM, `busy-${n}`))).json()).toMatchObject({ text: "Working on it…" });
    const over = await h.sendForm(command(TEAM, "busy-3"));
    expect(over.status).toBe(200);
    expect(((await over.json()) as { text: string }).text).toMatch(/too many questions/);
    const other = await h.sendForm(command("T0OTHER", "other-1"));
    expect(await other.json()).toMatchObject({ text: "Working on it…" });
    await h.recorder.waitFor((call) => call.path === "/hooks/other-1");
    await settle(h.lazyWork);
    const hooks = h.recorder.calls.map((call) => call.path);
    expect(hooks).toEqual(expect.arrayContaining(["/hooks/busy-1", "/hooks/busy-2", "/hooks/other-1"]));
    expect(hooks).not.toContain("/hooks/busy-3");
  });
});
