// The real start command, `npm start` (compiled JavaScript, run with node), spawned as a user or a
// process manager would, then stopped with signals: SIGTERM reaches the server through npm, streams in
// flight finish, requests on open keep-alive sockets are answered, a second signal exits at once, and
// the grace period bounds the wait.
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { isAlive } from "../../ingest/atomic-dir.js";
import type { AskResponse } from "../../src/answer/contract.js";
import { readSse, type SseEvent } from "../../src/widget/sse.js";
import { childOf, npmStart } from "../helpers/npm-start.js";

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
}

async function chatOnce(url: string, question: string): Promise<{ started: boolean; events: SseEvent[] }> {
  const events: SseEvent[] = [];
  let res: Response;
  try {
    res = await fetch(`${url}/v1/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  } catch {
    return { started: false, events }; // refused: the server no longer accepts connections
  }
  try {
    for await (const event of readSse(res.body!)) events.push(event);
  } catch {
    // a stream cut mid-way: reported through `events` (it lacks `done`)
  }
  return { started: events.length > 0, events };
}

const QUESTIONS = [
  "What did the conference for national harmony recommend?",
  "How many troops does Senegal contribute?",
  "How has the security situation in the central regions evolved?",
  "What attacks targeted MINUSMA camps in Timbuktu?",
];

describe("npm start, stopped with signals", () => {
  it("runs the compiled server as npm's own child, which SIGTERM to npm stops cleanly (no orphan, port and database released)", async () => {
    const server = await npmStart({ ANSWER_THREADS: "2" });
    const child = childOf(server.npm.pid!);
    expect(child.cmdline).toMatch(/^\S*node scripts\/run-compiled\.mjs server$/);
    const answer = (await (await fetch(`${server.url}/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: QUESTIONS[1] }) })).json()) as AskResponse;
    expect(answer.answer).toContain("Senegal");

    server.npm.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.logs.map((l) => l.msg)).toContain("shutdown complete: every request finished");
    expect(isAlive(child.pid)).toBe(false);
    expect(await portIsClosed(server.port)).toBe(true);
  });

  it("during SSE load, lets every stream that started finish, refuses new connections and exits 0 within the grace period", async () => {
    const server = await npmStart({ ANSWER_THREADS: "2" });
    const results: { started: boolean; events: SseEvent[] }[] = [];
    let signalled = false;
    const clients = Array.from({ length: 6 }, async (_, c) => {
      // Bounded: each client asks at most 40 questions, and stops once it is refused.
      for (let i = 0; i < 40; i++) {
        const result = await chatOnce(server.url, QUESTIONS[(c + i) % QUESTIONS.length]!);
        results.push(result);
        if (results.length === 12 && !signalled) {
          signalled = true;
          server.npm.kill("SIGTERM");
        }
        if (!result.started && signalled) return;
      }
    });
    await Promise.all(clients);
    expect(signalled).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.logs.map((l) => l.msg)).toContain("shutdown complete: every request finished");
    const started = results.filter((r) => r.started);
    expect(started.length).toBeGreaterThanOrEqual(12);
    for (const { events } of started) expect(events.map((e) => e.event).at(-1)).toBe("done");
  });

  it("answers a request that arrives on an open keep-alive socket just after SIGTERM, with Connection: close", async () => {
    const server = await npmStart();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; connection: string | undefined; socket: unknown }>((resolve, reject) => {
        const req = request(`${server.url}/live`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, socket: req.socket }));
        });
        req.on("error", reject);
        req.end();
      });
    const first = await get();
    expect(first.connection).toBe("keep-alive");
    server.npm.kill("SIGTERM");
    await server.logged("shutting down"); // npm has passed the signal on
    const second = await get();
    expect(second).toMatchObject({ status: 200, connection: "close" });
    expect(second.socket).toBe(first.socket); // the same keep-alive socket, not a new connection
    expect(await server.exited).toBe(0);
    agent.destroy();
  });

  it("exits at once, with 1, on a second signal while a request is still in flight", async () => {
    const server = await npmStart({ SHUTDOWN_GRACE_MS: "60000" });
    const socket = connect(server.port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    // A request whose body never finishes: in flight until the grace period ends.
    socket.write('POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question"');
    await new Promise((r) => setTimeout(r, 200)); // let the server read the headers
    server.npm.kill("SIGTERM");
    await server.logged("shutting down");
    await new Promise((r) => setTimeout(r, 400)); // past the window in which a repeated Ctrl-C counts as one
    server.npm.kill("SIGTERM");
    expect(await server.exited).toBe(1);
    expect(server.logs.map((l) => l.msg)).toContain("second signal: exiting now");
    socket.destroy();
  });

  it("cuts what is still in flight when the grace period ends, and exits with 1", async () => {
    const server = await npmStart({ SHUTDOWN_GRACE_MS: "300" });
    const socket = connect(server.port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write('POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question"');
    await new Promise((r) => setTimeout(r, 200));
    server.npm.kill("SIGTERM");
    expect(await server.exited).toBe(1);
    expect(server.logs.map((l) => l.msg)).toContain("shutdown complete: requests were cut at the end of the grace period");
    socket.destroy();
  });

  it("says in one line how many queued questions the end of the grace period abandoned, with no error per question", async () => {
    const server = await npmStart({ ANSWER_THREADS: "1", SHUTDOWN_GRACE_MS: "200", QUERY_CACHE_SIZE: "0" });
    // Far more than one worker answers in 200 ms: most are still queued when the grace period ends.
    const asks = Array.from({ length: 40 }, (_, i) =>
      fetch(`${server.url}/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: `${QUESTIONS[i % QUESTIONS.length]} (${i})` }) }).then(
        (res) => res.status,
        () => "cut",
      ),
    );
    await new Promise((r) => setTimeout(r, 150)); // every request has reached the server
    server.npm.kill("SIGTERM");
    expect(await server.exited).toBe(1);
    await Promise.all(asks);
    const summaries = server.logs.filter((l) => String(l.msg).includes("abandoned"));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.abandoned).toBeGreaterThan(0);
    expect(server.stderr()).not.toContain("Terminating worker thread");
    expect(server.stderr()).not.toContain("unhandled error");
  });
});
