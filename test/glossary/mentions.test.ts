// The glossary at run time (src/glossary/glossary.ts) on the real index: which entries a text mentions,
// by the rules the code states (whole words by stem, longest first, short aliases only as written).
import { beforeAll, describe, expect, it } from "vitest";
import type { GlossaryIndex } from "../../src/glossary/glossary.js";
import { terms } from "../../src/report/terms.js";
import { reportStages } from "../helpers/report-stages.js";

let g: GlossaryIndex;
beforeAll(async () => {
  g = (await reportStages()).knowledge.glossary;
}, 300_000);

const found = (text: string) => g.mentions(text).map((m) => [m.surface, m.entry.phrase]);

describe("mentions", () => {
  it("short aliases match only as written (or with a plural s)", () => {
    expect(found("The AU and the PM met")).toEqual([["AU", "African Union"], ["PM", "Prime Minister"]]);
    expect(found("au revoir, see you at 5 pm by the sea")).toEqual([]);
    expect(found("un groupe armé")).toEqual([]);
    expect(found("SEA allegations")).toEqual([["SEA", "sexual exploitation and abuse"]]);
    expect(found("two COEs")).toEqual([["COEs", "contingent-owned equipment"]]);
  });

  it("longer aliases match by stem, whatever the case", () => {
    expect(found("Where are the blue helmet patrols?")).toEqual([["blue helmet", "peacekeepers"]]);
    expect(found("MINUSMA TROOPS")).toEqual([["MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in Mali"], ["TROOPS", "military personnel"]]);
  });

  it("takes the longest match, without overlaps, in text order", () => {
    expect(found("the joint force of the Group of Five for the Sahel")).toEqual([["joint force of the Group of Five for the Sahel", "joint force of the Group of Five for the Sahel"]]);
    expect(found("Malian defence and security forces and the Malian armed forces")).toEqual([
      ["Malian defence and security forces", "Malian defence and security forces"],
      ["Malian armed forces", "Malian armed forces"],
    ]);
    expect(found("police from Guinea-Bissau and Guinea")).toEqual([["police", "United Nations police"], ["Guinea-Bissau", "Guinea-Bissau"], ["Guinea", "Guinea"]]);
  });

  it("knows how coverage names the parties and actors the report names ('aid workers', 'jihadists', 'ex-rebels', 'pro-government militias')", () => {
    expect(found("attacks on aid workers")).toEqual([["aid workers", "humanitarian actors"]]);
    expect(found("How many attacks have jihadists carried out?")).toEqual([["jihadists", "terrorist groups"]]);
    expect(found("the ex-rebels and the pro-government militias")).toEqual([
      ["ex-rebels", "Coordination des mouvements de l’Azawad"],
      ["pro-government militias", "Platform coalition of armed groups"],
    ]);
    expect(g.alternatives(g.mentions("jihadists")[0]!.entry)).toContainEqual(terms("terrorist elements"));
    expect(found("MINUSMA arrears")).toEqual([["MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in Mali"], ["arrears", "unpaid assessed contributions"]]);
    // "the peacekeeping force" is the mission; "peacekeeping missions" are all of them.
    expect(found("the peacekeeping force's mandate")).toEqual([["peacekeeping force", "United Nations Multidimensional Integrated Stabilization Mission in Mali"]]);
    expect(found("contributions for all peacekeeping missions")).toEqual([["peacekeeping missions", "peacekeeping operations"]]);
  });

  it("knows the office holder press coverage names for the report's author", () => {
    expect(found("What does Guterres recommend?")).toEqual([["Guterres", "Secretary-General"]]);
  });

  it("keeps apart countries whose names share letters", () => {
    expect(found("troops from Niger and Nigeria")).toEqual([["troops", "military personnel"], ["Niger", "Niger"], ["Nigeria", "Nigeria"]]);
  });

  it("folds accents and apostrophes, and knows a country by its people", () => {
    expect(found("Cote d'Ivoire")).toEqual([["Cote d'Ivoire", "Côte d’Ivoire"]]);
    const [people] = g.mentions("How many Senegalese are deployed?");
    expect(people).toMatchObject({ surface: "Senegalese", byDemonym: true });
    expect(people!.entry.annexIIRow).toBe("Senegal");
    expect(g.mentions("Senegal")[0]!.byDemonym).toBe(false);
  });

  it("gives offsets into the text as written", () => {
    const text = "Did FAMa patrol Kidal?";
    const [m] = g.mentions(text);
    expect(text.slice(m!.start, m!.end)).toBe("FAMa");
  });
});

describe("alternatives and the lexicon", () => {
  it("an entry stands for its phrase, aliases and expansions, as term lists without repeats", () => {
    const fama = g.mentions("FAMa")[0]!.entry;
    const alts = g.alternatives(fama).map((a) => a.join(" "));
    expect(alts[0]).toBe(terms("Malian armed forces").join(" "));
    expect(alts).toEqual(expect.arrayContaining([terms("FAMa").join(" "), terms("armed forces").join(" ")]));
    expect(new Set(alts).size).toBe(alts.length);
  });

  it("an entry that is part of a wider one (FAMa of the Malian defence and security forces) offers the whole's wordings apart from its own", () => {
    const fama = g.mentions("FAMa")[0]!.entry;
    expect(g.wider(fama).map((a) => a.join(" "))).toContain(terms("Malian defence and security forces").join(" "));
    expect(g.alternatives(fama).map((a) => a.join(" "))).not.toContain(terms("Malian defence and security forces").join(" "));
    expect(g.wider(g.mentions("CMA")[0]!.entry).map((a) => a.join(" "))).toContain(terms("signatory armed groups").join(" "));
  });

  it("a body offers, weakly, the wordings of its parts (the United Nations of MINUSMA)", () => {
    const un = g.mentions("the UN camp")[0]!.entry;
    expect(g.narrower(un).map((a) => a.join(" "))).toContain(terms("MINUSMA").join(" "));
    expect(g.narrower(g.mentions("MINUSMA")[0]!.entry)).toEqual([]);
  });

  it("WordNet links a question word to the report's word through its main senses only", () => {
    expect(g.related("perish")).toContain("kill");
    expect(g.related("go")).not.toContain("kill"); // "go" means "die" only in a late sense
    expect(g.broader("hurt")).toContain(terms("injured")[0]);
  });

  it("a more specific word stands for the report's word it is a kind of, as the weakest link ('drop' of 'decrease', 'bombing' of 'attack')", () => {
    expect(g.kinds("drop")).toContain(terms("decrease")[0]);
    expect(g.kinds("bombing")).toContain(terms("attack")[0]);
    expect(g.related("drop")).not.toContain(terms("decrease")[0]);
    // A sense with very many kinds ("person") lends its word to none of them.
    expect(g.kinds("woman")).not.toContain(terms("person")[0]);
  });

  it("a word's WordNet antonym names the report's opposite word ('man' -> 'women', 'open' -> 'closed')", () => {
    expect(g.opposites("man")).toContain(terms("women")[0]);
    expect(g.opposites("open")).toContain(terms("closed")[0]);
    expect(g.opposites("woman")).not.toContain(terms("women")[0]);
  });

  it("a word pair whose definition names a glossary entry finds it ('fled … homes')", () => {
    expect(g.definedBy(["fled", "home"]).map((e) => e.phrase)).toEqual([]);
    expect(g.definedBy(["flee", "home"]).map((e) => e.phrase)).toEqual(["internally displaced persons"]);
    expect(g.definedBy(["flee"])).toEqual([]); // one word alone is no definition
  });
});
