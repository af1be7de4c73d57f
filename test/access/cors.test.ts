// CORS on the real app, served over real HTTP: an origin that only resembles one in WIDGET_ORIGINS (a
// longer host, another scheme, another port, a sub-domain, the opaque `null` origin of sandboxed frames
// and files) gets no Access-Control-Allow-Origin, on a preflight, a GET or a POST, and a widget key
// sent from it is refused. The exact origins get theirs. And WIDGET_ORIGINS itself only takes origins
// written as browsers send them, so an entry can neither silently never match nor allow `null`.
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createTestSitrep } from "../helpers/app.js";
import { bearer, testKeys, type TestKeys } from "./keys.js";

const STAFF = "https://staff.example.org";
const DOCS = "https://docs.example.org:8443";

const NEAR_MISSES = [
  "https://staff.example.org.evil.com",
  "http://staff.example.org",
  "https://staff.example.org:8443",
  "https://staff.example.org:443",
  "https://sub.staff.example.org",
  "https://evilstaff.example.org",
  "https://staff.example.or",
  "https://staff.example.org/",
  "https://STAFF.example.org",
  "null",
  "https://docs.example.org",
  "https://docs.example.org:8444",
  "http://docs.example.org:8443",
  `${STAFF}, https://evil.example`,
];

let keys: TestKeys;
let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
let server: Server;
let port: number;
beforeAll(async () => {
  keys = await testKeys();
  sitrep = await createTestSitrep({ API_KEYS: keys.API_KEYS, WIDGET_ORIGINS: `${STAFF},${DOCS}` });
  server = serve({ fetch: sitrep.app.fetch, hostname: "127.0.0.1", port: 0 }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await sitrep?.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly these headers (node:http sends Origin as given, as a browser would). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const preflight = (origin: string) =>
  send("OPTIONS", "/v1/ask", { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" });
const getParagraph = (origin: string, key = keys.alice) => send("GET", "/v1/paragraphs/17", { origin, ...bearer(key) });
const ask = (origin: string, key = keys.alice) =>
  send("POST", "/v1/ask", { origin, "content-type": "application/json", ...bearer(key) }, JSON.stringify({ question: "What does paragraph 17 say?" }));

describe("an allowed origin, exactly", () => {
  it.each([STAFF, DOCS])("%s gets Access-Control-Allow-Origin on a preflight, a GET and a POST", async (origin) => {
    const answers = [await preflight(origin), await getParagraph(origin), await ask(origin)];
    expect(answers.map((r) => r.status)).toEqual([204, 200, 200]);
    for (const reply of answers) expect(reply.headers["access-control-allow-origin"]).toBe(origin);
    expect((await getParagraph(origin, keys.site)).status).toBe(200); // a widget key works from it
  });
});

describe("an origin that only resembles an allowed one", () => {
  it.each(NEAR_MISSES)("%s gets no Access-Control-Allow-Origin on a preflight, a GET or a POST", async (origin) => {
    const answers = [await preflight(origin), await getParagraph(origin), await ask(origin)];
    for (const reply of answers) {
      expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
      expect(reply.headers["access-control-allow-credentials"]).toBeUndefined();
    }
    // The requests themselves are answered (CORS is the browser's to enforce), with Vary: Origin for caches.
    expect(answers.map((r) => r.status)).toEqual([204, 200, 200]);
    for (const reply of answers) expect(String(reply.headers.vary)).toMatch(/\bOrigin\b/);
  });

  it.each(NEAR_MISSES)("%s: a widget key sent from it is refused (403)", async (origin) => {
    const reply = await getParagraph(origin, keys.site);
    expect(reply.status).toBe(403);
    expect((JSON.parse(reply.body) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("WIDGET_ORIGINS", () => {
  it("takes origins as browsers send them", () => {
    expect(loadConfig({ WIDGET_ORIGINS: ` ${STAFF} , ${DOCS},http://127.0.0.1:3000 ` }).WIDGET_ORIGINS).toEqual([STAFF, DOCS, "http://127.0.0.1:3000"]);
  });

  it.each([
    ["null", /"null" is the origin of sandboxed frames and local files/],
    ["*", /"\*" is not an origin/],
    ["staff.example.org", /is not an origin \(scheme:\/\/host\[:port\]\)/],
    ["ftp://staff.example.org", /is not an http or https origin/],
    ["https://staff.example.org/", /use "https:\/\/staff\.example\.org"/],
    ["https://STAFF.example.org", /use "https:\/\/staff\.example\.org"/],
    ["https://staff.example.org:443", /use "https:\/\/staff\.example\.org"/],
    ["https://staff.example.org/widget", /use "https:\/\/staff\.example\.org"/],
  ])("refuses %s at start-up, naming the variable", (entry, message) => {
    const load = () => loadConfig({ WIDGET_ORIGINS: `${STAFF},${entry}` });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/WIDGET_ORIGINS: /);
    expect(load).toThrow(message);
  });
});
