// Abbreviations the report defines itself ("Coordination des mouvements de l’Azawad (CMA)"), found with
// the Schwartz–Hearst algorithm (Schwartz & Hearst, "A simple algorithm for identifying abbreviation
// definitions in biomedical text", PSB 2003): a short form in parentheses, and the shortest run of
// preceding words whose characters contain the short form's, in order, starting at a word.

export interface Definition {
  short: string;
  long: string;
}

const SHORT_FORM = /\(([^()]{2,12})\)/g;

function isShortFormCandidate(s: string): boolean {
  const words = s.trim().split(/\s+/);
  return words.length <= 2 && /^[\p{L}\p{N}]/u.test(s) && /\p{L}/u.test(s) && /\p{Lu}/u.test(s) && s.length <= 10;
}

/** Splits words at spaces and at elisions ("l’Azawad" starts a word at "A"). */
function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const prev = text[i - 1];
    if (/[\p{L}\p{N}]/u.test(text[i]!) && (prev === undefined || /[\s'’\-(]/.test(prev))) starts.add(i);
  }
  return starts;
}

/** The Schwartz–Hearst best long form for a short form, from the candidate text before it; null when none. */
export function bestLongForm(short: string, candidate: string): string | null {
  const starts = wordStarts(candidate);
  const s = short.toLowerCase();
  const l = candidate.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && !starts.has(li)))) li--;
    if (li < 0) return null;
    si--;
    li--;
  }
  const start = [...starts].filter((i) => i <= li + 1).pop() ?? li + 1;
  let long = candidate.slice(start).trim();
  // A capitalised short form names a capitalised thing: leading lower-case words ("mandate of the
  // United Nations … (MINUSMA)") are context the backward scan swept in.
  if (/^\p{Lu}/u.test(short)) {
    const trimmed = long.replace(/^(?:\p{Ll}[\p{L}’'-]*\s+)+(?=\p{Lu})/u, "");
    if (trimmed.split(/\s+/).length > 1) long = trimmed;
  }
  return long.length > short.length && long.split(/\s+/).length > 1 ? long : null;
}

export function extractDefinitions(text: string): Definition[] {
  const out = new Map<string, Definition>();
  for (const m of text.matchAll(SHORT_FORM)) {
    const short = m[1]!.trim();
    if (!isShortFormCandidate(short)) continue;
    const before = text.slice(0, m.index).replace(/[\s,;:]+$/, "");
    // At most min(|SF| + 5, 2|SF|) words, and never across a sentence or clause break.
    const maxWords = Math.min(short.length + 5, short.length * 2);
    const clause = before.split(/[.;:!?]\s|\(/).pop() ?? "";
    const candidate = clause.split(/\s+/).slice(-maxWords).join(" ");
    const long = bestLongForm(short, candidate);
    if (long && !out.has(short)) out.set(short, { short, long });
  }
  return [...out.values()];
}
