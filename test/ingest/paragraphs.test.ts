import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ReportParseError } from "../../ingest/parse/errors.js";
import { parseParagraphs } from "../../ingest/parse/paragraphs.js";
import { ParagraphSchema } from "../../src/report/schema.js";

const seed = readFileSync(new URL("../../seeds/S-2017-478.txt", import.meta.url), "utf8");
const body = seed.slice(0, /^\s*Annex I\s*$/m.exec(seed)!.index);
const paragraphs = parseParagraphs(body);
const para = (n: number) => paragraphs.find((p) => p.number === n)!;

describe("parseParagraphs on the seed", () => {
  it("finds 74 paragraphs numbered 1..74, all schema-valid", () => {
    expect(paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 74 }, (_, i) => i + 1));
    for (const p of paragraphs) ParagraphSchema.parse(p);
  });

  it("assigns chapters and sub-sections", () => {
    expect(para(1)).toMatchObject({ chapter: "I. Introduction", section: null });
    expect(para(2)).toMatchObject({
      chapter: "II. Major political developments",
      section: "A. Implementation of the Agreement on Peace and Reconciliation in Mali",
    });
    expect(para(10).section).toBe("A. Implementation of the Agreement on Peace and Reconciliation in Mali");
    expect(para(11).section).toBe("B. Other political developments");
    expect(para(15).section).toBe("C. Regional developments");
    expect(para(16)).toMatchObject({ chapter: "III. Major security developments", section: null });
    expect(para(17).section).toBe("A. Asymmetric and other attacks");
    expect(para(29)).toMatchObject({ chapter: "IV. Human rights situation", section: null });
    expect(para(42)).toMatchObject({ chapter: "VII. Deployment of the Mission", section: "A. Military" });
    expect(para(43)).toMatchObject({ chapter: "VII. Deployment of the Mission", section: "French forces" });
    expect(para(44).section).toBe("B. Police");
    expect(para(46).section).toBe("D. Camp construction and securing supply routes");
    expect(para(48).chapter).toBe("VIII. Safety and security of United Nations personnel");
    expect(para(74)).toMatchObject({ chapter: "XI. Observations and recommendations", section: null });
  });

  it("keeps heading text out of paragraphs and numbers out of the text", () => {
    expect(para(42).text.endsWith("plan for future deployments.")).toBe(true);
    expect(para(43).text).toBe(
      "In accordance with resolution 2295 (2016), the French forces continued to intervene in support of MINUSMA within the limits of their capacities and areas of deployment.",
    );
    expect(para(1).text.startsWith("By its resolution 2295 (2016)")).toBe(true);
    expect(para(3).text.startsWith("The Agreement Monitoring Committee")).toBe(true);
  });

  it("lists the sub-items of para. 18 and keeps them in its text", () => {
    const p = para(18);
    expect(p.subItems.map((s) => s.label)).toEqual(["a", "b", "c", "d"]);
    expect(p.subItems[1]!.text).toBe(
      "A mortar attack against the MINUSMA camp in Timbuktu on 3 May, which killed one peacekeeper and injured eight others inside the camp;",
    );
    expect(p.text).toContain("The attacks claimed by that group included: (a) An attack with small firearms");
    expect(p.text).toContain("; (b) A mortar attack");
    expect(p.text.endsWith("and four peacekeepers.")).toBe(true);
    expect(paragraphs.filter((q) => q.subItems.length > 0).map((q) => q.number)).toEqual([18]);
  });

  it("does not start paragraphs at numbers in running text", () => {
    expect(para(73).text).toContain("convened by the Secretariat on 22 and 23 May to call upon");
    expect(para(66).text).toContain("resolutions 1267 (1999), 1989 (2011) and 2253 (2015)");
    expect(para(51).text).toContain("beyond 30 June 2017, the cost");
  });

  it("leaves no page furniture, links or double spaces", () => {
    for (const p of paragraphs) {
      for (const s of [p.text, p.chapter, p.section ?? "", ...p.subItems.map((x) => x.text)]) {
        expect(s).not.toMatch(/S\/2017\/478|17-08909|\b\d+\/27\b|undocs\.org|\s{2}|^\s|\s$/);
      }
    }
  });
});

describe("parseParagraphs on synthetic input", () => {
  const text = [
    "Report title",
    "I. First chapter",
    "1. Opening paragraph with a line",
    "that continues here.",
    "II. Second chapter with a",
    "wrapped title",
    "A. Section one",
    "2. Second paragraph lists:",
    "(a) first item;",
    "(b) second item",
    "continued.",
    "3. Third paragraph mentions a number on",
    "4. May that is not a paragraph start.",
    "Unlettered heading",
    "4. Fourth paragraph.",
    "B. Section two",
    "5. Fifth.",
  ].join("\n\n");
  const ps = parseParagraphs(text);

  it("parses numbers, headings, wraps and sub-items", () => {
    expect(ps.map((p) => [p.number, p.chapter, p.section])).toEqual([
      [1, "I. First chapter", null],
      [2, "II. Second chapter with a wrapped title", "A. Section one"],
      [3, "II. Second chapter with a wrapped title", "A. Section one"],
      [4, "II. Second chapter with a wrapped title", "Unlettered heading"],
      [5, "II. Second chapter with a wrapped title", "B. Section two"],
    ]);
    expect(ps[0]!.text).toBe("Opening paragraph with a line that continues here.");
    expect(ps[1]!.subItems).toEqual([
      { label: "a", text: "first item;" },
      { label: "b", text: "second item continued." },
    ]);
    expect(ps[1]!.text).toBe("Second paragraph lists: (a) first item; (b) second item continued.");
    expect(ps[2]!.text).toBe("Third paragraph mentions a number on 4. May that is not a paragraph start.");
  });

  it("ignores a lone (a) and non-consecutive letters", () => {
    const [p] = parseParagraphs("I. Chapter\n1. Intro:\n(a) only one item\n(c) not b");
    expect(p!.subItems).toEqual([]);
  });

  it("throws typed errors", () => {
    const code = (t: string) => {
      try {
        parseParagraphs(t);
      } catch (e) {
        return e instanceof ReportParseError ? e.code : "other";
      }
      return "none";
    };
    expect(code("  \n\n ")).toBe("EMPTY");
    expect(code("I. Introduction\nJust prose, 2. no numbered paragraph.")).toBe("NO_PARAGRAPHS");
    expect(code("I. Introduction\n2. Starts at two.")).toBe("NO_PARAGRAPHS");
  });
});
