// The answer pool's mechanics with a scripted worker (it speaks the real protocol but answers from a
// script): events arrive before the turn, aborts reject at once and stop the worker, a worker stuck in
// synchronous code is replaced, and readiness follows the workers. The real worker is tested through
// HTTP in pool-http.test.ts.
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { AnswerStreamEvent } from "../../src/answer/contract.js";
import { createReadiness } from "../../src/http/readiness.js";
import { createAnswerPool, TASKS_PER_WORKER, type AnswerPool } from "../../src/serving/answer-pool.js";
import { BudgetExceededError, PoolClosedError } from "../../src/serving/errors.js";

const SCRIPTED = { filename: fileURLToPath(new URL("../../src/serving/tsx-worker.mjs", import.meta.url)), workerData: { tsWorkerEntry: fileURLToPath(new URL("./scripted-worker.ts", import.meta.url)) } };

let pool: AnswerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function scriptedPool(threads = 1) {
  const readiness = createReadiness();
  pool = createAnswerPool({ env: {}, threads, readiness, worker: SCRIPTED });
  await pool.ready;
  return { pool, readiness };
}

const ask = (p: AnswerPool, question: string, extra: Partial<Parameters<AnswerPool["pipeline"]["answer"]>[0]> = {}) =>
  p.pipeline.answer({ question, history: [], ...extra });

const whoami = async (p: AnswerPool) => JSON.parse((await ask(p, "whoami")).answer) as { threadId: number; ran: string[] };

/** Resolves with the first event the worker streams. */
function firstEvent(): { onEvent: (e: AnswerStreamEvent) => void; seen: Promise<AnswerStreamEvent> } {
  let resolve!: (e: AnswerStreamEvent) => void;
  const seen = new Promise<AnswerStreamEvent>((r) => (resolve = r));
  return { onEvent: (e) => resolve(e), seen };
}

describe("answer pool (scripted worker)", () => {
  it("passes every stream event on before it returns the turn", async () => {
    const { pool } = await scriptedPool();
    const events: AnswerStreamEvent[] = [];
    const turn = await ask(pool, "stream", { onEvent: (e) => events.push(e) });
    expect(events).toEqual([
      { type: "delta", text: "one " },
      { type: "delta", text: "two " },
      { type: "delta", text: "three" },
    ]);
    expect(turn.answer).toBe("one two three");
  });

  it("rejects at once on abort and asks the worker to stop; a worker that stops is kept", async () => {
    const { pool } = await scriptedPool();
    const before = await whoami(pool);
    const controller = new AbortController();
    const started = firstEvent();
    const answer = ask(pool, "hold until aborted", { signal: controller.signal, onEvent: started.onEvent });
    await started.seen;
    controller.abort(new Error("budget spent"));
    await expect(answer).rejects.toThrow("budget spent");
    const after = await whoami(pool);
    expect(after.threadId).toBe(before.threadId);
    expect(after.ran).toContain("hold until aborted");
  });

  it("replaces a worker stuck in synchronous code after the grace period, and readiness follows", async () => {
    const { pool, readiness } = await scriptedPool();
    const before = await whoami(pool);
    const controller = new AbortController();
    const started = firstEvent();
    const answer = ask(pool, "spin", { signal: controller.signal, onEvent: started.onEvent });
    await started.seen;
    controller.abort(new Error("budget spent"));
    await expect(answer).rejects.toThrow("budget spent");
    await expect.poll(() => readiness.ready(), { timeout: 10_000 }).toBe(false);
    const after = await whoami(pool); // waits for the replacement to start
    expect(after.threadId).not.toBe(before.threadId);
    await expect.poll(() => readiness.ready(), { timeout: 10_000 }).toBe(true);
  });

  it("answers a question held behind a stuck task on the replacement worker, not with an error", async () => {
    const { pool } = await scriptedPool();
    const controller = new AbortController();
    const started = firstEvent();
    const stuck = ask(pool, "spin", { signal: controller.signal, onEvent: started.onEvent });
    await started.seen;
    const behind = ask(pool, "held behind the spinner"); // the worker holds it, but cannot start it
    controller.abort(new Error("budget spent"));
    await expect(stuck).rejects.toThrow("budget spent");
    expect((await behind).answer).toBe("held behind the spinner");
  });

  it("drops a question aborted while it waits in the queue: it never runs", async () => {
    const { pool } = await scriptedPool();
    // As many questions as the worker holds, each waiting for its abort: the next one has to queue.
    const busy = new AbortController();
    const holding = Array.from({ length: TASKS_PER_WORKER }, (_, i) => {
      const started = firstEvent();
      return { answer: ask(pool, `hold until aborted ${i}`, { signal: busy.signal, onEvent: started.onEvent }), started: started.seen };
    });
    await Promise.all(holding.map((h) => h.started));
    const queued = new AbortController();
    const waiting = ask(pool, "queued then aborted", { signal: queued.signal });
    queued.abort(new Error("client gone"));
    await expect(waiting).rejects.toThrow("client gone");
    busy.abort(new Error("done holding"));
    for (const h of holding) await expect(h.answer).rejects.toThrow("done holding");
    expect((await whoami(pool)).ran).not.toContain("queued then aborted");
  });

  it("does not start a question whose deadline passed while it waited", async () => {
    const { pool } = await scriptedPool();
    await expect(ask(pool, "too late", { deadline: Date.now() - 1 })).rejects.toThrow("dropped too late");
    expect((await whoami(pool)).ran).not.toContain("too late");
  });

  it("on close, rejects what is running and queued with PoolClosedError and counts them", async () => {
    const { pool: closing } = await scriptedPool();
    pool = undefined; // closed by the test itself
    const started = firstEvent();
    const running = ask(closing, "hold until aborted", { onEvent: started.onEvent });
    await started.seen;
    const queued = ["first in line", "second in line", "third in line"].map((q) => ask(closing, q));
    const settled = Promise.allSettled([running, ...queued]);
    expect(await closing.close()).toEqual({ abandoned: 4 });
    for (const outcome of await settled) expect(outcome).toMatchObject({ status: "rejected", reason: expect.any(PoolClosedError) });
  });

  it("gives a budget error thrown in the worker its class back (the client gets 504, not 500)", async () => {
    const { pool } = await scriptedPool();
    await expect(ask(pool, "over budget")).rejects.toBeInstanceOf(BudgetExceededError);
  });
});
