// The verify stage on its own, against the real report: an answer passes only when every number it
// states is quoted from what it cites or made by the tool, every quote is verbatim in the paragraph it
// cites, and every cited paragraph was in the evidence.
import { beforeAll, describe, expect, it } from "vitest";
import { composeArithmetic } from "../../src/answer/compose/arithmetic.js";
import type { ComposedAnswer } from "../../src/answer/compose/composed.js";
import { quoteSentences } from "../../src/answer/compose/extractive.js";
import { numbersIn, verifyAnswer } from "../../src/answer/verify.js";
import { decisionFor, reportStages, type ReportStages } from "../helpers/report-stages.js";

let s: ReportStages;
beforeAll(async () => {
  s = await reportStages();
}, 300_000);

const quoteOf = (id: string) => s.knowledge.sentences.byId.get(id)!.text;
const check = (answer: ComposedAnswer, evidence: number[]) => verifyAnswer(answer, { report: s.knowledge.report, evidenceParagraphs: new Set(evidence) });
/** An answer quoting para. 30's second sentence, as the extractive composer writes it. */
const alfao = () => quoteSentences([s.knowledge.sentences.byId.get("p30#1")!]);

describe("verify", () => {
  it("passes what the extractive composer writes from the evidence", () => {
    expect(check(alfao(), [30])).toEqual([]);
  });

  it("passes a computed answer: its numbers are the tool's result, formula and operands", async () => {
    const { frame, scored, decision } = await decisionFor(s, "How many more attacks targeted MINUSMA than the French forces?");
    if (decision.kind !== "answer") throw new Error(decision.reason);
    const computed = composeArithmetic(frame, scored, s.knowledge, decision.best)!;
    expect(computed.answer).toContain("56");
    expect(check(computed, [17])).toEqual([]);
    // The same text without the tool's trace states a number nothing cited says.
    const { tool: _tool, ...untraced } = computed;
    expect(check(untraced, [17])).toContain("the number 56 is neither quoted from a cited passage nor made by the tool");
  });

  it("rejects a number that is neither in what it cites nor made by the tool", () => {
    const a = alfao();
    const problems = check({ ...a, answer: a.answer.replace("10 girls", "12 girls") }, [30]);
    expect(problems).toEqual(["the number 12 is neither quoted from a cited passage nor made by the tool"]);
  });

  it("rejects a citation to a paragraph that does not hold the quote", () => {
    const a = alfao();
    const problems = check({ ...a, citations: [{ ref: "para. 31", paragraph: 31, quote: quoteOf("p30#1") }], answer: a.answer.replace("(para. 30)", "(para. 31)") }, [30, 31]);
    expect(problems).toContain(`quote for para. 31 is not verbatim: “${quoteOf("p30#1")}”`);
  });

  it("rejects a quote that is not verbatim, even by one word", () => {
    const a = alfao();
    const altered = quoteOf("p30#1").replace("kidnapped", "abducted");
    const problems = check({ ...a, citations: [{ ref: "para. 30", paragraph: 30, quote: altered }] }, [30]);
    expect(problems).toEqual([`quote for para. 30 is not verbatim: “${altered}”`]);
  });

  it("rejects a citation to a paragraph retrieval never brought up, or one that does not exist", () => {
    expect(check(alfao(), [17])).toEqual(["cites para. 30, which was not in the evidence"]);
    const a = alfao();
    expect(check({ ...a, citations: [{ ref: "para. 99", paragraph: 99, quote: "x" }] }, [30, 99])).toContain("cites para. 99, which does not exist");
  });

  it("rejects a marker with no matching citation, and an answer citing nothing", () => {
    const a = alfao();
    expect(check({ ...a, answer: `${a.answer} See also (para. 31).` }, [30])).toEqual(["marker (para. 31) has no matching citation"]);
    expect(check({ ...a, citations: [] }, [30])).toContain("an answer with no citation");
  });

  it("has nothing to check in a refusal", () => {
    expect(check({ answer: "The report (S/2017/478) does not answer “How many drones?”.", answered: false, citations: [] }, [])).toEqual([]);
  });

  it("reads numbers as the report writes them", () => {
    expect(numbersIn("1,077.6 million, 13,289 and 1 717 personnel, 82 per cent")).toEqual([1077.6, 13289, 1717, 82]);
  });
});
