// The glossary written at ingest: abbreviations the report defines, the UN terminology file, the
// countries, and the initials of names the report writes out. An entry the report defines and the
// terminology file also knows is merged, keeping the
// report's wording as the phrase.
import { GlossarySchema, type Glossary, type GlossaryEntry } from "../../src/glossary/schema.js";
import { fold } from "../../src/report/fold.js";
import type { StructuredReport } from "../../src/report/schema.js";
import { extractDefinitions } from "./abbreviations.js";
import { countryEntries } from "./countries.js";
import { initialismEntries } from "./initials.js";
import terminology from "./un-terminology.json" with { type: "json" };

const key = (s: string) => fold(s);

function merge(into: GlossaryEntry, from: GlossaryEntry): void {
  const known = new Set([into.phrase, ...into.aliases].map(key));
  for (const alias of [from.phrase, ...from.aliases]) if (!known.has(key(alias))) (into.aliases.push(alias), known.add(key(alias)));
  into.expansions = [...new Set([...into.expansions, ...from.expansions])];
  // The terminology file knows what kind of thing it is ("organisation"); the report only defined letters.
  into.kind = from.kind;
  for (const field of ["component", "definition", "note", "partOf"] as const) if (from[field] !== undefined && into[field] === undefined) (into as Record<string, unknown>)[field] = from[field];
}

export function buildGlossary(report: StructuredReport): Glossary {
  const text = report.paragraphs.map((p) => p.text).join("\n");
  const defined: GlossaryEntry[] = extractDefinitions(text).map((d) => ({
    phrase: d.long,
    aliases: [d.short],
    expansions: [],
    kind: "abbreviation",
    source: "report",
  }));
  const general = (terminology.entries as Omit<GlossaryEntry, "source">[]).map((e): GlossaryEntry => ({ ...e, source: "un-terminology" }));
  const entries: GlossaryEntry[] = [...defined];
  for (const entry of general) {
    const names = new Set([entry.phrase, ...entry.aliases].map(key));
    const same = entries.find((e) => [e.phrase, ...e.aliases].some((n) => names.has(key(n))));
    if (same) merge(same, entry);
    else entries.push(entry);
  }
  const host = /situation in (?:the )?(.+?)\s*$/i.exec(report.title)?.[1];
  const abbreviations = new Set(entries.flatMap((e) => [e.phrase, ...e.aliases]).map((n) => key(n)));
  entries.push(...countryEntries(report.annexII.rows.map((r) => r.country), host, abbreviations));
  // Letters for names written out, unless some entry already answers to them.
  const known = new Set(entries.flatMap((e) => [e.phrase, ...e.aliases]).map((n) => key(n)));
  entries.push(...initialismEntries(text, known));
  return GlossarySchema.parse({ formatVersion: 1, entries });
}
