// Turns the measurements into the issue's table: each figure, what it is compared with (measured in
// the same run), the ratio, the target and PASS or MISS. The bench reports; it never fails a build.
import type { EmbedFloor } from "./embed-floor.js";
import type { LoadResult, ProbeResult } from "./load.js";
import type { SequentialResult } from "./sequential.js";
import { ratio } from "./stats.js";

export const TARGETS = {
  /** ask p50, uncached, at most this many times the query-embedding floor's p50. */
  askP50VsFloor: 1.3,
  /** Throughput at 10 connections, at least this many times the 1-connection rate (on 2 cores). */
  scaling10: 1.8,
  healthP99Ms: 20,
  startupMs: 1000,
  ingestMs: 8000,
  ingestRerunMs: 500,
} as const;

export interface StartupResult {
  baselineRunsMs: number[];
  baselineMs: number;
  serverRunsMs: number[];
  serverMs: number;
  /** What the server itself logged ("ready in N ms", from its first line of code). */
  serverSelfReportedMs: number | null;
  /** The first /v1/ask right after "listening" (a retrieval question). */
  firstAnswerMs: number;
}

export interface IngestResult {
  fullMs: number;
  fullOk: boolean;
  rerunMs: number;
  rerunOk: boolean;
  rerunUpToDate: boolean;
}

export interface BenchResult {
  at: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAvg1: { before: number; after: number } };
  server: { url: string; answerThreads: number | null };
  questions: { source: string; count: number };
  startup: StartupResult;
  cached: SequentialResult;
  uncached: SequentialResult;
  embedFloor: EmbedFloor;
  throughput: LoadResult[];
  healthUnderLoad: ProbeResult & { askConnections: number };
  ingest: IngestResult;
}

export interface Row {
  figure: string;
  value: string;
  comparedWith: string;
  ratio: number | null;
  target: string;
  pass: boolean | null;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`) : "n/a");
const rps = (v: number) => `${v.toFixed(1)} req/s`;

export function rows(r: BenchResult): Row[] {
  const floor = r.embedFloor.latency;
  const un = r.uncached.latency;
  const ca = r.cached.latency;
  const one = r.throughput.find((t) => t.connections === 1);
  const oneRate = one?.reqPerSec ?? Number.NaN;
  const scaling = (t: LoadResult): Row => ({
    figure: `throughput, ${t.connections} connection${t.connections === 1 ? "" : "s"} (uncached)`,
    value: rps(t.reqPerSec),
    comparedWith: `1-connection rate ${rps(oneRate)}`,
    ratio: ratio(t.reqPerSec, oneRate),
    target: t.connections === 10 ? `>= ${TARGETS.scaling10}x on 2 cores` : "",
    pass: t.connections === 10 ? (ratio(t.reqPerSec, oneRate) ?? 0) >= TARGETS.scaling10 : null,
  });
  const h = r.healthUnderLoad.latency;
  return [
    {
      figure: "ask p50, uncached, questions never repeat",
      value: ms(un.p50),
      comparedWith: `query-embedding floor p50 ${ms(floor.p50)}`,
      ratio: ratio(un.p50, floor.p50),
      target: `<= ${TARGETS.askP50VsFloor}x the floor`,
      pass: (ratio(un.p50, floor.p50) ?? Infinity) <= TARGETS.askP50VsFloor,
    },
    { figure: "ask p95, uncached, questions never repeat", value: ms(un.p95), comparedWith: `query-embedding floor p95 ${ms(floor.p95)}`, ratio: ratio(un.p95, floor.p95), target: "", pass: null },
    { figure: "ask p50, cached (starter questions repeated)", value: ms(ca.p50), comparedWith: `query-embedding floor p50 ${ms(floor.p50)}`, ratio: ratio(ca.p50, floor.p50), target: "", pass: null },
    { figure: "ask p95, cached (starter questions repeated)", value: ms(ca.p95), comparedWith: `query-embedding floor p95 ${ms(floor.p95)}`, ratio: ratio(ca.p95, floor.p95), target: "", pass: null },
    ...r.throughput.map(scaling),
    {
      figure: `/health p99 while /v1/ask is saturated (${r.healthUnderLoad.askConnections} connections)`,
      value: ms(h.p99),
      comparedWith: "-",
      ratio: null,
      target: `<= ${TARGETS.healthP99Ms} ms`,
      pass: h.p99 <= TARGETS.healthP99Ms,
    },
    {
      figure: "start-up to ready (spawn -> listening)",
      value: ms(r.startup.serverMs),
      comparedWith: `bare node ${ms(r.startup.baselineMs)}`,
      ratio: ratio(r.startup.serverMs, r.startup.baselineMs),
      target: `<= ${TARGETS.startupMs / 1000} s`,
      pass: r.startup.serverMs <= TARGETS.startupMs,
    },
    {
      figure: "first answer after ready",
      value: ms(r.startup.firstAnswerMs),
      comparedWith: `bare node ${ms(r.startup.baselineMs)}`,
      ratio: ratio(r.startup.firstAnswerMs, r.startup.baselineMs),
      target: "",
      pass: null,
    },
    {
      figure: "ingest (npm run ingest -- --force)",
      value: ms(r.ingest.fullMs),
      comparedWith: "-",
      ratio: null,
      target: `<= ${TARGETS.ingestMs / 1000} s`,
      pass: r.ingest.fullOk && r.ingest.fullMs <= TARGETS.ingestMs,
    },
    {
      figure: "ingest, unchanged re-run (npm run ingest)",
      value: ms(r.ingest.rerunMs),
      comparedWith: "-",
      ratio: null,
      target: `<= ${TARGETS.ingestRerunMs / 1000} s`,
      pass: r.ingest.rerunOk && r.ingest.rerunUpToDate && r.ingest.rerunMs <= TARGETS.ingestRerunMs,
    },
  ];
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function render(r: BenchResult): string {
  const body = rows(r).map((x) => [x.figure, x.value, x.comparedWith, x.ratio === null ? "" : `${x.ratio.toFixed(2)}x`, x.target, x.pass === null ? "" : x.pass ? "PASS" : "MISS"]);
  const busy = Math.max(r.machine.loadAvg1.before, r.machine.loadAvg1.after) > r.machine.cpus / 2;
  const u = r.uncached;
  const lines = [
    `sitrep bench: ${r.machine.cpus} x ${r.machine.cpuModel}, node ${r.machine.node}; server ${r.server.url} with ${r.server.answerThreads ?? "?"} answer threads`,
    `questions: ${r.questions.count} distinct from ${r.questions.source}`,
    `load average (1 min): ${r.machine.loadAvg1.before.toFixed(2)} before, ${r.machine.loadAvg1.after.toFixed(2)} after` +
      (busy ? `  <-- WARNING: the machine was busy (${r.machine.cpus} cores); absolute numbers are inflated, ratios less so` : ""),
    "",
    table(["figure", "value", "compared with", "ratio", "target", "result"], body),
    "",
    `start-up runs: server [${r.startup.serverRunsMs.map((v) => v.toFixed(0)).join(", ")}] ms` +
      (r.startup.serverSelfReportedMs !== null ? ` (the server says ready in ${r.startup.serverSelfReportedMs} ms)` : "") +
      `; bare node [${r.startup.baselineRunsMs.map((v) => v.toFixed(0)).join(", ")}] ms; \`npm start\` adds npm's own start-up`,
    `uncached: a server with QUERY_CACHE_SIZE=0; ${u.requests} questions, each asked once (${u.answered} answered, ${u.refused} refused, ${u.withTool} via the numeric tool, ${u.failed} failed); slowest ${u.slowest.map((s) => `${s.ms.toFixed(0)} ms "${s.question}"`).join("; ")}`,
    `cached: the default server; ${r.cached.requests} asks of repeated starter questions (${r.cached.failed} failed)`,
    `encoder load in-process: ${r.embedFloor.loadMs.toFixed(0)} ms (${r.embedFloor.encoder})`,
    `load: ` +
      r.throughput.map((t) => `${t.connections} conn ${t.requests} requests (${t.non2xx} non-2xx, ${t.errors} errors, ${t.timeouts} timeouts; p50 ${ms(t.latency.p50)}, p99 ${ms(t.latency.p99)})`).join("; ") +
      `; /health probe ${r.healthUnderLoad.requests} requests (${r.healthUnderLoad.failed} failed, p50 ${ms(r.healthUnderLoad.latency.p50)})`,
  ];
  return lines.join("\n");
}
