// Wording that staff use but the tuning set did not: "%", "pct", "vs", bare "total", "as a % of",
// abbreviations (PKs, IDPs, PKOs, TCCs, PCCs, FPUs, IPOs), plural demonyms and nicknames ("Brits",
// "Swedes", "Yanks"), rank words on a contributor noun, and follow-ups after a refused table question.
// Expected values always come from the parsed report, never hard-coded answers.
import { describe, expect, it } from "vitest";
import { expandAbbreviations } from "../../src/answer/numeric/abbreviations.js";
import { answerNumericQuestion, answerParagraphArithmetic, arithmeticKind, findCountryMentions } from "../../src/answer/numeric/index.js";
import type { AnnexIIRow, Paragraph } from "../../src/report/schema.js";
import { seedReport } from "./report-fixture.js";

const report = seedReport();
const paras = (...numbers: number[]): Paragraph[] => numbers.map((n) => report.paragraphs.find((p) => p.number === n)!);
const rowOf = (country: string): AnnexIIRow => report.annexII.rows.find((r) => r.country.startsWith(country))!;
const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;
const change = (from: number, to: number) => Math.round(((to - from) / from) * 1000) / 10;
const uniformed = (r: AnnexIIRow) => r.military.total + r.totalPolice.total;

describe("abbreviations", () => {
  it.each([
    ["how many PKs killed?", "how many peacekeepers killed?"],
    ["PK fatalities", "peacekeeper fatalities"],
    ["IDP count", "internally displaced person count"],
    ["all PKO arrears", "all peacekeeping operation arrears"],
    ["how many TCCs and PCCs?", "how many troop-contributing countries and police-contributing countries?"],
    ["FPUs from Togo, IPOs from Benin", "formed police units from Togo, individual police officers from Benin"],
    ["blue helmets", "peacekeepers"],
  ])("%s", (q, expanded) => expect(expandAbbreviations(q)).toBe(expanded));

  it("leaves words that merely contain the letters alone", () => {
    expect(expandAbbreviations("Pkistan, tipko, speck")).toBe("Pkistan, tipko, speck");
  });
});

describe("arithmetic kind from common wordings", () => {
  it.each([
    ["attacks on Malian forces: % change vs the previous mandate?", "percentChange"],
    ["by what % did PK fatalities drop?", "percentChange"],
    ["how much did the IDP count grow, in percent?", "percentChange"],
    ["refugees: pct increase?", "percentChange"],
    ["by how many per cent did the number of refugees rise?", "percentChange"],
    ["MINUSMA's unpaid assessments as a % of all PKO arrears?", "share"],
    ["MINUSMA's arrears as a share of the total outstanding?", "share"],
    ["total attacks on Malian, MINUSMA and French forces since June 2016?", "sum"],
    ["how many attacks in all since June 2016?", "sum"],
    ["attacks on Malian and French forces combined?", "sum"],
    ["peacekeepers killed this mandate vs the last?", "difference"],
    ["peacekeepers killed versus the previous mandate?", "difference"],
  ] as const)("%s → %s", (q, kind) => expect(arithmeticKind(q)).toBe(kind));

  it("a bare 'total' that lists nothing to add is not a sum", () => {
    expect(arithmeticKind("what was the total outstanding for all peacekeeping operations?")).toBeNull();
  });
});

describe("paragraph arithmetic over common wordings", () => {
  it.each([
    ["attacks on Malian forces: % change vs the previous mandate?", [17, 5, 16, 18], 17, change(84, 105)],
    ["by what % did PK fatalities drop compared to the last mandate?", [17, 5, 29, 44], 17, change(28, 8)],
    ["PKs killed: pct change on the previous mandate?", [17, 5], 17, change(28, 8)],
    ["total attacks by terrorists on Malian, MINUSMA and French forces since June 2016?", [17, 20, 16, 18], 17, 105 + 76 + 20],
    ["how many attacks in all on Malian and French forces since June 2016?", [17], 17, 105 + 20],
    ["MINUSMA's unpaid assessments as a % of all PKO arrears?", [52, 45, 46, 5], 52, pct(53.3, 1589.7)],
    ["how much did the IDP count grow, in percent?", [37, 44, 5, 64], 37, change(45800, 59000)],
    ["how much did the IDP count grow, in percent?", [44, 5, 37, 41], 37, change(45800, 59000)],
    ["by how many per cent did refugee numbers rise?", [37], 37, change(141500, 143600)],
  ] as const)("%s", (q, order, paragraph, expected) => {
    const a = answerParagraphArithmetic(q, paras(...order))!;
    expect(a).not.toBeNull();
    expect(a.tool!.result).toBe(expected);
    expect(a.citations[0]).toMatchObject({ ref: `para. ${paragraph}` });
  });

  it("prefers the paragraph whose other sentences name the asked thing (HRP → humanitarian response plan)", () => {
    const a = answerParagraphArithmetic("how much of the HRP is funded?", paras(38, 68, 39, 4))!;
    expect(a.tool!.input).toMatchObject({ operation: "paragraphPercentOf", paragraph: 38, percent: "14 per cent", of: "$293 million" });
  });

  it("a decrease is stated as a decrease", () => {
    const a = answerParagraphArithmetic("by what % did PK fatalities drop?", paras(17))!;
    expect(a.answer).toMatch(/a decrease of 71\.4 per cent/);
  });

  it("does not compute from figures about something other than the asked noun", () => {
    // Paragraph 5 has percentages about State officials, none about displaced persons.
    expect(answerParagraphArithmetic("how much did the IDP count grow, in percent?", paras(5, 44, 41, 46))).toBeNull();
  });
});

describe("plural demonyms and nicknames", () => {
  it.each([
    ["how many Brits in MINUSMA?", "United Kingdom"],
    ["how many Britons serve in the mission?", "United Kingdom"],
    ["how many Swedes are deployed?", "Sweden"],
    ["how many Danes?", "Denmark"],
    ["how many Finns serve in MINUSMA?", "Finland"],
    ["how many Norwegians are in MINUSMA?", "Norway"],
    ["how many Germans in the mission?", "Germany"],
    ["how many Dutch in MINUSMA?", "Netherlands"],
    ["how many Chinese serve in MINUSMA?", "China"],
    ["how many Nepalese in MINUSMA?", "Nepal"],
    ["how many Ghanaians?", "Ghana"],
    ["how many Senegalese serve in the mission?", "Senegal"],
    ["how many Togolese in MINUSMA?", "Togo"],
    ["how many Ivorians in the mission?", "Côte"],
    ["how many Americans in MINUSMA?", "United States"],
    ["how many Yanks in MINUSMA?", "United States"],
  ])("%s", (q, country) => {
    const a = answerNumericQuestion(q, report)!;
    expect(a, q).not.toBeNull();
    expect(a.tool!.input).toMatchObject({ operation: "cell", component: "uniformed" });
    expect(a.tool!.result).toBe(uniformed(rowOf(country)));
  });

  it("marks plural demonyms as people, adjectives not", () => {
    const [swedes] = findCountryMentions("and the Swedes?", report);
    expect(swedes).toMatchObject({ name: "Sweden", people: true });
    const [french] = findCountryMentions("what did the French forces do?", report);
    expect(french).toMatchObject({ name: "France", people: false });
    expect(findCountryMentions("the Nigerians and Nigeriens", report).map((m) => m.name)).toEqual(["Nigeria", "Niger"]);
  });

  it("a plural demonym in a follow-up keeps the previous selection", () => {
    const first = answerNumericQuestion("how many German women in the military component?", report)!;
    expect(first.tool!.result).toBe(rowOf("Germany").military.women);
    const next = answerNumericQuestion("and the Swedes?", report, { previous: first.tool })!;
    expect(next.tool!.input).toMatchObject({ operation: "cell", country: "Sweden", component: "military", sex: "women" });
    expect(next.tool!.result).toBe(rowOf("Sweden").military.women);
  });

  it("events and the host country's own people stay out of the table", () => {
    expect(answerNumericQuestion("How many French soldiers were killed?", report)).toBeNull();
    expect(answerNumericQuestion("what did the French forces do?", report)).toBeNull();
    expect(answerNumericQuestion("how many Swedes were injured?", report)).toBeNull();
    expect(answerNumericQuestion("how many Malians in MINUSMA?", report)!.answered).toBe(false);
  });
});

describe("ranks, bare selections and 'numbers'", () => {
  it("a rank word on a contributor noun ranks without 'which'", () => {
    const police = answerNumericQuestion("biggest police contributor?", report)!;
    const top = [...report.annexII.rows].sort((a, b) => b.totalPolice.total - a.totalPolice.total)[0]!;
    expect(police.tool!.input).toMatchObject({ operation: "rank", component: "totalPolice", order: "most", n: 1 });
    expect(police.tool!.result).toBe(top.totalPolice.total);
    expect(police.answer).toContain(top.country);
    const troops = answerNumericQuestion("largest TCC?", report)!;
    expect(troops.tool!.result).toBe(Math.max(...report.annexII.rows.map((r) => r.military.total)));
    expect(answerNumericQuestion("top troop contributor?", report)!.tool!.input).toMatchObject({ operation: "rank", component: "military" });
  });

  it("'police numbers' asks for the cell, and a flagged row says what was printed and what was used", () => {
    const a = answerNumericQuestion("Niger police numbers?", report)!;
    expect(a.tool!.input).toMatchObject({ operation: "cell", country: "Niger", component: "totalPolice" });
    expect(a.tool!.result).toBe(rowOf("Niger").totalPolice.total);
    expect(a.answer).toMatch(/prints 315/);
  });

  it("a bare country + component is a cell question", () => {
    const a = answerNumericQuestion("Senegalese troops?", report)!;
    expect(a.tool!.input).toMatchObject({ operation: "cell", country: "Senegal", component: "military" });
  });
});

describe("abbreviations in the table parser", () => {
  it.each([
    ["how many TCCs are there?", (rows: AnnexIIRow[]) => rows.filter((r) => r.military.total > 0).length],
    ["how many PCCs are there?", (rows: AnnexIIRow[]) => rows.filter((r) => r.totalPolice.total > 0).length],
    ["how many FPUs does Togo send?", () => rowOf("Togo").formedPoliceUnits.total],
    ["how many IPOs from Benin?", () => rowOf("Benin").individualPolice.total],
    ["how many blue helmets does Chad provide?", () => uniformed(rowOf("Chad"))],
    ["how many PKs does Chad contribute?", () => uniformed(rowOf("Chad"))],
    ["how many uniformed personnel from Niger?", () => uniformed(rowOf("Niger"))],
  ] as const)("%s", (q, expected) => {
    const a = answerNumericQuestion(q, report)!;
    expect(a, q).not.toBeNull();
    expect(a.tool!.result).toBe(expected(report.annexII.rows));
  });

  it("PKs killed is a casualty question, not strength", () => {
    expect(answerNumericQuestion("how many PKs killed since June 2016?", report)).toBeNull();
  });
});

describe("follow-up after a refused table question (context.previousQuestion)", () => {
  it("re-parses the previous question and substitutes the new country", () => {
    const refused = answerNumericQuestion("How many troops does Brazil send?", report)!;
    expect(refused.answered).toBe(false);
    expect(refused.tool).toBeUndefined();
    const benin = answerNumericQuestion("ok what about Benin?", report, { previousQuestion: "How many troops does Brazil send?" })!;
    expect(benin.tool!.input).toMatchObject({ operation: "cell", country: "Benin", component: "military" });
    expect(benin.tool!.result).toBe(rowOf("Benin").military.total);
    // Another unlisted country is refused again, without a tool trace.
    const canada = answerNumericQuestion("and Canada?", report, { previousQuestion: "How many troops does Brazil send?" })!;
    expect(canada.answered).toBe(false);
    expect(canada.tool).toBeUndefined();
  });

  it("works for other slots too, and prefers the trace when there is one", () => {
    const women = answerNumericQuestion("and women?", report, { previousQuestion: "How many police does Brazil send?" });
    expect(women).toBeNull();
    const police = answerNumericQuestion("what about Ghana?", report, { previousQuestion: "How many FPUs does Brazil have?" })!;
    expect(police.tool!.input).toMatchObject({ operation: "cell", country: "Ghana", component: "formedPoliceUnits" });
    const first = answerNumericQuestion("How many troops does Chad send?", report)!;
    const traced = answerNumericQuestion("what about Togo?", report, { previous: first.tool, previousQuestion: "How many police does Brazil send?" })!;
    expect(traced.tool!.input).toMatchObject({ operation: "cell", country: "Togo", component: "military" });
  });

  it("ignores a previous question that was not a table question", () => {
    expect(answerNumericQuestion("and Benin?", report, { previousQuestion: "how many IDPs now?" })).toBeNull();
    expect(answerNumericQuestion("ok what about Benin?", report)).toBeNull();
  });
});
