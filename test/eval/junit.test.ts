// JUnit output parsed back: well-formed, counts right, metrics as properties, text escaped (fake AskClient).
import { describe, expect, it } from "vitest";
import { toJUnit, escapeXml } from "../../src/eval/junit.js";
import { parseSuite } from "../../src/eval/load-suite.js";
import { summarize } from "../../src/eval/metrics.js";
import { runSuite } from "../../src/eval/runner.js";
import { FakeAskClient, para } from "./fake-client.js";
import { findAll, parseXml } from "./xml.js";

const NASTY = `Tom & "Jerry" <b>'quoted'</b> ]]> \u0007bell`;
const SUITE = [
  `{"id":"ok","question":"Q ok","type":"numeric","expected":{"numbers":[76]},"citations":["para. 17"],"tags":["ch-iii","paraphrase"]}`,
  `{"id":"wrong","question":"Q wrong","type":"text","expected":{"must_contain":["a & b <c>"]},"citations":["para. 2"],"tags":["ch-<ii>&"]}`,
  `{"id":"err","question":"Q err","type":"refusal"}`,
  `{"id":"broken",`,
].join("\n");

async function junitFor() {
  const suite = parseSuite(SUITE);
  const client = new FakeAskClient({
    "Q ok": { answer: "76", citations: [para(17)], evidence: ["para. 17"] },
    "Q wrong": { answer: NASTY, citations: [para(3)], evidence: ["para. 3"] },
    "Q err": { error: `HTTP 502: <html>"bad" & worse</html>` },
  });
  const results = await runSuite(client, suite.cases, suite.lines);
  return toJUnit({ suiteName: "golden & <friends>", results, summary: summarize(results), invalid: suite.errors, properties: [["min_pass", "0.9"]] });
}

describe("JUnit XML", () => {
  it("escapes the five XML specials and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u001Fc\td")).toBe("a\uFFFDb\uFFFDc\td");
  });

  it("is well-formed and counts tests, failures and errors", async () => {
    const root = parseXml(await junitFor());
    expect(root.name).toBe("testsuites");
    const [suite] = findAll(root, "testsuite");
    expect(suite!.attrs).toMatchObject({ name: "golden & <friends>", tests: "4", failures: "1", errors: "2" });
    const cases = findAll(root, "testcase");
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name])).toEqual([
      ["ch-iii", "ok"],
      ["ch-<ii>&", "wrong"],
      ["untagged", "err"],
      ["invalid-line", "line 4"],
    ]);
    expect(findAll(cases[0]!, "failure")).toHaveLength(0);
    expect(findAll(cases[2]!, "error")[0]!.attrs.message).toContain(`HTTP 502: <html>"bad" & worse</html>`);
    expect(findAll(cases[3]!, "error")[0]!.attrs.message).toMatch(/not valid JSON/);
  });

  it("carries the failure reason and the answer text intact", async () => {
    const root = parseXml(await junitFor());
    const wrong = findAll(root, "testcase").find((c) => c.attrs.name === "wrong")!;
    const failure = findAll(wrong, "failure")[0]!;
    expect(failure.attrs.message).toBe(`missing phrase(s) "a & b <c>"; citations: expected one of para. 2`);
    expect(failure.text).toContain("Q: Q wrong");
    expect(failure.text).toContain(`Tom & \\"Jerry\\" <b>'quoted'</b> ]]>`);
    expect(failure.text).not.toContain("\u0007");
  });

  it("puts the metrics on the testsuite as properties", async () => {
    const root = parseXml(await junitFor());
    const props = Object.fromEntries(findAll(root, "property").map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toMatchObject({ pass_rate: "0.3333", cases: "3", questions: "3", retrieval_hit_at_1: "0.5", retrieval_mrr: "0.5", min_pass: "0.9" });
    for (const key of ["retrieval_hit_at_5", "citation_precision", "citation_recall", "numeric_exact_match", "refusal_accuracy", "latency_p50_ms", "latency_p95_ms"]) {
      expect(props[key]).toBeDefined();
    }
  });

  it("rejects malformed XML in the test reader (sanity check of the checker)", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow();
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow();
    expect(() => parseXml("<a>1 < 2</a>")).toThrow();
  });
});
