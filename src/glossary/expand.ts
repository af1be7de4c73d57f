// A text's terms with the ways the report may say them, weighted: the words themselves (1), what
// glossary entries they mention stand for (0.8), WordNet synonyms and derivations of their lemmas
// (0.7), the definitions their word pairs match (0.5) and more specific verbs (0.4). Retrieval and
// the question frame both expand through this one function.
import { analyse, type Token } from "../report/nlp.js";
import { termOf, terms } from "../report/terms.js";
import { isFramingWord } from "./framing.js";
import type { GlossaryIndex, Mention } from "./glossary.js";

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** A more general word stands for at most this many specific ones (beyond that it is noise). */
const MAX_BROADER = 4;

export const EXPANSION_WEIGHTS = { name: 1.5, own: 1, glossary: 0.8, related: 0.7, gloss: 0.5, broader: 0.4, kind: 0.3, framing: 0.3 } as const;

const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"]);

export interface Expansion {
  terms: WeightedTerm[];
  mentions: Mention[];
  tokens: Token[];
}

/**
 * @param inReport whether the report uses a term: a word it uses is found as itself, so its WordNet
 *                 links add little; a word it never uses is found only through them.
 */
export function expandText(text: string, glossary: GlossaryIndex, inReport: (term: string) => boolean = () => false): Expansion {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  const tokens = analyse(text);
  const mentions = glossary.mentions(text);
  // Words that only frame a question ("percentage", "say", "number") count little in retrieval.
  for (const t of tokens) for (const term of t.terms) add(term, isFramingWord(t.text) || isFramingWord(t.lemma) ? EXPANSION_WEIGHTS.framing : EXPANSION_WEIGHTS.own);
  // Names (countries, places, people, organisations) say most about what a question is after.
  for (const t of tokens) if (t.pos === "PROPN") for (const term of t.terms) add(term, EXPANSION_WEIGHTS.name);
  for (const m of mentions) if (m.entry.kind === "country" || m.entry.kind === "place") for (const term of terms(m.surface)) add(term, EXPANSION_WEIGHTS.name);
  // A glossary wording weighs as one term, shared by its words (a long name is not many matches).
  for (const m of mentions) for (const alt of glossary.alternatives(m.entry)) for (const term of alt) add(term, EXPANSION_WEIGHTS.glossary / alt.length);
  const inMention = (t: Token) => mentions.some((m) => t.start >= m.start && t.end <= m.end);
  const content = tokens.filter((t) => t.terms.length > 0 && CONTENT.has(t.pos) && !inMention(t) && !isFramingWord(t.text));
  for (const t of content) {
    const known = t.terms.every(inReport);
    for (const term of glossary.related(t.lemma)) add(term, known ? EXPANSION_WEIGHTS.related / 2 : EXPANSION_WEIGHTS.related);
    if (!known) for (const term of glossary.broader(t.lemma).slice(0, MAX_BROADER)) add(term, EXPANSION_WEIGHTS.broader);
    if (!known) for (const term of glossary.kinds(t.lemma).slice(0, MAX_BROADER)) add(term, EXPANSION_WEIGHTS.kind);
  }
  // Multiword paraphrases: two content words of the text that together define a sense the report uses
  // ("lost their lives" ~ "pass from physical life and lose …" = die, which "kill" causes).
  for (let i = 0; i < content.length; i++) {
    for (let j = i + 1; j < Math.min(content.length, i + 4); j++) {
      if (content[i]!.terms.every(inReport) && content[j]!.terms.every(inReport)) continue;
      const stems = [lemmaStemOf(content[i]!), lemmaStemOf(content[j]!)];
      for (const term of glossary.glossMatches(stems)) add(term, EXPANSION_WEIGHTS.gloss);
      for (const entry of glossary.definedBy(stems)) for (const alt of glossary.alternatives(entry)) for (const term of alt) add(term, EXPANSION_WEIGHTS.gloss / alt.length);
    }
  }
  return { terms: [...weights].map(([term, weight]) => ({ term, weight })), mentions, tokens };
}

/** The term of a token's lemma ("lost" -> "lose", "lives" -> "life"): definitions are matched by lemma. */
function lemmaStemOf(t: Token): string {
  return termOf(t.lemma) ?? t.lemma;
}
