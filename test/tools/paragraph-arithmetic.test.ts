import { describe, expect, it } from "vitest";
import { answerParagraphArithmetic } from "../../src/answer/numeric/index.js";
import type { Paragraph } from "../../src/report/schema.js";
import { seedReport } from "./report-fixture.js";

const report = seedReport();
const paras = (...numbers: number[]): Paragraph[] => numbers.map((n) => report.paragraphs.find((p) => p.number === n)!);

describe("paragraph arithmetic", () => {
  it.each([
    ["By what percentage did the number of Malian refugees rise?", [37, 38], 37, Math.round(((143600 - 141500) / 141500) * 1000) / 10, ["141,500", "143,600"]],
    ["By what percentage did the number of internally displaced persons increase?", [37], 37, Math.round(((59000 - 45800) / 45800) * 1000) / 10, ["45,800", "59,000"]],
    ["By what percentage did attacks against MINUSMA increase?", [17], 17, Math.round(((76 - 66) / 66) * 1000) / 10, ["66", "76"]],
    ["How many more Malian defence and security forces members were killed than in the previous period?", [17], 17, 131 - 49, ["131", "49"]],
    ["How much of the $293 million humanitarian funding had been received?", [38, 37], 38, 41, ["14 per cent", "$293 million"]],
    ["What share of the €605 million pledged has been committed?", [39], 39, Math.round((303 / 605) * 1000) / 10, ["€303 million", "€605 million"]],
    ["What share of schools in those regions are closed?", [35], 35, Math.round((501 / 4872) * 1000) / 10, ["501", "4,872"]],
    ["How many attacks were conducted in total since June 2016?", [17], 17, 105 + 76 + 20, ["105", "76", "20"]],
    ["What is the difference between the unpaid contributions to MINUSMA and total outstanding contributions?", [52], 52, 1536.4, ["$1,589.7 million", "$53.3 million"]],
  ] as const)("%s", (question, numbers, paragraph, expected, figures) => {
    const a = answerParagraphArithmetic(question, paras(...numbers))!;
    expect(a).not.toBeNull();
    expect(a.tool!.result).toBe(expected);
    expect(a.tool!.operands.map((o) => o.figure)).toEqual(expect.arrayContaining([...figures]));
    expect(a.citations).toHaveLength(1);
    const citation = a.citations[0] as { ref: string; paragraph: number; quote: string };
    expect(citation).toMatchObject({ ref: `para. ${paragraph}`, paragraph });
    const flat = (s: string) => s.replace(/\s+/g, " ");
    expect(flat(paras(paragraph)[0]!.text)).toContain(citation.quote);
    for (const f of figures) expect(citation.quote + flat(paras(paragraph)[0]!.text)).toContain(f);
    expect(a.answer).toContain(`(para. ${paragraph})`);
  });

  it("returns null when the question is not arithmetic or no figures fit", () => {
    expect(answerParagraphArithmetic("Who leads the Group for the Support of Islam and Muslims?", paras(18))).toBeNull();
    expect(answerParagraphArithmetic("By what percentage did the number of refugees rise?", paras(18))).toBeNull();
    expect(answerParagraphArithmetic("By what percentage did refugees rise?", [])).toBeNull();
  });
});
