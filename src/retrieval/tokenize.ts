// Tokenizer for the lexical index: lowercase, accent folding, stop words, a light English suffix stemmer.
// Pure and dependency-free so it also runs in a Worker.

const STOP_WORDS = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have having he her " +
    "here hers him his how i if in into is it its itself me more most my no nor not of on once only or other our ours " +
    "out over own same she should so some such than that the their theirs them then there these they this those " +
    "through to too under until up very was we were what when where which while who whom why will with would you your " +
    "yours about again against all am any both each few further just s t don now also many much did get got tell " +
    "according report say says said currently like us"
  ).split(/\s+/),
);

/** Lowercases and strips diacritics: "Côte d’Ivoire" -> "cote d’ivoire". */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Raw word tokens of folded text: letters/digits; thousands separators and decimals kept in numbers. */
export function words(text: string): string[] {
  const folded = fold(text).replace(/(\d),(?=\d{3}\b)/g, "$1");
  return folded.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
}


const VOWEL = /[aeiouy]/;
const DERIVATIONAL = ["ational", "ations", "ation", "ements", "ement", "ments", "ment", "ness", "ities", "ity", "ion", "al"];

/**
 * A light English stemmer (Porter-flavoured, deliberately aggressive on endings):
 * injured/injuries/injuring/injury -> injur, killed/kills -> kill, deployment/deployed -> deplo,
 * investigated/investigating/investigation -> investig.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  // Step 1: plurals and verb inflections.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ["ing", "ed"]) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      if (base.length >= 3 && VOWEL.test(base)) {
        w = /([^aeiouylsz])\1$/.test(base) ? base.slice(0, -1) : base;
      }
      break;
    }
  }
  // Step 2: one derivational ending, keeping at least four letters.
  for (const suffix of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // Step 3: a trailing e (injure -> injur), then the -ate verb stem, so investigate/investigating meet
  // investigation (-> investig), then a trailing i/y (injuri, injury -> injur; negotiati -> negot).
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith("at") && w.length - 2 >= 4) w = w.slice(0, -2);
  if (/[iy]$/.test(w) && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Index-side tokens: folded words minus stop words and single letters, stemmed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 && !/\d/.test(w)) continue;
    if (STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}
