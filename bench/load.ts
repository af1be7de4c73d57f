// Load runs with autocannon (every response time kept, so percentiles are exact), and a /health probe
// that runs alongside a load to see what a liveness check waits for while /v1/ask is saturated.
import { spawn } from "node:child_process";
import autocannon, { type AutocannonRequest } from "autocannon";
import { summarize, type LatencySummary } from "./stats.js";

export interface LoadResult {
  path: string;
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: LatencySummary;
}

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationS: number;
}

/** POST /v1/ask, cycling through the questions across all connections. */
export function loadAsk(options: LoadOptions, questions: string[]): Promise<LoadResult> {
  let next = 0;
  const request: AutocannonRequest = {
    method: "POST",
    path: "/v1/ask",
    headers: { "content-type": "application/json" },
    setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: questions[next++ % questions.length] }) }),
  };
  return run(options, "/v1/ask", [request]);
}

async function run(options: LoadOptions, path: string, requests: AutocannonRequest[]): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({ url: options.baseUrl, connections: options.connections, duration: options.durationS, timeout: 15, requests });
  instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  return {
    path,
    connections: options.connections,
    durationS: options.durationS,
    requests: result.requests.total,
    reqPerSec: result.requests.total / (result.duration || options.durationS),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latency: summarize(times),
  };
}

export interface ProbeResult {
  requests: number;
  failed: number;
  latency: LatencySummary;
}

/**
 * GET /health one at a time, every `intervalMs`, from a separate process (bench/fixtures/health-probe.mjs)
 * until `until` settles: what a liveness probe waits for meanwhile.
 */
export async function probeHealth(baseUrl: string, until: Promise<unknown>, root: string, intervalMs = 20): Promise<ProbeResult> {
  const child = spawn(process.execPath, ["bench/fixtures/health-probe.mjs", baseUrl, String(intervalMs)], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await until.catch(() => {});
  child.stdin!.end();
  await exited;
  const { times, failed } = JSON.parse(out) as { times: number[]; failed: number };
  return { requests: times.length, failed, latency: summarize(times) };
}
