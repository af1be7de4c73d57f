// Concurrency runs with autocannon; every response time is kept so p95 can be computed exactly.
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

/** GET /health: the HTTP floor of the same server. */
export function loadHealth(options: LoadOptions): Promise<LoadResult> {
  return run(options, "/health", [{ method: "GET", path: "/health" }]);
}

async function run(options: LoadOptions, path: string, requests: AutocannonRequest[]): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    requests,
  });
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
