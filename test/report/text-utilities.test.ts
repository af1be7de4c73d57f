// The one fold, stemmer and tokenizer of the project.
import { describe, expect, it } from "vitest";
import { fold, foldSameLength } from "../../src/report/fold.js";
import { stem } from "../../src/report/stem.js";
import { terms, words } from "../../src/report/terms.js";

describe("fold", () => {
  it("ignores accents, curly apostrophes, dashes and case, keeping positions", () => {
    expect(fold("  Côte d’Ivoire  ")).toBe("cote d'ivoire");
    expect(foldSameLength("Ségou–Mopti")).toBe("segou-mopti");
    expect(foldSameLength("Ségou").length).toBe("Ségou".length);
  });
});

describe("Snowball (Porter2) stemmer", () => {
  it("meets a suppletive plural with its singular: 'people' and 'persons' are one term", () => {
    expect(stem("people")).toBe(stem("persons"));
    expect(stem("person")).toBe(stem("persons"));
    expect(stem("peacekeepers")).not.toBe(stem("people"));
  });

  it("keeps apart words a light stemmer merged", () => {
    expect(stem("police")).not.toBe(stem("policy"));
    expect(stem("mission")).not.toBe(stem("missing"));
  });
  it("meets inflections", () => {
    for (const w of ["killed", "killing", "kills"]) expect(stem(w)).toBe("kill");
    expect(stem("deployment")).toBe(stem("deployed"));
    expect(stem("attacks")).toBe(stem("attack"));
    expect(stem("1,434")).toBe("1,434");
  });
});

describe("terms", () => {
  it("drops stop words, keeps numbers without thousands separators", () => {
    expect(words("How many of the 1,077.6 million?")).toEqual(["how", "many", "of", "the", "1077.6", "million"]);
    expect(terms("How many of the 1,077.6 million were paid in 2017?")).toEqual(["mani", "1077.6", "million", "paid", "2017"]);
  });
  it("a complex preposition is a function word: 'owing to the damage' says nothing of owing, 'the draft is due' does", () => {
    expect(terms("unusable every week owing to damages")).toEqual(terms("unusable every week damages"));
    expect(terms("due to insecurity")).toEqual(terms("insecurity"));
    expect(terms("the draft is due by 20 June")).toContain(terms("due")[0]);
    expect(terms("member states owe")).toContain(terms("owe")[0]);
  });

  it("splits hyphenated words into their terms", () => {
    expect(terms("counter-terrorism operations")).toEqual([stem("counter"), stem("terrorism"), stem("operations")]);
  });
});
