// The parsed seed report (parsed once per test file) and a small synthetic report for unit tests.
import { readFileSync } from "node:fs";
import { parseReport } from "../../ingest/parse/report.js";
import type { AnnexIIRow, SexBreakdown, StructuredReport } from "../../src/report/schema.js";

let cached: StructuredReport | undefined;
export function seedReport(): StructuredReport {
  cached ??= parseReport(readFileSync(new URL("../../seeds/S-2017-478.txt", import.meta.url), "utf8"));
  return cached;
}

const sb = (men: number, women: number): SexBreakdown => ({ men, women, total: men + women });

function row(country: string, mil: [number, number], ipo: [number, number], fpu: [number, number]): AnnexIIRow {
  const totalPolice = sb(ipo[0] + fpu[0], ipo[1] + fpu[1]);
  return { country, flagged: false, military: sb(...mil), individualPolice: sb(...ipo), formedPoliceUnits: sb(...fpu), totalPolice };
}

/** Three countries, one flagged cell, four indicators (one with two statuses, one with none), two paragraphs. */
export function syntheticReport(): StructuredReport {
  const rows = [row("Alpha", [100, 10], [5, 5], [0, 0]), row("Côte d’Ivoire", [50, 0], [0, 0], [30, 3]), row("Gamma", [0, 0], [2, 0], [0, 0])];
  rows[2]!.flagged = true;
  const sum = (pick: (r: AnnexIIRow) => SexBreakdown) => sb(rows.reduce((t, r) => t + pick(r).men, 0), rows.reduce((t, r) => t + pick(r).women, 0));
  return {
    symbol: "S/0000/1",
    title: "Report of the Secretary-General on the situation in Testland",
    seedSha256: "0".repeat(64),
    paragraphs: [
      { number: 1, chapter: "I. Introduction", section: null, text: "Refugees rose from some 1,000 to approximately 1 250. Funding: 12.5 per cent of the $293 million required.", subItems: [] },
      { number: 2, chapter: "I. Introduction", section: null, text: "Eight peacekeepers were killed, compared with 0 earlier.", subItems: [] },
    ],
    annexI: {
      title: "Benchmarks",
      areas: [{ id: "1", title: "Political matters", goal: "" }, { id: "2", title: "Security", goal: "" }],
      objectives: [{ id: "1.1", area: "1", text: "o" }, { id: "2.1", area: "2", text: "o" }],
      indicators: [
        { id: "1.1.1", objective: "1.1", area: "1", text: "a", status: ["Implemented"], deadline: null, comments: "" },
        { id: "1.1.2", objective: "1.1", area: "1", text: "b", status: ["Implemented", "Ongoing"], deadline: null, comments: "" },
        { id: "2.1.1", objective: "2.1", area: "2", text: "c", status: [], deadline: "2017", comments: "" },
        { id: "2.1.2", objective: "2.1", area: "2", text: "d", status: ["Not implemented"], deadline: null, comments: "" },
      ],
    },
    annexII: {
      title: "Strength",
      asAt: "1 January 2017",
      rows,
      totals: { military: sum((r) => r.military), individualPolice: sum((r) => r.individualPolice), formedPoliceUnits: sum((r) => r.formedPoliceUnits), totalPolice: sum((r) => r.totalPolice) },
    },
    warnings: [{ annex: "II", row: "Gamma", group: "totalPolice", sex: "total", printed: 20, implied: 2, used: 2, message: "printed 20, implied 2" }],
  };
}
