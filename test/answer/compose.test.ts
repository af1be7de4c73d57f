// The compose stage on its own: extractive answers quote the report's sentences verbatim with their
// refs; arithmetic goes through the numeric tool, whose trace says where each operand comes from.
import { beforeAll, describe, expect, it } from "vitest";
import { answerPart } from "../../src/answer/answer-part.js";
import { composeArithmetic } from "../../src/answer/compose/arithmetic.js";
import { composeExtractive, quoteSentences, renderSentence } from "../../src/answer/compose/extractive.js";
import { refusal } from "../../src/answer/compose/refusal.js";
import type { ScoredSentence } from "../../src/answer/evidence.js";
import { NumericToolError } from "../../src/tools/errors.js";
import { createNumericTool } from "../../src/tools/numeric-tool.js";
import { runNumericOperation } from "../../src/tools/run-operation.js";
import { statedShareSentence } from "../../src/answer/compose/table/stated-share.js";
import { retrieveUnits } from "../../src/answer/evidence.js";
import { decisionFor, frameOf, reportStages, type ReportStages } from "../helpers/report-stages.js";

let s: ReportStages;
beforeAll(async () => {
  s = await reportStages();
}, 300_000);

const sentence = (id: string) => {
  const found = s.knowledge.sentences.byId.get(id);
  if (!found) throw new Error(`no sentence ${id}`);
  return found;
};
const paragraphText = (n: number) => s.knowledge.byParagraph.get(n)!.text;

async function framedUnits(question: string) {
  const frame = frameOf(s, question);
  return { frame, units: await retrieveUnits(s.retriever, frame.retrievalText, s.knowledge) };
}

/** understand -> retrieve -> decide -> paragraph arithmetic, for one question. */
async function computedFor(question: string) {
  const { frame, scored, best } = await answered(question);
  return composeArithmetic(frame, scored, s.knowledge, best);
}

async function answered(question: string) {
  const { frame, scored, decision } = await decisionFor(s, question);
  if (decision.kind !== "answer") throw new Error(`expected an answer for “${question}”: ${decision.reason}`);
  return { frame, scored, best: decision.best };
}

describe("extractive composition", () => {
  it("quotes the deciding sentence verbatim, with its paragraph marker and a citation holding the same quote", async () => {
    const { frame, scored, best } = await answered("How many kids were kidnapped in Alfao?");
    const composed = composeExtractive(frame, best, scored);
    const quote = sentence("p30#1").text;
    expect(composed.answered).toBe(true);
    expect(composed.answer.startsWith(`${quote.slice(0, -1)} (para. 30).`)).toBe(true);
    expect(composed.citations[0]).toEqual({ ref: "para. 30", paragraph: 30, quote });
    expect(paragraphText(30)).toContain(quote);
    expect(composed.quoted?.[0]).toBe("p30#1");
  });

  it("every quoted sentence is in the answer, in full, and cited", async () => {
    const { frame, scored, best } = await answered("Why did the presence of State officials in the north decrease?");
    const composed = composeExtractive(frame, best, scored);
    expect(composed.quoted!.length).toBeGreaterThanOrEqual(1);
    for (const id of composed.quoted!) {
      const quoted = sentence(id);
      expect(composed.answer).toContain(quoted.text.replace(/\.$/, ""));
      expect(composed.citations.some((c) => "quote" in c && c.ref === quoted.ref)).toBe(true);
    }
  });

  it("a sub-item is cited as such ('para. 18 (c)')", () => {
    const rendered = renderSentence(sentence("p18#4"));
    expect(rendered.citation).toMatchObject({ ref: "para. 18 (c)", paragraph: 18, subItem: "c" });
    expect(rendered.text.endsWith("(para. 18 (c)).")).toBe(true);
  });

  it("a follow-up is not answered with the sentence already quoted when another answers nearly as well", async () => {
    const { frame, scored, best } = await answered("How many blue helmets were hurt?");
    expect(best.sentence.id).toBe("p17#5");
    const again = composeExtractive(frame, best, scored, new Set(["p17#5"]));
    expect(again.quoted?.[0]).not.toBe("p17#5");
    expect(again.quoted).not.toContain("p17#5");
    expect(again.answer).toMatch(/peacekeep/);
  });

  it("… but is, when nothing else answers (the previous quote is the only good one)", async () => {
    const { frame, scored, best } = await answered("Why did the presence of State officials in the north decrease?");
    const again = composeExtractive(frame, best, scored, new Set([best.sentence.id]));
    expect(again.quoted?.[0]).toBe(best.sentence.id);
  });

  it("a sentence pointing back ('The attacks claimed by that group included') comes after the one naming the group", async () => {
    const previous = { ...frameOf(s, "What happened near Nampala on 2 May?"), answeredWith: ["p18#1"] };
    const { frame, scored, decision } = await decisionFor(s, "who claimed it?", previous);
    if (decision.kind !== "answer") throw new Error(decision.reason);
    const composed = composeExtractive(frame, decision.best, scored);
    const order = composed.quoted!.map((id) => s.knowledge.sentences.byId.get(id)!.text);
    const pointing = order.findIndex((t) => t.includes("claimed by that group"));
    expect(pointing).toBeGreaterThan(0);
    expect(order[pointing - 1]).toContain("Group for the Support of Islam and Muslims");
  });

  it("a sentence of another paragraph answering all of the question as well as the lead is quoted too (the SG's two recommendations on the mandate)", async () => {
    const { frame, scored, best } = await answered("What does the SG recommend on the mandate?");
    const composed = composeExtractive(frame, best, scored);
    expect(composed.citations.map((c) => c.ref)).toEqual(expect.arrayContaining(["para. 61", "para. 71"]));
    expect(composed.answer).toContain("until 30 June 2018");
  });

  it("Annex I indicators are quoted with their status and one Annex I citation for all rows", () => {
    const indicators = s.knowledge.sentences.all.filter((x) => x.source.kind === "indicator").slice(0, 2);
    const composed = quoteSentences(indicators);
    const [first, second] = indicators.map((x) => (x.source.kind === "indicator" ? x.source.indicator : undefined)!);
    expect(composed.answer).toContain(`Benchmark indicator ${first!.id}, “${first!.text}”, is marked ${first!.status.join(" and ")}`);
    expect(composed.citations).toEqual([{ ref: "Annex I", annex: "I", rows: [first!.id, second!.id] }]);
  });
});

describe("refusals", () => {
  it("name the question, cite nothing, and list what is nearby as related passages only", () => {
    const near: ScoredSentence[] = [{ sentence: sentence("p41#0"), rank: 0, coverage: 0.5, unitCoverage: 0.5, agreed: false, score: 1 }];
    const r = refusal("  Who commands the force? ", "It does not mention “Force Commander”.", "S/2017/478", near);
    expect(r).toEqual({
      answer: "The report (S/2017/478) does not answer “Who commands the force?”. It does not mention “Force Commander”.",
      answered: false,
      citations: [],
      related: [{ ref: "para. 41", quote: sentence("p41#0").text }],
    });
  });

  it("echo a long question only in part", () => {
    const long = `How many ${"very ".repeat(60)}long questions are there?`;
    const r = refusal(long, "None of its paragraphs addresses this.", "S/2017/478");
    expect(r.answer.length).toBeLessThan(long.length);
    expect(r.answer).toContain("…”");
    expect(r.related).toBeUndefined();
  });
});

describe("arithmetic goes through the numeric tool, with provenance", () => {
  it("the answer leads with the result and its formula, then quotes the operands' sentence", async () => {
    const { frame, scored, best } = await answered("How many more attacks targeted MINUSMA than the French forces?");
    const composed = composeArithmetic(frame, scored, s.knowledge, best);
    expect(composed).not.toBeNull();
    expect(composed!.answer.startsWith("56 more (76 − 20 = 56), from the figures in para. 17: ")).toBe(true);
    expect(composed!.answer).toContain(sentence("p17#0").text.replace(/\.$/, ""));
    expect(composed!.tool).toMatchObject({ name: "report_numbers", result: 56, formula: "76 − 20 = 56" });
    expect(composed!.citations).toEqual([{ ref: "para. 17", paragraph: 17, quote: sentence("p17#0").text }]);
  });

  it("a rounded result says it was rounded", async () => {
    const { frame, scored, best } = await answered("By what percentage did the number of internally displaced persons rise?");
    const composed = composeArithmetic(frame, scored, s.knowledge, best);
    expect(composed!.tool!.formula).toBe("(59,000 − 45,800) / 45,800 × 100 = 28.8% (Percentage rounded to one decimal place (unrounded 28.820961).)");
    expect(composed!.answer).toMatch(/^An increase of 28\.8 per cent/);
  });

  it("a share whose whole and part stand in sentences side by side: the whole covers the asked noun phrase, the part names the body", async () => {
    const { frame, scored, best } = await answered("What share of all outstanding peacekeeping contributions is owed to MINUSMA?");
    const composed = composeArithmetic(frame, scored, s.knowledge, best);
    expect(composed!.tool).toMatchObject({ result: 3.4, formula: expect.stringContaining("53.3 / 1,589.7 × 100") });
    expect(composed!.quoted).toEqual(["p52#0", "p52#1"]);
  });

  it("a share across sentences of the closed schools: 501 is the number closed (the running total of the change), 266 the Mopti region's", async () => {
    const { frame, scored, best } = await answered("What proportion of the closed schools are in the Mopti region?");
    const composed = composeArithmetic(frame, scored, s.knowledge, best);
    expect(composed!.tool).toMatchObject({ result: 53.1, formula: expect.stringContaining("266 / 501 × 100") });
  });

  it("no share of a whole the report never gives: Mopti's own schools (4,872 are five regions')", async () => {
    expect(await computedFor("What share of Mopti's schools are closed?")).toBeNull();
  });

  it("'What share of … is that?': the previous answer is the part (53.3 of 1,589.7 million)", async () => {
    const previous = { ...frameOf(s, "How much do Member States owe MINUSMA in unpaid assessed contributions?"), answeredWith: ["p52#0"] };
    const { frame, scored, decision } = await decisionFor(s, "What share of all outstanding peacekeeping dues is that?", previous);
    expect(frame.onPreviousAnswer).toBe(true);
    expect(decision.kind).toBe("answer");
    const composed = composeArithmetic(frame, scored, s.knowledge, decision.kind === "answer" ? decision.best : undefined);
    expect(composed!.tool).toMatchObject({ result: 3.4, formula: expect.stringContaining("53.3 / 1,589.7 × 100") });
  });

  it("without 'is that', a follow-up's carried body is not made the part of a share", async () => {
    const previous = { ...frameOf(s, "How much do Member States owe MINUSMA in unpaid assessed contributions?"), answeredWith: ["p52#0"] };
    const frame = frameOf(s, "And the outstanding contributions for all peacekeeping operations?", previous);
    expect(frame.onPreviousAnswer).toBe(false);
  });

  it("what of a stated whole was not done: the whole minus the part the act describes (€605 million pledged, €303 million committed)", async () => {
    const { frame, scored, best } = await answered("Of the €605 million pledged for the northern regions, how much has not yet been committed?");
    const composed = composeArithmetic(frame, scored, s.knowledge, best);
    expect(composed!.tool).toMatchObject({ result: 302, formula: "605 − 303 = 302" });
    expect(composed!.answer).toMatch(/^€302 million \(605 − 303 = 302\)/);
    // A contraction negates the act as well.
    expect((await computedFor("Of the €605 million pledged for the north in October 2015, how much hasn't been committed yet?"))!.tool).toMatchObject({ result: 302 });
  });

  it("the whole may be named rather than stated: 'of the euros pledged …, how many millions have not yet been committed?' is 605 − 303", async () => {
    expect((await computedFor("Of the euros pledged for northern Mali at the October 2015 donor conference, how many millions have not yet been committed?"))!.tool).toMatchObject({ result: 302, formula: "605 − 303 = 302" });
  });

  it("a shortfall counts what the limit limits, not the limit: 'UNPOL gap vs ceiling?' is 1,920 − 1,502", async () => {
    const { frame, scored, best } = await answered("UNPOL gap vs ceiling?");
    expect(frame.operation).toMatchObject({ shortfall: true, operands: [{ head: "UNPOL" }] });
    expect(composeArithmetic(frame, scored, s.knowledge, best)!.tool).toMatchObject({ result: 418, formula: "1,920 − 1,502 = 418" });
  });

  it("a component in the limit's words ('its police ceiling') does not make the deployed figure a limit", async () => {
    expect((await computedFor("How far short of its police ceiling is MINUSMA, in personnel?"))!.tool).toMatchObject({ result: 418 });
  });

  it("authorized vs deployed: the deployed figure of the next sentence counts military personnel too", async () => {
    expect((await computedFor("What is the gap between the authorized and the deployed military personnel?"))!.tool).toMatchObject({ result: 2370, formula: "13,289 − 10,919 = 2,370" });
  });

  it("a sentence about all of the operand reads it over one about part: forces killed is 131 vs 49, not attacks on the forces (105 vs 84)", async () => {
    const composed = await computedFor("Percentage increase in Malian defence and security forces killed versus the previous mandate period?");
    expect(composed!.tool).toMatchObject({ formula: expect.stringContaining("(131 − 49) / 49 × 100") });
  });

  it("the host country's demonym narrows nothing ('Malian refugees' are the refugees asked about) but another body's name with it does (the Malian forces' 105 attacks are not MINUSMA's)", async () => {
    expect((await computedFor("refugees in Burkina Faso, Mauritania and Niger: % change?"))!.tool).toMatchObject({ formula: expect.stringContaining("(143,600 − 141,500) / 141,500 × 100") });
    expect((await computedFor("By what percentage did attacks against MINUSMA increase compared with the previous mandate period?"))!.tool).toMatchObject({ formula: expect.stringContaining("(76 − 66) / 66 × 100") });
  });

  it("a sum of the figures one sentence gives for each named body: 105 + 76 + 20, the 'and' of 'defence and security forces' splitting nothing", async () => {
    expect((await computedFor("Adding up attacks on the Malian defence and security forces, MINUSMA and the French forces since June 2016, what is the total?"))!.tool).toMatchObject({ result: 201, formula: "105 + 76 + 20 = 201" });
  });

  it("a figure naming another country ('Two French soldiers') is no operand for the host's soldiers: nothing is computed rather than 2 − 3", async () => {
    const composed = await computedFor("How many more Malian soldiers and security personnel were killed in this mandate period than in the previous one?");
    expect(composed?.tool?.input).not.toMatchObject({ a: "Two" });
    expect(composed?.tool?.input).not.toMatchObject({ b: "Two" });
    // … and the country asked about keeps its own figures.
    expect((await computedFor("How many more French soldiers were killed in this mandate period than in the previous one?"))!.tool).toMatchObject({ result: -1 });
  });

  it("an amount's noun may stand elsewhere in its sentence: 'pledged vs committed gap (€)' is 605 − 303", async () => {
    expect((await computedFor("Oct-2015 donor conference: pledged vs committed gap (€)?"))!.tool).toMatchObject({ result: 302, formula: "605 − 303 = 302" });
  });

  it("'what proportion of B is accounted for by A' takes A as the part (53.3 / 1,589.7); a part with no figure of its own is read as of the whole ('made up of women': 6 / 53)", async () => {
    expect((await computedFor("What proportion of all outstanding assessed contributions for peacekeeping operations is accounted for by unpaid contributions to the Special Account for MINUSMA?"))!.tool).toMatchObject({ formula: expect.stringContaining("53.3 / 1,589.7 × 100") });
    expect((await computedFor("What share of the charter drafting commission is made up of women?"))!.tool).toMatchObject({ formula: expect.stringContaining("6 / 53 × 100") });
  });

  it("'… fell — by what percentage?' is a percent change, the earlier figure first", async () => {
    const composed = await computedFor("Peacekeeper deaths fell from the previous mandate period — by what percentage?");
    expect(composed!.tool).toMatchObject({ formula: expect.stringContaining("(8 − 28) / 28 × 100") });
  });

  it("'how far short of the authorized military strength': 13,289 − 10,919 ('one of the most hostile environments' is no figure)", async () => {
    expect((await computedFor("How far short of the authorized military strength is MINUSMA, in personnel?"))!.tool).toMatchObject({ result: 2370, formula: "13,289 − 10,919 = 2,370" });
  });

  it("the Mission as possessor narrows no whole: 'MINUSMA's deployed military helicopters' usable is 11 of 14", async () => {
    expect((await computedFor("What share of MINUSMA's deployed military helicopters are usable?"))!.tool).toMatchObject({ formula: expect.stringContaining("11 / 14 × 100") });
  });

  it("the whole's words may stand where its noun was introduced: the charter drafting commission's 53 members, six women", async () => {
    expect((await computedFor("What share of the charter drafting commission are women?"))!.tool).toMatchObject({ formula: expect.stringContaining("6 / 53 × 100") });
  });

  it("'than at the time of the previous report' is a time, not a second thing counted: refugees 143,600 − 141,500", async () => {
    expect((await computedFor("How many more Malian refugees are there in Burkina Faso, Mauritania and Niger than at the time of the previous report?"))!.tool).toMatchObject({ result: 2100 });
  });

  it("no operation asked, nothing computed", async () => {
    const { frame, scored, best } = await answered("How many kids were kidnapped in Alfao?");
    expect(composeArithmetic(frame, scored, s.knowledge, best)).toBeNull();
  });

  it("the tool verifies every figure in the paragraph it is said to come from", () => {
    const report = s.knowledge.report;
    const ok = runNumericOperation(report, { operation: "paragraphSum", paragraph: 17, figures: ["105", "76", "20"] });
    expect(ok.value).toBe(201);
    expect(ok.operands.map((o) => ("figure" in o ? [o.paragraph, o.figure] : []))).toEqual([[17, "105"], [17, "76"], [17, "20"]]);
    // 413 is in para. 28, not para. 17.
    expect(() => runNumericOperation(report, { operation: "paragraphDifference", paragraph: 17, a: "413", b: "76" })).toThrow(NumericToolError);
  });

  it("as a LangChain tool it returns JSON, and an error object rather than a throw", async () => {
    const numeric = createNumericTool(s.knowledge.report);
    const good = JSON.parse(await numeric.invoke({ request: { operation: "paragraphRatio", paragraph: 29, a: "204", b: "115" } }));
    expect(good).toMatchObject({ value: 1.77, unit: "ratio", formula: "204 / 115 = 1.77" });
    const bad = JSON.parse(await numeric.invoke({ request: { operation: "paragraphRatio", paragraph: 29, a: "999", b: "115" } }));
    expect(bad.error.code).toEqual(expect.any(String));
    expect(bad.value).toBeUndefined();
  });
});

describe("a share the report states itself is quoted beside the one Annex II computes", () => {
  const formedPolice = "What share of formed police unit personnel are women?";

  it("finds the paragraph sentence stating women's share of formed police units (para. 44, '4 per cent of women')", async () => {
    const { frame, units } = await framedUnits(formedPolice);
    const stated = statedShareSentence(frame, s.knowledge, new Set(units.flatMap((u) => u.units)));
    expect(stated?.id).toMatch(/^p44#/);
    expect(stated?.text).toContain("4 per cent of women");
  });

  it("states nothing when retrieval did not bring the paragraph (a citation must come from the evidence)", async () => {
    const { frame } = await framedUnits(formedPolice);
    expect(statedShareSentence(frame, s.knowledge, new Set())).toBeUndefined();
  });

  it("finds a share whose sex is the clause's subject ('Women account for 2 per cent of the military personnel', para. 41)", async () => {
    const { frame, units } = await framedUnits("What share of military personnel are women?");
    const stated = statedShareSentence(frame, s.knowledge, new Set(units.flatMap((u) => u.units)));
    expect(stated?.text).toBe("Women account for 2 per cent of the military personnel.");
  });

  it("gives no stated share for one country's contingent: the paragraphs state shares for the whole Mission", async () => {
    const { frame, units } = await framedUnits("What share of Senegal's formed police unit personnel are women?");
    expect(statedShareSentence(frame, s.knowledge, new Set(units.flatMap((u) => u.units)))).toBeUndefined();
  });
});

describe("the part the report leaves: the whole minus the opposite part", () => {
  it("'how many of its members are men?': 53 members, six women (WordNet's antonym of 'women')", async () => {
    const previous = { ...frameOf(s, "Who sits on the commission drafting the charter?"), answeredWith: ["p2#2"] };
    const { frame, scored, decision } = await decisionFor(s, "How many of the commission's members are men?", previous);
    expect(decision.kind).toBe("answer");
    const composed = composeArithmetic(frame, scored, s.knowledge, decision.kind === "answer" ? decision.best : undefined);
    expect(composed!.tool).toMatchObject({ result: 47, formula: "53 − 6 = 47" });
  });

  it("'how many are unusable?': the word without its 'un-' is the part the report gives (14 deployed, 11 usable)", async () => {
    expect((await computedFor("Of the military helicopters deployed, how many are unusable?"))!.tool).toMatchObject({ result: 3, formula: "14 − 11 = 3" });
  });

  it("nothing computed when the report states the asked word itself ('how many are women?' is quoted)", async () => {
    expect(await computedFor("How many members of the charter commission are women?")).toBeNull();
  });
});

describe("what the rest of a stated share stands for", () => {
  it("'How much of the $293 million was still missing?': (100% − 14%) × 293, by the tool", async () => {
    const frame = frameOf(s, "How much of the $293 million was still missing at the end of May?");
    const { composed, route } = answerPart(frame, await retrieveUnits(s.retriever, frame.retrievalText, s.knowledge), s.knowledge, new Set());
    expect(route).toBe("tool");
    expect(composed.tool).toMatchObject({ result: 252, formula: expect.stringContaining("(100% − 14%) × 293 = 252.0") });
  });
});

describe("the rest of a stated share, when the best match is a benchmark indicator naming the plan", () => {
  it("'What is the HRP shortfall in dollar terms as at 26 May?': para. 38's share of the amount, not the indicator's text ('in dollar terms' keeps 'dollar', drops 'terms')", async () => {
    const frame = frameOf(s, "What is the HRP shortfall in dollar terms as at 26 May?");
    expect(frame.subject.map((x) => x.text)).toEqual(["HRP", "dollar"]);
    const { composed, route } = answerPart(frame, await retrieveUnits(s.retriever, frame.retrievalText, s.knowledge), s.knowledge, new Set());
    expect(route).toBe("tool");
    expect(composed.tool).toMatchObject({ formula: expect.stringContaining("(100% − 14%) × 293 = 252.0") });
  });
});

describe("the strength table answers counts, not how things are going", () => {
  it("'How are the IPOs doing on deployment?' is no Annex II total: the paragraph's deployment rate is quoted", async () => {
    const frame = frameOf(s, "How are the IPOs doing on deployment?");
    expect(frame.table?.annex).toBe("II");
    const { composed, route } = answerPart(frame, await retrieveUnits(s.retriever, frame.retrievalText, s.knowledge), s.knowledge, new Set());
    expect(route).toBe("retrieval");
    expect(composed.tool).toBeUndefined();
    expect(composed.answer).toContain("97 per cent of individual police officers");
  });

  it("'How many IPOs are there?' still is", async () => {
    const frame = frameOf(s, "How many IPOs are there?");
    const { composed, route } = answerPart(frame, await retrieveUnits(s.retriever, frame.retrievalText, s.knowledge), s.knowledge, new Set());
    expect(route).toBe("tool");
    expect(composed.tool).toMatchObject({ result: 334 });
  });
});
