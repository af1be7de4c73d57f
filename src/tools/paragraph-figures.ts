// Figures quoted from a paragraph: parse "$293 million", "12.5 per cent", "141,500", "Eight";
// verify the quoted text really occurs in the paragraph (tolerating "1,000" vs "1 000", "%" vs "per cent").
import type { Paragraph } from "../report/schema.js";
import { NumericToolError } from "./errors.js";
import { fold as foldText } from "../report/fold.js";

export interface ParsedFigure {
  /** The figure as quoted by the caller. */
  text: string;
  /** The number as written, e.g. 293 for "$293 million". */
  written: number;
  /** 1, 1e3, 1e6 or 1e9. */
  scale: number;
  scaleWord: "" | "thousand" | "million" | "billion";
  currency: "" | "US$" | "€" | "£";
  percent: boolean;
  /** e.g. "US$ million", "per cent", "million", "number". */
  unit: string;
}

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20,
};

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const CURRENCY: Record<string, ParsedFigure["currency"]> = { $: "US$", "us$": "US$", "€": "€", "£": "£" };

/** Number part: grouped thousands ("1,077.6", "1 000") or plain digits ("12.5"). */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const FIGURE_RE = new RegExp(
  String.raw`^(us\$|[$€£])?\s*(${NUMBER_SOURCE}|${Object.keys(NUMBER_WORDS).join("|")})\s*(thousand|million|billion)?\s*(per\s?cent|percent|%)?$`,
  "i",
);

export function unitOf(f: Pick<ParsedFigure, "percent" | "currency" | "scaleWord">): string {
  if (f.percent) return "per cent";
  const parts = [f.currency, f.scaleWord].filter((p) => p !== "");
  return parts.length === 0 ? "number" : parts.join(" ");
}

export function parseFigure(text: string): ParsedFigure {
  const m = FIGURE_RE.exec(text.trim());
  if (!m) throw new NumericToolError("UNPARSEABLE_FIGURE", `"${text}" is not a figure (expected e.g. "141,500", "$293 million", "12.5 per cent").`);
  const [, cur = "", num = "", scaleWord = "", pct = ""] = m;
  const word = NUMBER_WORDS[num.toLowerCase()];
  const written = word ?? Number(num.replace(/[,\u00a0 ]/g, ""));
  if (!Number.isFinite(written)) throw new NumericToolError("UNPARSEABLE_FIGURE", `"${text}" is not a finite number.`);
  const sw = scaleWord.toLowerCase() as ParsedFigure["scaleWord"];
  const figure = {
    text,
    written,
    scale: sw === "" ? 1 : SCALE[sw]!,
    scaleWord: sw,
    currency: CURRENCY[cur.toLowerCase()] ?? "",
    percent: pct !== "",
  };
  return { ...figure, unit: unitOf(figure) };
}

/** Folds text for figure matching: no thousands separators, "%" → "per cent", single spaces. */
export function normalizeForMatch(text: string): string {
  let out = foldText(text)
    .replace(/\s*%/g, " per cent")
    .replace(/\bpercent\b/g, "per cent")
    .replace(/us\$\s*/g, "$")
    .replace(/([$€£])\s+(?=\d)/g, "$1");
  // Remove thousands separators ("1,000", "1 000") between digit groups.
  let previous = "";
  while (previous !== out) {
    previous = out;
    out = out.replace(/(\d)[,\u00a0 ](\d{3})(?!\d)/g, "$1$2");
  }
  return out.replace(/\s+/g, " ").trim();
}

function occursIn(haystack: string, needle: string): boolean {
  if (needle === "") return false;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1] ?? " ";
    const after = haystack[at + needle.length] ?? " ";
    const afterNext = haystack[at + needle.length + 1] ?? " ";
    const wordStart = /[a-z]/.test(needle[0]!);
    const okBefore = wordStart ? !/[a-z0-9]/.test(before) : !/[\d.,]/.test(before);
    const okAfter = !/[a-z0-9]/.test(after) && !(/[.,]/.test(after) && /\d/.test(afterNext));
    if (okBefore && okAfter) return true;
    from = at + 1;
  }
}

export function findParagraph(paragraphs: readonly Paragraph[], number: number): Paragraph {
  const paragraph = paragraphs.find((p) => p.number === number);
  if (!paragraph) throw new NumericToolError("UNKNOWN_PARAGRAPH", `No paragraph ${number} is available.`);
  return paragraph;
}

/** Parses the figure and checks that its text occurs in the paragraph; throws OPERAND_NOT_IN_PARAGRAPH otherwise. */
export function verifiedFigure(paragraph: Paragraph, text: string): ParsedFigure {
  const figure = parseFigure(text);
  if (!occursIn(normalizeForMatch(paragraph.text), normalizeForMatch(text))) {
    throw new NumericToolError("OPERAND_NOT_IN_PARAGRAPH", `"${text}" does not occur in paragraph ${paragraph.number}.`);
  }
  return figure;
}
