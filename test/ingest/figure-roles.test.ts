// What ingest says a figure counts, on the report's own sentences: the noun, verb and role of each.
import { describe, expect, it } from "vitest";
import { describeSentence, inheritModifiers } from "../../ingest/figures/describe.js";

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

  it("a figure written as a bound ('up to 13,289', 'a maximum of') is a limit; what was deployed is not", () => {
    const text = "The force level of up to 13,289 military personnel authorized in resolution 2295 (2016) comprised 40 military observers.";
    expect(figure(text, 13289).limit).toBe(true);
    expect(figure(text, 40).limit).toBeUndefined();
    expect(figure("A joint force of a maximum of 5,000 personnel was authorized.", 5000).limit).toBe(true);
    expect(figure("As at 26 May, 10,919 personnel had been deployed.", 10919).limit).toBeUndefined();
  });

  it("an earlier figure ('from 45,800 to 59,000') is no running total of a change", () => {
    const idps = figure("Displacements continued, increasing the number of internally displaced persons from some 45,800 to approximately 59,000.", 59000);
    expect(idps.role).toBe("to");
    expect(idps.verb).not.toBe("close");
  });
});

describe("figures across the sentences of a paragraph", () => {
  it("a bare noun after a figure takes the modifiers of the same noun in the sentence before (1,502 [police] personnel)", () => {
    const first = "In its resolution 2295 (2016), the Security Council established a ceiling of up to 1,920 police personnel, which comprised 345 individual police officers and 1,575 formed police personnel.";
    const second = "As at 26 May, 1,502 personnel had been deployed, or 78 per cent of its authorized strength.";
    const previous = { text: first, figures: describeSentence(first, { paragraph: 44, sentence: 0 }) };
    const current = { text: second, figures: describeSentence(second, { paragraph: 44, sentence: 1 }) };
    const deployed = inheritModifiers(previous, current).find((f) => f.value === 1502)!;
    expect(deployed.head).toBe("personnel");
    expect(deployed.terms).toEqual(expect.arrayContaining(["polic", "deploy"]));
    // A noun with modifiers of its own keeps only its own ("78 per cent of its authorized strength").
    expect(inheritModifiers(previous, current).find((f) => f.value === 78)!.terms).not.toContain("polic");
  });
});
