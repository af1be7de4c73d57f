// What crosses between the main thread and an answer worker. Everything is plain JSON-like data
// (structured clone): the question, the history, the deadline, the turn, and the stream's events.
import type { MessagePort } from "node:worker_threads";
import type { AnswerInput, AnswerStreamEvent } from "../answer/contract.js";

/** One question for a worker; `port` carries an abort request in and, when `stream` is set, the stream's events back. */
export interface AnswerTask extends Pick<AnswerInput, "question" | "history" | "debug" | "deadline"> {
  port: MessagePort;
  /**
   * The caller takes the stream's events (SSE). Without it the worker sends none, nor `end`: each
   * message wakes the main thread, which on a busy machine costs a scheduling wait per message.
   */
  stream?: boolean;
  /**
   * One slot the worker sets to its threadId while it runs the task (0 before and after), read by the
   * main thread without a message: a task that does not stop when asked gets that worker replaced.
   */
  runningOn: Int32Array;
}

/** Worker -> main, on the task's port. `end` is the last message: every event before it has arrived. */
export type WorkerToMain = { type: "event"; event: AnswerStreamEvent } | { type: "end" };

/** Main -> worker, on the task's port: stop this answer (the budget is spent or the client went away). */
export type MainToWorker = { type: "abort" };

/** Worker -> main, on the worker's parent port, once the index and the encoder are loaded and warm. */
export const WORKER_READY = "sitrep-answer-worker-ready";
export interface WorkerReadyMessage {
  [WORKER_READY]: true;
  threadId: number;
}

export function isWorkerReady(message: unknown): message is WorkerReadyMessage {
  return typeof message === "object" && message !== null && WORKER_READY in message;
}
