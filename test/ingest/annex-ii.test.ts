import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAnnexII } from "../../ingest/parse/annex-ii.js";
import { ReportParseError } from "../../ingest/parse/errors.js";
import { ANNEX_II_GROUPS, ANNEX_II_SEXES, type Strength } from "../../src/report/schema.js";

const seed = readFileSync(new URL("../../seeds/S-2017-478.txt", import.meta.url), "utf8");
const { annex, warnings } = parseAnnexII(seed.slice(seed.search(/^\s*Annex II\s*$/m)));

/** Compact form: "men women total" per group, groups separated by "|". */
const cells = (s: Strength) =>
  ANNEX_II_GROUPS.map((g) => ANNEX_II_SEXES.map((x) => s[g][x]).join(" ")).join(" | ");
const row = (country: string) => {
  const found = annex.rows.find((r) => r.country === country);
  if (!found) throw new Error(`no row ${country}`);
  return found;
};

describe("parseAnnexII on S/2017/478", () => {
  it("reads the title, the date and 54 countries", () => {
    expect(annex.title).toBe(
      "Military and police strength of the United Nations Multidimensional Integrated Stabilization Mission in Mali",
    );
    expect(annex.asAt).toBe("20 May 2017");
    expect(annex.rows).toHaveLength(54);
    expect(annex.rows[0]!.country).toBe("Armenia");
    expect(annex.rows.at(-1)!.country).toBe("Yemen");
    expect(annex.rows.map((r) => r.country)).toContain("United Kingdom of Great Britain and Northern Ireland");
    expect(annex.rows.map((r) => r.country)).toContain("Côte d’Ivoire");
    expect(annex.rows.some((r) => /Total|Country|component/.test(r.country))).toBe(false);
  });

  it("reads the totals row", () => {
    expect(cells(annex.totals)).toBe("10756 201 10957 | 281 53 334 | 1117 51 1168 | 1398 104 1502");
  });

  it("makes every one of the 12 columns sum exactly to the totals row", () => {
    for (const g of ANNEX_II_GROUPS) {
      for (const x of ANNEX_II_SEXES) {
        const sum = annex.rows.reduce((acc, r) => acc + r[g][x], 0);
        expect(sum, `${g}.${x}`).toBe(annex.totals[g][x]);
      }
    }
  });

  it("satisfies the row arithmetic in every row", () => {
    for (const r of annex.rows) {
      for (const g of ANNEX_II_GROUPS) expect(r[g].men + r[g].women, `${r.country} ${g}`).toBe(r[g].total);
      for (const x of ANNEX_II_SEXES) {
        expect(r.individualPolice[x] + r.formedPoliceUnits[x], `${r.country} ${x}`).toBe(r.totalPolice[x]);
      }
    }
  });

  it("matches a hand reading of selected rows, cell by cell", () => {
    const expected: Record<string, string> = {
      Bangladesh: "1506 4 1510 | 0 0 0 | 181 0 181 | 181 0 181",
      "Burkina Faso": "1694 23 1717 | 30 1 31 | 131 7 138 | 161 8 169",
      Czechia: "0 1 1 | 0 0 0 | 0 0 0 | 0 0 0",
      Egypt: "67 0 67 | 5 0 5 | 14 0 14 | 19 0 19",
      Niger: "853 7 860 | 17 14 31 | 0 0 0 | 17 14 31",
      Nigeria: "69 12 81 | 1 0 1 | 118 22 140 | 119 22 141",
      "Côte d’Ivoire": "154 3 157 | 8 2 10 | 0 0 0 | 8 2 10",
      "United Kingdom of Great Britain and Northern Ireland": "2 0 2 | 0 0 0 | 0 0 0 | 0 0 0",
      Burundi: "0 0 0 | 9 0 9 | 0 0 0 | 9 0 9",
      Chad: "1407 5 1412 | 4 4 8 | 0 0 0 | 4 4 8",
      Togo: "913 26 939 | 2 8 10 | 266 13 279 | 268 21 289",
      Tunisia: "0 0 0 | 54 2 56 | 0 0 0 | 54 2 56",
    };
    for (const [country, want] of Object.entries(expected)) expect(cells(row(country)), country).toBe(want);
  });

  it("flags Niger only, with a warning on its total-police total (printed 315, implied 31)", () => {
    expect(annex.rows.filter((r) => r.flagged).map((r) => r.country)).toEqual(["Niger"]);
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    expect(w).toMatchObject({ annex: "II", row: "Niger", group: "totalPolice", sex: "total", printed: 315, implied: 31, used: 31 });
    expect(w.message).toContain('row "Niger"');
    expect(w.message).toContain('column "Total police / Total"');
    expect(w.message).toMatch(/printed 315/);
    expect(w.message).toMatch(/Used 31/);
  });
});

// ---- synthetic tables -------------------------------------------------------------------------

const HEADER = [
  " Annex II",
  "  Military and police strength of a test mission",
  "as at 1 January 2020",
  "Military component",
  "(staff officers and units)",
  "Police component",
  " Individual police officers  Formed police units  Total police",
  "Country Men Women Total  Men Women Total  Men Women Total  Men Women Total",
];
const table = (...rows: string[]) => [...HEADER, ...rows].join("\n\n");

describe("parseAnnexII solver on synthetic tables", () => {
  it("resolves cells that only the totals row can decide, against the layout", () => {
    // Spacing suggests men for Beta and individual police for Gamma; the totals say otherwise.
    const { annex: a, warnings: w } = parseAnnexII(
      table(
        "Alpha 3   3",
        "Beta 2   2",
        "Gamma       4   4       4   4",
        "Delta 1 000 20 1 020 5   5       5   5",
        " Total 1 003 22 1 025 5 0 5 4 0 4 9 0 9",
      ),
    );
    expect(w).toEqual([]);
    expect(a.asAt).toBe("1 January 2020");
    expect(a.title).toBe("Military and police strength of a test mission");
    expect(a.rows.map((r) => r.country)).toEqual(["Alpha", "Beta", "Gamma", "Delta"]);
    expect(cells(a.rows[0]!)).toBe("3 0 3 | 0 0 0 | 0 0 0 | 0 0 0");
    expect(cells(a.rows[1]!)).toBe("0 2 2 | 0 0 0 | 0 0 0 | 0 0 0");
    expect(cells(a.rows[2]!)).toBe("0 0 0 | 0 0 0 | 4 0 4 | 4 0 4");
    expect(cells(a.rows[3]!)).toBe("1000 20 1020 | 5 0 5 | 0 0 0 | 5 0 5");
  });

  it("flags a printed value that contradicts the arithmetic and uses the implied one", () => {
    const { annex: a, warnings: w } = parseAnnexII(
      table("Alpha 10 2 12 3 1 4       3 1 47", "Beta 5   5", " Total 15 2 17 3 1 4 0 0 0 3 1 4"),
    );
    expect(a.rows[0]).toMatchObject({ country: "Alpha", flagged: true, totalPolice: { men: 3, women: 1, total: 4 } });
    expect(a.rows[1]!.flagged).toBe(false);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ row: "Alpha", group: "totalPolice", sex: "total", printed: 47, implied: 4, used: 4 });
  });

  it("throws ANNEX_UNRECONCILED naming the row and column when a row cannot be reconciled", () => {
    const text = table("Alpha 3   3", "Delta 5 3 9 4", " Total 8 3 11");
    expect(() => parseAnnexII(text)).toThrow(ReportParseError);
    try {
      parseAnnexII(text);
    } catch (e) {
      expect((e as ReportParseError).code).toBe("ANNEX_UNRECONCILED");
      expect((e as Error).message).toContain('row "Delta"');
      expect((e as Error).message).toContain('column "Military component / Total"');
    }
  });

  it("throws ANNEX_UNRECONCILED naming the totals row and column when the columns cannot sum", () => {
    const text = table("Alpha 3   3", "Beta 2   2", " Total 6   6");
    try {
      parseAnnexII(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReportParseError);
      expect((e as ReportParseError).code).toBe("ANNEX_UNRECONCILED");
      expect((e as Error).message).toContain('row "Total"');
      expect((e as Error).message).toContain('column "Military component / Men"');
    }
  });

  it("accepts an identical repeated copy of the table and rejects a differing one, naming the row", () => {
    const rows = ["Alpha 3   3", "United Kingdom of Great Britain", "and Northern Ireland 2   2", " Total 5 0 5"];
    const same = parseAnnexII(table(...rows, ...rows));
    expect(same.annex.rows.map((r) => r.country)).toEqual(["Alpha", "United Kingdom of Great Britain and Northern Ireland"]);
    const changed = [rows[0]!, rows[1]!, "and Northern Ireland 3   3", rows[3]!];
    expect(() => parseAnnexII(table(...rows, ...changed))).toThrow(
      /differs from the first at row "United Kingdom of Great Britain and Northern Ireland"/,
    );
  });
});
