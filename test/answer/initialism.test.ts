// Short forms a question uses for phrases the report writes out (src/answer/knowledge/initialism.ts),
// on made-up sentences and on the real report.
import { beforeAll, describe, expect, it } from "vitest";
import { longFormOf } from "../../src/answer/knowledge/initialism.js";
import { reportStages, type ReportStages } from "../helpers/report-stages.js";

describe("longFormOf on given sentences", () => {
  it("reads the letters as the initials of consecutive words, through small words", () => {
    expect(longFormOf("MMVT", ["The mixed monitoring and verification team went to Kidal."])).toBe("mixed monitoring and verification team");
  });

  it("gives a capitalised name whole when the letters open it", () => {
    expect(longFormOf("ICER", ["Pledges made at the International Conference for the Economic Recovery and Development of Mali held in 2015."])).toBe(
      "international conference for the economic recovery and development of mali",
    );
  });

  it("refuses a clause that happens to have the letters, a name cut short, an ambiguous match and too few letters", () => {
    expect(longFormOf("SRSG", ["a strategy relevant to the sociocultural and geographic context"])).toBeUndefined();
    expect(longFormOf("CSO", ["the Technical Commission on Security and the Operational Coordination Mechanism"])).toBeUndefined();
    expect(longFormOf("MVT", ["mobile verification team", "mixed village tribunal"])).toBeUndefined();
    expect(longFormOf("MV", ["mixed verification"])).toBeUndefined();
  });
});

describe("on the real report", () => {
  let s: ReportStages;
  beforeAll(async () => {
    s = await reportStages();
  }, 300_000);

  it("an unknown short form in a question finds the team the report names ('MMVT')", async () => {
    expect(s.knowledge.longFormOf("MMVT")).toBe("mixed monitoring and verification team");
    expect(s.knowledge.longFormOf("XQZW")).toBeUndefined();
  });
});
