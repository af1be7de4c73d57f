// Every citable sentence of the report with what the later stages need to judge it: its terms, its
// figures (from figures.json), its dates, names and causes. Units are paragraphs ("p17") and Annex I
// indicators ("i2.3.1"); a sentence's id is its unit and position ("p17#5"). Term rarity is counted here.
import type { Citation } from "../contract.js";
import type { Figure } from "../../figures/schema.js";
import type { Indicator, StructuredReport } from "../../report/schema.js";
import { indicatorText } from "../../report/indicator-text.js";
import { citationRef, splitSentences } from "../../report/paragraph-sentences.js";
import { terms as termsOf } from "../../report/terms.js";
import { textFeatures, type TextFeatures } from "./text-features.js";

export type SentenceSource =
  | { kind: "paragraph"; paragraph: number; subItem?: string }
  | { kind: "indicator"; indicator: Indicator };

export interface ReportSentence extends TextFeatures {
  id: string;
  unit: string;
  index: number;
  text: string;
  source: SentenceSource;
  /** The citation ref: "para. 18 (b)" or "Annex I". */
  ref: string;
  termList: string[];
  terms: Set<string>;
  figures: Figure[];
}

export interface SentenceIndex {
  all: ReportSentence[];
  byId: Map<string, ReportSentence>;
  byUnit: Map<string, ReportSentence[]>;
  /** Every term of a unit (for unit-level coverage). */
  unitTerms(unit: string): Set<string>;
  /** The sentence right before this one in its unit, if any. */
  before(s: ReportSentence): ReportSentence | undefined;
  /** Rarity over sentences; an unseen term gets the maximum. */
  idf(term: string): number;
  /** Terms anywhere in the report, annex headings and rows included. */
  vocabulary: Set<string>;
  unitsWith(term: string): number;
  /** How many units hold every one of the terms (anywhere in the unit). */
  unitsWithAll(terms: readonly string[]): number;
  /** True when some sentence holds the terms as a phrase: in order, next to each other (a stop word or two between). */
  hasAll(terms: readonly string[]): boolean;
}

export const paragraphUnit = (n: number) => `p${n}`;
export const indicatorUnit = (id: string) => `i${id}`;


export function citationOf(sentence: ReportSentence): Citation {
  const s = sentence.source;
  if (s.kind === "paragraph") return { ref: sentence.ref, paragraph: s.paragraph, ...(s.subItem ? { subItem: s.subItem } : {}), quote: sentence.text };
  return { ref: "Annex I", annex: "I", rows: [s.indicator.id] };
}

/**
 * @param impliedTerms terms a sentence stands for beyond its words (a sentence naming countries is about
 *                     countries); they count for coverage, not for rarity
 */
export function buildSentenceIndex(report: StructuredReport, figures: readonly Figure[], impliedTerms: (text: string) => string[] = () => []): SentenceIndex {
  const figuresOf = new Map<string, Figure[]>();
  for (const f of figures) {
    const unit = f.paragraph !== undefined ? paragraphUnit(f.paragraph) : indicatorUnit(f.indicator ?? "");
    const id = `${unit}#${f.sentence}`;
    figuresOf.set(id, [...(figuresOf.get(id) ?? []), f]);
  }
  const all: ReportSentence[] = [];
  const make = (unit: string, index: number, text: string, source: SentenceSource, ref: string, placeTerms: string[] = []): ReportSentence => {
    const termList = termsOf(text);
    const id = `${unit}#${index}`;
    const terms = new Set([...termList, ...impliedTerms(text), ...placeTerms]);
    return { id, unit, index, text, source, ref, termList, terms, figures: figuresOf.get(id) ?? [], ...textFeatures(text) };
  };
  for (const p of report.paragraphs) {
    for (const s of splitSentences(p)) {
      all.push(make(paragraphUnit(p.number), s.index, s.text, { kind: "paragraph", paragraph: p.number, ...(s.subItem ? { subItem: s.subItem } : {}) }, citationRef(p.number, s.subItem)));
    }
  }
  // An indicator is where a question about "the benchmark annex" points, though its text never says so.
  const indicatorPlace = termsOf("annex benchmark indicator");
  for (const indicator of report.annexI.indicators) {
    all.push(make(indicatorUnit(indicator.id), 0, indicatorText(indicator), { kind: "indicator", indicator }, "Annex I", indicatorPlace));
  }

  const byId = new Map(all.map((s) => [s.id, s]));
  const byUnit = new Map<string, ReportSentence[]>();
  for (const s of all) byUnit.set(s.unit, [...(byUnit.get(s.unit) ?? []), s]);
  const unitTermSets = new Map([...byUnit].map(([unit, list]) => [unit, new Set(list.flatMap((s) => [...s.terms]))]));
  const docFreq = new Map<string, number>();
  for (const s of all) for (const t of s.terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  const unitFreq = new Map<string, number>();
  for (const set of unitTermSets.values()) for (const t of set) unitFreq.set(t, (unitFreq.get(t) ?? 0) + 1);
  const vocabulary = new Set(docFreq.keys());
  const annexText = [
    report.annexII.title,
    ...report.annexII.rows.map((r) => r.country),
    ...report.annexI.areas.map((a) => `${a.title} ${a.goal}`),
    ...report.annexI.objectives.map((o) => o.text),
  ].join(" ");
  for (const t of termsOf(annexText)) vocabulary.add(t);
  const postings = new Map<string, Set<number>>();
  all.forEach((s, i) => {
    for (const t of s.terms) postings.set(t, (postings.get(t) ?? new Set()).add(i));
  });
  const n = all.length;
  const maxIdf = Math.log(1 + n);
  return {
    all,
    byId,
    byUnit,
    unitTerms: (unit) => unitTermSets.get(unit) ?? new Set(),
    before: (s) => byUnit.get(s.unit)?.find((x) => x.index === s.index - 1),
    idf: (term) => {
      const df = docFreq.get(term);
      return df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : maxIdf;
    },
    vocabulary,
    unitsWith: (term) => unitFreq.get(term) ?? 0,
    unitsWithAll: (terms) => [...unitTermSets.values()].filter((set) => terms.every((t) => set.has(t))).length,
    hasAll(terms) {
      if (terms.length === 0) return false;
      if (terms.length === 1) return vocabulary.has(terms[0]!);
      const lists = terms.map((t) => postings.get(t));
      if (lists.some((l) => !l)) return false;
      const [smallest, ...rest] = [...(lists as Set<number>[])].sort((a, b) => a.size - b.size);
      for (const i of smallest!) if (rest.every((l) => l.has(i)) && inOrder(all[i]!.termList, terms)) return true;
      return false;
    },
  };
}

/** The terms occur in this order, each within two terms of the one before. */
function inOrder(list: readonly string[], terms: readonly string[]): boolean {
  for (let start = 0; start < list.length; start++) {
    if (list[start] !== terms[0]) continue;
    let at = start;
    let ok = true;
    for (const t of terms.slice(1)) {
      const next = list.slice(at + 1, at + 3).indexOf(t);
      if (next < 0) {
        ok = false;
        break;
      }
      at += next + 1;
    }
    if (ok) return true;
  }
  return false;
}
