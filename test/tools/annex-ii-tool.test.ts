import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANNEX_II_GROUPS, ANNEX_II_SEXES, type AnnexIIRow, type Sex } from "../../src/report/schema.js";
import { createNumericTool, runNumericOperation, type Component, type NumericResult } from "../../src/tools/index.js";
import { seedReport, syntheticReport } from "./report-fixture.js";

const report = seedReport();
const rows = report.annexII.rows;
const value = (r: AnnexIIRow, c: Component, s: Sex) => (c === "uniformed" ? r.military[s] + r.totalPolice[s] : r[c][s]);
const run = (input: unknown) => runNumericOperation(report, input);

describe("Annex II cells", () => {
  it("has the 54 contributing countries", () => expect(rows).toHaveLength(54));

  it("reaches every country × 12 columns and equals the parsed row", () => {
    let checked = 0;
    for (const r of rows) {
      for (const group of ANNEX_II_GROUPS) {
        for (const sex of ANNEX_II_SEXES) {
          const result = run({ operation: "cell", country: r.country, component: group, sex });
          expect(result.value).toBe(r[group][sex]);
          expect(result.unit).toBe("persons");
          expect(result.operands).toEqual([expect.objectContaining({ source: "Annex II", row: r.country, group, sex, value: r[group][sex] })]);
          checked++;
        }
      }
    }
    expect(checked).toBe(54 * 12);
  });

  it("uniformed = military + total police, with both cells as operands", () => {
    for (const r of rows) {
      const result = run({ operation: "cell", country: r.country, component: "uniformed", sex: "total" });
      expect(result.value).toBe(r.military.total + r.totalPolice.total);
      expect(result.operands).toHaveLength(2);
    }
  });

  it("matches names regardless of accents, apostrophes and case", () => {
    const ci = rows.find((r) => r.country.startsWith("Côte"))!;
    expect(run({ operation: "cell", country: "cote d'ivoire", component: "military", sex: "total" }).value).toBe(ci.military.total);
  });

  it("reports the flagged Niger cell with the value used and why", () => {
    const niger = run({ operation: "cell", country: "Niger", component: "totalPolice", sex: "total" });
    const w = report.warnings.find((x) => x.row === "Niger")!;
    expect(niger.value).toBe(w.used);
    expect(niger.warnings).toHaveLength(1);
    expect(niger.warnings[0]).toContain(String(w.printed));
    expect(niger.warnings[0]).toContain(`${w.used} was used`);
    expect(run({ operation: "cell", country: "Niger", component: "military", sex: "total" }).warnings).toEqual([]);
  });
});

describe("Annex II sums, rankings, counts and shares agree with a recomputation", () => {
  it("sums any named countries", () => {
    const pick = ["Chad", "Niger", "Togo"];
    const expected = rows.filter((r) => pick.includes(r.country)).reduce((t, r) => t + r.military.total, 0);
    const result = run({ operation: "sum", countries: pick, component: "military", sex: "total" });
    expect(result.value).toBe(expected);
    expect(result.rows).toEqual(pick);
  });

  it("sums of all rows equal the totals row for every column", () => {
    for (const group of ANNEX_II_GROUPS) {
      for (const sex of ANNEX_II_SEXES) {
        const all = run({ operation: "sum", countries: rows.map((r) => r.country), component: group, sex });
        expect(all.value).toBe(report.annexII.totals[group][sex]);
        expect(run({ operation: "missionTotal", component: group, sex }).value).toBe(report.annexII.totals[group][sex]);
      }
    }
  });

  it("ranks top and bottom N, listing ties", () => {
    for (const component of ["military", "totalPolice", "formedPoliceUnits", "uniformed"] as const) {
      for (const sex of ANNEX_II_SEXES) {
        const sorted = rows.map((r) => value(r, component, sex)).filter((v) => v > 0).sort((a, b) => b - a);
        const top = run({ operation: "rank", component, sex, order: "most", n: 3 });
        expect(top.value).toBe(sorted[0]);
        expect(top.ranking!.map((x) => x.value).slice(0, 3)).toEqual(sorted.slice(0, 3));
        expect(top.ranking!.length).toBe(sorted.filter((v) => v >= sorted[2]!).length);
        const bottom = run({ operation: "rank", component, sex, order: "fewest", n: 1 });
        expect(bottom.value).toBe(sorted.at(-1));
        expect(bottom.rows).toEqual(rows.filter((r) => value(r, component, sex) === sorted.at(-1)).map((r) => r.country));
      }
    }
  });

  it("counts countries meeting conditions", () => {
    const fpu = run({ operation: "count", conditions: [{ component: "formedPoliceUnits", sex: "total", comparator: "gt", threshold: 0 }] });
    expect(fpu.value).toBe(rows.filter((r) => r.formedPoliceUnits.total > 0).length);
    expect(fpu.unit).toBe("countries");
    const both = run({
      operation: "count",
      conditions: [
        { component: "military", sex: "total", comparator: "gt", threshold: 0 },
        { component: "totalPolice", sex: "total", comparator: "gt", threshold: 0 },
      ],
    });
    expect(both.rows).toEqual(rows.filter((r) => r.military.total > 0 && r.totalPolice.total > 0).map((r) => r.country));
    const big = run({ operation: "count", conditions: [{ component: "military", sex: "total", comparator: "gt", threshold: 500 }] });
    expect(big.value).toBe(rows.filter((r) => r.military.total > 500).length);
    const women = run({ operation: "count", conditions: [{ component: "individualPolice", sex: "women", comparator: "gt", threshold: 0 }] });
    expect(women.value).toBe(rows.filter((r) => r.individualPolice.women > 0).length);
  });

  it("computes women's share and one country's share with one decimal, rounding stated", () => {
    const t = report.annexII.totals;
    const women = run({ operation: "share", part: { component: "military", sex: "women" }, whole: { component: "military", sex: "total" } });
    expect(women.value).toBe(Math.round((t.military.women / t.military.total) * 1000) / 10);
    expect(women.unit).toBe("per cent");
    expect(women.rounding).toMatch(/one decimal/);
    const chad = rows.find((r) => r.country === "Chad")!;
    const share = run({ operation: "share", part: { component: "military", sex: "total", countries: ["Chad"] }, whole: { component: "military", sex: "total" } });
    expect(share.value).toBe(Math.round((chad.military.total / t.military.total) * 1000) / 10);
    expect(share.formula).toMatch(/%$/);
  });

  it("computes differences and ratios between two cells", () => {
    const chad = rows.find((r) => r.country === "Chad")!;
    const niger = rows.find((r) => r.country === "Niger")!;
    const a = { component: "military", sex: "total", countries: ["Chad"] };
    const b = { component: "military", sex: "total", countries: ["Niger"] };
    expect(run({ operation: "difference", a, b }).value).toBe(chad.military.total - niger.military.total);
    expect(run({ operation: "difference", a: b, b: a }).value).toBe(niger.military.total - chad.military.total);
    expect(run({ operation: "ratio", a, b }).value).toBe(Math.round((chad.military.total / niger.military.total) * 100) / 100);
  });

  it("the Niger warning surfaces in a ranking only where the printed value would change it", () => {
    expect(run({ operation: "rank", component: "totalPolice", sex: "total", order: "most", n: 1 }).warnings).toHaveLength(1);
    expect(run({ operation: "rank", component: "military", sex: "total", order: "most", n: 1 }).warnings).toHaveLength(0);
  });
});

describe("properties", () => {
  const names = rows.map((r) => r.country);
  const arbColumn = fc.record({ component: fc.constantFrom<Component>("military", "individualPolice", "formedPoliceUnits", "totalPolice", "uniformed"), sex: fc.constantFrom<Sex>(...ANNEX_II_SEXES) });

  it("a sum over any subset never exceeds the totals row", () => {
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1 }), arbColumn, (subset, col) => {
        const sum = run({ operation: "sum", countries: subset, ...col }).value;
        const total = run({ operation: "missionTotal", ...col }).value;
        expect(sum).toBeLessThanOrEqual(total);
        expect(sum).toBe(rows.filter((r) => subset.includes(r.country)).reduce((t, r) => t + value(r, col.component, col.sex), 0));
      }),
      { numRuns: 300 },
    );
  });

  it("shares lie in [0, 100] and are finite", () => {
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1 }), arbColumn, (subset, col) => {
        const total = run({ operation: "missionTotal", ...col }).value;
        fc.pre(total > 0);
        const r: NumericResult = run({ operation: "share", part: { ...col, countries: subset }, whole: col });
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });
});

describe("synthetic report", () => {
  const small = syntheticReport();
  it("computes over a hand-made table", () => {
    expect(runNumericOperation(small, { operation: "sum", countries: ["Alpha", "Gamma"], component: "totalPolice", sex: "total" }).value).toBe(12);
    const r = runNumericOperation(small, { operation: "cell", country: "Gamma", component: "uniformed", sex: "total" });
    expect(r.value).toBe(2);
    expect(r.warnings[0]).toMatch(/prints 20/);
  });
});

describe("LangChain tool", () => {
  const tool = createNumericTool(report);
  it("has a zod schema and returns the same result as the direct call", async () => {
    const out = JSON.parse(String(await tool.invoke({ request: { operation: "cell", country: "Senegal", component: "military", sex: "total" } })));
    expect(out.value).toBe(rows.find((r) => r.country === "Senegal")!.military.total);
    expect(out.formula).toContain("Senegal");
  });
  it("returns typed errors as JSON", async () => {
    const out = JSON.parse(String(await tool.invoke({ request: { operation: "cell", country: "Canada", component: "military", sex: "total" } })));
    expect(out.error.code).toBe("UNKNOWN_COUNTRY");
  });
  it("rejects input that fails the zod schema", async () => {
    await expect(tool.invoke({ request: { operation: "cell", country: "Chad", component: "navy" } } as never)).rejects.toThrow();
  });
});
