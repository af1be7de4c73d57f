// Query expansion (src/glossary/expand.ts) through the real glossary and lexicon, as the retriever and
// the question frame use it: each term with the weight its source earns.
import { beforeAll, describe, expect, it } from "vitest";
import { EXPANSION_WEIGHTS, expandText } from "../../src/glossary/expand.js";
import type { ReportKnowledge } from "../../src/answer/knowledge/knowledge.js";
import { terms } from "../../src/report/terms.js";
import { reportStages } from "../helpers/report-stages.js";

let k: ReportKnowledge;
beforeAll(async () => {
  k = (await reportStages()).knowledge;
}, 300_000);

const weights = (text: string) => {
  const e = expandText(text, k.glossary, (t) => k.sentences.vocabulary.has(t));
  return new Map(e.terms.map((t) => [t.term, t.weight]));
};
const term = (word: string) => terms(word)[0]!;

describe("expandText", () => {
  it("keeps the question's own words at full weight and framing words low", () => {
    const w = weights("How many blue helmets perished?");
    expect(w.get(term("helmets"))).toBe(EXPANSION_WEIGHTS.own);
    expect(w.get(term("many"))).toBe(EXPANSION_WEIGHTS.framing);
  });

  it("adds what a glossary entry stands for, a one-word wording at the glossary weight", () => {
    const w = weights("How many blue helmets perished?");
    expect(w.get(term("peacekeepers"))).toBe(EXPANSION_WEIGHTS.glossary);
    // A longer wording shares the weight among its words ("military and police personnel").
    expect(w.get(term("personnel"))!).toBeLessThan(EXPANSION_WEIGHTS.glossary);
  });

  it("finds the report's word for one it never uses through WordNet ('perished' -> killed)", () => {
    const w = weights("How many blue helmets perished?");
    expect(k.sentences.vocabulary.has(term("perished"))).toBe(false);
    expect(w.get(term("killed"))).toBe(EXPANSION_WEIGHTS.related);
  });

  it("weighs a word's links less when the report uses the word itself", () => {
    // "detained" is the report's own word: its derivations ("detention") count half.
    const w = weights("How many people were detained?");
    const linked = k.glossary.related("detain").filter((t) => t !== term("detained"));
    expect(linked.length).toBeGreaterThan(0);
    for (const t of linked) expect(w.get(t)).toBeLessThanOrEqual(EXPANSION_WEIGHTS.related / 2);
  });

  it("reaches a more specific verb only for a word the report never uses ('hurt' -> injured)", () => {
    expect(weights("How many peacekeepers got hurt?").get(term("injured"))).toBeGreaterThanOrEqual(EXPANSION_WEIGHTS.broader);
  });

  it("gives names and countries the most weight", () => {
    const w = weights("What happened in Kidal to the Senegalese?");
    expect(w.get(term("Kidal"))).toBe(EXPANSION_WEIGHTS.name);
    expect(w.get(term("Senegalese"))).toBe(EXPANSION_WEIGHTS.name);
    expect(w.get(term("Senegal"))).toBe(EXPANSION_WEIGHTS.glossary);
  });

  it("matches a multiword paraphrase to the definition of the entry it describes ('fled their homes')", () => {
    const w = weights("How many people fled their homes?");
    expect(w.get(term("displaced"))).toBe(EXPANSION_WEIGHTS.gloss);
    expect(w.get(term("IDPs"))).toBe(EXPANSION_WEIGHTS.gloss);
  });

  it("a two-word name the report uses that WordNet lists as one stands for its one-word synonym ('soldiery' -> military personnel)", () => {
    expect(k.glossary.related("soldiery")).toEqual(expect.arrayContaining([term("military"), term("personnel")]));
    // Only through the synonym's first sense: "man" is a "military man" second, so it stays a man.
    expect(k.glossary.related("man")).not.toContain(term("military"));
  });

  it("returns the mentions and tokens it read", () => {
    const e = expandText("Did UNPOL deploy?", k.glossary);
    expect(e.mentions.map((m) => m.entry.phrase)).toEqual(["United Nations police"]);
    expect(e.tokens.map((t) => t.text)).toEqual(["Did", "UNPOL", "deploy", "?"]);
  });
});
