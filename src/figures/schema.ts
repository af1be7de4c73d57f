// The figures of the report's sentences, read at ingest (index file figures.json): each number with
// what it counts and how it relates to the others in its sentence. Paragraph arithmetic aligns a
// question's operands with these, and never adds a part to its own total.
import { z } from "zod";
import { terms } from "../report/terms.js";

export const FIGURE_UNITS = ["count", "percent", "money"] as const;
export const FIGURE_PERIODS = ["current", "previous"] as const;
export const FIGURE_ROLES = ["total", "change", "from", "to", "part", "whole"] as const;

export const FigureSchema = z.object({
  /** Where it is: a paragraph (its sentence, sub-item), or an Annex I indicator's text. */
  paragraph: z.number().int().positive().optional(),
  indicator: z.string().optional(),
  subItem: z.string().optional(),
  /** Sentence index within the paragraph (the shared splitter's order). */
  sentence: z.number().int().nonnegative(),
  /** Index of this figure among the sentence's figures. */
  index: z.number().int().nonnegative(),
  /** Exactly as written in the sentence: "105", "Eight", "3.8 million", "14 per cent", "$293 million". */
  text: z.string().min(1),
  /** Character offsets in the sentence. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The value, scale applied ("3.8 million" -> 3800000). */
  value: z.number().finite(),
  unit: z.enum(FIGURE_UNITS),
  /** Term of the noun it counts ("attack", "peacekeep"), its own or carried from an earlier figure of the sentence. */
  head: z.string().optional(),
  /** The noun of the head's "of" phrase ("131 members of the … forces": "forc"), which the figure counts too. */
  ofHead: z.string().optional(),
  /** True when the head (and its noun phrase) was carried over: "76 [attacks] against MINUSMA". */
  elided: z.boolean(),
  /** Terms that describe this figure: its noun phrase, its own modifiers and its verb. */
  terms: z.array(z.string()),
  /** Terms of what the clause says before its first figure (subject and verb), shared by its figures. */
  context: z.array(z.string()),
  /** Term of the verb that applies to it ("kill", "injur", "conduct"). */
  verb: z.string().optional(),
  /** "previous" when it is the comparison figure ("compared with 28 … in the previous mandate period", "up from 296"). */
  period: z.enum(FIGURE_PERIODS),
  role: z.enum(FIGURE_ROLES).optional(),
  /** A bound rather than a count: "a ceiling of up to 1,920 police personnel", "a maximum of 5,000". */
  limit: z.boolean().optional(),
  /** The figure (index in the sentence) this one is a part of: "413 … officers, including 29 women". */
  partOf: z.number().int().nonnegative().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const FiguresSchema = z.object({ formatVersion: z.literal(1), figures: z.array(FigureSchema) });
export type Figures = z.infer<typeof FiguresSchema>;

/** A figure the question states: as the report writes it, or in millions ("the $293 million" stated as 293). */
export const statesFigure = (value: number, stated: number): boolean => value === stated || value === stated * 1e6;

/** The figure counts the thing: its noun is one wording of it, or ends one its noun phrase spells out ("military personnel" for "troops"). */
export function headMatches(f: Figure, alternatives: string[][]): boolean {
  if (!f.head) return false;
  const phrase = new Set([...f.terms, f.head]);
  const heads = [f.head, ...(f.ofHead ? [f.ofHead] : [])];
  return alternatives.some((a) => heads.some((head) => (a.length === 1 ? a[0] === head : a.at(-1) === head && a.every((t) => phrase.has(t)))));
}

/**
 * The words that describe a figure: its noun phrase, modifiers and verb. Money and percentages name
 * what they measure before them ("unpaid assessed contributions … amounted to $53.3 million"), so a
 * figure without a noun of its own takes its clause's words too.
 */
export function figureWords(f: Figure, withVerb = true): Set<string> {
  // An amount is in its currency ("$293 million" is dollars).
  const currency = f.unit === "money" ? terms(f.text).filter((t) => !/\d/.test(t)) : [];
  return new Set([...f.terms, ...currency, ...(f.head ? [f.head] : []), ...(withVerb && f.verb ? [f.verb] : []), ...(f.unit !== "count" || !f.head ? f.context : [])]);
}
