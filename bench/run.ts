// `npm run bench`: start the service as `npm start` does (compiled, node), and measure in one run, each
// figure against a baseline measured in the same run: start-up and the first answer (bare node), ask
// latency uncached with questions that never repeat, and cached (the query-embedding floor),
// throughput at 1, 10 and 50 connections (the 1-connection rate), /health while /v1/ask is saturated,
// and ingest (full and an unchanged re-run, through npm). Prints the table with PASS/MISS per target
// and writes artifacts/bench.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compile, isStale } from "../scripts/compile.mjs";
import { createEmbedFloor } from "./embed-floor.js";
import { loadAsk, probeHealth, type LoadResult } from "./load.js";
import { killLiveChildren, spawnNode, stop, timeCommand, type Started } from "./process.js";
import { BUILTIN_QUESTIONS, benchQuestions } from "./questions.js";
import { render, rows, type BenchResult, type IngestResult, type StartupResult } from "./report.js";
import { createBenchDataDir, benchServerEnv } from "./server-env.js";
import { ask, askEach } from "./sequential.js";
import { median } from "./stats.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    "startup-runs": { type: "string", default: "3" },
    out: { type: "string", default: "artifacts/bench.json" },
  },
});
const int = (name: keyof typeof args) => Math.max(1, Number.parseInt(String(args[name]), 10));
const WATCHDOG_MS = 240_000;
/** Each sequential loop stops here even short of its list, so a busy machine still finishes in time. */
const PHASE_CAP_MS = 20_000;
/** Embedding calls after which an encoder runs at its steady speed (measured: ~25-50 ms at first, ~11 ms after 100-200). */
const WARM_UP_CALLS = 150;
const LISTENING = /listening on (http:\/\/[^\s"]+)[^"]*?\(ready in (\d+) ms[^"]*?(\d+|no) answer threads/;
/** A few questions staff ask again and again (the widget's starters, the README's example). */
const STARTERS = [
  "How many peacekeepers were hurt since June 2016?",
  "How many troops does Senegal contribute?",
  "What did the conference for national harmony recommend?",
  "How has the security situation in the central regions evolved?",
  "What is the total number of MINUSMA uniformed personnel?",
];

/** Every server of this run uses one temporary database, deleted at the end (see server-env.ts). */
const benchData = createBenchDataDir(ROOT);
const serverEnv = (extra: Record<string, string> = {}) => benchServerEnv(benchData.dir, process.env, extra);

const startServer = (extra: Record<string, string> = {}) =>
  spawnNode(["scripts/run-compiled.mjs", "server"], { cwd: ROOT, env: serverEnv({ LOG_LEVEL: "info", ...extra }), ready: LISTENING, timeoutMs: 30_000 });

async function measureStartup(runs: number): Promise<{ startup: StartupResult; server: Started }> {
  const baselineRunsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await spawnNode(["bench/fixtures/trivial.mjs"], { cwd: ROOT, env: serverEnv(), ready: /^ready$/m, timeoutMs: 20_000 });
    baselineRunsMs.push(started.readyMs);
    await stop(started.child);
  }
  const serverRunsMs: number[] = [];
  let server: Started | undefined;
  for (let i = 0; i < runs; i++) {
    if (server) await stop(server.child);
    server = await startServer();
    serverRunsMs.push(server.readyMs);
  }
  const url = server!.match[1]!;
  // The first answer after ready: a retrieval question, so it pays for anything loaded lazily.
  const first = await ask(url, "What attacks targeted MINUSMA camps in Timbuktu?");
  return {
    startup: {
      baselineRunsMs,
      baselineMs: median(baselineRunsMs),
      serverRunsMs,
      serverMs: median(serverRunsMs),
      serverSelfReportedMs: Number(server!.match[2]),
      firstAnswerMs: first.ms,
    },
    server: server!,
  };
}

async function measureIngest(): Promise<IngestResult> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-ingest-"));
  try {
    const env = serverEnv({ DATA_DIR: dir });
    const full = await timeCommand("npm", ["run", "ingest", "--silent", "--", "--force"], { cwd: ROOT, env, timeoutMs: 120_000 });
    const rerun = await timeCommand("npm", ["run", "ingest", "--silent"], { cwd: ROOT, env, timeoutMs: 60_000 });
    if (full.code !== 0) console.error(`bench: ingest failed:\n${full.stderr.slice(-2000)}`);
    return { fullMs: full.ms, fullOk: full.code === 0, rerunMs: rerun.ms, rerunOk: rerun.code === 0, rerunUpToDate: /index up to date/.test(rerun.stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, "data", "index", "manifest.json"))) {
    console.error("bench: no index at data/index. Build it first with `npm run ingest`.");
    return 1;
  }
  if (await isStale()) await compile();
  const questionSet = benchQuestions(ROOT);
  const { questions } = questionSet;
  // The encoder gets faster over its first ~200 calls (JIT); both sides are warmed to that steady state
  // first, so the comparison is like with like. Warm-up questions are never measured, and the measured
  // ones are each asked exactly once.
  const warmupList = (n: number) => Array.from({ length: n }, (_, i) => BUILTIN_QUESTIONS[i % BUILTIN_QUESTIONS.length]!);
  const durationS = int("duration");
  const loadBefore = loadavg()[0]!;

  console.error(`bench: ${questions.length} distinct questions from ${questionSet.source}; start-up...`);
  const { startup, server } = await measureStartup(int("startup-runs"));
  let cached;
  try {
    console.error("bench: cached (the default server, starter questions repeated)...");
    const url = server.match[1]!;
    for (const q of STARTERS) await ask(url, q); // fills the cache: the next asks hit it
    cached = await askEach(url, Array.from({ length: 20 }, () => STARTERS).flat(), PHASE_CAP_MS);
  } finally {
    await stop(server.child);
  }

  console.error("bench: uncached server (QUERY_CACHE_SIZE=0)...");
  const uncachedServer = await startServer({ QUERY_CACHE_SIZE: "0" });
  const url = uncachedServer.match[1]!;
  let uncached, throughput: LoadResult[], healthUnderLoad, embedFloor;
  try {
    if (!url.startsWith("http://127.0.0.1:")) throw new Error(`bench: the server listens on ${url}, not on 127.0.0.1`);
    // Two at a time, so that each answer worker gets its share of the warm-up.
    // About half the warm-up questions reach the encoder (the others are table questions or refusals).
    const threads = Number(uncachedServer.match[3]) || 1;
    const warmup = warmupList(2 * WARM_UP_CALLS * threads);
    const lanes = Array.from({ length: threads }, (_, lane) => warmup.filter((_, i) => i % threads === lane));
    await Promise.all(lanes.map(async (lane) => { for (const q of lane) await ask(url, q); }));
    console.error("bench: the query-embedding floor's encoder, in this process...");
    const floor = await createEmbedFloor(serverEnv(), warmupList(WARM_UP_CALLS));
    console.error(`bench: ${questions.length} sequential /v1/ask, each question once, each followed by its floor...`);
    uncached = await askEach(url, questions, 2 * PHASE_CAP_MS, (q) => floor.time(q));
    embedFloor = floor.result();
    throughput = [];
    for (const connections of [1, 10]) {
      console.error(`bench: autocannon /v1/ask, ${connections} connection(s), ${durationS} s...`);
      throughput.push(await loadAsk({ baseUrl: url, connections, durationS }, questions));
    }
    console.error(`bench: autocannon /v1/ask, 50 connections, ${durationS} s, with a /health probe...`);
    const saturated = loadAsk({ baseUrl: url, connections: 50, durationS }, questions);
    const probe = probeHealth(url, saturated, ROOT);
    throughput.push(await saturated);
    healthUnderLoad = { ...(await probe), askConnections: 50 };
  } finally {
    await stop(uncachedServer.child);
  }

  console.error("bench: ingest (npm run ingest -- --force, then unchanged)...");
  const ingest = await measureIngest();

  const result: BenchResult = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      node: process.version,
      platform: process.platform,
      loadAvg1: { before: loadBefore, after: loadavg()[0]! },
    },
    server: { url, answerThreads: Number(uncachedServer.match[3]) || 0 },
    questions: { source: questionSet.source, count: questions.length },
    startup,
    cached,
    uncached,
    embedFloor,
    throughput,
    healthUnderLoad,
    ingest,
  };
  const out = resolve(ROOT, String(args.out));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ ...result, table: rows(result) }, null, 2) + "\n");
  console.log(render(result));
  console.log(`\nwrote ${out} (the bench reports; it never fails the build on a MISS)`);
  return 0;
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up.`);
  killLiveChildren();
  benchData.dispose();
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => {
    benchData.dispose();
    process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    killLiveChildren();
    benchData.dispose();
    process.exit(1);
  },
);
