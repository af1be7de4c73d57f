import { describe, expect, it } from "vitest";
import { NumericToolError, runNumericOperation, type NumericToolErrorCode } from "../../src/tools/index.js";
import { seedReport, syntheticReport } from "./report-fixture.js";

const report = seedReport();
const indicators = report.annexI.indicators;

function errorCode(fn: () => unknown): NumericToolErrorCode | "none" {
  try {
    fn();
    return "none";
  } catch (e) {
    if (e instanceof NumericToolError) return e.code;
    throw e;
  }
}

describe("Annex I status counts", () => {
  it("counts each status overall, a two-status indicator under both, none as 'no status given'", () => {
    for (const status of ["Implemented", "Ongoing", "Not implemented"] as const) {
      const r = runNumericOperation(report, { operation: "indicatorCount", status });
      const expected = indicators.filter((i) => i.status.includes(status));
      expect(r.value).toBe(expected.length);
      expect(r.rows).toEqual(expected.map((i) => i.id));
      expect(r.unit).toBe("indicators");
    }
    const none = runNumericOperation(report, { operation: "indicatorCount", status: "none" });
    expect(none.rows).toEqual(indicators.filter((i) => i.status.length === 0).map((i) => i.id));
    const dual = indicators.filter((i) => i.status.length > 1);
    expect(dual.length).toBeGreaterThan(0);
    expect(runNumericOperation(report, { operation: "indicatorCount", status: "Ongoing" }).note).toContain(dual[0]!.id);
  });

  it("counts within an area and an objective", () => {
    for (const area of report.annexI.areas) {
      const r = runNumericOperation(report, { operation: "indicatorCount", status: "Ongoing", area: area.id });
      expect(r.value).toBe(indicators.filter((i) => i.area === area.id && i.status.includes("Ongoing")).length);
    }
    const all = runNumericOperation(report, { operation: "indicatorCount", objective: "2.3" });
    expect(all.value).toBe(indicators.filter((i) => i.objective === "2.3").length);
    expect(all.note).toMatch(/Breakdown/);
  });

  it("looks an indicator up by id", () => {
    const r = runNumericOperation(report, { operation: "indicatorLookup", id: "2.3.3" });
    expect(r.operands[0]).toMatchObject({ source: "Annex I", indicator: "2.3.3", status: indicators.find((i) => i.id === "2.3.3")!.status });
    expect(errorCode(() => runNumericOperation(report, { operation: "indicatorLookup", id: "9.9.9" }))).toBe("UNKNOWN_INDICATOR");
    expect(errorCode(() => runNumericOperation(report, { operation: "indicatorCount", area: "9" }))).toBe("UNKNOWN_AREA");
  });

  it("works on a synthetic annex", () => {
    const small = syntheticReport();
    expect(runNumericOperation(small, { operation: "indicatorCount", status: "Implemented" }).value).toBe(2);
    expect(runNumericOperation(small, { operation: "indicatorCount", status: "Ongoing" }).value).toBe(1);
    expect(runNumericOperation(small, { operation: "indicatorCount", status: "none", area: "2" }).rows).toEqual(["2.1.1"]);
  });
});

describe("paragraph figures", () => {
  const p37 = report.paragraphs.find((p) => p.number === 37)!;
  it("computes percent change over figures quoted from the paragraph", () => {
    const r = runNumericOperation(report, { operation: "paragraphPercentChange", paragraph: 37, from: "141,500", to: "143,600" });
    expect(r.value).toBe(Math.round(((143600 - 141500) / 141500) * 1000) / 10);
    expect(r.formula).toBe("(143,600 − 141,500) / 141,500 × 100 = 1.5%");
    expect(r.operands).toEqual([
      expect.objectContaining({ source: "paragraph", paragraph: 37, figure: "141,500", value: 141500 }),
      expect.objectContaining({ paragraph: 37, figure: "143,600", value: 143600 }),
    ]);
    expect(p37.text).toContain("141,500");
  });

  it("computes the percent change of a total made of parts, each part verified in the paragraph", () => {
    const r = runNumericOperation(report, { operation: "paragraphSumChange", paragraph: 17, from: ["84", "66", "15"], to: ["105", "76", "20"] });
    expect(r.value).toBe(21.8);
    expect(r.formula).toBe("((105 + 76 + 20) − (84 + 66 + 15)) / (84 + 66 + 15) × 100 = (201 − 165) / 165 × 100 = 21.8%");
    expect(r.operands).toHaveLength(6);
    expect(() => runNumericOperation(report, { operation: "paragraphSumChange", paragraph: 17, from: ["84", "66"], to: ["105", "999"] })).toThrow(NumericToolError);
    expect(() => runNumericOperation(report, { operation: "paragraphSumChange", paragraph: 17, from: ["84"], to: ["105"] })).toThrow();
  });

  it("tolerates 1,000 vs 1 000, $ amounts and per cent", () => {
    const small = syntheticReport();
    expect(runNumericOperation(small, { operation: "paragraphDifference", paragraph: 1, a: "1,250", b: "1 000" }).value).toBe(250);
    expect(runNumericOperation(small, { operation: "paragraphPercentOf", paragraph: 1, percent: "12.5%", of: "$293 million" })).toMatchObject({ value: 36.6, unit: "US$ million" });
    expect(runNumericOperation(report, { operation: "paragraphDifference", paragraph: 52, a: "$1,589.7 million", b: "$53.3 million" }).value).toBe(1536.4);
    expect(runNumericOperation(report, { operation: "paragraphSum", paragraph: 17, figures: ["105", "76", "20"] }).value).toBe(201);
    expect(runNumericOperation(report, { operation: "paragraphDifference", paragraph: 17, a: "28", b: "Eight" }).value).toBe(20);
  });

  it("rejects operands that do not occur in the paragraph", () => {
    const op = (a: string, b: string) => () => runNumericOperation(report, { operation: "paragraphDifference", paragraph: 37, a, b });
    expect(errorCode(op("143,600", "141,000"))).toBe("OPERAND_NOT_IN_PARAGRAPH");
    expect(errorCode(op("41,500", "143,600"))).toBe("OPERAND_NOT_IN_PARAGRAPH"); // part of 141,500 only
    expect(errorCode(op("$293 million", "143,600"))).toBe("OPERAND_NOT_IN_PARAGRAPH"); // para. 38, not 37
    expect(errorCode(() => runNumericOperation(report, { operation: "paragraphSum", paragraph: 9999, figures: ["1", "2"] }))).toBe("UNKNOWN_PARAGRAPH");
    expect(errorCode(op("many", "143,600"))).toBe("UNPARSEABLE_FIGURE");
    expect(errorCode(() => runNumericOperation(report, { operation: "paragraphDifference", paragraph: 38, a: "14 per cent", b: "$293 million" }))).toBe("INCOMPATIBLE_UNITS");
  });
});

describe("bad inputs give typed errors, never NaN or Infinity", () => {
  const small = syntheticReport();
  it.each([
    ["unknown country", () => runNumericOperation(report, { operation: "cell", country: "Canada", component: "military", sex: "total" }), "UNKNOWN_COUNTRY"],
    ["unknown component (direct call)", () => runNumericOperation(report, { operation: "cell", country: "Chad", component: "navy", sex: "total" }), "zod"],
    ["empty set", () => runNumericOperation(report, { operation: "sum", countries: [], component: "military", sex: "total" }), "EMPTY_SET"],
    ["division by zero (share)", () => runNumericOperation(small, { operation: "share", part: { component: "military", sex: "total", countries: ["Gamma"] }, whole: { component: "military", sex: "total", countries: ["Gamma"] } }), "DIVISION_BY_ZERO"],
    ["division by zero (ratio)", () => runNumericOperation(small, { operation: "ratio", a: { component: "military", sex: "total", countries: ["Alpha"] }, b: { component: "military", sex: "women", countries: ["Côte d'Ivoire"] } }), "DIVISION_BY_ZERO"],
    ["division by zero (percent change)", () => runNumericOperation(small, { operation: "paragraphPercentChange", paragraph: 2, from: "0", to: "Eight" }), "DIVISION_BY_ZERO"],
    ["unknown country inside a sum", () => runNumericOperation(report, { operation: "sum", countries: ["Chad", "Japan"], component: "military", sex: "total" }), "UNKNOWN_COUNTRY"],
    ["empty ranking pool", () => runNumericOperation(small, { operation: "rank", component: "formedPoliceUnits", sex: "women", order: "most", n: 1, countries: ["Alpha"] }), "EMPTY_SET"],
  ])("%s", (_name, fn, code) => {
    if (code === "zod") expect(fn).toThrow();
    else expect(errorCode(fn)).toBe(code);
  });

  it("the pure functions reject an unknown component with UNKNOWN_COMPONENT", async () => {
    const { cellValue } = await import("../../src/tools/index.js");
    expect(errorCode(() => cellValue(report, { country: "Chad", component: "navy" as never, sex: "total" }))).toBe("UNKNOWN_COMPONENT");
  });
});
