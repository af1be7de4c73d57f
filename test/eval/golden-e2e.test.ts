// End to end: the eval runner against the real app in-process on the real index (built by the shared
// fixture), through the public /v1/ask contract. The gate thresholds below are what the service
// measurably reaches on test/golden/dev/golden.jsonl; raise them when the service improves.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskClient } from "../../src/eval/client.js";
import { evaluate } from "../../src/eval/evaluate.js";
import { localAskClient } from "../../src/eval/local-client.js";
import { buildTestIndex, SEED_FILE } from "../helpers/index-fixture.js";
import { findAll, parseXml } from "./xml.js";

/**
 * Gate for the golden dev suite: a little under what the service measurably reaches, so a regression
 * fails the build. Measured (122 cases, 146 questions): pass 0.943, hit@1 0.731, hit@5 0.962, MRR
 * 0.827, citation recall 0.927, numeric 0.950, refusal accuracy 0.986. Raise these as the service improves.
 * Retrieval is the retriever's own ranking (the evidence list is no longer reordered by the answer, as
 * it was when the gate read hit@1 0.946), and the answering core no longer uses the word lists that
 * were tuned on this suite (pass 0.967 then, with wrong tool numbers on other suites).
 * Latency is measured by `npm run bench`, not asserted here (shared, noisy machines).
 * Same-run baseline (LangChain 1000/200 raw chunks, USE-lite, HNSWLib): hit@1 0.338, hit@5 0.623, MRR 0.446.
 */
export const GATE = {
  passRate: 0.93,
  retrievalHit1: 0.7,
  retrievalHit5: 0.94,
  retrievalMrr: 0.8,
  citationRecall: 0.9,
  numericExact: 0.93,
  refusalAccuracy: 0.96,
} as const;

const GOLDEN = join(import.meta.dirname, "../golden/dev/golden.jsonl");
const WRONG = join(import.meta.dirname, "fixtures/wrong.jsonl");
/**
 * Gates for more dev suites, each written by someone who had not seen the code. The old cascade was
 * tuned on the first two case by case (0.971 and 0.950); the answering core that replaced it measures
 * 0.914, 0.917 and, on the suite written from public coverage, 0.882 (hit@5 0.942, 0.984, 0.991;
 * refusal accuracy 0.987, 0.973, 0.978).
 */
export const INDEPENDENT_SUITES = [
  { file: "staff-questions.jsonl", passRate: 0.89, retrievalHit5: 0.92, refusalAccuracy: 0.96 },
  { file: "desk-officer.jsonl", passRate: 0.89, retrievalHit5: 0.96, refusalAccuracy: 0.95 },
  { file: "public-coverage.jsonl", passRate: 0.86, retrievalHit5: 0.97, refusalAccuracy: 0.96 },
] as const;

let client: AskClient;
let out: string;

beforeAll(async () => {
  const index = await buildTestIndex();
  // Answer quality is judged here, not speed: a generous budget keeps a loaded machine from turning slow answers into errors (the budget has its own tests).
  client = await localAskClient({ env: { DATA_DIR: dirname(index), LOG_LEVEL: "warn", ANSWER_TIMEOUT_MS: "60000" } });
  out = await mkdtemp(join(tmpdir(), "sitrep-eval-e2e-"));
}, 300_000);

afterAll(async () => {
  await client?.close?.();
});

describe("golden suite in-process on the real index", () => {
  it("meets the gate, and sitrep's retrieval beats the same-run LangChain baseline", async () => {
    const printed: string[] = [];
    const report = await evaluate({
      suite: GOLDEN,
      client,
      minPass: GATE.passRate,
      concurrency: 2,
      baseline: true,
      seedFile: SEED_FILE,
      env: { EMBEDDINGS_PROVIDER: "use-lite" },
      junit: join(out, "golden.xml"),
      json: join(out, "golden.json"),
      print: (t) => printed.push(t),
    });
    const s = report.summary;
    // The summary table for the test log; every failure (question / expected / got) is in the JSON and JUnit files.
    console.log(`${printed.filter((t) => !t.startsWith("FAIL ")).join("\n")}\nper-case details: ${join(out, "golden.json")}`);
    expect(report.invalid).toEqual([]);
    expect(s.errors).toBe(0);
    expect(s.passRate).toBeGreaterThanOrEqual(GATE.passRate);
    expect(s.retrieval.hit1).toBeGreaterThanOrEqual(GATE.retrievalHit1);
    expect(s.retrieval.hit5).toBeGreaterThanOrEqual(GATE.retrievalHit5);
    expect(s.retrieval.mrr).toBeGreaterThanOrEqual(GATE.retrievalMrr);
    expect(s.citations.recall).toBeGreaterThanOrEqual(GATE.citationRecall);
    expect(s.numericExact.rate).toBeGreaterThanOrEqual(GATE.numericExact);
    expect(s.refusal.accuracy.rate).toBeGreaterThanOrEqual(GATE.refusalAccuracy);
    expect(report.baseline).toBeDefined();
    expect(report.baseline!.metrics.n).toBe(s.retrieval.n);
    expect(s.retrieval.hit1!).toBeGreaterThan(report.baseline!.metrics.hit1!);
    expect(s.retrieval.mrr!).toBeGreaterThan(report.baseline!.metrics.mrr!);
    expect(report.exitCode).toBe(0);

    const junit = parseXml(await readFile(join(out, "golden.xml"), "utf8"));
    expect(findAll(junit, "testcase")).toHaveLength(report.results.length);
    const json = JSON.parse(await readFile(join(out, "golden.json"), "utf8")) as { results: unknown[]; summary: { passRate: number } };
    expect(json.results).toHaveLength(report.results.length);
    expect(json.summary.passRate).toBe(s.passRate);
  }, 900_000);

  it.each(INDEPENDENT_SUITES.map((g) => [g.file, g] as const))("meets the gate on %s, written independently", async (file, gate) => {
    const report = await evaluate({ suite: join(import.meta.dirname, "../golden/dev", file), client, minPass: gate.passRate, concurrency: 2, print: () => {} });
    const s = report.summary;
    expect(report.invalid).toEqual([]);
    expect(s.errors).toBe(0);
    expect(s.passRate).toBeGreaterThanOrEqual(gate.passRate);
    expect(s.retrieval.hit5).toBeGreaterThanOrEqual(gate.retrievalHit5);
    expect(s.refusal.accuracy.rate).toBeGreaterThanOrEqual(gate.refusalAccuracy);
  }, 900_000);

  it("fails a deliberately wrong suite, with readable reasons for each case", async () => {
    const printed: string[] = [];
    const report = await evaluate({ suite: WRONG, client, concurrency: 2, print: (t) => printed.push(t) });
    const why = Object.fromEntries(report.results.map((r) => [r.id, r.failures.join("; ")]));
    expect(report.results.every((r) => !r.pass)).toBe(true);
    expect(why["wrong-number"]).toContain("missing number(s) 67");
    expect(why["wrong-country"]).toContain('missing phrase(s) "Ghana"');
    expect(why["wrong-citation"]).toContain("citations: expected one of para. 41");
    expect(why["wrong-refusal"]).toContain("expected a refusal (answered:false) but it answered");
    expect(report.exitCode).toBe(1);
    const text = printed.join("\n");
    expect(text).toContain("FAIL wrong-number [ch-iii] (line 4)");
    expect(text).toContain("Q: How many attacks did terrorist groups carry out against MINUSMA since June 2016?");
    expect(text).toMatch(/got: answered=true; citations .*para\. 17/);
    expect(text).toContain("RESULT: FAIL (pass rate 0.000 is below --min-pass 0.9)");
  }, 300_000);
});
