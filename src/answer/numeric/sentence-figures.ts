// Splits a paragraph into sentences and finds the figures in each, with the words around them.
// Dates, years, document symbols and resolution numbers are not figures.
import { NUMBER_WORDS, parseFigure, type ParsedFigure } from "../../tools/paragraph-figures.js";
import { splitSentences } from "../../report/sentences.js";

export interface SentenceFigure {
  /** Exact text as printed (whitespace collapsed), e.g. "$293 million". */
  text: string;
  figure: ParsedFigure;
  start: number;
  end: number;
  /** Folded words just after the figure (up to the next figure) and a few before. */
  after: string[];
  before: string[];
  /** Preceded by "from" / "up from" / "down from": a starting value. */
  isFrom: boolean;
}

export interface Sentence {
  text: string;
  figures: SentenceFigure[];
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const FIGURE_RE = new RegExp(
  String.raw`(?:US\$|[$€£])?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(?:million|billion))?(?:\s*(?:per\s+cent|%))?|\b(?:${Object.keys(NUMBER_WORDS).join("|")})\b`,
  "gi",
);
const MONTH_AFTER = new RegExp(String.raw`^\s+(?:${MONTHS})\b`, "i");
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\s+$`, "i");

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2);
}


/** Function words of French names ("Coordination des mouvements et forces patriotiques de résistance 2"). */
const NAME_CONNECTORS = new Set(["de", "des", "du", "et", "pour", "la", "le", "les", "d", "l", "al", "el"]);

/**
 * A bare number directly after a name is part of the name ("Phase 2", "… patriotiques de résistance 2"):
 * the word just before is capitalised (and not the sentence's first word), or it ends a run of words,
 * unbroken by punctuation, that starts with a capitalised word and contains a French name connector.
 */
export function followsName(sentence: string, start: number, text: string): boolean {
  if (!/^\d/.test(text)) return false;
  const before = sentence.slice(0, start);
  if (!/[\p{L}]\s+$/u.test(before)) return false;
  const clause = before.split(/[,;:.()“”"–—]/).at(-1)!.trim();
  const tokens = clause.split(/\s+/).filter((t) => t !== "");
  if (tokens.length === 0) return false;
  const capitalised = (t: string) => /^\p{Lu}/u.test(t);
  const last = tokens.at(-1)!;
  const sentenceStart = tokens.length === 1 && before.trim().length === clause.length;
  if (capitalised(last) && !sentenceStart) return true;
  const run = tokens.slice(-8);
  const head = run.findIndex(capitalised);
  if (head < 0 || head === run.length - 1) return false;
  return run.slice(head + 1).some((t) => NAME_CONNECTORS.has(t.toLowerCase().replace(/[’']$/, "")));
}

function excluded(sentence: string, start: number, end: number, text: string, figure: ParsedFigure): boolean {
  const before = sentence.slice(Math.max(0, start - 14), start);
  const after = sentence.slice(end, end + 12);
  if (/[/\-–]$/.test(before) || /^[/\-–]\d/.test(after) || /^\/\S/.test(after)) return true;
  if (/\b(?:No\.|resolution|resolutions|Act|article|paragraph|para\.|S\/RES\/)\s*$/i.test(before)) return true;
  const plain = !figure.percent && figure.currency === "" && figure.scaleWord === "";
  if (plain && /^\d{4}$/.test(text) && figure.written >= 1900 && figure.written <= 2099) return true;
  if (plain && (MONTH_AFTER.test(after) || MONTH_BEFORE.test(before))) return true;
  if (plain && followsName(sentence, start, text)) return true;
  return false;
}

export function sentenceFigures(sentence: string): SentenceFigure[] {
  const found: { text: string; figure: ParsedFigure; start: number; end: number }[] = [];
  for (const m of sentence.matchAll(FIGURE_RE)) {
    const text = m[0].replace(/\s+/g, " ").trim();
    const start = m.index;
    const end = start + m[0].length;
    let figure: ParsedFigure;
    try {
      figure = parseFigure(text);
    } catch {
      continue;
    }
    if (excluded(sentence, start, end, text, figure)) continue;
    found.push({ text, figure, start, end });
  }
  return found.map((f, i) => {
    const nextStart = found[i + 1]?.start ?? sentence.length;
    const after = words(sentence.slice(f.end, nextStart)).slice(0, 10);
    const before = words(sentence.slice(Math.max(0, f.start - 40), f.start)).slice(-4);
    const isFrom = /\bfrom\s+(?:some\s+|about\s+|approximately\s+)?$/i.test(sentence.slice(Math.max(0, f.start - 30), f.start));
    return { ...f, after, before, isFrom };
  });
}

export function analyse(text: string): Sentence[] {
  return splitSentences(text).map((s) => ({ text: s, figures: sentenceFigures(s) }));
}
