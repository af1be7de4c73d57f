// The subject words of a question, each with the report terms it may match (its stem and its
// synonyms). Coverage is judged per word: "hurt" is covered by a sentence that says "injured".
import { expandQuery } from "../retrieval/lexical.js";
import { tokenize } from "../retrieval/tokenize.js";
import type { SentenceIndex } from "./sentence-index.js";
import { isFramingTerm } from "./framing-words.js";

const TEMPORAL = /^(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December)$/i;

export interface SubjectWord {
  word: string;
  stem: string;
  /** The stem plus synonym terms that occur in the report. */
  matches: Set<string>;
  /** How much this word tells sentences apart (the rarest of its matches). */
  weight: number;
  /** Neither the word nor any synonym occurs anywhere in the report. */
  unknown: boolean;
}

export function subjectWords(question: string, index: SentenceIndex): SubjectWord[] {
  const words: SubjectWord[] = [];
  // "2017/18" names two years, not the year 2017 and the number 18.
  const normalized = question.replace(/\b((?:19|20)(\d\d))\/(\d\d)\b/g, (_, full: string, _yy: string, next: string) => `${full} ${full.slice(0, 2)}${next}`);
  for (const raw of normalized.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? []) {
    const [stem] = tokenize(raw);
    if (!stem || isFramingTerm(stem) || words.some((w) => w.stem === stem)) continue;
    const matches = new Set([stem, ...expandQuery(raw).map((t) => t.term)].filter((t) => index.vocabulary.has(t)));
    const rarity = matches.size ? Math.max(...[...matches].map((t) => index.idf(t))) : index.idf(stem);
    // Dates qualify a question ("since June 2016") more than they name its subject.
    const weight = TEMPORAL.test(raw) ? rarity * 0.4 : rarity;
    words.push({ word: raw, stem, matches, weight, unknown: matches.size === 0 });
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
