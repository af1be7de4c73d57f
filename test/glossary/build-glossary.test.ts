// The glossary written at ingest (ingest/glossary/), built from the real report: abbreviations the report
// defines, the general UN terminology file, and the countries, with nothing else.
import { beforeAll, describe, expect, it } from "vitest";
import { bestLongForm, extractDefinitions } from "../../ingest/glossary/abbreviations.js";
import { buildGlossary } from "../../ingest/glossary/build-glossary.js";
import terminology from "../../ingest/glossary/un-terminology.json" with { type: "json" };
import type { Glossary, GlossaryEntry } from "../../src/glossary/schema.js";
import { fold } from "../../src/report/fold.js";
import { reportStages, type ReportStages } from "../helpers/report-stages.js";

let s: ReportStages;
let glossary: Glossary;
beforeAll(async () => {
  s = await reportStages();
  glossary = buildGlossary(s.knowledge.report);
}, 300_000);

const reportText = () => s.knowledge.report.paragraphs.map((p) => p.text).join("\n");
const entry = (phrase: string): GlossaryEntry => {
  const found = glossary.entries.find((e) => e.phrase === phrase);
  if (!found) throw new Error(`no glossary entry “${phrase}”`);
  return found;
};

describe("buildGlossary on the real report", () => {
  it("is what ingest wrote to the index", () => {
    expect(glossary).toEqual(s.index.glossary);
  });

  it("a country's two-letter ISO code is its shorthand only when the letters are no word and no other entry's (BF, not NO, IT, IS or AU)", () => {
    expect(entry("Burkina Faso").aliases).toContain("BF");
    expect(entry("Norway").aliases).not.toContain("NO");
    expect(entry("Italy").aliases).not.toContain("IT");
    expect(entry("Iceland").aliases).not.toContain("IS");
    expect(entry("Australia").aliases).not.toContain("AU");
    const au = glossary.entries.filter((e) => e.aliases.includes("AU"));
    expect(au.map((e) => e.kind)).not.toContain("country");
    // Short letters match only as written: "bf" in lower case names nothing.
    expect(s.knowledge.glossary.mentions("troops from BF").map((m) => m.entry.phrase)).toContain("Burkina Faso");
    expect(s.knowledge.glossary.mentions("troops from bf").map((m) => m.entry.phrase)).not.toContain("Burkina Faso");
  });

  it("every entry is general UN terminology, a country, or defined by the report itself", () => {
    const general = new Set((terminology.entries as { phrase: string }[]).map((e) => e.phrase));
    for (const e of glossary.entries) {
      if (e.source === "un-terminology") expect(general.has(e.phrase), e.phrase).toBe(true);
      else if (e.source === "report" && e.note?.startsWith("initials")) {
        // Initials of a name the report writes out: the name is in the text, the alias spells its words' first letters.
        expect(reportText(), e.phrase).toContain(e.phrase);
        const firstLetters = e.phrase.split(/\s+/).map((w) => w[0]!.toUpperCase()).join("");
        expect(e.aliases[0]!.length, e.phrase).toBeGreaterThanOrEqual(3);
        expect(firstLetters, e.phrase).toMatch(new RegExp(e.aliases[0]!.split("").join(".*")));
      } else if (e.source === "report") expect(reportText(), e.phrase).toMatch(new RegExp(`${e.phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+\\(${e.aliases[0]}\\)`));
      else expect(e.kind, e.phrase).toBe("country");
    }
  });

  it("takes the report's own definitions, Schwartz–Hearst style", () => {
    expect(extractDefinitions(reportText()).map((d) => d.short)).toEqual(["MINUSMA", "CMA", "MAA", "GATIA", "MSA"]);
    expect(entry("Mouvement pour le salut de l’Azawad")).toMatchObject({ aliases: ["MSA"], kind: "abbreviation", source: "report" });
  });

  it("merges a definition the terminology file also knows, keeping the report's wording and the file's kind", () => {
    const cma = entry("Coordination des mouvements de l’Azawad");
    expect(cma.source).toBe("report");
    expect(cma.kind).toBe("organisation");
    expect(cma.aliases).toEqual(expect.arrayContaining(["CMA", "Coordination of Azawad Movements"]));
    // Merged once: no name twice, however it is folded.
    const names = [cma.phrase, ...cma.aliases].map((n) => fold(n));
    expect(new Set(names).size).toBe(names.length);
    expect(glossary.entries.filter((e) => e.aliases.includes("CMA"))).toHaveLength(1);
  });

  it("ties every Annex II row to one country entry, marks the host, drops two-letter ISO codes unless the nickname file adds one", () => {
    const rows = s.knowledge.report.annexII.rows.map((r) => r.country);
    const tied = glossary.entries.filter((e) => e.annexIIRow);
    expect(tied.map((e) => e.annexIIRow).sort()).toEqual([...rows].sort());
    expect(glossary.entries.filter((e) => e.host).map((e) => e.phrase)).toEqual(["Mali"]);
    // world-countries lists "SN" and "CI" among the spellings; the nickname file alone may add one ("UK").
    expect(entry("Senegal").aliases).not.toContain("SN");
    expect(entry("Côte d’Ivoire").aliases).not.toContain("CI");
    expect(entry("United Kingdom of Great Britain and Northern Ireland").aliases).toContain("UK");
    expect(entry("Senegal").demonyms).toContain("Senegalese");
  });
});

describe("abbreviation definitions (Schwartz–Hearst)", () => {
  it("finds the shortest run of words whose letters spell the short form, starting at a word", () => {
    expect(bestLongForm("MSA", "the Mouvement pour le salut de l’Azawad")).toBe("Mouvement pour le salut de l’Azawad");
    expect(bestLongForm("HRP", "to the Humanitarian Response Plan")).toBe("Humanitarian Response Plan");
  });

  it("drops lower-case context before a capitalised long form, and refuses a non-match", () => {
    expect(bestLongForm("UNDP", "managed by the United Nations Development Programme")).toBe("United Nations Development Programme");
    expect(bestLongForm("XYZ", "the Security Council")).toBeNull();
  });

  it("takes no year, document symbol or lower-case aside in parentheses for an abbreviation", () => {
    const text = "By its resolution 2295 (2016), the Council (see S/2015/364 and Add.1) met the Mission (as planned) and the Peacebuilding Fund (PBF).";
    expect(extractDefinitions(text)).toEqual([{ short: "PBF", long: "Peacebuilding Fund" }]);
  });
});
