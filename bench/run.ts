// `npm run bench`: start the server as a user would, measure start-up, /v1/ask latency (sequential and
// under load) against floors measured in the same run, print a table and write artifacts/bench.json.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureEmbedFloor } from "./embed-floor.js";
import { loadAsk, loadHealth } from "./load.js";
import { killLiveChildren, spawnTsx, stop, type Started } from "./process.js";
import { loadQuestions } from "./questions.js";
import { render, targets, type BenchResult, type StartupResult } from "./report.js";
import { askSequentially } from "./sequential.js";
import { median } from "./stats.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "300" },
    warmup: { type: "string", default: "30" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    "health-duration": { type: "string", default: "5" },
    "startup-runs": { type: "string", default: "2" },
    out: { type: "string", default: "artifacts/bench.json" },
  },
});
const int = (name: keyof typeof args) => Math.max(1, Number.parseInt(String(args[name]), 10));
const WATCHDOG_MS = 110_000;
/** Each sample loop stops here even short of --requests, so a busy machine still finishes in time. */
const PHASE_CAP_MS = 15_000;

/** The server's env: the embedded defaults (local encoder, extractive composer, no Slack), loopback only. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(LLM_|EMBEDDINGS_|SLACK_)/.test(key)) env[key] = value;
  }
  // No keys and no rate limit: the load test is one client sending far more than 60 requests a minute.
  return { ...env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: "data", LOG_LEVEL: "warn", API_KEYS: "", RATE_LIMIT_PER_MINUTE: "0" };
}

async function measureStartup(runs: number): Promise<{ startup: StartupResult; server: Started; url: string }> {
  const baselineRunsMs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = await spawnTsx("bench/fixtures/trivial.ts", { cwd: ROOT, env: serverEnv(), ready: /^ready$/m, timeoutMs: 20_000 });
    baselineRunsMs.push(started.readyMs);
    await stop(started.child);
  }
  const serverRunsMs: number[] = [];
  let server: Started | undefined;
  for (let i = 0; i < runs; i++) {
    if (server) await stop(server.child);
    server = await spawnTsx("src/server.ts", {
      cwd: ROOT,
      env: serverEnv(),
      ready: /listening on (http:\/\/\S+)(?: \(ready in (\d+) ms)?/,
      timeoutMs: 30_000,
    });
    serverRunsMs.push(server.readyMs);
  }
  const selfReported = server!.match[2];
  return {
    startup: {
      baselineRunsMs,
      baselineMs: median(baselineRunsMs),
      serverRunsMs,
      serverMs: median(serverRunsMs),
      serverSelfReportedMs: selfReported ? Number(selfReported) : null,
      firstAskMs: Number.NaN,
    },
    server: server!,
    url: server!.match[1]!,
  };
}

/** The first /v1/ask after "listening": a retrieval question, so it pays anything loaded lazily (the encoder). */
async function firstAsk(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/v1/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: "How has the security situation in the central regions evolved?" }),
  });
  await res.arrayBuffer();
  return performance.now() - t0;
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, "data", "index", "manifest.json"))) {
    console.error("bench: no index at data/index. Build it first with `npm run ingest`.");
    return 1;
  }
  const questionSet = loadQuestions(join(ROOT, "test", "golden", "dev", "golden.jsonl"));
  const { questions } = questionSet;
  const requests = int("requests");
  const warmup = int("warmup");
  const load = { connections: int("connections"), durationS: int("duration") };

  console.error(`bench: ${questions.length} questions from ${questionSet.source}; measuring start-up...`);
  const loadBefore = loadavg()[0]!;
  const { startup, server, url } = await measureStartup(int("startup-runs"));
  let result: BenchResult;
  try {
    if (!url.startsWith("http://127.0.0.1:")) throw new Error(`bench: the server listens on ${url}, not on 127.0.0.1`);
    startup.firstAskMs = await firstAsk(url);
    const health = await (await fetch(`${url}/health`)).json();
    console.error(`bench: ${requests} sequential /v1/ask...`);
    const sequential = await askSequentially(url, questions, warmup, requests, PHASE_CAP_MS);
    console.error(`bench: autocannon /v1/ask (${load.connections} connections, ${load.durationS} s)...`);
    const ask = await loadAsk({ baseUrl: url, ...load }, questions);
    console.error(`bench: autocannon GET /health (${load.connections} connections, ${int("health-duration")} s)...`);
    const healthLoad = await loadHealth({ baseUrl: url, connections: load.connections, durationS: int("health-duration") });
    await stop(server.child);
    console.error("bench: query-embedding floor in-process...");
    const embedFloor = await measureEmbedFloor(serverEnv(), questions, warmup, requests, PHASE_CAP_MS);
    result = {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? "unknown",
        node: process.version,
        platform: process.platform,
        loadAvg1: { before: loadBefore, after: loadavg()[0]! },
      },
      server: { url, health },
      questions: { source: questionSet.source, count: questions.length },
      startup,
      sequential,
      embedFloor,
      load: { ask, health: healthLoad },
    };
  } finally {
    await stop(server.child);
  }

  const out = resolve(ROOT, String(args.out));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ ...result, targets: targets(result) }, null, 2) + "\n");
  console.log(render(result));
  console.log(`\nwrote ${out} (the bench reports; it never fails the build on a MISS)`);
  return 0;
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; giving up.`);
  killLiveChildren();
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
