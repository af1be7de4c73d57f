import { describe, expect, it } from "vitest";
import { citationMatchesRef, parseRef, refsMatch } from "../../src/eval/refs.js";
import { rankOfFirstHit } from "../../src/eval/grade.js";
import { annex, para } from "./fake-client.js";

const m = (a: string, b: string) => refsMatch(parseRef(a), parseRef(b));

describe("citation matching", () => {
  it("parses refs", () => {
    expect(parseRef("para. 18 (b)")).toEqual({ kind: "para", paragraph: 18, sub: "b" });
    expect(parseRef("Para 7")).toEqual({ kind: "para", paragraph: 7 });
    expect(parseRef("Annex II Côte d’Ivoire")).toEqual({ kind: "annex", annex: "II", row: "cote d'ivoire" });
    expect(parseRef("Annex I")).toEqual({ kind: "annex", annex: "I" });
  });

  it("matches a paragraph with its sub-items, both ways, but not other paragraphs", () => {
    expect(m("para. 18", "para. 18 (b)")).toBe(true);
    expect(m("para. 18 (b)", "para. 18")).toBe(true);
    expect(m("para. 18 (a)", "para. 18 (b)")).toBe(false);
    expect(m("para. 1", "para. 17")).toBe(false);
    expect(m("para. 17", "Annex I")).toBe(false);
  });

  it("matches annexes by annex and row", () => {
    expect(m("Annex II", "Annex II Senegal")).toBe(true);
    expect(m("Annex II Senegal", "Annex II Senegal")).toBe(true);
    expect(m("Annex II Senegal", "Annex II Togo")).toBe(false);
    expect(m("Annex I", "Annex II")).toBe(false);
    expect(m("Annex II Cote d'Ivoire", "Annex II Côte d’Ivoire")).toBe(true);
    expect(m("Annex I 2.3", "Annex I 2.3.1")).toBe(true);
    expect(m("Annex I 2.3.1", "Annex I 2.3")).toBe(true);
    expect(m("Annex I 2.3", "Annex I 2.31")).toBe(false);
    expect(m("Annex I 2.3", "Annex I 2.2.1")).toBe(false);
  });

  it("matches returned citations against expected refs", () => {
    expect(citationMatchesRef(para(18, "b"), parseRef("para. 18"))).toBe(true);
    expect(citationMatchesRef(para(17), parseRef("para. 18"))).toBe(false);
    expect(citationMatchesRef(annex("II", ["Senegal", "Togo"]), parseRef("Annex II"))).toBe(true);
    expect(citationMatchesRef(annex("II", ["Senegal", "Togo"]), parseRef("Annex II Togo"))).toBe(true);
    expect(citationMatchesRef(annex("II", ["Senegal"]), parseRef("Annex II Ghana"))).toBe(false);
    expect(citationMatchesRef(annex("I", ["3.2.2"]), parseRef("Annex I 3.2.2"))).toBe(true);
    expect(citationMatchesRef(annex("I", ["3.2.2"]), parseRef("Annex II"))).toBe(false);
  });

  it("ranks evidence by the first ref hitting any target", () => {
    expect(rankOfFirstHit(["para. 5", "Annex II Senegal", "para. 17"], ["Annex II"])).toBe(2);
    expect(rankOfFirstHit(["para. 5", "para. 18"], ["para. 18 (b)"])).toBe(2);
    expect(rankOfFirstHit(["para. 5"], ["para. 17"])).toBeNull();
  });
});
