// Conservative repair of PDF-export artifacts in running text. Every change is logged as a Repair.

export type RepairKind =
  | "space-hyphen" // "cash -based" -> "cash-based"
  | "split-word" // "securi ty" -> "security"
  | "space-before-punctuation" // "Taoudenni ," -> "Taoudenni,"
  | "double-space" // "that  is" -> "that is"
  | "line-hyphen"; // "conflict-" + "affected" -> "conflict-affected"

export interface Repair {
  kind: RepairKind;
  before: string;
  after: string;
}

export interface Repaired {
  text: string;
  repairs: Repair[];
}

/** Very common English words: always accepted as words, even if the report never uses them. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "a i the of and to in on at by for from with within without into onto upon as is are was were be been " +
    "being am it its this that these those there their they them then than thus he she his her him we our " +
    "us you your me my who whom whose which what when where while why how not no nor but or if so do does " +
    "did done has have had having an all any each other another some such one two three more most much many " +
    "only also very well will would shall should can cannot could may might must about above after against " +
    "among before below between during over under through until since up down out off per via both either " +
    "neither own same too again further here now just even made make new"
  ).split(" "),
);

const LEADING_PUNCT = /^[("“‘'[]+/u;
const TRAILING_PUNCT = /[,.;:!?)"”’'\]]+$/u;
const LETTERS = /^\p{L}+$/u;
/** Words that may follow a suspended hyphen ("troop- and police-contributing"). */
const SUSPENDED_HYPHEN_FOLLOWERS = new Set(["and", "or", "nor", "to"]);

export interface Vocabulary {
  /** Lower-cased word -> occurrences as a standalone token (hyphen/apostrophe parts included). */
  counts: Map<string, number>;
  /** Lower-cased word -> occurrences as one half of a candidate split (see splitCandidates). */
  splitHalves: Map<string, number>;
}

const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

function core(token: string): string {
  return token.replace(LEADING_PUNCT, "").replace(TRAILING_PUNCT, "");
}

interface Candidate {
  index: number; // position of the left half in the token array
  left: string; // letters of the left half
  right: string; // letters of the right half
  joined: string; // lower-cased joined form
}

/** Adjacent tokens that would form a known word if the space between them were removed. */
function splitCandidates(tokens: string[], isKnown: (w: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const left = tokens[i]!.replace(LEADING_PUNCT, "");
    const m = /^(\p{Ll}+)([,.;:!?)"”’'\]]*)$/u.exec(tokens[i + 1]!);
    if (!m || !LETTERS.test(left)) continue;
    const joined = (left + m[1]!).toLowerCase();
    if (isKnown(joined)) out.push({ index: i, left, right: m[1]!, joined });
  }
  return out;
}

/** Builds the report's own vocabulary, used to decide which splits and line-end hyphens to repair. */
export function buildVocabulary(text: string): Vocabulary {
  const counts = new Map<string, number>();
  const tokens = text.split(/\s+/).filter(Boolean);
  for (const token of tokens) {
    const c = core(token).toLowerCase();
    if (c === "") continue;
    inc(counts, c);
    const parts = c.split(/[-’']/);
    if (parts.length > 1) for (const p of parts) if (LETTERS.test(p)) inc(counts, p);
  }
  const splitHalves = new Map<string, number>();
  for (const c of splitCandidates(tokens, (w) => counts.has(w) || COMMON_WORDS.has(w))) {
    inc(splitHalves, c.left.toLowerCase());
    inc(splitHalves, c.right.toLowerCase());
  }
  return { counts, splitHalves };
}

const knownIn = (vocab: Vocabulary) => (w: string) => COMMON_WORDS.has(w) || vocab.counts.has(w);

/**
 * A half counts as a real word if it is common, or it is longer than two letters and also occurs in the
 * report outside split candidates (so "ty" from two "securi ty" splits does not vouch for itself).
 */
export function isRealWord(word: string, vocab: Vocabulary): boolean {
  const w = word.toLowerCase();
  if (COMMON_WORDS.has(w)) return true;
  if (w.length <= 2) return false;
  return (vocab.counts.get(w) ?? 0) - (vocab.splitHalves.get(w) ?? 0) > 0;
}

/**
 * Joins words split by a stray space. A split is repaired only when the joined form is a known word and
 * neither half is a real word, or one is and the other is a fragment of at most two letters ("th at").
 * Two real words ("in security", "up on") are never joined.
 */
export function repairSplitWords(text: string, vocab: Vocabulary): Repaired {
  const tokens = text.split(" ");
  const scored = splitCandidates(tokens, knownIn(vocab))
    .map((c) => {
      const leftReal = isRealWord(c.left, vocab);
      const rightReal = isRealWord(c.right, vocab);
      const fragment = leftReal ? c.right : c.left;
      const ok = !(leftReal && rightReal) && (!(leftReal || rightReal) || fragment.length <= 2);
      const score = (leftReal ? 0 : 1) + (rightReal ? 0 : 1);
      return { c, ok, score, freq: vocab.counts.get(c.joined) ?? 0 };
    })
    .filter((s) => s.ok)
    // Overlapping candidates ("for th e"): prefer the one with more non-word halves, then the commoner word.
    .sort((x, y) => y.score - x.score || y.freq - x.freq || x.c.index - y.c.index);

  const used = new Set<number>();
  const accepted: Candidate[] = [];
  for (const { c } of scored) {
    if (used.has(c.index) || used.has(c.index + 1)) continue;
    used.add(c.index).add(c.index + 1);
    accepted.push(c);
  }
  accepted.sort((a, b) => a.index - b.index);

  const repairs: Repair[] = [];
  const joinedAt = new Map(accepted.map((c) => [c.index, c]));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const c = joinedAt.get(i);
    if (c) {
      const after = tokens[i]! + tokens[i + 1]!;
      repairs.push({ kind: "split-word", before: `${c.left} ${c.right}`, after: c.left + c.right });
      out.push(after);
      i++;
    } else out.push(tokens[i]!);
  }
  return { text: out.join(" "), repairs };
}

/** Replaces every match of `re` with `fix(groups)`, logging each change as `before` -> `after`. */
function replaceLogged(
  text: string,
  re: RegExp,
  kind: RepairKind,
  fix: (g: string[]) => { before: string; after: string; replacement: string },
): Repaired {
  const repairs: Repair[] = [];
  const result = text.replace(re, (whole: string, ...rest: unknown[]) => {
    const { before, after, replacement } = fix([whole, ...(rest.slice(0, -2) as string[])]);
    if (before !== after) repairs.push({ kind, before, after });
    return replacement;
  });
  return { text: result, repairs };
}

/** "cash -based" -> "cash-based", "2017 -2018" -> "2017-2018". A digit after the hyphen needs a digit before it. */
export function repairSpaceHyphens(text: string): Repaired {
  return replaceLogged(text, /([\p{L}\d-]*[\p{L}\d]) -([\p{L}\d][\p{L}\d-]*)/gu, "space-hyphen", ([whole, left, right]) => {
    const after = /^\d/.test(right!) && !/\d$/.test(left!) ? whole! : `${left}-${right}`;
    return { before: whole!, after, replacement: after };
  });
}

/** "Taoudenni , tensions" -> "Taoudenni, tensions" (only before a space or the end). */
export function repairSpaceBeforePunctuation(text: string): Repaired {
  return replaceLogged(
    text,
    /(\S*[\p{L}\d)”"’]) +([,.;:!?)])(?=\s|$)/gu,
    "space-before-punctuation",
    ([whole, word, punct]) => ({ before: whole!, after: word! + punct!, replacement: word! + punct! }),
  );
}

/** Runs of spaces between words collapse to one. */
export function collapseDoubleSpaces(text: string): Repaired {
  return replaceLogged(text, /(\S+)( {2,})(?=(\S+))/g, "double-space", ([, left, spaces, right]) => ({
    before: `${left}${spaces}${right}`,
    after: `${left} ${right}`,
    replacement: `${left} `,
  }));
}

/**
 * Joins trimmed lines with single spaces. A line ending in a hyphen is glued to the next line: the hyphen
 * stays unless only the unhyphenated form is known to the vocabulary ("imple-" + "mentation"); a suspended
 * hyphen ("troop-" + "and police-…") keeps its space.
 */
export function joinLines(lines: readonly string[], vocab?: Vocabulary): Repaired {
  const repairs: Repair[] = [];
  let text = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    const firstWord = /^[\p{L}\d]+/u.exec(line)?.[0] ?? "";
    // Only the end of the text matters; matching the whole growing text each time is quadratic.
    const hyphenated = text.endsWith("-") ? /([\p{L}\d]+)-$/u.exec(text.slice(-80)) : null;
    if (text === "") text = line;
    else if (text.endsWith(" -")) text += line; // "six -" + "months": repairSpaceHyphens finishes it
    else if (hyphenated && firstWord !== "" && !SUSPENDED_HYPHEN_FOLLOWERS.has(firstWord.toLowerCase())) {
      const stem = hyphenated[1]!;
      const withHyphen = `${stem}-${firstWord}`.toLowerCase();
      const dropHyphen =
        vocab !== undefined && vocab.counts.has((stem + firstWord).toLowerCase()) && !vocab.counts.has(withHyphen);
      const after = dropHyphen ? stem + firstWord : `${stem}-${firstWord}`;
      repairs.push({ kind: "line-hyphen", before: `${stem}-\n${firstWord}`, after });
      text = (dropHyphen ? text.slice(0, -1) : text) + line;
    } else text += ` ${line}`;
  }
  return { text, repairs };
}

/** All in-line repairs, in a fixed order. */
export function repairText(text: string, vocab: Vocabulary): Repaired {
  const repairs: Repair[] = [];
  let current = text;
  for (const step of [
    collapseDoubleSpaces,
    repairSpaceHyphens,
    repairSpaceBeforePunctuation,
    (t: string) => repairSplitWords(t, vocab),
  ]) {
    const r = step(current);
    current = r.text;
    repairs.push(...r.repairs);
  }
  return { text: current, repairs };
}

/** Lines -> one repaired string. */
export function repairLines(lines: readonly string[], vocab: Vocabulary): Repaired {
  const joined = joinLines(lines, vocab);
  const repaired = repairText(joined.text, vocab);
  return { text: repaired.text, repairs: [...joined.repairs, ...repaired.repairs] };
}

export function countRepairs(repairs: readonly Repair[]): Record<RepairKind, number> {
  const counts: Record<RepairKind, number> = {
    "space-hyphen": 0,
    "split-word": 0,
    "space-before-punctuation": 0,
    "double-space": 0,
    "line-hyphen": 0,
  };
  for (const r of repairs) counts[r.kind]++;
  return counts;
}
