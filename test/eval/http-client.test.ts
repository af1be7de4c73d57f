// The --url path: the fetch AskClient against a local HTTP server standing in for the service.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpAskClient } from "../../src/eval/client.js";

let server: Server;
let base = "";
const seen: { url?: string; method?: string; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const json = JSON.parse(body) as { question: string };
      seen.push({ url: req.url, method: req.method, body: json });
      if (json.question === "boom") {
        res.writeHead(500, { "content-type": "application/json" }).end('{"error":"internal"}');
      } else if (json.question === "bad shape") {
        res.writeHead(200, { "content-type": "application/json" }).end('{"answer":42}');
      } else {
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({ answer: "76 attacks", answered: true, citations: [{ ref: "para. 17", paragraph: 17, quote: "76" }], conversationId: "c1", answerId: "a1", evidence: [{ ref: "para. 17", score: 1 }] }),
        );
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("HTTP AskClient (--url)", () => {
  it("POSTs the public contract to URL/v1/ask and validates the reply", async () => {
    const out = await httpAskClient(base).ask({ question: "How many?", debug: true });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.response.evidence?.[0]?.ref).toBe("para. 17");
    expect(seen.at(-1)).toEqual({ url: "/v1/ask", method: "POST", body: { question: "How many?", debug: true } });
  });

  it("keeps a base path prefix", async () => {
    await httpAskClient(`${base}/sitrep`).ask({ question: "x" });
    expect(seen.at(-1)?.url).toBe("/sitrep/v1/ask");
  });

  it("reports HTTP errors, contract breaks and unreachable services as failed outcomes", async () => {
    const err = await httpAskClient(base).ask({ question: "boom" });
    expect(err).toMatchObject({ ok: false, status: 500 });
    const bad = await httpAskClient(base).ask({ question: "bad shape" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/breaks the AskResponse contract/);
    const down = await httpAskClient("http://127.0.0.1:1").ask({ question: "x" });
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.error).toMatch(/request failed/);
  });
});
