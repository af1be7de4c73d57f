import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanLines, isRunningHeader } from "../../ingest/parse/furniture.js";
import { parseBody } from "../../ingest/parse/paragraphs.js";
import {
  COMMON_WORDS,
  buildVocabulary,
  collapseDoubleSpaces,
  countRepairs,
  isRealWord,
  joinLines,
  repairSpaceBeforePunctuation,
  repairSpaceHyphens,
  repairSplitWords,
  repairText,
} from "../../ingest/parse/repair.js";

const seed = readFileSync(new URL("../../seeds/S-2017-478.txt", import.meta.url), "utf8");
const body = seed.slice(0, /^\s*Annex I\s*$/m.exec(seed)!.index);
const parsed = parseBody(body);
const allText = parsed.paragraphs.map((p) => p.text).join("\n");
const seedVocab = buildVocabulary(joinLines(cleanLines(body)).text);

describe("furniture", () => {
  it("drops running headers, page numbers, link lines and blank lines", () => {
    const text = "one\n\n \nS/2017/478 \n11/27 17-08909\n17-08909 12/27 S/2017/478\nhttps://undocs.org/S/2015/364\n two \n";
    expect(cleanLines(text)).toEqual(["one", "two"]);
  });
  it("keeps lines that merely contain a symbol or a date", () => {
    expect(isRunningHeader("30 December 2016 (S/2016/1137), in accordance")).toBe(false);
    expect(isRunningHeader("2015-2017")).toBe(false);
    expect(cleanLines("(S/2016/1137).")).toEqual(["(S/2016/1137)."]);
  });
});

describe("space before a hyphen", () => {
  it("joins the hyphenated form", () => {
    expect(repairSpaceHyphens("cash -based transfers").text).toBe("cash-based transfers");
    expect(repairSpaceHyphens("the 2017 -2018 elections").text).toBe("the 2017-2018 elections");
    const r = repairSpaceHyphens("my zero -tolerance policy");
    expect(r.repairs).toEqual([{ kind: "space-hyphen", before: "zero -tolerance", after: "zero-tolerance" }]);
  });
  it("leaves spaced dashes and negative numbers alone", () => {
    expect(repairSpaceHyphens("Mali - the report").text).toBe("Mali - the report");
    expect(repairSpaceHyphens("fell to -5 degrees").text).toBe("fell to -5 degrees");
  });
  it("handles 'six -' at a line end followed by 'months'", () => {
    const vocab = buildVocabulary("six months");
    const joined = joinLines(["duration of six -", "months that"], vocab);
    expect(repairText(joined.text, vocab).text).toBe("duration of six-months that");
  });
});

describe("line joining", () => {
  it("joins with spaces and keeps compound hyphens without a space", () => {
    expect(joinLines(["takes into account cross-", "cutting issues"]).text).toBe("takes into account cross-cutting issues");
    expect(joinLines(["support to income-", "generating activities"]).text).toBe("support to income-generating activities");
    expect(joinLines([" a ", "b  "]).text).toBe("a b");
  });
  it("keeps a suspended hyphen's space", () => {
    expect(joinLines(["the troop-", "and police-contributing countries"]).text).toBe(
      "the troop- and police-contributing countries",
    );
  });
  it("drops a line-end hyphen only when just the unhyphenated word is known", () => {
    const vocab = buildVocabulary("the implementation of the Agreement");
    expect(joinLines(["the imple-", "mentation"], vocab).text).toBe("the implementation");
    expect(joinLines(["conflict-", "affected areas"], vocab).text).toBe("conflict-affected areas");
  });
});

describe("space before punctuation and double spaces", () => {
  it("removes a space before punctuation", () => {
    const r = repairSpaceBeforePunctuation("In Taoudenni , tensions persisted .");
    expect(r.text).toBe("In Taoudenni, tensions persisted.");
    expect(r.repairs[0]).toEqual({ kind: "space-before-punctuation", before: "Taoudenni ,", after: "Taoudenni," });
  });
  it("collapses double spaces", () => {
    const r = collapseDoubleSpaces("that  is   until  30 June");
    expect(r.text).toBe("that is until 30 June");
    expect(r.repairs.map((x) => x.before)).toEqual(["that  is", "is   until", "until  30"]);
  });
});

describe("split words (synthetic)", () => {
  const vocab = buildVocabulary(
    "the security of the camps improved. The critical security situation. Improvised devices, security. " +
      "Insecurity is a concern in a region on the border. It was set up on 3 May. There is an issue.",
  );
  it("joins fragments into words the text knows", () => {
    expect(repairSplitWords("th e securi ty of cr itical sites", vocab).text).toBe("the security of critical sites");
    expect(repairSplitWords("tha t o f", vocab).text).toBe("that of");
  });
  it("never joins two real words", () => {
    for (const phrase of ["set up on 3 May", "in a region", "on the border", "is an issue", "is a concern", "in security"]) {
      expect(repairSplitWords(phrase, vocab).text).toBe(phrase);
    }
  });
  it("never joins a run of common words (property)", () => {
    const words = [...COMMON_WORDS];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 8 }), (ws) => {
        const text = ws.join(" ");
        expect(repairSplitWords(text, vocab).text).toBe(text);
      }),
    );
  });
  it("does not let a repeated fragment vouch for itself", () => {
    const v = buildVocabulary("security securi ty and securi ty again");
    expect(isRealWord("ty", v)).toBe(false);
    expect(repairSplitWords("securi ty", v).text).toBe("security");
  });
  it("prefers the split with more fragments when candidates overlap", () => {
    const v = buildVocabulary("the the the set forth");
    expect(repairSplitWords("reference for th e observer", v).text).toBe("reference for the observer");
  });
  it("leaves unknown joins, hyphenated and capitalised continuations alone", () => {
    expect(repairSplitWords("the re-election", buildVocabulary("there")).text).toBe("the re-election");
    expect(repairSplitWords("de l’Azawad", vocab).text).toBe("de l’Azawad");
    expect(repairSplitWords("Iyad ag Ghaly", vocab).text).toBe("Iyad ag Ghaly");
  });
});

describe("repairs on the seed", () => {
  const has = (kind: string, before: string, after: string) =>
    expect(parsed.repairs).toContainEqual({ kind, before, after });

  it("repairs every kind with the exact before -> after", () => {
    has("split-word", "th e", "the");
    has("split-word", "o f", "of");
    has("split-word", "tha t", "that");
    has("split-word", "improvi sed", "improvised");
    has("split-word", "securi ty", "security");
    has("split-word", "Insecuri ty", "Insecurity");
    has("space-hyphen", "six -months", "six-months");
    has("space-hyphen", "cash -based", "cash-based");
    has("space-hyphen", "2017 -2018", "2017-2018");
    has("space-hyphen", "zero -tolerance", "zero-tolerance");
    has("space-before-punctuation", "Taoudenni ,", "Taoudenni,");
    has("double-space", "that  is", "that is");
    has("line-hyphen", "conflict-\naffected", "conflict-affected");
    has("line-hyphen", "by-\nelections", "by-elections");
  });

  it("produces the repaired text in paragraphs", () => {
    expect(allText).toContain("the terms of reference for the independent observer");
    expect(allText).toContain("minimum duration of six-months that");
    expect(allText).toContain("the use of improvised explosive devices");
    expect(allText).toContain("In Taoudenni, tensions persisted");
    expect(allText).toContain("the Economic Community of West African States");
    expect(allText).toContain("a resolution that approves");
    expect(allText).toContain("that is until 30 June 2018");
    expect(allText).toContain("municipal by-elections");
    expect(allText).toContain("troop- and police-contributing countries");
  });

  it("does not join real two-word phrases", () => {
    const splitBefores = parsed.repairs.filter((r) => r.kind === "split-word").map((r) => r.before);
    for (const phrase of ["in a", "on the", "is a", "to be", "up on", "for th"]) expect(splitBefores).not.toContain(phrase);
    expect(allText).toContain("resulted in a set of recommendations");
    expect(allText).toContain("was set up on 3 May");
    expect(allText).toContain("on the revision of the Constitution");
    expect(allText).toContain("It is a collective effort");
    expect(allText).toContain("continued to be the use");
    expect(repairSplitWords("incurred in security incidents", seedVocab).text).toBe("incurred in security incidents");
  });

  it("is idempotent: repaired paragraphs need no further repair", () => {
    for (const p of parsed.paragraphs) expect(repairText(p.text, seedVocab).repairs).toEqual([]);
  });

  it("counts repairs by kind", () => {
    expect(countRepairs(parsed.repairs)).toEqual({
      "space-hyphen": 13,
      "split-word": 11,
      "space-before-punctuation": 1,
      "double-space": 7,
      "line-hyphen": 3,
    });
  });
});
