// Finds numbers in answer text whatever their formatting, and matches expected figures against them.
// "1,717", "1 717", "1717", "15.2%", "15.2 per cent", "$1,077.6 million", "3.8 million", "eight", "twenty-one".

export interface NumberMention {
  /** The text as it appears, e.g. "3.8 million". */
  raw: string;
  /** Every reading of it: "3.8 million" reads as 3.8 and as 3,800,000. */
  values: number[];
}

export interface Tolerance {
  abs_tol?: number;
  rel_tol?: number;
}

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

const SPACE = "[ \\u00A0\\u202F\\u2009]";
// A digit group: 1,717 | 1 717 | 1717 | 15.2 — never the middle of "2.1.1", "2017" or "S/2017/478"-like ids.
const DIGITS = `(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:(?:,\\d{3})+|(?:${SPACE}\\d{3})+)(?!\\d)|\\d+)(\\.\\d+)?(?!\\.?\\d)`;
const WORD = `\\b(${TENS.filter(Boolean).join("|")})(?:[-${SPACE.slice(1, -1)}](${UNITS.slice(1, 10).join("|")}))?\\b|\\b(${UNITS.join("|")})\\b`;
const SUFFIX = `(?:${SPACE}*(%|per${SPACE}?cent\\b|percent\\b)|${SPACE}+(thousand|million|billion)\\b)?`;
const NUMBER_RE = new RegExp(`(?:${DIGITS}|${WORD})${SUFFIX}`, "giu");

function wordValue(tens: string | undefined, unit: string | undefined, small: string | undefined): number {
  if (small !== undefined) return UNITS.indexOf(small.toLowerCase());
  return TENS.indexOf((tens ?? "").toLowerCase()) * 10 + (unit ? UNITS.indexOf(unit.toLowerCase()) : 0);
}

export function extractNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const [raw, intPart, frac, tens, unit, small, , multiplier] = m;
    const base =
      intPart !== undefined ? Number(intPart.replace(/[^\d]/g, "") + (frac ?? "")) : wordValue(tens, unit, small);
    if (!Number.isFinite(base)) continue;
    const values = [base];
    const mult = multiplier ? MULTIPLIERS[multiplier.toLowerCase()] : undefined;
    if (mult !== undefined) values.push(Math.round(base * mult * 1e6) / 1e6);
    out.push({ raw: raw.trim(), values });
  }
  return out;
}

/** Signs are compared as magnitudes: answers say "a decrease of 4 per cent" as often as "-4%". */
export function numberMatches(expected: number, actual: number, tol: Tolerance = {}): boolean {
  const e = Math.abs(expected);
  const a = Math.abs(actual);
  const allowed = Math.max(tol.abs_tol ?? 0, (tol.rel_tol ?? 0) * e, 1e-9 * Math.max(1, e));
  return Math.abs(a - e) <= allowed;
}

/** The first mention matching `expected`, or undefined. */
export function findNumber(expected: number, text: string | NumberMention[], tol: Tolerance = {}): NumberMention | undefined {
  const mentions = typeof text === "string" ? extractNumbers(text) : text;
  return mentions.find((m) => m.values.some((v) => numberMatches(expected, v, tol)));
}

/** Expected numbers the text does not contain. */
export function missingNumbers(expected: number[], text: string, tol: Tolerance = {}): number[] {
  const mentions = extractNumbers(text);
  return expected.filter((e) => findNumber(e, mentions, tol) === undefined);
}
