// What ingest says a figure counts, on the report's own sentences: the noun, verb and role of each.
import { describe, expect, it } from "vitest";
import { describeSentence } from "../../ingest/figures/describe.js";

const figure = (text: string, value: number) => describeSentence(text, { paragraph: 1, sentence: 0 }).find((f) => f.value === value)!;

describe("figure descriptions", () => {
  const schools =
    "Since the previous report (S/2017/271), an additional 65 schools have been closed, bringing the number to 501 (and up from 296 in May 2016), of a total of 4,872 schools in the Gao, Ménaka, Mopti, Ségou and Timbuktu regions.";

  it("a running total counts what the change before it counts, with its verb (501 schools closed)", () => {
    expect(figure(schools, 65)).toMatchObject({ role: "change", verb: "close" });
    const total = figure(schools, 501);
    expect(total).toMatchObject({ head: "school", verb: "close", period: "current" });
    expect(total.terms).toContain("close");
    expect(total.role).toBeUndefined();
  });

  it("an earlier figure ('from 45,800 to 59,000') is no running total of a change", () => {
    const idps = figure("Displacements continued, increasing the number of internally displaced persons from some 45,800 to approximately 59,000.", 59000);
    expect(idps.role).toBe("to");
    expect(idps.verb).not.toBe("close");
  });
});
