// Summary metrics, follow-up chaining and failure output, all on a fake AskClient (no app, no index).
import { describe, expect, it } from "vitest";
import { parseSuite } from "../../src/eval/load-suite.js";
import { summarize } from "../../src/eval/metrics.js";
import { formatFailure } from "../../src/eval/report-text.js";
import { runSuite } from "../../src/eval/runner.js";
import { FakeAskClient, annex, para } from "./fake-client.js";

const SUITE = [
  `{"id":"c1","question":"How many attacks hit MINUSMA?","type":"numeric","expected":{"numbers":[76]},"citations":["para. 17"],"tags":["ch-iii"]}`,
  `{"id":"c2","question":"How many women are in the cabinet?","type":"numeric","expected":{"numbers":[8]},"citations":["para. 11"],"tags":["ch-ii","arithmetic"]}`,
  `{"id":"c3","question":"How many troops does Canada send?","type":"refusal","tags":["refusal"]}`,
  `{"id":"c4","question":"What happened in Kidal in 2019?","type":"refusal","tags":["refusal"]}`,
  `{"id":"c5","question":"Who sends the most soldiers?","type":"text","expected":{"must_contain":["Burkina Faso"]},"citations":["Annex II"],"followups":[{"question":"And the most police?","expected":{"must_contain":["Senegal"]},"citations":["Annex II"]}],"tags":["annex-ii","followup"]}`,
].join("\n");

function fakeClient() {
  return new FakeAskClient({
    "How many attacks hit MINUSMA?": { answer: "There were 76 attacks.", citations: [para(17)], evidence: ["para. 17", "para. 16"], latencyMs: 10 },
    "How many women are in the cabinet?": { answer: "Seven women.", citations: [para(11), para(2)], evidence: ["para. 2", "para. 3", "para. 11"], latencyMs: 20 },
    "How many troops does Canada send?": { answer: "The report does not say.", answered: false, latencyMs: 30 },
    "What happened in Kidal in 2019?": { answer: "Mixed patrols started in Kidal.", answered: true, citations: [para(3)], evidence: ["para. 3"], latencyMs: 40 },
    "Who sends the most soldiers?": { answer: "Burkina Faso, with 1,717.", citations: [annex("II", ["Burkina Faso"])], evidence: ["Annex II Total", "Annex II Burkina Faso"], latencyMs: 50 },
    "And the most police?": { answer: "Senegal, with 296.", citations: [annex("II", ["Senegal"])], evidence: [], latencyMs: 60 },
  });
}

describe("summary metrics on hand-made responses (fake AskClient)", () => {
  it("computes pass rate, citation P/R, hit@k, MRR, numeric, refusal and latency figures", async () => {
    const suite = parseSuite(SUITE);
    expect(suite.errors).toEqual([]);
    const results = await runSuite(fakeClient(), suite.cases, suite.lines, { concurrency: 2 });
    const s = summarize(results);
    expect(results.map((r) => [r.id, r.pass])).toEqual([["c1", true], ["c2", false], ["c3", true], ["c4", false], ["c5", true]]);
    expect(s.passRate).toBeCloseTo(3 / 5);
    expect(s.turns).toBe(6);
    expect(s.citations).toMatchObject({ returned: 6, relevantReturned: 4, expected: 4, expectedFound: 4 });
    expect(s.citations.precision).toBeCloseTo(4 / 6);
    expect(s.citations.recall).toBe(1);
    expect(s.retrieval.n).toBe(4);
    expect(s.retrieval.hit1).toBeCloseTo(2 / 4);
    expect(s.retrieval.hit5).toBeCloseTo(3 / 4);
    expect(s.retrieval.mrr).toBeCloseTo((1 + 1 / 3 + 1 + 0) / 4);
    expect(s.numericExact).toEqual({ n: 2, ok: 1, rate: 0.5 });
    expect(s.refusal.accuracy).toEqual({ n: 6, ok: 5, rate: 5 / 6 });
    expect(s.refusal.refusals).toEqual({ n: 2, ok: 1, rate: 0.5 });
    expect(s.refusal.answerable).toEqual({ n: 4, ok: 4, rate: 1 });
    expect(s.latencyMs).toEqual({ n: 6, p50: 30, p95: 60 });
    expect(s.perTag.refusal).toEqual({ n: 2, ok: 1, rate: 0.5 });
    expect(s.perTag["annex-ii"]).toEqual({ n: 1, ok: 1, rate: 1 });
  });

  it("runs follow-ups in the same conversation, after the first answer", async () => {
    const client = fakeClient();
    const suite = parseSuite(SUITE);
    await runSuite(client, suite.cases.filter((c) => c.id === "c5"), [], {});
    expect(client.requests.map((r) => [r.question, r.conversationId, r.debug])).toEqual([
      ["Who sends the most soldiers?", undefined, true],
      ["And the most police?", "conv-1", true],
    ]);
  });

  it("skips follow-ups whose first turn failed, and says why", async () => {
    const client = new FakeAskClient({ "Who sends the most soldiers?": { error: "HTTP 500: boom" } });
    const [result] = await runSuite(client, parseSuite(SUITE).cases.filter((c) => c.id === "c5"));
    expect(result!.pass).toBe(false);
    expect(result!.failures).toEqual(["HTTP 500: boom", "follow-up 1: skipped: the previous turn returned no conversation to follow up in"]);
    expect(client.requests).toHaveLength(1);
  });

  it("shows question, expectation and what came back for a failure", async () => {
    const suite = parseSuite(SUITE);
    const results = await runSuite(fakeClient(), suite.cases, suite.lines);
    const text = formatFailure(results.find((r) => r.id === "c2")!);
    expect(text).toContain("FAIL c2 [ch-ii, arithmetic] (line 2)");
    expect(text).toContain("Q: How many women are in the cabinet?");
    expect(text).toContain("expected: an answer (answered:true); numbers 8; citations one of para. 11");
    expect(text).toContain("got: answered=true; citations para. 11, para. 2; evidence top-5 para. 2, para. 3, para. 11");
    expect(text).toContain('answer: "Seven women."');
    expect(text).toContain("why: missing number(s) 8");
    const refusal = formatFailure(results.find((r) => r.id === "c4")!);
    expect(refusal).toContain("expected a refusal (answered:false) but it answered");
    expect(refusal).toContain("a refusal should carry no citations, got 1");
  });

  it("reports progress once per case with a running count", async () => {
    const lines: string[] = [];
    const { progressLine } = await import("../../src/eval/runner.js");
    await runSuite(fakeClient(), parseSuite(SUITE).cases, [], { concurrency: 3, onCaseDone: (r, d, t) => lines.push(progressLine(r, d, t)) });
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.slice(0, 5))).toEqual(["[1/5]", "[2/5]", "[3/5]", "[4/5]", "[5/5]"]);
    expect(lines.some((l) => /c1 pass$/.test(l))).toBe(true);
    expect(lines.some((l) => /c2 FAIL \(missing number\(s\) 8\)/.test(l))).toBe(true);
  });
});
