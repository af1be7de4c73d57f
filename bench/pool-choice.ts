// `npm run bench:pool-choice`: which part of answering belongs on worker threads? Measured in-process,
// without HTTP, over the same never-repeating questions (query cache off):
//   main thread    the whole pipeline on the main thread (no pool)
//   embeddings     a pool of encoders; the rest of the pipeline on the main thread
//   whole pipeline a pool of workers that each hold the index, the encoder and the pipeline
// For each: latency one at a time, throughput with 10 in flight, and the main thread's event-loop delay
// while saturated (what a /health request would wait for).
import { join, resolve } from "node:path";
import { createReportPipeline, createReportRetrieval } from "../src/bootstrap/asker.js";
import { loadNodePipeline } from "../src/bootstrap/node-pipeline.js";
import type { AnswerPipeline } from "../src/answer/contract.js";
import { loadConfig } from "../src/config.js";
import { PooledEmbeddings } from "../src/retrieval/embeddings/pooled.js";
import { loadIndex } from "../src/retrieval/load-index.js";
import { createAnswerPool } from "../src/serving/answer-pool.js";
import { benchQuestions } from "./questions.js";
import { summarize } from "./stats.js";

const ROOT = resolve(import.meta.dirname, "..");
const THREADS = 2;
const env = { DATA_DIR: join(ROOT, "data"), QUERY_CACHE_SIZE: "0", LOG_LEVEL: "warn" };
const config = loadConfig(env);
const questions = benchQuestions(ROOT).questions;

/**
 * How late a 1 ms timer fires on this thread, again and again: what an HTTP request to /health would
 * wait for. A timer that never got to fire counts with its whole wait.
 */
function lagProbe() {
  const lags: number[] = [];
  let expected = performance.now() + 1;
  let timer = setTimeout(function tick() {
    lags.push(performance.now() - expected);
    expected = performance.now() + 1;
    timer = setTimeout(tick, 1);
  }, 1);
  return {
    stop() {
      clearTimeout(timer);
      lags.push(Math.max(0, performance.now() - expected));
      return summarize(lags);
    },
  };
}

async function measure(name: string, pipeline: AnswerPipeline) {
  const ask = (question: string) => pipeline.answer({ question, history: [] });
  for (const q of questions.slice(0, 20)) await ask(q); // warm-up
  let next = 20;
  const take = () => questions[next++ % questions.length]!;
  const sequential: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await ask(take());
    sequential.push(performance.now() - t0);
  }
  const probe = lagProbe();
  const total = 240;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (done < total) {
        done++;
        await ask(take());
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const lag = probe.stop();
  const row = {
    name,
    sequentialP50Ms: summarize(sequential).p50,
    reqPerSec10: total / seconds,
    loopDelayP99Ms: lag.p99,
    loopDelayMaxMs: lag.max,
  };
  console.log(
    `${name.padEnd(15)} p50 ${row.sequentialP50Ms.toFixed(1).padStart(5)} ms   x10 ${row.reqPerSec10.toFixed(0).padStart(4)} req/s   ` +
      `main-thread delay p99 ${row.loopDelayP99Ms.toFixed(1).padStart(6)} ms (max ${row.loopDelayMaxMs.toFixed(1)} ms)`,
  );
  return row;
}

console.log(`questions: ${questions.length} distinct; query cache off; ${THREADS} threads for the pools\n`);

const { pipeline: local } = await loadNodePipeline(config);
await measure("main thread", local);

const encoders = new PooledEmbeddings({ config, threads: THREADS });
const index = await loadIndex(join(config.DATA_DIR, "index"), encoders);
await encoders.embedQuery("warm-up");
await measure("embeddings", createReportPipeline(createReportRetrieval(index, { vectors: index.vectors, embeddings: encoders })));
await encoders.close();

const pool = createAnswerPool({ env, threads: THREADS });
await pool.ready;
await measure("whole pipeline", pool.pipeline);
await pool.close();
