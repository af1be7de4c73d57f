// The glossary at run time: finds the entries a text mentions (whole words, longest first) and says
// what report wording each stands for; and the lexicon's WordNet links from a question's words to the
// report's terms. Retrieval, the question frame and the numeric tool all go through this one object.
import { fold } from "../report/fold.js";
import { stem } from "../report/stem.js";
import { terms } from "../report/terms.js";
import type { Glossary, GlossaryEntry, Lexicon } from "./schema.js";

export interface Mention {
  entry: GlossaryEntry;
  /** Character offsets in the text. */
  start: number;
  end: number;
  /** The text as written. */
  surface: string;
  /** Named by its people ("Senegalese", "Germans"), not by its name. */
  byDemonym: boolean;
}

interface Pattern {
  entry: GlossaryEntry;
  tokens: string[];
  /** Short letters ("AU", "SEA", "PM") are matched only as written, so ordinary words do not trigger them. */
  exact?: string;
  demonym: boolean;
}

interface TextToken {
  raw: string;
  folded: string;
  start: number;
  end: number;
}

/** Tokens compared by stem, so "troop" finds "troops" and "policewomen" does not find "police". */
function textTokens(text: string): TextToken[] {
  const out: TextToken[] = [];
  for (const m of text.normalize("NFC").matchAll(/[\p{L}\p{N}]+/gu)) out.push({ raw: m[0], folded: stem(fold(m[0])), start: m.index, end: m.index + m[0].length });
  return out;
}

const tokensOf = (surface: string) => textTokens(surface).map((t) => t.folded);

export interface GlossaryIndex {
  entries: readonly GlossaryEntry[];
  /** Mentions in the text, longest match first, non-overlapping, in text order. */
  mentions(text: string): Mention[];
  /** Report wordings (as term lists) an entry stands for: its phrase, aliases and expansions. */
  alternatives(entry: GlossaryEntry): string[][];
  /** Report wordings of the wider entry an entry is part of (its `partOf`), or []. */
  wider(entry: GlossaryEntry): string[][];
  /** Report wordings of the entries that are part of this one ("MINUSMA" of the United Nations), or []. */
  narrower(entry: GlossaryEntry): string[][];
  /** Report terms a lemma can stand for (WordNet synonymy, derivation, causation), or []. */
  related(lemma: string): string[];
  /** True for an ordinary English word the report uses (it has WordNet senses), as opposed to a name. */
  isWord(lemma: string): boolean;
  /** Report terms a more general verb stands for ("hurt" -> "injur"), a weaker link. */
  broader(lemma: string): string[];
  /** Report terms for what a more specific word is a kind of ("drop" -> "decreas"), the weakest link. */
  kinds(lemma: string): string[];
  /** Report terms for the antonym of a word ("man" -> "women"). */
  opposites(lemma: string): string[];
  /** Report terms whose sense definitions contain every one of these stems (at least two). */
  glossMatches(stems: readonly string[]): string[];
  /** Entries whose definition contains every one of these stems (at least two): "fled … homes" -> internally displaced persons. */
  definedBy(stems: readonly string[]): GlossaryEntry[];
  /** The country entry of an Annex II row. */
  countryOfRow(row: string): GlossaryEntry | undefined;
}

export function createGlossaryIndex(glossary: Glossary, lexicon: Lexicon): GlossaryIndex {
  const byFirst = new Map<string, Pattern[]>();
  const add = (entry: GlossaryEntry, surface: string, demonym: boolean) => {
    const tokens = tokensOf(surface);
    if (tokens.length === 0) return;
    const exact = surface.length <= 3 && tokens.length === 1 ? surface : undefined;
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ entry, tokens, demonym, ...(exact ? { exact } : {}) });
    byFirst.set(tokens[0]!, list);
  };
  for (const entry of glossary.entries) {
    add(entry, entry.phrase, false);
    for (const alias of entry.aliases) add(entry, alias, false);
    for (const demonym of entry.demonyms ?? []) add(entry, demonym, true);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const definitions = glossary.entries.filter((e) => e.definition).map((e) => ({ entry: e, terms: new Set(terms(e.definition!)) }));
  const glossSets = lexicon.glosses.map((g) => ({ terms: g.terms, gloss: new Set(g.gloss) }));
  // Stem -> the glosses that contain it, in lexicon order: a lookup scans only the rarest stem's glosses.
  const glossesWith = new Map<string, number[]>();
  glossSets.forEach((g, i) => {
    for (const stem of g.gloss) {
      const list = glossesWith.get(stem);
      if (list) list.push(i);
      else glossesWith.set(stem, [i]);
    }
  });
  const countryByRow = new Map(glossary.entries.filter((e) => e.annexIIRow).map((e) => [e.annexIIRow!, e]));
  const alternativesCache = new Map<GlossaryEntry, string[][]>();
  const byPhrase = new Map(glossary.entries.map((e) => [fold(e.phrase), e]));
  const parts = new Map<string, GlossaryEntry[]>();
  for (const e of glossary.entries) if (e.partOf) parts.set(fold(e.partOf), [...(parts.get(fold(e.partOf)) ?? []), e]);

  return {
    entries: glossary.entries,
    mentions(text) {
      const toks = textTokens(text);
      const found: Mention[] = [];
      for (let i = 0; i < toks.length; ) {
        const t = toks[i]!;
        const candidates = byFirst.get(t.folded) ?? [];
        const hit = candidates.find((p) => {
          if (p.exact !== undefined && t.raw !== p.exact && t.raw !== `${p.exact}s`) return false;
          if (p.tokens.length === 1) return p.tokens[0] === t.folded;
          return p.tokens.every((pt, k) => toks[i + k]?.folded === pt);
        });
        if (!hit) {
          i += 1;
          continue;
        }
        const last = toks[i + hit.tokens.length - 1]!;
        found.push({ entry: hit.entry, start: t.start, end: last.end, surface: text.slice(t.start, last.end), byDemonym: hit.demonym });
        i += hit.tokens.length;
      }
      return found;
    },
    alternatives(entry) {
      let alts = alternativesCache.get(entry);
      if (!alts) {
        const seen = new Set<string>();
        alts = [];
        for (const surface of [entry.phrase, ...entry.aliases, ...entry.expansions]) {
          const t = terms(surface);
          const k = t.join(" ");
          if (t.length > 0 && !seen.has(k)) (seen.add(k), alts.push(t));
        }
        alternativesCache.set(entry, alts);
      }
      return alts;
    },
    wider(entry) {
      const whole = entry.partOf === undefined ? undefined : byPhrase.get(fold(entry.partOf));
      return whole ? this.alternatives(whole) : [];
    },
    narrower(entry) {
      return (parts.get(fold(entry.phrase)) ?? []).flatMap((e) => this.alternatives(e));
    },
    related: (lemma) => lexicon.related[fold(lemma)] ?? [],
    isWord: (lemma) => fold(lemma) in lexicon.related,
    broader: (lemma) => [...(lexicon.broader[fold(lemma)] ?? []), ...(lexicon.definedBy[fold(lemma)] ?? [])],
    kinds: (lemma) => lexicon.kinds[fold(lemma)] ?? [],
    opposites: (lemma) => lexicon.opposites[fold(lemma)] ?? [],
    glossMatches(stems) {
      if (stems.length < 2) return [];
      const candidates = stems.map((s) => glossesWith.get(s) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
      const out = new Set<string>();
      for (const i of candidates) {
        const g = glossSets[i]!;
        if (stems.every((s) => g.gloss.has(s))) for (const t of g.terms) out.add(t);
      }
      return [...out];
    },
    definedBy(stems) {
      if (stems.length < 2) return [];
      return definitions.filter((d) => stems.every((s) => d.terms.has(s))).map((d) => d.entry);
    },
    countryOfRow: (row) => countryByRow.get(row),
  };
}
