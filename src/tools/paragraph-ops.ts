// Arithmetic over figures quoted from one paragraph: percent change, difference, sum, ratio, share, percent-of.
import type { Paragraph } from "../report/schema.js";
import { NumericToolError } from "./errors.js";
import { decimalsOf, formatNumber, formatPercent, roundPercent, roundStated, roundTo } from "./format.js";
import { findParagraph, verifiedFigure, type ParsedFigure } from "./paragraph-figures.js";
import type { NumericResult, ParagraphProvenance } from "./types.js";

interface Operand {
  figure: ParsedFigure;
  /** Value in the common unit chosen for the operation. */
  value: number;
}

interface Aligned {
  operands: Operand[];
  unit: string;
  provenance: ParagraphProvenance[];
}

/** Verifies each figure in the paragraph and brings them to one unit (same scale kept; mixed scales → units). */
function align(paragraphs: readonly Paragraph[], paragraphNumber: number, texts: readonly string[], what: string): Aligned {
  if (texts.length === 0) throw new NumericToolError("EMPTY_SET", `No figures given for the ${what}.`);
  const paragraph = findParagraph(paragraphs, paragraphNumber);
  const figures = texts.map((t) => verifiedFigure(paragraph, t));
  const first = figures[0]!;
  if (figures.some((f) => f.percent !== first.percent || f.currency !== first.currency)) {
    throw new NumericToolError(
      "INCOMPATIBLE_UNITS",
      `The figures ${texts.map((t) => `"${t}"`).join(", ")} are in different units (${figures.map((f) => f.unit).join(", ")}).`,
    );
  }
  const sameScale = figures.every((f) => f.scale === first.scale);
  const operands = figures.map((figure) => ({
    figure,
    value: sameScale ? figure.written : roundTo(figure.written * figure.scale, 6),
  }));
  const unit = sameScale ? first.unit : first.currency === "" ? "number" : first.currency;
  const provenance = figures.map(
    (f): ParagraphProvenance => ({ source: "paragraph", paragraph: paragraph.number, figure: f.text, value: f.written, unit: f.unit }),
  );
  return { operands, unit, provenance };
}

function show(o: Operand): string {
  return formatNumber(o.value);
}

/** Sums and differences in exact decimals (no floating-point residue). */
function exactDecimal(value: number, operands: Operand[]): number {
  return roundTo(value, Math.max(0, ...operands.map((o) => decimalsOf(o.value))));
}

function base(a: Aligned, value: number, formula: string, rounding?: string, unit = a.unit): NumericResult {
  return { value, unit, formula, operands: a.provenance, warnings: [], ...(rounding ? { rounding } : {}) };
}

export function percentChange(paragraphs: readonly Paragraph[], input: { paragraph: number; from: string; to: string }): NumericResult {
  const a = align(paragraphs, input.paragraph, [input.from, input.to], "percent change");
  const [from, to] = a.operands as [Operand, Operand];
  if (from.value === 0) throw new NumericToolError("DIVISION_BY_ZERO", "The starting figure is 0; a percent change is undefined.");
  const { value, rounding } = roundPercent(((to.value - from.value) / from.value) * 100);
  const formula = `(${show(to)} − ${show(from)}) / ${show(from)} × 100 = ${formatPercent(value)}`;
  return base(a, value, formula, rounding, "per cent");
}

/** The percent change between two sums of figures: (Σ to − Σ from) / Σ from × 100. */
export function sumChange(paragraphs: readonly Paragraph[], input: { paragraph: number; from: string[]; to: string[] }): NumericResult {
  const a = align(paragraphs, input.paragraph, [...input.from, ...input.to], "percent change of sums");
  const from = a.operands.slice(0, input.from.length);
  const to = a.operands.slice(input.from.length);
  const total = (os: Operand[]) => exactDecimal(os.reduce((sum, o) => sum + o.value, 0), os);
  const [before, after] = [total(from), total(to)];
  if (before === 0) throw new NumericToolError("DIVISION_BY_ZERO", "The starting total is 0; a percent change is undefined.");
  const { value, rounding } = roundPercent(((after - before) / before) * 100);
  const sum = (os: Operand[]) => `(${os.map(show).join(" + ")})`;
  const formula = `(${sum(to)} − ${sum(from)}) / ${sum(from)} × 100 = (${formatNumber(after)} − ${formatNumber(before)}) / ${formatNumber(before)} × 100 = ${formatPercent(value)}`;
  return base(a, value, formula, rounding, "per cent");
}

export function figureDifference(paragraphs: readonly Paragraph[], input: { paragraph: number; a: string; b: string }): NumericResult {
  const al = align(paragraphs, input.paragraph, [input.a, input.b], "difference");
  const [a, b] = al.operands as [Operand, Operand];
  const value = exactDecimal(a.value - b.value, al.operands);
  return base(al, value, `${show(a)} − ${show(b)} = ${formatNumber(value)}`);
}

export function figureSum(paragraphs: readonly Paragraph[], input: { paragraph: number; figures: string[] }): NumericResult {
  const al = align(paragraphs, input.paragraph, input.figures, "sum");
  const value = exactDecimal(al.operands.reduce((s, o) => s + o.value, 0), al.operands);
  return base(al, value, `${al.operands.map(show).join(" + ")} = ${formatNumber(value)}`);
}

export function figureRatio(paragraphs: readonly Paragraph[], input: { paragraph: number; a: string; b: string }): NumericResult {
  const al = align(paragraphs, input.paragraph, [input.a, input.b], "ratio");
  const [a, b] = al.operands as [Operand, Operand];
  if (b.value === 0) throw new NumericToolError("DIVISION_BY_ZERO", "The divisor is 0.");
  const { value, rounding } = roundStated(a.value / b.value, 2, "Ratio");
  return base(al, value, `${show(a)} / ${show(b)} = ${formatNumber(value)}`, rounding, "ratio");
}

export function figureShare(paragraphs: readonly Paragraph[], input: { paragraph: number; part: string; whole: string }): NumericResult {
  const al = align(paragraphs, input.paragraph, [input.part, input.whole], "share");
  const [part, whole] = al.operands as [Operand, Operand];
  if (whole.value === 0) throw new NumericToolError("DIVISION_BY_ZERO", "The whole is 0.");
  const { value, rounding } = roundPercent((part.value / whole.value) * 100);
  return base(al, value, `${show(part)} / ${show(whole)} × 100 = ${formatPercent(value)}`, rounding, "per cent");
}

/** "14 per cent of the $293 million" → 41.0 (US$ million). */
export function percentOf(paragraphs: readonly Paragraph[], input: { paragraph: number; percent: string; of: string; remaining?: boolean }): NumericResult {
  const paragraph = findParagraph(paragraphs, input.paragraph);
  const pct = verifiedFigure(paragraph, input.percent);
  const of = verifiedFigure(paragraph, input.of);
  if (!pct.percent) throw new NumericToolError("INCOMPATIBLE_UNITS", `"${input.percent}" is not a percentage.`);
  if (of.percent) throw new NumericToolError("INCOMPATIBLE_UNITS", `"${input.of}" is a percentage, not an amount.`);
  const decimals = Math.max(1, decimalsOf(of.written));
  if (pct.written < 0 || pct.written > 100) throw new NumericToolError("INCOMPATIBLE_UNITS", `"${input.percent}" is not a share of a whole.`);
  const share = input.remaining ? 100 - pct.written : pct.written;
  const { value, rounding } = roundStated((share / 100) * of.written, decimals, "Amount");
  const provenance: ParagraphProvenance[] = [pct, of].map((f) => ({
    source: "paragraph", paragraph: paragraph.number, figure: f.text, value: f.written, unit: f.unit,
  }));
  const shown = input.remaining ? `(100% − ${formatNumber(pct.written)}%)` : `${formatNumber(pct.written)}%`;
  const formula = `${shown} × ${formatNumber(of.written)} = ${formatNumber(value, decimals)}`;
  return { value, unit: of.unit, formula, operands: provenance, warnings: [], ...(rounding ? { rounding } : {}) };
}
