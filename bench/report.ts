// Turns the measurements into ratios, PASS/MISS against the issue's targets, and a readable table.
import type { EmbedFloor } from "./embed-floor.js";
import type { LoadResult } from "./load.js";
import type { SequentialResult } from "./sequential.js";
import { ratio } from "./stats.js";

/** From the issue: /v1/ask on a 2-core machine with the embedded defaults. */
export const TARGETS = { p50Ms: 25, p95Ms: 60 } as const;

export interface StartupResult {
  baselineRunsMs: number[];
  baselineMs: number;
  serverRunsMs: number[];
  serverMs: number;
  /** What the server itself printed ("ready in N ms", measured from its first line of code). */
  serverSelfReportedMs: number | null;
  /** The first /v1/ask right after "listening" (pays whatever the server loads lazily). */
  firstAskMs: number;
}

export interface BenchResult {
  at: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAvg1: { before: number; after: number } };
  server: { url: string; health: unknown };
  questions: { source: string; count: number };
  startup: StartupResult;
  sequential: SequentialResult;
  embedFloor: EmbedFloor;
  load: { ask: LoadResult; health: LoadResult };
}

export interface Row {
  metric: string;
  valueMs: number | null;
  baseline: string;
  baselineMs: number | null;
  ratio: number | null;
}

export interface Target {
  name: string;
  valueMs: number;
  limitMs: number;
  pass: boolean;
}

export function rows(r: BenchResult): Row[] {
  const seq = r.sequential.latency;
  const floor = r.embedFloor.latency;
  const ask = r.load.ask;
  const health = r.load.health;
  const row = (metric: string, valueMs: number, baseline: string, baselineMs: number): Row => ({
    metric,
    valueMs,
    baseline,
    baselineMs,
    ratio: ratio(valueMs, baselineMs),
  });
  return [
    row("start-up (spawn -> listening)", r.startup.serverMs, "node --import tsx trivial.ts", r.startup.baselineMs),
    row("first /v1/ask after listening", r.startup.firstAskMs, "ask sequential p50 (warm)", r.sequential.latency.p50),
    row("ask sequential p50", seq.p50, "embedQuery p50", floor.p50),
    row("ask sequential p95", seq.p95, "embedQuery p95", floor.p95),
    row("ask sequential p99", seq.p99, "embedQuery p99", floor.p99),
    row("ask sequential mean", seq.mean, "embedQuery mean", floor.mean),
    row(`ask x${ask.connections} conn p50`, ask.latency.p50, "GET /health p50", health.latency.p50),
    row(`ask x${ask.connections} conn p95`, ask.latency.p95, "GET /health p95", health.latency.p95),
    row(`ask x${ask.connections} conn p99`, ask.latency.p99, "GET /health p99", health.latency.p99),
    // Throughput: the ratio reads "share of the HTTP floor's req/s".
    { metric: `ask x${ask.connections} conn req/s`, valueMs: null, baseline: "GET /health req/s", baselineMs: null, ratio: ratio(ask.reqPerSec, health.reqPerSec) },
  ];
}

export function targets(r: BenchResult): Target[] {
  const seq = r.sequential.latency;
  return [
    { name: "ask p50 (sequential)", valueMs: seq.p50, limitMs: TARGETS.p50Ms, pass: seq.p50 <= TARGETS.p50Ms },
    { name: "ask p95 (sequential)", valueMs: seq.p95, limitMs: TARGETS.p95Ms, pass: seq.p95 <= TARGETS.p95Ms },
  ];
}

const ms = (v: number | null) => (v === null || !Number.isFinite(v) ? "" : `${v.toFixed(1)} ms`);
const times = (v: number | null) => (v === null ? "n/a" : `${v.toFixed(2)}x`);

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function render(r: BenchResult): string {
  const { ask, health } = r.load;
  const body = rows(r).map((x) => {
    if (x.valueMs === null) {
      return [x.metric, `${ask.reqPerSec.toFixed(0)} req/s`, x.baseline, `${health.reqPerSec.toFixed(0)} req/s`, times(x.ratio)];
    }
    return [x.metric, ms(x.valueMs), x.baseline, ms(x.baselineMs), times(x.ratio)];
  });
  const seq = r.sequential;
  const lines = [
    `sitrep bench: ${r.machine.cpus} x ${r.machine.cpuModel}, node ${r.machine.node}`,
    `questions: ${r.questions.count} from ${r.questions.source}; server ${r.server.url}`,
    `load average (1 min): ${r.machine.loadAvg1.before.toFixed(2)} before, ${r.machine.loadAvg1.after.toFixed(2)} after` +
      (Math.max(r.machine.loadAvg1.before, r.machine.loadAvg1.after) > r.machine.cpus / 2
        ? `  <-- WARNING: the machine was busy (${r.machine.cpus} cores); absolute numbers are inflated, ratios less so`
        : ""),
    "",
    table(["metric", "value", "baseline", "baseline value", "ratio"], body),
    "",
    `start-up runs: server [${r.startup.serverRunsMs.map((v) => v.toFixed(0)).join(", ")}] ms` +
      (r.startup.serverSelfReportedMs !== null ? ` (server says ready in ${r.startup.serverSelfReportedMs} ms)` : "") +
      `; baseline [${r.startup.baselineRunsMs.map((v) => v.toFixed(0)).join(", ")}] ms`,
    `encoder load in-process: ${r.embedFloor.loadMs.toFixed(0)} ms (${r.embedFloor.encoder})`,
    `sequential: ${seq.requests} requests after ${seq.warmup} warm-up; ${seq.answered} answered, ${seq.refused} refused, ${seq.withTool} via the numeric tool, ${seq.failed} failed`,
    `load: ask ${ask.requests} requests (${ask.non2xx} non-2xx, ${ask.errors} errors, ${ask.timeouts} timeouts) in ${ask.durationS} s; ` +
      `health ${health.requests} requests (${health.non2xx} non-2xx, ${health.errors} errors) in ${health.durationS} s`,
    `slowest questions (mean ms): ${seq.slowest.map((s) => `${s.meanMs.toFixed(1)} "${s.question}"`).join("; ")}`,
    "",
    ...targets(r).map((t) => `${t.pass ? "PASS" : "MISS"}  ${t.name}: ${t.valueMs.toFixed(1)} ms (target <= ${t.limitMs} ms)`),
  ];
  return lines.join("\n");
}
