// Letters a question uses for a phrase the report writes out but never abbreviates ("MMVT" for the
// "mixed monitoring and verification team", "ICER" for the "International Conference for the Economic
// Recovery …"): the short form's letters are the initials of consecutive words of the long form, in
// order, through the small words names run through (the matching step of Schwartz and Hearst, 2003,
// run against the report's text instead of a parenthesis beside the short form).

/** Words a long form runs through without giving a letter. */
const CONNECTORS = new Set(["of", "the", "for", "and", "on", "in", "to", "de", "du", "des", "la", "le", "les", "et", "pour"]);
/** Fewer letters than this match too many word runs by chance, unless every word of the long form is capitalised. */
const MIN_LETTERS_ANY_CASE = 4;
const MIN_LETTERS = 3;
const MAX_LOWER_CASE_CONNECTORS = 1;

/**
 * The long form the letters stand for in these sentences, when exactly one phrase has them as its
 * words' initials; otherwise undefined.
 */
export function longFormOf(letters: string, sentences: readonly string[]): string | undefined {
  const short = letters.toLowerCase();
  if (short.length < MIN_LETTERS || !/^[a-z]+$/.test(short)) return undefined;
  const found = new Set<string>();
  for (const text of sentences) {
    const words = text.split(/[\s,;:()“”"]+/).filter((w) => /^\p{L}/u.test(w));
    for (let start = 0; start < words.length; start++) {
      const phrase = matchFrom(words, start, short);
      if (!phrase) continue;
      const content = phrase.filter((w) => !CONNECTORS.has(w.toLowerCase()));
      // A name in lower case ("mixed monitoring and verification team") is a run of content words: more
      // than one small word between them is a clause that happens to have the letters.
      const capitalised = content.every((w) => /^\p{Lu}/u.test(w));
      // A capitalised name ends where its capitals do ("… on Security and the Operational | Coordination Mechanism" is part of a longer name).
      if (capitalised && /^\p{Lu}/u.test(words[start + phrase.length] ?? "")) continue;
      if (!capitalised && (short.length < MIN_LETTERS_ANY_CASE || phrase.length - content.length > MAX_LOWER_CASE_CONNECTORS)) continue;
      // Letters may abbreviate the opening of a longer capitalised name: the long form is the whole name ("… Economic Recovery and Development of Mali").
      found.add((capitalised ? wholeName(words, start, phrase.length) : phrase).join(" ").toLowerCase());
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function matchFrom(words: string[], start: number, short: string): string[] | undefined {
  const phrase: string[] = [];
  let letter = 0;
  for (let i = start; i < words.length && letter < short.length; i++) {
    const word = words[i]!;
    if (phrase.length > 0 && CONNECTORS.has(word.toLowerCase())) {
      phrase.push(word);
      continue;
    }
    if (word[0]!.toLowerCase() !== short[letter]) return undefined;
    phrase.push(word);
    letter++;
  }
  return letter === short.length ? phrase : undefined;
}

/** The capitalised name a run of words opens, through the small words between its capitals. */
function wholeName(words: string[], start: number, length: number): string[] {
  let end = start + length;
  while (end < words.length) {
    let next = end;
    while (next < words.length && CONNECTORS.has(words[next]!.toLowerCase())) next++;
    if (next >= words.length || !/^\p{Lu}/u.test(words[next]!)) break;
    end = next + 1;
  }
  return words.slice(start, end);
}
