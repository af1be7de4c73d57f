// Prometheus metrics (Node): request counts and latency histograms per route from @hono/prometheus,
// answers per route taken, and the answer pool's threads and queue. Served at GET /metrics.
import { prometheus } from "@hono/prometheus";
import type { Handler, MiddlewareHandler } from "hono";
import { Counter, Gauge, Registry } from "prom-client";
import { ANSWER_ROUTES, LLM_FALLBACK_REASONS, type AnswerRoute, type LlmOutcome } from "../../answer/contract.js";

export interface AppMetrics {
  middleware: MiddlewareHandler;
  handler: Handler;
  answered(route: AnswerRoute): void;
  /** An LLM stage ran: its answer was verified and given, or the extractive one was given, and why. */
  llm(outcome: LlmOutcome): void;
}

export interface PoolGauges {
  stats(): { threads: number; readyThreads: number; queued: number };
}

export function createMetrics(pool?: PoolGauges): AppMetrics {
  const registry = new Registry();
  const { printMetrics, registerMetrics } = prometheus({ registry, prefix: "sitrep_" });
  const answers = new Counter({ name: "sitrep_answers_total", help: "Answers given, by the route taken", labelNames: ["route"], registers: [registry] });
  for (const route of ANSWER_ROUTES) answers.inc({ route }, 0);
  const llmAnswers = new Counter({ name: "sitrep_llm_answers_total", help: "Turns the LLM stage ran on, by outcome (verified: its answer was given; fallback: the extractive one)", labelNames: ["outcome"], registers: [registry] });
  const llmFallbacks = new Counter({ name: "sitrep_llm_fallbacks_total", help: "LLM answers replaced by the extractive answer, by reason", labelNames: ["reason"], registers: [registry] });
  for (const outcome of ["verified", "fallback"]) llmAnswers.inc({ outcome }, 0);
  for (const reason of LLM_FALLBACK_REASONS) llmFallbacks.inc({ reason }, 0);
  if (pool) {
    const gauge = (name: string, help: string, read: (s: ReturnType<PoolGauges["stats"]>) => number) =>
      new Gauge({ name, help, registers: [registry], collect() { this.set(read(pool.stats())); } });
    gauge("sitrep_answer_pool_threads", "Answer worker threads configured", (s) => s.threads);
    gauge("sitrep_answer_pool_ready_threads", "Answer worker threads loaded and ready", (s) => s.readyThreads);
    gauge("sitrep_answer_pool_queued", "Questions waiting for an answer worker", (s) => s.queued);
  }
  return {
    middleware: registerMetrics,
    handler: printMetrics,
    answered: (route) => answers.inc({ route }),
    llm(outcome) {
      llmAnswers.inc({ outcome: outcome.verified ? "verified" : "fallback" });
      if (!outcome.verified) llmFallbacks.inc({ reason: outcome.reason });
    },
  };
}
