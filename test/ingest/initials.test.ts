import { describe, expect, it } from "vitest";
import { initialismEntries } from "../../ingest/glossary/initials.js";

const lettersOf = (text: string) => initialismEntries(text, new Set()).map((e) => `${e.aliases[0]}=${e.phrase}`);

describe("initials of names the report writes out (glossary, ingest)", () => {
  it("gives the letters of a proper name, with and without the title before it", () => {
    const found = lettersOf("The charter was handed to President Ibrahim Boubacar Keita on 20 June.");
    expect(found).toContain("IBK=Ibrahim Boubacar Keita");
  });

  it("reads a French name through its lower-case connectors, which give no letter", () => {
    expect(lettersOf("Members of the Union pour la république et la démocratie walked out.")).toContain("URD=Union pour la république et la démocratie");
  });

  it("keeps two names joined by 'and' apart, and skips names made only of common words", () => {
    const found = lettersOf("Attacks in Kidal and Timbuktu. The Agreement Monitoring Committee met. The Trust Fund paid.");
    expect(found).toEqual([]);
  });

  it("drops letters that two names share, and letters some entry already answers to", () => {
    expect(lettersOf("Abdoulaye Idrissa Maiga met Amadou Ibrahim Maiga.")).toEqual([]);
    expect(initialismEntries("Ibrahim Boubacar Keita spoke.", new Set(["ibk"]))).toEqual([]);
  });
});
