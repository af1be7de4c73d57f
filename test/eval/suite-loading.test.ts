// Suite validation: invalid lines are reported with their line number, the valid cases still run
// (on a fake AskClient), and the run exits non-zero because the suite is invalid.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/eval/evaluate.js";
import { loadSuite, parseSuite } from "../../src/eval/load-suite.js";
import { FakeAskClient, para } from "./fake-client.js";

const GOOD = (id: string) => `{"id":"${id}","question":"How many attacks hit MINUSMA?","type":"numeric","expected":{"numbers":[76]},"citations":["para. 17"],"tags":["ch-iii"]}`;
const TEXT = [
  "// made by hand for this test",
  "# a hash comment too",
  GOOD("ok1"),
  "",
  `{"id":"bad-json","question":"oops",`,
  `{"id":"no-type","question":"How many?","citations":["para. 1"]}`,
  `{"id":"refusal-cited","question":"Canada?","type":"refusal","citations":["Annex II"]}`,
  `{"id":"numeric-no-numbers","question":"How many?","type":"numeric","citations":["para. 1"]}`,
  `{"id":"bad-cite","question":"How many?","type":"numeric","expected":{"numbers":[1]},"citations":["paragraph seventeen"]}`,
  `{"id":"extra","question":"How many?","type":"numeric","expected":{"numbers":[1],"number":[2]},"citations":["para. 1"]}`,
  GOOD("ok1"),
  GOOD("ok2"),
].join("\n");

describe("suite loading", () => {
  it("reports each invalid line with its number and reason and keeps the valid cases", () => {
    const s = parseSuite(TEXT);
    expect(s.cases.map((c) => c.id)).toEqual(["ok1", "ok2"]);
    expect(s.lines).toEqual([3, 12]);
    expect(s.comments).toEqual(["made by hand for this test", "a hash comment too"]);
    const byLine = Object.fromEntries(s.errors.map((e) => [e.line, e.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(byLine[5]).toMatch(/not valid JSON/);
    expect(byLine[6]).toMatch(/^type: /);
    expect(byLine[7]).toMatch(/citations: a refusal expects no citations/);
    expect(byLine[8]).toMatch(/expected\.numbers: a numeric case needs expected\.numbers/);
    expect(byLine[9]).toMatch(/citations\.0: citation must look like/);
    expect(byLine[10]).toMatch(/number/);
    expect(byLine[11]).toMatch(/duplicate id \(first used on line 3\)/);
    expect(s.errors.find((e) => e.line === 6)?.id).toBe("no-type");
  });

  it("still runs the valid cases but fails the run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sitrep-eval-"));
    const file = join(dir, "suite.jsonl");
    await writeFile(file, TEXT);
    const client = new FakeAskClient({ "How many attacks hit MINUSMA?": { answer: "76 attacks", citations: [para(17)], evidence: ["para. 17"] } });
    const printed: string[] = [];
    const report = await evaluate({ suite: file, client, print: (t) => printed.push(t), minPass: 0.5 });
    expect(report.results.map((r) => [r.id, r.pass])).toEqual([["ok1", true], ["ok2", true]]);
    expect(report.summary.passRate).toBe(1);
    expect(report.exitCode).toBe(1);
    expect(report.gateFailures).toEqual(["suite is invalid: 7 invalid line(s)"]);
    const out = printed.join("\n");
    expect(out).toContain("INVALID line 5: not valid JSON");
    expect(out).toContain("INVALID line 11 (ok1): duplicate id");
    expect(out).toContain("threshold --min-pass 0.50");
    expect(out).toContain("RESULT: FAIL");
  });

  it("loads the public golden suite without errors, with its provenance comment", async () => {
    const s = await loadSuite(join(import.meta.dirname, "../golden/dev/golden.jsonl"));
    expect(s.errors).toEqual([]);
    expect(s.cases.length).toBeGreaterThanOrEqual(85);
    expect(s.comments.join(" ")).toMatch(/checked by hand against seeds\/S-2017-478\.txt/);
    const tagged = (tag: string) => s.cases.filter((c) => c.tags.includes(tag)).length;
    expect(tagged("refusal")).toBeGreaterThanOrEqual(12);
    expect(s.cases.filter((c) => c.followups.length > 0).length).toBeGreaterThanOrEqual(8);
    for (const ch of ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi"]) expect(tagged(`ch-${ch}`)).toBeGreaterThan(0);
    expect(tagged("annex-i")).toBeGreaterThan(0);
    expect(tagged("annex-ii")).toBeGreaterThan(0);
  });
});
