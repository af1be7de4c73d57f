import { describe, expect, it } from "vitest";
import { answerNumericQuestion } from "../../src/answer/numeric/index.js";
import { NUMERIC_PHRASINGS } from "./numeric-phrasings.js";
import { seedReport } from "./report-fixture.js";

const report = seedReport();
const format = (n: number) => Math.abs(n).toLocaleString("en-US", { maximumFractionDigits: 2 });

describe("numeric question parser", () => {
  it("has at least 40 phrasings", () => expect(NUMERIC_PHRASINGS.length).toBeGreaterThanOrEqual(40));

  it.each(NUMERIC_PHRASINGS.map((p) => [p.question, p] as const))("%s", (_q, p) => {
    const a = answerNumericQuestion(p.question, report);
    expect(a).not.toBeNull();
    if (p.ref === null) {
      expect(a!.answered).toBe(false);
      expect(a!.citations).toEqual([]);
      expect(a!.answer).toMatch(/is not listed in Annex II/);
      expect(a!.tool).toBeUndefined();
      return;
    }
    const expected = p.expected!(report);
    expect(a!.answered).toBe(true);
    expect(a!.tool!.result).toBe(expected);
    expect(a!.citations[0]).toMatchObject({ ref: p.ref, annex: p.ref === "Annex I" ? "I" : "II" });
    expect(a!.answer).toContain(`(${p.ref})`);
    if (p.ref === "Annex II") expect(a!.answer).toContain(format(expected));
    if (p.rows) expect((a!.citations[0] as { rows: string[] }).rows).toEqual(expect.arrayContaining(p.rows(report)));
  });

  it("returns null for questions that are not table questions", () => {
    for (const q of [
      "What happened in Kidal in April?",
      "How many peacekeepers were killed?",
      "How many military personnel were authorized?",
      "How many civilian staff had been deployed?",
      "What did the French forces do?",
      "How many Malian refugees are in Niger?",
    ]) {
      expect(answerNumericQuestion(q, report), q).toBeNull();
    }
  });

  it("says when plain 'police' is read as total police, and when a flagged cell is used", () => {
    const a = answerNumericQuestion("How many police does Niger have?", report)!;
    expect(a.answer).toMatch(/read as total police/);
    expect(a.answer).toMatch(/prints 315/);
    expect(a.tool!.warnings).toHaveLength(1);
  });

  it("re-runs the previous operation for follow-ups", () => {
    const first = answerNumericQuestion("How many Senegalese troops are deployed?", report)!;
    const ghana = answerNumericQuestion("What about Ghana?", report, { previous: first.tool })!;
    expect(ghana.tool!.result).toBe(report.annexII.rows.find((r) => r.country === "Ghana")!.military.total);
    const women = answerNumericQuestion("And women?", report, { previous: ghana.tool })!;
    expect(women.tool!.input).toMatchObject({ operation: "cell", country: "Ghana", component: "military", sex: "women" });
    const police = answerNumericQuestion("And the police?", report, { previous: first.tool })!;
    expect(police.tool!.result).toBe(report.annexII.rows.find((r) => r.country === "Senegal")!.totalPolice.total);
    const canada = answerNumericQuestion("What about Canada?", report, { previous: first.tool })!;
    expect(canada.answered).toBe(false);
    const shares = answerNumericQuestion("What share of the military component are women?", report)!;
    const policeShare = answerNumericQuestion("And police?", report, { previous: shares.tool })!;
    const t = report.annexII.totals.totalPolice;
    expect(policeShare.tool!.result).toBe(Math.round((t.women / t.total) * 1000) / 10);
    const implemented = answerNumericQuestion("How many benchmarks are implemented?", report)!;
    const ongoing = answerNumericQuestion("And ongoing?", report, { previous: implemented.tool })!;
    expect(ongoing.tool!.result).toBe(report.annexI.indicators.filter((i) => i.status.includes("Ongoing")).length);
  });

  it("ignores a previous trace when the new question stands on its own", () => {
    const first = answerNumericQuestion("How many Senegalese troops are deployed?", report)!;
    const fresh = answerNumericQuestion("How many countries contribute formed police units?", report, { previous: first.tool })!;
    expect(fresh.tool!.input).toMatchObject({ operation: "count" });
    expect(answerNumericQuestion("What happened in Kidal in April?", report, { previous: first.tool })).toBeNull();
  });
});
