// Country entries from world-countries (names, official names, alternative spellings, demonyms) plus
// the nickname overrides in country-nicknames.json, each tied to its Annex II row when the country
// contributes, and the report's host country marked.
import { createRequire } from "node:module";
import type { Country } from "world-countries";
import type { GlossaryEntry } from "../../src/glossary/schema.js";
import { fold } from "../../src/report/fold.js";
import { isStopWord } from "../../src/report/terms.js";
import nicknames from "./country-nicknames.json" with { type: "json" };
import { loadWordNet, WORDNET_POS } from "./wordnet.js";

const countries = createRequire(import.meta.url)("world-countries") as Country[];

const foldName = (name: string) => fold(name).replace(/^the /, "");
/** Two-letter ISO codes in altSpellings ("CI", "GB") are not names; codeAlias decides which serve as shorthand. */
const isIsoCode = (s: string) => /^[A-Z]{2}$/.test(s);

function plural(demonym: string): string[] {
  if (/(?:ese|ss|sh|ch|x)$/i.test(demonym) || /s$/i.test(demonym)) return [];
  return [`${demonym}s`];
}

/**
 * A two-letter ISO code ("BF") as shorthand for its country, only when the letters are no English word
 * (WordNet knows "no", "it", "us"; the stop words "to", "my") and no other entry answers to them
 * ("AU" is the African Union, "SG" the Secretary-General). Short letters match only as written.
 */
function codeAlias(code: string, taken: ReadonlySet<string>): string[] {
  const wn = loadWordNet();
  const lower = code.toLowerCase();
  if (isStopWord(lower) || WORDNET_POS.some((pos) => wn.senses(lower, pos).length > 0) || taken.has(fold(code))) return [];
  return [code];
}

export function countryEntries(annexIIRows: readonly string[], hostName: string | undefined, takenAbbreviations: ReadonlySet<string> = new Set()): GlossaryEntry[] {
  const byFold = new Map(annexIIRows.map((row) => [foldName(row), row]));
  const extra = nicknames.names as Record<string, string[]>;
  const people = nicknames.people as Record<string, string[]>;
  const entries: GlossaryEntry[] = [];
  const matched = new Set<string>();
  // Sovereign states only: a territory shares its demonym with its state ("Dutch", "American").
  for (const c of countries.filter((x) => x.independent)) {
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => !isIsoCode(s)), ...(extra[c.cca3] ?? [])];
    const row = names.map((n) => byFold.get(foldName(n))).find((r) => r !== undefined);
    if (row) matched.add(row);
    const demonymWords = [...new Set([...Object.values(c.demonyms?.eng ?? {}).filter(Boolean), ...(people[c.cca3] ?? [])])];
    const phrase = row ?? c.name.common;
    const aliases = [...new Set([...names.filter((n) => foldName(n) !== foldName(phrase)), ...codeAlias(c.cca2, takenAbbreviations)])];
    entries.push({
      phrase,
      aliases,
      expansions: [],
      kind: "country",
      source: extra[c.cca3] || people[c.cca3] ? "overrides" : "world-countries",
      ...(row ? { annexIIRow: row } : {}),
      demonyms: [...new Set(demonymWords.flatMap((d) => [d, ...plural(d)]))],
      ...(hostName && names.some((n) => foldName(n) === foldName(hostName)) ? { host: true } : {}),
    });
  }
  for (const row of annexIIRows) {
    if (!matched.has(row)) throw new Error(`Annex II row "${row}" matches no country in world-countries; add its name to ingest/glossary/country-nicknames.json.`);
  }
  return entries;
}
