import { describe, expect, it } from "vitest";
import { extractNumbers, findNumber, missingNumbers, numberMatches } from "../../src/eval/numbers.js";

const has = (text: string, n: number, tol = {}) => findNumber(n, text, tol) !== undefined;

describe("number matcher", () => {
  it.each([
    ["Burkina Faso provides 1,717 soldiers.", 1717],
    ["Burkina Faso provides 1 717 soldiers.", 1717],
    ["Burkina Faso provides 1\u00a0717 soldiers.", 1717],
    ["Burkina Faso provides 1717 soldiers.", 1717],
    ["The total is 10 957.", 10957],
    ["Women are 15.2% of staff.", 15.2],
    ["Women are 15.2 % of staff.", 15.2],
    ["Women are 15.2 per cent of staff.", 15.2],
    ["Women are 15.2 percent of staff.", 15.2],
    ["The budget is $1,077.6 million gross.", 1077.6],
    ["The budget is $1,077.6 million gross.", 1_077_600_000],
    ["A total of 3.8 million people suffer.", 3_800_000],
    ["A total of 3.8 million people suffer.", 3.8],
    ["It was a 10-day strike.", 10],
    ["Eight peacekeepers were killed.", 8],
    ["twelve armoured cars", 12],
    ["twenty personnel", 20],
    ["twenty-one personnel", 21],
    ["(1,412)", 1412],
  ])("finds %j -> %d", (text, n) => {
    expect(has(text, n)).toBe(true);
  });

  it.each([
    ["In 2017 the mission grew.", 20],
    ["In 2017 the mission grew.", 17],
    ["See S/2017/478.", 20],
    ["Indicator 2.1.1 is implemented.", 2.1],
    ["Indicator 2.1.1 is implemented.", 1],
    ["1,717 soldiers", 717],
    ["1,717 soldiers", 1],
    ["eighteen people", 8],
    ["15.2 per cent", 15],
    ["Someone was there, and no one else.", 2],
    ["$1,077.6 million", 1077],
  ])("does not read %j as %d", (text, n) => {
    expect(has(text, n)).toBe(false);
  });

  it("keeps a list of numbers apart", () => {
    expect(extractNumbers("105, 76 and 20 attacks").flatMap((m) => m.values)).toEqual([105, 76, 20]);
    expect(extractNumbers("from 2015-2017").flatMap((m) => m.values)).toEqual([2015, 2017]);
  });

  it("applies abs_tol and rel_tol", () => {
    expect(has("about 22.86 per cent", 22.9)).toBe(false);
    expect(has("about 22.86 per cent", 22.9, { abs_tol: 0.05 })).toBe(true);
    expect(has("about 23%", 22.9, { abs_tol: 0.05 })).toBe(false);
    expect(has("roughly 1,700 troops", 1717, { rel_tol: 0.005 })).toBe(false);
    expect(has("roughly 1,700 troops", 1717, { rel_tol: 0.01 })).toBe(true);
    expect(numberMatches(100, 101, { abs_tol: 1 })).toBe(true);
    expect(numberMatches(100, 101.5, { abs_tol: 1, rel_tol: 0.01 })).toBe(false);
  });

  it("compares magnitudes, since a fall is often written without a sign", () => {
    expect(has("a change of -25.3%", 25.3)).toBe(true);
    expect(has("a fall of 25.3 per cent", -25.3)).toBe(true);
  });

  it("lists the expected numbers a text lacks", () => {
    expect(missingNumbers([35, 8, 7], "35 ministers, including eight women", {})).toEqual([7]);
  });
});
