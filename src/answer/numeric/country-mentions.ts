// Finds country mentions in a question: whole names only, accent/apostrophe/case-insensitive,
// longest name first (so "Guinea-Bissau" is not read as "Guinea", nor "Nigeria" as "Niger").
import type { StructuredReport } from "../../report/schema.js";
import { foldSameLength, foldText } from "../../tools/fold.js";
import { CASE_SENSITIVE_VARIANTS, WORLD_COUNTRIES } from "./world-countries.js";

export interface CountryMention {
  /** The Annex II row name when listed, otherwise the country's usual name. */
  name: string;
  listed: boolean;
  /** The host country (the report's subject, e.g. Mali): its own forces are not contributors. */
  host: boolean;
  /** Position in the question. */
  start: number;
  end: number;
  /** Named as people ("Swedes", "Brits", "Germans"): the question is about how many of them serve. */
  people: boolean;
}

interface Pattern {
  text: string;
  caseSensitive: boolean;
  entry: number;
}

interface Vocabulary {
  entries: { name: string; listed: boolean }[];
  patterns: Pattern[];
  host: number | null;
}


function foldName(name: string): string {
  return foldText(name).replace(/^the /, "");
}

const cache = new WeakMap<StructuredReport, Vocabulary>();

function vocabulary(report: StructuredReport): Vocabulary {
  const cached = cache.get(report);
  if (cached) return cached;
  const rowsByFold = new Map(report.annexII.rows.map((r) => [foldName(r.country), r.country]));
  const lines = WORLD_COUNTRIES.map((line) => line.split("|"));
  for (const row of report.annexII.rows) {
    if (!lines.some((names) => names.some((n) => foldName(n) === foldName(row.country)))) lines.push([row.country]);
  }
  const entries = lines.map((names) => {
    const row = names.map((n) => rowsByFold.get(foldName(n))).find((r) => r !== undefined);
    return { name: row ?? names[0]!, listed: row !== undefined };
  });
  const patterns: Pattern[] = lines.flatMap((names, entry) =>
    names.map((n) => {
      const caseSensitive = CASE_SENSITIVE_VARIANTS.has(n);
      return { text: caseSensitive ? n : foldSameLength(n.normalize("NFC")), caseSensitive, entry };
    }),
  );
  patterns.sort((a, b) => b.text.length - a.text.length);
  const hostName = /situation in (?:the )?(.+?)\s*$/i.exec(report.title)?.[1];
  const host = hostName === undefined ? -1 : lines.findIndex((names) => names.some((n) => foldName(n) === foldName(hostName)));
  const built = { entries, patterns, host: host < 0 ? null : host };
  cache.set(report, built);
  return built;
}

const WORD_CHAR = /[a-z0-9]/i;
/** The plural ending of a demonym or nickname: "Swede|s", "Yankee|s", "Brit|s" (and "Brit|s'"). */
const PLURAL_AFTER = /^s(?![a-z0-9])/i;
/** A mention of the host country after one of these is the place of deployment, not a contributor. */
const LOCATION_BEFORE = /\b(?:in|to|into|within|across|throughout|inside|at|on)\s+(?:the\s+)?$/i;

export function findCountryMentions(question: string, report: StructuredReport): CountryMention[] {
  const vocab = vocabulary(report);
  const original = question.normalize("NFC");
  const folded = foldSameLength(original);
  const taken: boolean[] = new Array(original.length).fill(false);
  const found: (CountryMention & { entry: number })[] = [];
  for (const p of vocab.patterns) {
    const haystack = p.caseSensitive ? original : folded;
    let at = haystack.indexOf(p.text);
    while (at >= 0) {
      // A plural demonym or nickname ("Swedes", "Germans", "Brits") names the country's people.
      const plural = PLURAL_AFTER.exec(haystack.slice(at + p.text.length))?.[0] ?? "";
      const end = at + p.text.length + plural.length;
      const before = haystack[at - 1] ?? " ";
      const after = haystack[end] ?? " ";
      const whole = !WORD_CHAR.test(before) && !WORD_CHAR.test(after) && !(p.text.endsWith(".") === false && after === "." && /[a-z]/i.test(haystack[end + 1] ?? ""));
      if (whole && !taken.slice(at, end).some(Boolean)) {
        for (let i = at; i < end; i++) taken[i] = true;
        const isHostLocation = p.entry === vocab.host && LOCATION_BEFORE.test(original.slice(0, at));
        if (!isHostLocation) {
          const e = vocab.entries[p.entry]!;
          const people = plural !== "";
          found.push({ name: e.name, listed: e.listed, host: p.entry === vocab.host, start: at, end, entry: p.entry, people });
        }
      }
      at = haystack.indexOf(p.text, at + 1);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<number>();
  return found
    .filter((m) => (seen.has(m.entry) ? false : (seen.add(m.entry), true)))
    .map(({ name, listed, host, start, end, people }) => ({ name, listed, host, start, end, people }));
}
