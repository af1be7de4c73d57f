// Wording rules of the no-LLM numeric parser: what is (and is not) a table question, follow-ups that
// inherit the previous selection, ordinal ranks, Annex I lookups by description, and paragraph arithmetic
// that skips figures belonging to names and dates. Expected values come from the parsed report.
import { describe, expect, it } from "vitest";
import { answerNumericQuestion, answerParagraphArithmetic } from "../../src/answer/numeric/index.js";
import { followsName, sentenceFigures } from "../../src/answer/numeric/sentence-figures.js";
import { runNumericOperation } from "../../src/tools/run-operation.js";
import { NumericToolError } from "../../src/tools/errors.js";
import type { AnnexIIRow, Paragraph } from "../../src/report/schema.js";
import { seedReport, syntheticReport } from "./report-fixture.js";

const report = seedReport();
const paras = (...numbers: number[]): Paragraph[] => numbers.map((n) => report.paragraphs.find((p) => p.number === n)!);
const rowOf = (country: string): AnnexIIRow => report.annexII.rows.find((r) => r.country === country)!;
const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;
const byMilitary = () => [...report.annexII.rows].sort((a, b) => b.military.total - a.military.total);

describe("not table questions", () => {
  it.each([
    "How many peacekeepers lost their lives this mandate, compared with the one before?",
    "How many peacekeepers died since June 2016?",
    "How many uniformed personnel were hurt?",
    "How many peacekeeper casualties were there?",
    "How many troops were wounded?",
  ])("casualties are not strength: %s", (q) => expect(answerNumericQuestion(q, report)).toBeNull());

  it("leaves the host country's own forces to retrieval, but refuses a contribution question about it", () => {
    expect(answerNumericQuestion("How many Malian security personnel did MINUSMA train on explosive threat mitigation?", report)).toBeNull();
    expect(answerNumericQuestion("How many Malian police officers got training on organized crime and terrorism?", report)).toBeNull();
    expect(answerNumericQuestion("How many Malian soldiers were ambushed near Gao?", report)).toBeNull();
    expect(answerNumericQuestion("How many Malian soldiers are stationed in Kidal?", report)).toBeNull();
    for (const q of ["How many Malian troops are in MINUSMA?", "How many police officers does Mali contribute?"]) {
      const a = answerNumericQuestion(q, report)!;
      expect(a.answered, q).toBe(false);
      expect(a.answer).toMatch(/Mali is not listed in Annex II/);
    }
    // Other unlisted countries are still refused whatever the verb.
    expect(answerNumericQuestion("How many Canadian troops are there?", report)!.answered).toBe(false);
  });

  it("leaves questions attributed to a section of the report body to retrieval", () => {
    expect(answerNumericQuestion("According to the police section, what share of formed police unit personnel are women?", report)).toBeNull();
    expect(answerNumericQuestion("In the chapter on the Mission's capacity, what share of formed police are women?", report)).toBeNull();
    const table = answerNumericQuestion("According to the strength table, what share of formed police unit personnel are women?", report)!;
    const t = report.annexII.totals.formedPoliceUnits;
    expect(table.tool!.result).toBe(pct(t.women, t.total));
  });
});

describe("component words", () => {
  it("reads 'military personnel' as military, bare 'personnel' as uniformed", () => {
    const t = report.annexII.totals;
    const share = answerNumericQuestion("What share of the Mission's military personnel are women, according to the strength table?", report)!;
    expect(share.tool!.result).toBe(pct(t.military.women, t.military.total));
    expect(share.answer).toContain("military personnel");
    const count = answerNumericQuestion("How many countries contribute military personnel?", report)!;
    expect(count.tool!.result).toBe(report.annexII.rows.filter((r) => r.military.total > 0).length);
    const all = answerNumericQuestion("How many personnel does the Czech Republic contribute?", report)!;
    expect(all.tool!.result).toBe(rowOf("Czechia").military.total + rowOf("Czechia").totalPolice.total);
  });

  it("counts every listed country for 'listed in the table', conditions otherwise", () => {
    const listed = answerNumericQuestion("How many countries are listed in the military and police strength table?", report)!;
    expect(listed.tool!.result).toBe(report.annexII.rows.length);
    expect(listed.tool!.input).toMatchObject({ operation: "count", conditions: [] });
    const contributing = answerNumericQuestion("How many countries are listed as contributing police?", report)!;
    expect(contributing.tool!.result).toBe(report.annexII.rows.filter((r) => r.totalPolice.total > 0).length);
  });

  it("lists the countries for 'which countries …' with conditions", () => {
    const a = answerNumericQuestion("Which countries send police but no soldiers?", report)!;
    const expected = report.annexII.rows.filter((r) => r.totalPolice.total > 0 && r.military.total === 0).map((r) => r.country);
    expect(a.tool!.result).toBe(expected.length);
    for (const c of expected) expect(a.answer).toContain(c);
    const women = answerNumericQuestion("What countries have women in their formed police units?", report)!;
    expect(women.tool!.result).toBe(report.annexII.rows.filter((r) => r.formedPoliceUnits.women > 0).length);
  });
});

describe("ordinal ranks", () => {
  it("answers the third-largest and fifth-largest troop contributor", () => {
    const third = answerNumericQuestion("Which country is the third-largest troop contributor?", report)!;
    const sorted = byMilitary();
    expect(third.tool!.result).toBe(sorted[2]!.military.total);
    expect(third.answer).toContain(sorted[2]!.country);
    expect(third.answer).toMatch(/third-largest/);
    expect((third.citations[0] as { rows: string[] }).rows).toEqual([sorted[2]!.country]);
    const fifth = answerNumericQuestion("Which country has the fifth-largest contingent?", report)!;
    expect(fifth.tool!.result).toBe(sorted[4]!.military.total);
  });

  it("the tool's rank position gives that place's value and rows, and refuses a place nobody holds", () => {
    const r = runNumericOperation(report, { operation: "rank", component: "military", position: 2 });
    expect(r.value).toBe(byMilitary()[1]!.military.total);
    expect(r.rows).toEqual([byMilitary()[1]!.country]);
    const synthetic = syntheticReport();
    // Alpha 110, Côte d'Ivoire 50 (military); Gamma 0 is left out: there is no third place.
    expect(() => runNumericOperation(synthetic, { operation: "rank", component: "military", position: 3 })).toThrow(NumericToolError);
  });
});

describe("follow-ups", () => {
  it("a follow-up that names no component keeps the previous one", () => {
    const first = answerNumericQuestion("How many countries contribute formed police units?", report)!;
    const next = answerNumericQuestion("Which one contributes the largest?", report, { previous: first.tool })!;
    const max = Math.max(...report.annexII.rows.map((r) => r.formedPoliceUnits.total));
    expect(next.tool!.result).toBe(max);
    expect(next.tool!.input).toMatchObject({ operation: "rank", component: "formedPoliceUnits" });
    // A question that stands on its own does not inherit.
    const fresh = answerNumericQuestion("Which country contributes the most troops?", report, { previous: first.tool })!;
    expect(fresh.tool!.input).toMatchObject({ component: "military" });
  });

  it("'how many of them' and 'they' refer to the previous country", () => {
    const first = answerNumericQuestion("How many German troops are deployed?", report)!;
    const women = answerNumericQuestion("How many of them are women?", report, { previous: first.tool })!;
    expect(women.tool!.result).toBe(rowOf("Germany").military.women);
    const police = answerNumericQuestion("How many police do they send?", report, { previous: first.tool })!;
    expect(police.tool!.result).toBe(rowOf("Germany").totalPolice.total);
    expect(answerNumericQuestion("How many of them were killed?", report, { previous: first.tool })).toBeNull();
  });

  it("'Which one is it?' after an Annex I count names the indicator", () => {
    const first = answerNumericQuestion("How many benchmark indicators are marked as not implemented?", report)!;
    const which = answerNumericQuestion("Which one is it?", report, { previous: first.tool })!;
    const only = report.annexI.indicators.filter((i) => i.status.includes("Not implemented"));
    expect(only).toHaveLength(1);
    expect(which.tool!.input).toEqual({ operation: "indicatorLookup", id: only[0]!.id });
    expect(which.answer).toContain(only[0]!.text.replace(/\s+/g, " ").trim().slice(0, 40));
    expect(which.citations[0]).toMatchObject({ ref: "Annex I", annex: "I", rows: [only[0]!.id] });
    const ongoing = answerNumericQuestion("How many benchmarks are ongoing?", report)!;
    const list = answerNumericQuestion("Which ones?", report, { previous: ongoing.tool })!;
    expect((list.citations[0] as { rows: string[] }).rows).toHaveLength(ongoing.tool!.result);
  });
});

describe("Annex I wording", () => {
  it("answers 'how many … and how many are implemented' with both counts", () => {
    const a = answerNumericQuestion("How many progress indicators are there under political and institutional matters, and how many are implemented?", report)!;
    const inArea = report.annexI.indicators.filter((i) => i.area === "1");
    const implemented = inArea.filter((i) => i.status.includes("Implemented"));
    expect(a.answer).toContain(`${inArea.length} progress indicators`);
    expect(a.answer).toContain(`${implemented.length} of them are implemented`);
    expect(a.tool!.result).toBe(implemented.length);
  });

  it("looks an indicator up by its description when one clearly matches", () => {
    const fund = answerNumericQuestion("Where does the benchmark on setting up the sustainable development fund stand?", report)!;
    const id = report.annexI.indicators.find((i) => /sustainable development fund/i.test(i.text))!;
    expect(fund.tool!.input).toEqual({ operation: "indicatorLookup", id: id.id });
    expect(fund.answer.toLowerCase()).toContain(id.status[0]!.toLowerCase());
    const conference = answerNumericQuestion("According to the benchmarks annex, when was the national reconciliation conference held, and is that benchmark met?", report)!;
    const held = report.annexI.indicators.find((i) => /conference was held/i.test(i.comments))!;
    expect(conference.tool!.input).toEqual({ operation: "indicatorLookup", id: held.id });
    expect(conference.answer).toContain("27 March");
    // Plural / counting questions still count.
    expect(answerNumericQuestion("Which benchmarks are implemented?", report)!.tool!.input).toMatchObject({ operation: "indicatorCount" });
    // Nothing matches: no lookup.
    expect(answerNumericQuestion("Is the benchmark on elections met?", report)?.tool?.input.operation).not.toBe("indicatorLookup");
  });
});

describe("paragraph arithmetic wording", () => {
  it("never takes a figure that is part of a name or a date", () => {
    const s = "The clash between the Coordination des mouvements et forces patriotiques de résistance 2 and GATIA near Arbichi, on 2 May, resulted in the deaths of four combatants and one GATIA combatant.";
    expect(sentenceFigures(s).map((f) => f.text)).toEqual(["four", "one"]);
    expect(followsName("Troops arrived in Phase 2 of the plan.", "Troops arrived in Phase ".length, "2")).toBe(true);
    expect(followsName("Some 1,000 refugees", 5, "1,000")).toBe(false);
    expect(followsName("MINUSMA trained 93 personnel", "MINUSMA trained ".length, "93")).toBe(false);
    const a = answerParagraphArithmetic("How many fighters died altogether in the clash near Arbichi on 2 May?", paras(48, 19, 8, 17))!;
    expect(a.tool!.result).toBe(5);
    expect(a.citations[0]).toMatchObject({ ref: "para. 8" });
  });

  it("computes the gap to an authorized ceiling from the paragraph that matches the group", () => {
    const soldiers = answerParagraphArithmetic("How many more soldiers would be needed to reach the authorized ceiling?", paras(72, 41, 17, 44))!;
    expect(soldiers.tool!.result).toBe(13289 - 10919);
    expect(soldiers.citations[0]).toMatchObject({ ref: "para. 41" });
    const police = answerParagraphArithmetic("How many more police are needed to reach the authorized ceiling?", paras(41, 44))!;
    expect(police.tool!.result).toBe(1920 - 1502);
    expect(police.citations[0]).toMatchObject({ ref: "para. 44" });
    expect(answerParagraphArithmetic("How many troops were authorized under resolution 2295?", paras(41))).toBeNull();
  });

  it("takes a share across two sentences when no sentence holds both figures", () => {
    const a = answerParagraphArithmetic("What share of all outstanding peacekeeping contributions is owed to MINUSMA?", paras(52, 27, 70, 26))!;
    expect(a.tool!.result).toBe(pct(53.3, 1589.7));
    expect(a.citations[0]).toMatchObject({ ref: "para. 52" });
  });

  it("returns null when a paragraph already states the percentage asked for", () => {
    const q = "What percentage of the individual police officers were in place? (What is the authorized police ceiling, and how many police had deployed?)";
    expect(answerParagraphArithmetic(q, paras(44, 5))).toBeNull();
    const women = answerParagraphArithmetic("What percentage were women? (How many Malian police officers got training on organized crime and terrorism, and how many were women?)", paras(28, 44))!;
    expect(women.tool!.result).toBe(pct(29, 413));
  });
});
