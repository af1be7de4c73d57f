// Where a sentence states a figure (src/figures/figure-spans.ts): numbers in digits and in words, money,
// scales and percentages; never a date, a year, a document number or the digits of a name.
import { describe, expect, it } from "vitest";
import { figureSpans } from "../../src/figures/figure-spans.js";
import { readFile } from "node:fs/promises";
import { SEED_FILE } from "../helpers/index-fixture.js";

const spans = (text: string) => figureSpans(text).map((f) => [f.text, f.value, f.unit]);

describe("figureSpans", () => {
  it("reads digits, thousands separators, decimals and number words, each with its exact text", () => {
    expect(spans("Eight peacekeepers were killed and 64 injured")).toEqual([["Eight", 8, "count"], ["64", 64, "count"]]);
    expect(spans("through 1,434 medium-range patrols and 3,447 statements")).toEqual([["1,434", 1434, "count"], ["3,447", 3447, "count"]]);
    expect(spans("Fifteen persons were arrested, a dozen released")).toEqual([["Fifteen", 15, "count"], ["dozen", 12, "count"]]);
  });

  it("applies a scale, and tells money and percentages from counts", () => {
    expect(spans("A total of 3.8 million people")).toEqual([["3.8 million", 3_800_000, "count"]]);
    expect(spans("amounting to $1,077.6 million gross")).toEqual([["$1,077.6 million", 1_077_600_000, "money"]]);
    expect(spans("only 14 per cent of the $293 million required")).toEqual([["14 per cent", 14, "percent"], ["$293 million", 293_000_000, "money"]]);
    expect(spans("€605 million pledged, €26 million invested")).toEqual([["€605 million", 605_000_000, "money"], ["€26 million", 26_000_000, "money"]]);
    expect(spans("82 per cent, 97% and 0.5 percent")).toEqual([["82 per cent", 82, "percent"], ["97%", 97, "percent"], ["0.5 percent", 0.5, "percent"]]);
  });

  it("'one of the most …' is one among a kind, no count; 'one of the two cases' is", () => {
    expect(spans("in one of the most hostile environments for peacekeeping")).toEqual([]);
    expect(spans("one of the largest contingents")).toEqual([]);
    expect(spans("one of the two alleged cases")).toEqual([["one", 1, "count"], ["two", 2, "count"]]);
  });

  it("gives offsets that slice the figure out of the sentence", () => {
    const sentence = "As at 24 May 2017, unpaid assessed contributions amounted to $53.3 million.";
    const [f] = figureSpans(sentence);
    expect(sentence.slice(f!.start, f!.end)).toBe("$53.3 million");
    expect(f!.value).toBe(53_300_000);
  });

  it("takes no date for a figure: days with months, months with years, bare years, ranges of days", () => {
    expect(spans("On 3 May, in May 2016, on 22 and 23 May and from 3 to 28 April")).toEqual([]);
    expect(spans("for the period from 1 July 2017 to 30 June 2018")).toEqual([]);
    expect(spans("in 2017 and 2016")).toEqual([]);
  });

  it("a year-like number with a separator, a currency or a scale is a figure (1,920 is no year)", () => {
    expect(spans("a ceiling of up to 1,920 police personnel")).toEqual([["1,920", 1920, "count"]]);
  });

  it("takes no document number or name for a figure", () => {
    expect(spans("resolution 2295 (2016), S/2017/271, S/2016/1137 and Act No. 2015-052")).toEqual([]);
    expect(spans("the Group of Five for the Sahel (G5 Sahel)")).toEqual([]);
    expect(spans("as reported in para. 17")).toEqual([]);
  });

  it("a duration written as one hyphenated word keeps its number", () => {
    expect(spans("a 10-day strike for an initial six-month period")).toEqual([["10", 10, "count"], ["six", 6, "count"]]);
  });

  it("every figure it finds in the real report is a number as written there", async () => {
    const seed = await readFile(SEED_FILE, "utf8");
    const found = seed.split(/\n+/).flatMap((line) => figureSpans(line));
    expect(found.length).toBeGreaterThan(200);
    for (const f of found) {
      expect(f.value, f.text).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(f.value), f.text).toBe(true);
      expect(/^(?:19|20)\d\d$/.test(f.text), `${f.text} is a year`).toBe(false);
    }
  });
});
