// The subject words of a question, each with the report terms it may match (its stem and its
// synonyms). Coverage is judged per word: "hurt" is covered by a sentence that says "injured".
import { synonymMatches } from "../retrieval/lexical.js";
import { tokenize } from "../retrieval/tokenize.js";
import type { SentenceIndex } from "./sentence-index.js";
import { isFramingTerm } from "./framing-words.js";

const TEMPORAL = /^(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December)$/i;

export interface SubjectWord {
  word: string;
  stem: string;
  /** Ways the report may say it: the stem, or one synonym's terms, all of which must be present. */
  alternatives: string[][];
  /** Every term of every alternative (for proximity checks). */
  matches: Set<string>;
  /** How much this word tells sentences apart (the rarest of its matches). */
  weight: number;
  /** Neither the word nor any synonym occurs anywhere in the report. */
  unknown: boolean;
}

/** True when the terms include one of the word's alternatives in full. */
export function coveredBy(terms: Set<string>, word: SubjectWord): boolean {
  return word.alternatives.some((alt) => alt.every((t) => terms.has(t)));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

function subjectWord(word: string, stem: string, synonyms: string[][], index: SentenceIndex): SubjectWord {
  const alternatives = [[stem], ...synonyms].filter((alt) => alt.every((t) => index.vocabulary.has(t)));
  const matches = new Set(alternatives.flat());
  // A whole phrase ("conflict-related sexual violence" for "CRSV") is stronger evidence than any one of
  // its terms: up to twice its rarest term. The word is as distinctive as its most distinctive alternative.
  const phraseRarity = (alt: string[]) => {
    const idfs = alt.map((t) => index.idf(t));
    return Math.min(idfs.reduce((a, b) => a + b, 0), 2 * Math.max(...idfs));
  };
  const rarity = alternatives.length ? Math.max(...alternatives.map(phraseRarity)) : index.idf(stem);
  // Dates qualify a question ("since June 2016") more than they name its subject.
  const weight = TEMPORAL.test(word) ? rarity * 0.4 : rarity;
  return { word, stem, alternatives, matches, weight, unknown: alternatives.length === 0 };
}

export function subjectWords(question: string, index: SentenceIndex): SubjectWord[] {
  const words: SubjectWord[] = [];
  // "2017/18" names two years, not the year 2017 and the number 18.
  const normalized = question.replace(/\b((?:19|20)(\d\d))\/(\d\d)\b/g, (_, full: string, _yy: string, next: string) => `${full} ${full.slice(0, 2)}${next}`);
  // Multi-word synonym keys ("blue helmets") stand for one subject; their words are not counted again.
  const phraseWords = new Set<string>();
  for (const { key, alternatives } of synonymMatches(normalized)) {
    if (!/\s/.test(key)) continue;
    for (const w of key.split(/\s+/)) phraseWords.add(w.toLowerCase());
    words.push(subjectWord(key, tokenize(key).join(" "), [tokenize(key), ...alternatives], index));
  }
  for (const raw of normalized.match(WORD) ?? []) {
    const [stem] = tokenize(raw);
    if (!stem || isFramingTerm(stem) || index.isImplicit(stem) || phraseWords.has(raw.toLowerCase()) || words.some((w) => w.stem === stem)) continue;
    const synonyms = synonymMatches(raw).flatMap((m) => m.alternatives);
    const word = subjectWord(raw, stem, synonyms, index);
    // A word that only restates the report's own subject ("the SG", "Mali") tells nothing apart.
    if (!word.unknown && word.alternatives.every((alt) => alt.every((t) => index.isImplicit(t)))) continue;
    words.push(word);
  }
  return words;
}

/**
 * Subject words for a possibly resolved follow-up: the words of the question itself count fully,
 * words carried over from the previous turn count half, so the new question leads.
 */
export function followUpSubject(question: string, resolved: string, index: SentenceIndex): SubjectWord[] {
  const own = subjectWords(question, index);
  if (resolved === question) return own;
  const carried = subjectWords(resolved.slice(question.length), index)
    .filter((w) => !own.some((o) => o.stem === w.stem))
    .map((w) => ({ ...w, weight: w.weight * 0.5 }));
  return [...own, ...carried];
}
