// The first trust count, "wrong numbers produced by the tool" (src/eval/grade.ts toolNumberWrong), on
// answers built by hand: a tool answer is judged by every tool call it made, not only the first.
import { describe, expect, it } from "vitest";
import type { ToolTrace } from "../../src/answer/contract.js";
import { toolNumberWrong } from "../../src/eval/grade.js";
import { ExpectedSchema, type Turn } from "../../src/eval/golden-schema.js";

const turn = (numbers: number[], type: Turn["type"] = "numeric"): Turn => ({ index: 0, question: "q", type, expected: ExpectedSchema.parse({ numbers }), citations: [], citationMatch: "any" });
const trace = (result: number): ToolTrace => ({ name: "report_numbers", input: {}, result, unit: "count", formula: `${result}`, operands: [], warnings: [] });

describe("toolNumberWrong", () => {
  it("is undefined when nothing was computed, or nothing is expected to judge by", () => {
    expect(toolNumberWrong(turn([5]), { answered: true, answer: "5" })).toBeUndefined();
    expect(toolNumberWrong(turn([]), { answered: true, answer: "5", tool: trace(5) })).toBeUndefined();
  });

  it("any computed number on a question the report cannot answer is wrong", () => {
    expect(toolNumberWrong(turn([], "refusal"), { answered: true, answer: "5", tool: trace(5) })).toBe(true);
  });

  it("a computed number that is none of the expected ones is wrong; one that is, is right", () => {
    expect(toolNumberWrong(turn([205]), { answered: true, answer: "65 more", tool: trace(65) })).toBe(true);
    expect(toolNumberWrong(turn([205]), { answered: true, answer: "x", tool: trace(205) })).toBe(false);
  });

  it("a two-part answer is right when a later tool call made the expected number", () => {
    const r = { answered: true, answer: "41.0 and 252.0", tool: trace(41), tools: [trace(41), trace(252)] };
    expect(toolNumberWrong(turn([252]), { ...r, answer: "x" })).toBe(false);
    expect(toolNumberWrong(turn([999]), { ...r, answer: "x" })).toBe(true);
  });
});
