// Initialisms of the names the report writes out but never abbreviates: "Ibrahim Boubacar Keita"
// (IBK), "Union pour la république et la démocratie" (URD). A question may use the letters; the report
// only has the name. Only proper names give letters (a name of common words, "Trust Fund", is a
// description); letters two names share are left out, and so are letters that spell an English word.
import type { GlossaryEntry } from "../../src/glossary/schema.js";
import { isStopWord } from "../../src/report/terms.js";
import { loadWordNet, WORDNET_POS } from "./wordnet.js";

/** Words a name runs through without giving a letter ("of the", "pour la"). */
// "and" is not one: "Kidal and Timbuktu" are two names, not one.
const CONNECTORS = new Set(["of", "the", "for", "de", "du", "des", "la", "le", "les", "pour", "d", "l"]);
/** After these, a French name goes on in lower case ("Union pour la république et la démocratie"). */
const FRENCH_CONNECTORS = new Set(["de", "du", "des", "la", "le", "les", "et", "pour", "d", "l"]);
/** Two letters are too often something else ("NA", "CI", "PR"). */
const MIN_LETTERS = 3;
const MAX_WORDS = 8;
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

interface Name {
  text: string;
  initials: string;
}

const isCapital = (w: string) => /^\p{Lu}/u.test(w);
const bare = (w: string) => w.toLowerCase().replace(/[’'].*$/, "");

/**
 * Whole names: a run of capitalised words, through connectors ("Agreement on Peace" stops at "on";
 * "Union pour la république et la démocratie" goes on after French ones). Each gives its letters, and
 * so does the name without its first word (a title: "President Ibrahim Boubacar Keita").
 */
function names(text: string, isCommonWord: (w: string) => boolean, isOwnWord: (w: string) => boolean): Name[] {
  const out: Name[] = [];
  for (const sentence of text.split(/[.;:,()\n“”"]+/)) {
    const words = sentence.split(/\s+/).filter((w) => w.length > 0);
    for (let start = 0; start < words.length; start++) {
      const first = words[start]!;
      if (!isCapital(first) || isStopWord(first.toLowerCase()) || MONTHS.test(first)) continue;
      // Inside a name already ("Peace" in "Agreement on Peace"), or a common word opening the sentence ("Following").
      if (start > 0 && (isCapital(words[start - 1]!) || (CONNECTORS.has(bare(words[start - 1]!)) && start > 1 && isCapital(words[start - 2]!)))) continue;
      if (start === 0 && isCommonWord(first.toLowerCase())) continue;
      const run: string[] = [words[start]!];
      let end = start + 1;
      while (end < words.length && run.length < MAX_WORDS) {
        const w = words[end]!;
        if (isCapital(w)) run.push(w);
        else if ((CONNECTORS.has(bare(w)) || (bare(w) === "et" && run.some((r) => FRENCH_CONNECTORS.has(bare(r))))) && end + 1 < words.length && (isCapital(words[end + 1]!) || FRENCH_CONNECTORS.has(bare(w)))) run.push(w);
        else if (FRENCH_CONNECTORS.has(bare(run[run.length - 1]!)) && /^\p{L}+$/u.test(w)) run.push(w);
        else break;
        end++;
      }
      while (run.length > 0 && CONNECTORS.has(bare(run[run.length - 1]!))) run.pop();
      // The name without a title before it ("President", "Minister"): only when a capital follows.
      for (const from of run.length > 2 && isCapital(run[1]!) && isCommonWord(bare(run[0]!)) && run.slice(1).some(isOwnWord) ? [0, 1] : [0]) {
        const name = run.slice(from);
        const letters = name.filter((w) => !CONNECTORS.has(bare(w)) && !FRENCH_CONNECTORS.has(bare(w))).map((w) => w[0]!.toUpperCase());
        if (letters.length >= 2 && letters.every((l) => /\p{Lu}/u.test(l))) out.push({ text: name.join(" "), initials: letters.join("") });
      }
    }
  }
  return out;
}

export function initialismEntries(text: string, known: ReadonlySet<string>): GlossaryEntry[] {
  const wn = loadWordNet();
  const isCommonWord = (w: string) => WORDNET_POS.some((pos) => wn.senses(w, pos).length > 0 || (w.endsWith("s") && wn.senses(w.replace(/ies$/, "y").replace(/s$/, ""), pos).length > 0));
  // A word only a name has: not a connector, not in WordNet, and not itself an abbreviation ("MINUSMA").
  const isOwnWord = (w: string) => !CONNECTORS.has(bare(w)) && !/^\p{Lu}{2,}$/u.test(w) && !isCommonWord(bare(w));
  const byInitials = new Map<string, Set<string>>();
  for (const n of names(text, isCommonWord, isOwnWord)) {
    if (n.initials.length < MIN_LETTERS || n.initials.length > 6) continue;
    // A name made only of common words ("Monitoring Committee", "Trust Fund") is a description: its letters are
    // not what people write. A proper name has a word of its own ("Ibrahim Boubacar Keita", "république").
    if (!n.text.split(/\s+/).some(isOwnWord)) continue;
    byInitials.set(n.initials, (byInitials.get(n.initials) ?? new Set()).add(n.text));
  }
  const entries: GlossaryEntry[] = [];
  for (const [initials, texts] of byInitials) {
    const lower = initials.toLowerCase();
    // Up to three letters match only as written, in capitals ("URD", not "urd"); longer ones must not be a word.
    if (texts.size !== 1 || known.has(lower) || isStopWord(lower) || (initials.length > 3 && isCommonWord(lower))) continue;
    const phrase = [...texts][0]!;
    entries.push({ phrase, aliases: [initials], expansions: [phrase], kind: "abbreviation", source: "report", note: "initials of a name the report writes out" });
  }
  return entries;
}
