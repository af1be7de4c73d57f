// Request bodies that only a raw socket can send, through the real app served by @hono/node-server with
// the client-error handler, as `npm start` serves it (src/server.ts): a malformed chunked encoding, a connection cut mid-body, and bodies over the
// 64 KB limit, declared by Content-Length or sent chunked. Each is a client's error: the right status,
// no stack trace, a request log line at info level, and nothing on the error channels (no "unhandled"
// line, no socket error).
import type { Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { handleClientErrors } from "../../src/serving/client-errors.js";
import { createTestSitrep } from "../helpers/app.js";

type LogLine = { level: number; msg: string; path?: string; status?: number; [field: string]: unknown };

const lines: LogLine[] = [];
const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
const logger = pino(
  { level: "info" },
  {
    write(text: string) {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const w of [...waiters]) if (w.match(line)) waiters.splice(waiters.indexOf(w), 1), w.resolve(line);
    },
  },
);
/** Resolves with the request log line for this path once it is written (the app logs after the response is made). */
function requestLine(path: string): Promise<LogLine> {
  const match = (l: LogLine) => l.msg === "request" && l.path === path;
  const seen = lines.find(match);
  return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
}

let sitrep: Awaited<ReturnType<typeof createTestSitrep>>;
let server: Server;
let port: number;
beforeAll(async () => {
  sitrep = await createTestSitrep({}, { logger });
  server = serve({ fetch: sitrep.app.fetch, hostname: "127.0.0.1", port: 0 }) as Server;
  handleClientErrors(server, logger);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await sitrep?.close();
});

// What the app and @hono/node-server print outside the request log: an unhandled error, a socket error.
let consoleCalls: MockInstance[] = [];
const printed = () => consoleCalls.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" ")));
beforeAll(() => {
  consoleCalls = (["error", "warn", "info", "log"] as const).map((name) => vi.spyOn(console, name));
});
afterEach(() => {
  for (const spy of consoleCalls) spy.mockClear();
  lines.splice(0);
});
afterAll(() => {
  for (const spy of consoleCalls) spy.mockRestore();
});

/** Resolves once the server has no connection open (the last exchange's socket is gone on its side too). */
function serverSocketsClosed(): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => server.getConnections((err, count) => (err ? reject(err) : count === 0 ? resolve() : setImmediate(check)));
    check();
  });
}

interface Exchange {
  /** Everything the server sent. */
  response: string;
  status: number | undefined;
  /** A socket error the client saw (EPIPE, ECONNRESET), if any. */
  socketError: string | undefined;
}

/**
 * Sends raw bytes on a new connection. With `cut`, the client closes its side after sending (a body that
 * never finishes). Otherwise it waits for one complete response (or for the server to close), then ends.
 */
function exchange(head: string, body: string | Buffer = "", options: { cut?: boolean } = {}): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let socketError: string | undefined;
    const complete = () => {
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return false;
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
      return length !== null && received.length >= end + 4 + Number(length[1]);
    };
    socket.on("data", (d: Buffer) => {
      received = Buffer.concat([received, d]);
      if (complete()) socket.end();
    });
    socket.on("error", (err: NodeJS.ErrnoException) => (socketError = err.code ?? err.message));
    socket.on("close", () => {
      const response = received.toString("utf8");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];
      resolve({ response, status: status === undefined ? undefined : Number(status), socketError });
    });
    socket.write(head);
    if (body.length > 0) socket.write(body);
    if (options.cut) socket.end();
  });
}

const post = (path: string, headers: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`;
const chunk = (data: string) => `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
const QUESTION = JSON.stringify({ question: "How many troops does Senegal contribute?" });

/** The one response on the connection, with its JSON error body. */
function errorOf(result: Exchange): { code: string; message: string } {
  expect(result.response.match(/^HTTP\/1\.1 /gm)).toHaveLength(1);
  expect(result.response).toMatch(/\r\ncontent-type: application\/json/i);
  return (JSON.parse(result.response.slice(result.response.indexOf("\r\n\r\n") + 4)) as { error: { code: string; message: string } }).error;
}

/** The parser's rejection was logged once, at info level. */
function expectParserRejectionLogged(clientError: string) {
  expect(lines.filter((l) => l.msg.startsWith("client error"))).toEqual([expect.objectContaining({ level: 30, clientError })]);
}

/** Neither a stack trace nor an internal path in what the client got. */
function expectNoStack(response: string) {
  expect(response).not.toMatch(/\bat \S+ \(|node:internal|node_modules|\.ts:\d+|\.js:\d+/);
}

/** The request was logged once, at info level with this status, and nothing else was logged or printed. */
async function expectClientErrorLogged(path: string, status: number) {
  const line = await requestLine(path);
  expect(line).toMatchObject({ level: 30, status });
  expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  expect(printed()).toEqual([]);
}

describe("a chunked body that cannot be read", () => {
  it("an invalid chunk size gets 400 and a closed connection, logged as a client error, not an unhandled 500", async () => {
    const result = await exchange(post("/v1/ask", "Transfer-Encoding: chunked\r\n"), `zz\r\n${QUESTION}\r\n0\r\n\r\n`);
    expect(result.status).toBe(400);
    expect(errorOf(result)).toEqual({ code: "invalid_request", message: "The request is not valid HTTP/1.1 (Invalid character in chunk size)." });
    expectNoStack(result.response);
    await expectClientErrorLogged("/v1/ask", 400);
    expectParserRejectionLogged("HPE_INVALID_CHUNK_SIZE");
  });

  it("an invalid chunk size after a valid chunk gets the same", async () => {
    const result = await exchange(post("/v1/chat", "Transfer-Encoding: chunked\r\n"), `${chunk(QUESTION.slice(0, 10))}-5\r\nxxxxx\r\n0\r\n\r\n`);
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe("invalid_request");
    expectNoStack(result.response);
    await expectClientErrorLogged("/v1/chat", 400);
  });

  it("a connection cut in the middle of a chunked body is logged as a client error", async () => {
    await exchange(post("/v1/ask", "Transfer-Encoding: chunked\r\n"), chunk(QUESTION.slice(0, 10)), { cut: true });
    await expectClientErrorLogged("/v1/ask", 400);
  });

  it("a connection cut in the middle of a Content-Length body is logged as a client error", async () => {
    await exchange(post("/v1/feedback", `Content-Length: ${QUESTION.length}\r\n`), QUESTION.slice(0, 10), { cut: true });
    await expectClientErrorLogged("/v1/feedback", 400);
  });

  it("the server still answers afterwards", async () => {
    const result = await exchange(post("/v1/ask", `Content-Length: ${Buffer.byteLength(QUESTION)}\r\n`), QUESTION);
    expect(result.status).toBe(200);
    expect(result.response).toContain("Senegal");
  });
});

describe("a body over 64 KB", () => {
  const big = JSON.stringify({ question: "How many troops does Senegal contribute?", padding: "x".repeat(70 * 1024) });

  async function expect413(result: Exchange, path: string) {
    expect(result.status).toBe(413);
    expect(errorOf(result)).toEqual({ code: "payload_too_large", message: "The request body is over 64 KB." });
    expectNoStack(result.response);
    expect(result.socketError).toBeUndefined();
    await expectClientErrorLogged(path, 413);
  }

  it("declared by Content-Length gets 413 JSON, and the socket ends without an error on either side", async () => {
    await expect413(await exchange(post("/v1/ask", `Content-Length: ${Buffer.byteLength(big)}\r\n`), big), "/v1/ask");
  });

  it("declared by Content-Length but never sent gets 413 JSON at once, and no second response when the client then closes", async () => {
    await expect413(await exchange(post("/v1/chat", `Content-Length: ${Buffer.byteLength(big)}\r\n`)), "/v1/chat");
    // The client closed mid-body: Node's parser rejects that, after the 413 was sent.
    await serverSocketsClosed();
    expectParserRejectionLogged("HPE_INVALID_EOF_STATE");
    expect(lines.find((l) => l.msg.startsWith("client error"))).toMatchObject({ replied: false });
  });

  it("sent chunked gets 413 JSON, and the socket ends without an error on either side", async () => {
    const chunks = big.match(/[\s\S]{1,8192}/g)!.map(chunk).join("") + "0\r\n\r\n";
    await expect413(await exchange(post("/v1/ask", "Transfer-Encoding: chunked\r\n"), chunks), "/v1/ask");
  });

  it("sent chunked in one chunk gets the same", async () => {
    await expect413(await exchange(post("/v1/feedback", "Transfer-Encoding: chunked\r\n"), chunk(big) + "0\r\n\r\n"), "/v1/feedback");
  });
});
