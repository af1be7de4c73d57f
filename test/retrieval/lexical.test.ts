import { describe, expect, it } from "vitest";
import { expandQuery, LexicalIndex } from "../../src/retrieval/lexical.js";
import { fold, stem, tokenize } from "../../src/retrieval/tokenize.js";

describe("tokenizer", () => {
  it("folds accents and case", () => {
    expect(fold("Côte d’Ivoire")).toBe("cote d’ivoire");
    expect(tokenize("Côte d’Ivoire, SÉGOU")).toEqual(["cot", "ivoir", "segou"]);
  });

  it("stems inflections to a shared root", () => {
    for (const w of ["injured", "injuries", "injuring", "injury", "injure"]) expect(stem(w)).toBe("injur");
    for (const w of ["killed", "killing", "kills"]) expect(stem(w)).toBe("kill");
    expect(stem("deployment")).toBe(stem("deployed"));
    expect(stem("countries")).toBe(stem("country"));
    expect(stem("received")).toBe(stem("receive"));
    // -ate verbs meet their -ation nouns; -ies plurals meet their -y singulars.
    for (const w of ["investigating", "investigated", "investigate"]) expect(stem(w)).toBe(stem("investigation"));
    for (const w of ["negotiating", "negotiate"]) expect(stem(w)).toBe(stem("negotiations"));
    expect(stem("activities")).toBe(stem("activity"));
    expect(stem("casualties")).toBe(stem("casualty"));
  });

  it("drops stop words and keeps numbers (thousands separators removed)", () => {
    expect(tokenize("How many of the 1,077.6 million were paid in 2017?")).toEqual(["1077.6", "mill", "paid", "2017"]);
  });
});

describe("query expansion", () => {
  it("adds domain synonyms at a lower weight without lowering original terms", () => {
    const terms = new Map(expandQuery("How many soldiers were hurt?").map((t) => [t.term, t.weight]));
    expect(terms.get("soldier")).toBe(1);
    expect(terms.get("injur")).toBeLessThan(1);
    expect(terms.get("militar")).toBeLessThan(1);
  });

  it("maps country aliases; capitalised keys match case-sensitively", () => {
    const ivory = expandQuery("troops from Ivory Coast").map((t) => t.term);
    expect(ivory).toEqual(expect.arrayContaining(["cot", "ivoir"]));
    expect(expandQuery("what did the UK send").map((t) => t.term)).toContain("kingdom");
    expect(expandQuery("tell us about it").map((t) => t.term)).not.toContain("stat");
  });
});

describe("LexicalIndex", () => {
  const docs = [
    { id: "a", text: "Eight peacekeepers were killed and 64 injured." },
    { id: "b", text: "The budget proposal amounts to $1,077.6 million." },
    { id: "c", text: "Schools were closed in the Mopti region." },
  ];

  it("ranks by BM25 with synonyms and honours the accept filter", () => {
    const index = LexicalIndex.build(docs);
    expect(index.search("how many peacekeepers got hurt")[0]?.id).toBe("a");
    expect(index.search("how much money does the mission need")[0]?.id).toBe("b");
    expect(index.search("peacekeepers", 5, (id) => id !== "a")).toEqual([]);
  });

  it("round-trips through JSON and rejects a corrupted file", () => {
    const index = LexicalIndex.build(docs);
    const copy = LexicalIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.search("schools closed")).toEqual(index.search("schools closed"));
    const broken = { ...index.toJSON(), postings: { kill: [0] } };
    expect(() => LexicalIndex.fromJSON(broken)).toThrow(/malformed/);
    expect(() => LexicalIndex.fromJSON({ ...index.toJSON(), formatVersion: 9 })).toThrow();
  });
});
