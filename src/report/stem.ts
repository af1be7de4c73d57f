// The one stemmer of the project: Snowball English (Porter2), from snowball-stemmers.
// "police" and "policy", "mission" and "missing" stay apart; "injured" and "injuries" do not meet
// (that is what the lexicon's derivations are for).
import snowball from "snowball-stemmers";

const english = snowball.newStemmer("english");
const cache = new Map<string, string>();

/** English suppletive plurals, which no suffix rule reaches: "people" is the plural of "person". */
const SUPPLETIVE: Record<string, string> = { people: "person", peoples: "person" };

/** Stem of one folded, lower-case word. Numbers pass through unchanged. */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  word = SUPPLETIVE[word] ?? word;
  let s = cache.get(word);
  if (s === undefined) {
    s = english.stem(word);
    if (cache.size < 50_000) cache.set(word, s);
  }
  return s;
}
