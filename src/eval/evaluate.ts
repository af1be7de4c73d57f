// One evaluation run: load the suite, ask every case through an AskClient, grade, summarise, write
// reports, optionally run the same-run LangChain baseline, and decide the exit code.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { BaselineResult } from "./baseline/langchain-baseline.js";
import { httpAskClient, type AskClient } from "./client.js";
import { toJUnit } from "./junit.js";
import { loadSuite, type LoadedSuite } from "./load-suite.js";
import { localAskClient } from "./local-client.js";
import { summarize, type Summary } from "./metrics.js";
import { formatFailure, formatInvalid, formatSummary } from "./report-text.js";
import { progressLine, runSuite, DEFAULT_CONCURRENCY } from "./runner.js";
import type { CaseResult } from "./run-case.js";

/** Default --min-pass: a release gate, so strict; lower it per run with --min-pass. */
export const DEFAULT_MIN_PASS = 0.9;
export const DEFAULT_SEED_FILE = "seeds/S-2017-478.txt";

export interface EvalOptions {
  suite: string;
  url?: string;
  /** API key for --url (a service with API_KEYS set). */
  apiKey?: string;
  junit?: string;
  json?: string;
  minPass?: number;
  concurrency?: number;
  baseline?: boolean;
  /** Raw seed text the baseline chunks. */
  seedFile?: string;
  /** Environment for the in-process app and the baseline's encoder config. */
  env?: Record<string, string | undefined>;
  /** Use this client instead of building one (tests pass a fake). */
  client?: AskClient;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
  /** Report text (stdout in the CLI). */
  print?: (text: string) => void;
}

export interface EvalReport {
  suite: string;
  target: string;
  minPass: number;
  invalid: LoadedSuite["errors"];
  results: CaseResult[];
  summary: Summary;
  baseline?: BaselineResult;
  /** Why the run fails the gate; empty when it passes. */
  gateFailures: string[];
  exitCode: number;
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text, "utf8");
}

async function baselineFor(options: EvalOptions, suite: LoadedSuite): Promise<BaselineResult> {
  const [{ runBaseline }, { createEmbeddings }, { loadConfig }] = await Promise.all([
    import("./baseline/langchain-baseline.js"),
    import("../retrieval/embeddings/provider.js"),
    import("../config.js"),
  ]);
  const { embeddings } = await createEmbeddings(loadConfig(options.env ?? process.env));
  return runBaseline(options.seedFile ?? DEFAULT_SEED_FILE, suite.cases, embeddings);
}

export async function evaluate(options: EvalOptions): Promise<EvalReport> {
  const print = options.print ?? (() => {});
  const progress = options.progress ?? (() => {});
  const minPass = options.minPass ?? DEFAULT_MIN_PASS;
  const suite = await loadSuite(options.suite);
  if (suite.errors.length) progress(formatInvalid(suite.errors));

  const target = options.client ? "the given client" : options.url ? options.url : "the in-process app (local index)";
  const client = options.client ?? (options.url ? httpAskClient(options.url, options.apiKey ? { apiKey: options.apiKey } : {}) : await localAskClient({ env: options.env ?? process.env }));
  let results: CaseResult[];
  try {
    results = await runSuite(client, suite.cases, suite.lines, {
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      onCaseDone: (r, done, total) => progress(progressLine(r, done, total)),
    });
  } finally {
    if (!options.client) await client.close?.();
  }
  const summary = summarize(results);
  const baseline = options.baseline ? await baselineFor(options, suite) : undefined;

  const gateFailures: string[] = [];
  if (suite.errors.length) gateFailures.push(`suite is invalid: ${suite.errors.length} invalid line(s)`);
  if (suite.cases.length === 0) gateFailures.push("suite has no valid cases");
  if (summary.passRate !== null && summary.passRate < minPass) {
    gateFailures.push(`pass rate ${summary.passRate.toFixed(3)} is below --min-pass ${minPass}`);
  }

  const failed = results.filter((r) => !r.pass);
  if (failed.length) print(`${failed.map(formatFailure).join("\n\n")}\n`);
  if (suite.errors.length) print(`${formatInvalid(suite.errors)}\n`);
  print(formatSummary(summary, { minPass, target, ...(baseline ? { baseline: baseline.metrics } : {}) }));
  if (baseline) print(`  baseline: ${baseline.recipe}; ${baseline.chunks} chunks`);
  print(gateFailures.length ? `\nRESULT: FAIL (${gateFailures.join("; ")})` : "\nRESULT: PASS");

  const exitCode = gateFailures.length ? 1 : 0;
  const report: EvalReport = { suite: options.suite, target, minPass, invalid: suite.errors, results, summary, ...(baseline ? { baseline } : {}), gateFailures, exitCode };
  if (options.junit) {
    const properties: [string, string][] = [["min_pass", String(minPass)], ["target", target]];
    if (baseline) {
      const m = baseline.metrics;
      properties.push(["baseline_hit_at_1", String(m.hit1)], ["baseline_hit_at_5", String(m.hit5)], ["baseline_mrr", String(m.mrr)]);
    }
    await writeOut(options.junit, toJUnit({ suiteName: `golden:${options.suite}`, results, summary, invalid: suite.errors, properties }));
  }
  if (options.json) await writeOut(options.json, `${JSON.stringify({ ...report, generatedAt: new Date().toISOString() }, null, 2)}\n`);
  return report;
}
