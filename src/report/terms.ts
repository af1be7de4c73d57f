// The one tokenizer of the project: folded words, English stop words dropped, Snowball-stemmed.
// The lexical index, the sentence index, the question frame and the glossary all compare text as
// these terms, so a word means the same thing everywhere.
import { fold } from "./fold.js";
import { stem } from "./stem.js";

/** Function words of English (a standard list): they say nothing about what a text is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
    "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
    "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
    "these they this those through to too under until up very was we were what when where which while who whom why will " +
    "with would you your yours yourself yourselves s t don shall may might must also per via"
  ).split(/\s+/),
);

const CURRENCY_SIGNS: Record<string, string> = { $: "dollar", "€": "euro", "£": "pound" };

/** Raw word tokens of folded text: letters and digits; thousands separators and decimals kept in numbers. */
export function words(text: string): string[] {
  const folded = fold(text)
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    // A currency sign is its word: "$53.3 million" is about dollars.
    .replace(/[$€£]/g, (sign) => ` ${CURRENCY_SIGNS[sign]} `);
  return folded.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
}

export const isStopWord = (word: string) => STOP_WORDS.has(word);

/** The term of one raw word token, or null for a stop word or a lone letter. */
export function termOf(word: string): string | null {
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (STOP_WORDS.has(word)) return null;
  return stem(word);
}

/** English complex prepositions ("owing to the damage", "due to insecurity"): the first word is a function word there, not "owe" or "due". */
const BEFORE_TO_PREPOSITION: ReadonlySet<string> = new Set(["owing", "due", "according", "thanks", "pursuant", "prior"]);

/** Index-side terms of a text, in order. */
export function terms(text: string): string[] {
  const out: string[] = [];
  const all = words(text);
  for (const [i, w] of all.entries()) {
    if (BEFORE_TO_PREPOSITION.has(w) && all[i + 1] === "to") continue;
    const t = termOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}
