// Replaces Slack for tests: a local HTTP server on 127.0.0.1 that records Web API calls
// (POST /api/<method>, form-encoded like slack-web-api-client sends them) and response_url posts
// (POST /hooks/<id>, JSON), and answers them the way Slack does.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  /** "chat.postMessage", "chat.postEphemeral", … or "response_url". */
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface SlackRecorder {
  /** Base URL for SLACK_API_URL, e.g. http://127.0.0.1:PORT/api/ */
  apiUrl: string;
  /** A response_url on the recorder. */
  hookUrl(id: string): string;
  calls: RecordedCall[];
  /** Resolves with the first `count` calls matching `predicate`, polling until `timeoutMs`. */
  waitFor(predicate: (call: RecordedCall) => boolean, options?: { count?: number; timeoutMs?: number }): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

const JSON_FIELDS = new Set(["blocks", "attachments", "metadata"]);

export async function startSlackRecorder(): Promise<SlackRecorder> {
  const calls: RecordedCall[] = [];
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (path.startsWith("/hooks/")) {
      calls.push({ method: "response_url", path, authorization: req.headers.authorization, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    const body: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
    calls.push({ method, path, authorization: req.headers.authorization, body });
    const ts = `1700000000.${String(calls.length).padStart(6, "0")}`;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, channel: body.channel, ts, message_ts: ts }));
  });
  server.keepAliveTimeout = 60_000; // outlive the client's pooled sockets, so none is reset mid-test
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    hookUrl: (id) => `${base}/hooks/${id}`,
    calls,
    async waitFor(predicate, { count = 1, timeoutMs = 45_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matched = calls.filter(predicate);
        if (matched.length >= count) return matched.slice(0, count);
        if (Date.now() > deadline) {
          throw new Error(`recorder: wanted ${count} matching call(s) within ${timeoutMs} ms, got ${matched.length}; all calls: ${JSON.stringify(calls.map((c) => c.method))}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
