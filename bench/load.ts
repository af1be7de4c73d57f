// Load runs with autocannon (every response time kept, so percentiles are exact), and a /health probe
// that runs alongside a load to see what a liveness check waits for while /v1/ask is saturated.
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

/** GET /health one at a time, every `intervalMs`, until `until` resolves: a liveness probe's view. */
export async function probeHealth(baseUrl: string, until: Promise<unknown>, intervalMs = 20): Promise<ProbeResult> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  let failed = 0;
  while (!done) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${baseUrl}/health`);
      await res.arrayBuffer();
      if (!res.ok) failed++;
    } catch {
      failed++;
    }
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return { requests: times.length, failed, latency: summarize(times) };
}
