// Which figures belong to the asked noun ("respectively" lists, "victims" vs "cases"), remainders
// ("not yet committed"), counts whose noun is not indicators, yes/no cell questions and country pronouns.
import { describe, expect, it } from "vitest";
import { answerNumericQuestion, answerParagraphArithmetic } from "../../src/answer/numeric/index.js";
import { countsIndicators, parseAnnexIQuestion } from "../../src/answer/numeric/annex-i-question.js";
import type { Paragraph } from "../../src/report/schema.js";
import { seedReport, syntheticReport } from "./report-fixture.js";

const report = seedReport();
const paras = (...numbers: number[]): Paragraph[] => numbers.map((n) => report.paragraphs.find((p) => p.number === n)!);
const para = (number: number, text: string): Paragraph => ({ number, chapter: "I. Test", section: null, text, subItems: [] });

describe("figures attached to the asked noun", () => {
  it.each([
    // "105 …, 76 against MINUSMA and 20 against the French forces …, compared with 84, 66 and 15 … respectively"
    ["By what percentage did attacks against MINUSMA rise compared with the previous mandate period?", 15.2, "66", "76"],
    ["By what percentage did attacks against the French forces rise?", 33.3, "15", "20"],
    ["By what percentage did attacks on the Malian defence and security forces increase compared with the previous mandate period?", 25, "84", "105"],
  ] as const)("respectively list: %s", (question, value, from, to) => {
    const a = answerParagraphArithmetic(question, paras(17, 29, 5))!;
    expect(a.tool).toMatchObject({ result: value, input: { operation: "paragraphPercentChange", paragraph: 17, from, to } });
  });

  it.each([
    ["By what percentage did the number of victims of human rights violations and abuses fall compared with the previous reporting period?", -43.6, "204", "115"],
    ["By what percentage did the number of cases of human rights violations fall?", -10.8, "74", "66"],
  ] as const)("noun after the figure: %s", (question, value, from, to) => {
    const a = answerParagraphArithmetic(question, paras(29, 17))!;
    expect(a.tool).toMatchObject({ result: value, input: { from, to } });
    expect(a.citations[0]).toMatchObject({ ref: "para. 29" });
  });

  it("works on wording it has never seen (synthetic paragraph)", () => {
    const p = para(9, "The agency recorded 30 incidents involving 120 casualties, compared with 20 incidents and 150 casualties in the previous year.");
    expect(answerParagraphArithmetic("By what percentage did casualties fall compared with the previous year?", [p])!.tool).toMatchObject({ input: { from: "150", to: "120" } });
    expect(answerParagraphArithmetic("By what percentage did incidents rise compared with the previous year?", [p])!.tool).toMatchObject({ input: { from: "20", to: "30" } });
  });
});

describe("remainder: whole − part", () => {
  it.each([
    "For the budget analysis: of the €605 million pledged for the northern regions at the October 2015 conference, how much has not yet been committed?",
    "How much of the €605 million pledged for the north is still to be committed?",
    "How much of the pledge for the northern regions remains uncommitted?",
  ])("%s", (question) => {
    const a = answerParagraphArithmetic(question, paras(39, 51, 68))!;
    expect(a.tool).toMatchObject({ result: 302, input: { operation: "paragraphDifference", a: "€605 million", b: "€303 million" } });
    expect(a.answer).toContain("€302 million");
    expect(a.citations[0]).toMatchObject({ ref: "para. 39" });
  });

  it("a share question is not a remainder", () => {
    const a = answerParagraphArithmetic("What share of the €605 million has been committed?", paras(39));
    expect(a?.tool?.input).not.toMatchObject({ operation: "paragraphDifference" });
  });

  it("a synthetic remainder", () => {
    const p = para(4, "Of the 500 shelters planned, some 320 have been built.");
    expect(answerParagraphArithmetic("How many of the 500 shelters are left to build?", [p])!.tool).toMatchObject({ result: 180 });
  });
});

describe("Annex I counts only count indicators", () => {
  it.each([
    "According to the benchmark table, how many of the Truth, Justice and Reconciliation Commission's regional offices are open?",
    "Per the benchmarks, how many interim authorities are operational?",
  ])("counted noun is not indicators → null: %s", (question) => {
    expect(answerNumericQuestion(question, report)).toBeNull();
  });

  it.each([
    "how many indicators are implemented?",
    "how many benchmarks in area 4 are ongoing?",
    "how many are implemented according to the benchmarks?",
    "how many of the justice and reconciliation indicators are ongoing?",
    "number of indicators with no status",
  ])("still counts indicators: %s", (q) => {
    expect(countsIndicators(q)).toBe(true);
    expect(parseAnnexIQuestion(q, report)?.op.operation).toBe("indicatorCount");
  });
});

describe("yes/no questions about an Annex II cell", () => {
  it.each([
    ["Is Czechia's single soldier in the Mission a woman?", "Yes", [1, 0]],
    ["Among Togo's individual police officers, do women outnumber men?", "Yes", [8, 2]],
    ["Do women outnumber men in Togo's formed police units?", "No", [13, 266]],
    ["Are all of Czechia’s military personnel women?", "Yes", [1, 0]],
    ["Are most of Germany's police officers men?", "Yes", [4, 12]],
  ] as const)("%s", (question, verdict, figures) => {
    const [women, men]: readonly number[] = figures;
    const a = answerNumericQuestion(question, report)!;
    expect(a.answered).toBe(true);
    expect(a.answer.startsWith(`${verdict} — `)).toBe(true);
    expect(a.answer).toContain(`${women} ${women === 1 ? "woman" : "women"} and ${men} ${men === 1 ? "man" : "men"}`);
    expect(a.citations[0]).toMatchObject({ ref: "Annex II" });
  });

  it("works on a synthetic table (possessive, curly apostrophe)", () => {
    const a = answerNumericQuestion("Do women outnumber men among Alpha’s individual police officers?", syntheticReport())!;
    expect(a.answer).toMatch(/^No — Alpha contributes 10 individual police officers.*5 women and 5 men/);
  });

  it("an unlisted country is not listed", () => {
    expect(answerNumericQuestion("Is Brazil's soldier a woman?", report)).toMatchObject({ answered: false });
  });
});

describe("pronouns for the previous question's country", () => {
  const first = "How many military personnel does Germany contribute?";
  const a1 = answerNumericQuestion(first, report)!;
  const second = "And how many of them are women?";
  const a2 = answerNumericQuestion(second, report, { previous: a1.tool, previousQuestion: first })!;

  it.each([
    ["Does it also send police?", 16],
    ["How many individual police officers does that country send?", 16],
    ["How many of its police officers are women?", 4],
  ] as const)("%s", (question, value) => {
    expect(a2.tool?.result).toBe(14);
    const a = answerNumericQuestion(question, report, { previous: a2.tool, previousQuestion: second })!;
    expect(a.tool?.result).toBe(value);
    expect(a.answer).toContain("Germany");
  });

  it("a yes/no cell question says yes", () => {
    expect(answerNumericQuestion("Does it also send police?", report, { previous: a1.tool })!.answer).toMatch(/^Yes — Germany contributes 16 police/);
  });

  it("a question that is not about strength is left alone", () => {
    expect(answerNumericQuestion("And when was it signed?", report, { previous: a1.tool, previousQuestion: first })).toBeNull();
  });
});
