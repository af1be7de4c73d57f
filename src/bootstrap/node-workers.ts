// The first thing the Node server does: read the config and start the answer workers, so that they
// load the index and the encoder on the other cores while the main thread is still loading the app.
// Kept light (no app, no answering code) so the workers start within a few milliseconds of launch.
import { availableParallelism } from "node:os";
import { loadConfig, type AppConfig } from "../config.js";
import { createReadiness, type Readiness } from "../http/readiness.js";
import { createAnswerPool, type AnswerPool } from "../serving/answer-pool.js";

export interface StartedWorkers {
  env: Record<string, string | undefined>;
  config: AppConfig;
  readiness: Readiness;
  threads: number;
  /** Undefined when answering on the main thread (ANSWER_THREADS=0). */
  pool?: AnswerPool;
  /** Sends worker failures (after start-up) to `log`, those that happened before it included. */
  logErrorsWith(log: (err: Error) => void): void;
}

export interface WorkerOptions {
  env?: Record<string, string | undefined>;
  /** Answer on the main thread whatever ANSWER_THREADS says (an injected composer or pipeline). */
  inProcess?: boolean;
}

/** Answer worker threads: ANSWER_THREADS, else one per core; 0 answers on the main thread. */
export function answerThreads(config: AppConfig, inProcess = false): number {
  if (inProcess) return 0;
  return config.ANSWER_THREADS ?? availableParallelism();
}

export function startAnswerWorkers(options: WorkerOptions = {}): StartedWorkers {
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  const readiness = createReadiness();
  const threads = answerThreads(config, options.inProcess);
  const early: Error[] = [];
  let log: (err: Error) => void = (err) => void early.push(err);
  const pool = threads > 0 ? createAnswerPool({ env, threads, readiness, onError: (err) => log(err) }) : undefined;
  return {
    env,
    config,
    readiness,
    threads,
    ...(pool ? { pool } : {}),
    logErrorsWith(sink) {
      log = sink;
      for (const err of early.splice(0)) sink(err);
    },
  };
}
