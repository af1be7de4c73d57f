// The answer pool: worker threads (piscina), each holding the index, the encoder and a pipeline, so the
// main thread keeps only HTTP, validation, the store and /health. Its `pipeline` is an AnswerPipeline
// like the in-process one: answer() posts {question, history, debug, deadline} to a free worker, passes
// the worker's stream events to onEvent as they arrive (only a caller with onEvent gets a stream), and
// returns the turn.
//
// Aborting (the budget is spent, or the client went away) rejects at once. The worker is asked to stop
// (its pipeline's signal fires); a worker that has not let go after ABORT_GRACE_MS is terminated and
// replaced, and a task still waiting stops as soon as a worker reaches it, before any work.
//
// Each worker holds TASKS_PER_WORKER tasks: the next question is already in the worker when the one
// before it ends, so the worker does not wait for the main thread between them (and while one waits on
// I/O, a model's reply, the other can run). Piscina runs a task
// that has an AbortSignal alone on its worker, so tasks get none: the pool replaces a stuck worker
// itself (the task says which worker runs it). A worker replaced for a stuck task takes the question
// held behind it down too: that one is asked again, once, on another worker.
//
// Closing rejects what is still queued or running with PoolClosedError (piscina's own error would reach
// the HTTP layer as one unexpected error per request); close() says how many were abandoned.
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { AnswerInput, AnswerPipeline, AnswerTurn } from "../answer/contract.js";
import type { Readiness } from "../http/readiness.js";
import type { AnswerWorkerData } from "./answer-worker.js";
import { BUDGET_EXCEEDED_MESSAGE, BudgetExceededError, PoolBusyError, PoolClosedError } from "./errors.js";
import { createStartBaton } from "./start-baton.js";
import { isWorkerReady, type AnswerTask, type MainToWorker, type WorkerToMain } from "./protocol.js";
import { workerFile, type WorkerFile } from "./worker-file.js";

export const ABORT_GRACE_MS = 500;
export const TASKS_PER_WORKER = 2;
const READINESS_COMPONENT = "answer-pool";

export interface AnswerPoolOptions {
  /** The environment the workers read their config from (DATA_DIR, EMBEDDINGS_*, LLM_*, QUERY_CACHE_SIZE). */
  env: Record<string, string | undefined>;
  threads: number;
  /** Questions waiting for a worker, at most; more get PoolBusyError. */
  maxQueue?: number;
  /** Told when no worker is alive, and when one is again. */
  readiness?: Readiness;
  onError?: (err: Error) => void;
  /** The worker module (default: answer-worker); tests script one. */
  worker?: WorkerFile;
}

export interface AnswerPool {
  pipeline: AnswerPipeline;
  /**
   * Resolves once the workers that start at once (all but the main thread's core; at least one) have
   * loaded the index and warmed their encoder, so the service can answer; rejects if one cannot.
   */
  ready: Promise<void>;
  stats(): { threads: number; readyThreads: number; queued: number; completed: number };
  /** Ends the workers; resolves with how many questions, queued or running, were abandoned. */
  close(): Promise<{ abandoned: number }>;
}

export function createAnswerPool(options: AnswerPoolOptions): AnswerPool {
  const worker = options.worker ?? workerFile(import.meta.url, "answer-worker");
  const baton = createStartBaton(options.threads);
  const pool = new Piscina<AnswerTask, AnswerTurn>({
    filename: worker.filename,
    minThreads: options.threads,
    maxThreads: options.threads,
    maxQueue: options.maxQueue ?? 256,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    // An idle worker waits with Atomics.waitAsync, not the blocking wait: its event loop keeps running
    // (the warm-up after "ready", timers), at a cost of microseconds per task.
    atomics: "async",
    workerData: { ...worker.workerData, env: { ...options.env }, baton } satisfies AnswerWorkerData,
  });

  const readyThreads = new Set<number>();
  let started = false;
  const closing = { now: false, abandoned: 0 };
  const ready = new Promise<void>((resolve, reject) => {
    pool.on("message", (message: unknown) => {
      if (!isWorkerReady(message)) return;
      readyThreads.add(message.threadId);
      options.readiness?.recover(READINESS_COMPONENT);
      if (!started && readyThreads.size >= baton.eager) {
        started = true;
        resolve();
      }
    });
    pool.on("error", (err: Error) => {
      if (!started) reject(err);
      else options.onError?.(err);
    });
  });
  ready.catch(() => {});
  pool.on("workerDestroy", () => {
    // By the threads still running: a worker that already exited reports its id as -1.
    for (const id of readyThreads) if (!pool.threads.some((w) => w.threadId === id)) readyThreads.delete(id);
    if (!closing.now && readyThreads.size === 0) options.readiness?.fail(READINESS_COMPONENT, "no answer worker is ready (restarting)");
  });

  const pipeline: AnswerPipeline = {
    answer: (input) => runTask(pool, input, closing, false),
  };

  return {
    pipeline,
    ready,
    stats: () => ({ threads: options.threads, readyThreads: readyThreads.size, queued: pool.queueSize, completed: pool.completed }),
    async close() {
      closing.now = true;
      await pool.destroy();
      return { abandoned: closing.abandoned };
    },
  };
}

function runTask(pool: Piscina<AnswerTask, AnswerTurn>, input: AnswerInput, closing: { now: boolean; abandoned: number }, retried: boolean): Promise<AnswerTurn> {
  const { signal, onEvent } = input;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const stream = onEvent !== undefined;
  const { port1, port2 } = new MessageChannel();
  const runningOn = new Int32Array(new SharedArrayBuffer(4));
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  let abandoned = false;
  let forwarded = false;

  return new Promise<AnswerTurn>((resolve, reject) => {
    let turn: AnswerTurn | undefined;
    let ended = false;
    const finish = () => {
      if (turn === undefined || (stream && !ended)) return;
      cleanup();
      resolve(turn);
    };
    const cleanup = () => {
      signal?.removeEventListener("abort", onAbort);
      clearTimeout(graceTimer);
      port1.close();
    };
    const onAbort = () => {
      abandoned = true;
      reject(signal!.reason);
      port1.postMessage({ type: "abort" } satisfies MainToWorker);
      // A worker busy in synchronous code cannot read the request: take it back after the grace period.
      graceTimer = setTimeout(() => replaceWorker(pool, Atomics.load(runningOn, 0)), ABORT_GRACE_MS);
      graceTimer.unref();
    };
    signal?.addEventListener("abort", onAbort, { once: true });

    // Without a stream the port only carries an abort to the worker; the turn alone ends the task.
    if (onEvent) {
      port1.on("message", (message: WorkerToMain) => {
        if (message.type === "end") {
          ended = true;
          finish();
        } else if (!abandoned) {
          forwarded = true;
          onEvent(message.event);
        }
      });
    }

    const task: AnswerTask = {
      question: input.question,
      history: input.history,
      ...(input.debug ? { debug: true } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
      ...(stream ? { stream: true } : {}),
      port: port2,
      runningOn,
    };
    pool.run(task, { transferList: [port2] }).then(
      (result) => {
        if (abandoned) return cleanup();
        turn = result;
        finish();
      },
      (err: unknown) => {
        cleanup();
        if (abandoned) return;
        if (closing.now) {
          closing.abandoned++;
          return reject(new PoolClosedError());
        }
        // Asked again only if the client has seen nothing of it yet (a stream would repeat itself).
        if (isWorkerReplaced(err) && !forwarded && !retried) return runTask(pool, input, closing, true).then(resolve, reject);
        reject(isQueueFull(err) ? new PoolBusyError() : revive(err));
      },
    );
  });
}

/**
 * An error crosses the thread boundary by structured clone, which keeps its message and stack but makes
 * it a plain Error named "Error": give the budget's its class back (by its message), so the client gets 504.
 */
function revive(err: unknown): unknown {
  return err instanceof Error && err.message === BUDGET_EXCEEDED_MESSAGE ? new BudgetExceededError() : err;
}

/** Ends the worker running a task that would not stop (0: the task has not started, and will stop when it does); piscina starts another. */
function replaceWorker(pool: Piscina<AnswerTask, AnswerTurn>, threadId: number): void {
  if (threadId !== 0) void pool.threads.find((w) => w.threadId === threadId)?.terminate();
}

/** Piscina's error for a task whose worker ended under it (here: replaced for another task that would not stop). */
function isWorkerReplaced(err: unknown): boolean {
  return err instanceof Error && (/^worker exited with code/.test(err.message) || err.message === "Terminating worker thread");
}

function isQueueFull(err: unknown): boolean {
  return err instanceof Error && /queue is at limit|no task queue available/i.test(err.message);
}
