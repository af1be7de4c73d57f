// retrieve: the frame's retrieval text through the LangChain retriever (`invoke`), then the sentences
// of the top units scored against the frame's subject. Evidence is sentence-level; the unit ranking is
// kept as it came from the retriever, so hit@k measures retrieval alone.
import type { BaseRetriever } from "@langchain/core/retrievers";
import type { Evidence } from "./contract.js";
import type { ReportKnowledge } from "./knowledge/knowledge.js";
import { indicatorUnit, paragraphUnit, type ReportSentence } from "./knowledge/sentence-index.js";
import { namesTime } from "./knowledge/text-features.js";
import type { FramePart, SubjectItem } from "./understand/frame.js";
import { covers } from "./understand/subject.js";

export interface RetrievedUnit {
  ref: string;
  score: number;
  /** 0-based rank. */
  rank: number;
  /** Sentence-index units it stands for: a paragraph, or each indicator of an Annex I objective. */
  units: string[];
  /** Both retrievers, independently, ranked it first. */
  agreed: boolean;
}

export interface ScoredSentence {
  sentence: ReportSentence;
  /** Rank of its unit in retrieval (0-based). */
  rank: number;
  /** Weighted share of the subject this sentence covers, 0..1. */
  coverage: number;
  /** … and its unit. */
  unitCoverage: number;
  /** Its unit is the one both retrievers ranked first. */
  agreed: boolean;
  score: number;
}

/** Extra score for a first-person sentence when the question asks about the report's author. */
const AUTHOR_BONUS = 0.2;
/** How much of the uncovered share matching stated figures closes. */
const STATED_FIGURES = 0.5;
/** Extra score for a sentence whose dates name the months and years the question names. */
const TIME_BONUS = 0.15;
/** How many retrieved units the sentence scoring looks at. */
export const EVIDENCE_UNITS = 8;

type UnitRetriever = Pick<BaseRetriever, "invoke">;

export async function retrieveUnits(retriever: UnitRetriever, text: string, k: ReportKnowledge, signal?: AbortSignal): Promise<RetrievedUnit[]> {
  const docs = await retriever.invoke(text, signal ? { signal } : {});
  return docs.map((d, i) => {
    const m = d.metadata as { ref: string; score?: number; paragraph?: number; annex?: "I" | "II"; rowKey?: string; lexicalRank?: number; denseRank?: number };
    const units =
      m.paragraph !== undefined
        ? [paragraphUnit(m.paragraph)]
        : m.annex === "I" && m.rowKey
          ? k.report.annexI.indicators.filter((x) => x.objective === m.rowKey).map((x) => indicatorUnit(x.id))
          : [];
    return { ref: m.ref, score: m.score ?? 0, rank: i, units, agreed: i === 0 && m.lexicalRank === 1 && m.denseRank === 1 };
  });
}

export function asEvidence(units: RetrievedUnit[]): Evidence[] {
  return units.map((u) => ({ ref: u.ref, score: u.score }));
}

export function weightOf(subject: readonly SubjectItem[]): number {
  return subject.reduce((s, x) => s + x.weight, 0);
}

/** Weighted share of the subject that a set of terms covers (0..1). */
export function coverageOf(terms: ReadonlySet<string>, subject: readonly SubjectItem[]): number {
  const total = weightOf(subject);
  if (total <= 0) return 0;
  return subject.reduce((s, x) => s + x.weight * covers(terms, x), 0) / total;
}

/** Sentences of the top units, best first, scored against the frame's subject (and its answer type). */
export function scoreSentences(part: FramePart, units: RetrievedUnit[], k: ReportKnowledge, only?: (s: ReportSentence) => boolean): ScoredSentence[] {
  const seen = new Set<string>();
  const out: ScoredSentence[] = [];
  // "What does the Secretary-General recommend?": the author speaks in the report as "I".
  const asksAuthor = part.subject.some((s) => s.kind === "entity" && s.alternatives.some((a) => a.terms.every((t) => k.authorTerms.has(t))));
  // The first retrieved units that hold sentences (Annex II rows are the numeric tool's).
  for (const u of units.filter((x) => x.units.length > 0).slice(0, EVIDENCE_UNITS)) {
    for (const unit of u.units) {
      if (seen.has(unit)) continue;
      seen.add(unit);
      const sentences = k.sentences.byUnit.get(unit) ?? [];
      const unitCoverage = withStatedFigures(coverageOf(k.sentences.unitTerms(unit), part.subject), part, sentences);
      const unitText = sentences.map((x) => x.text).join(" ");
      for (const sentence of sentences) {
        if (only && !only(sentence)) continue;
        const coverage = withStatedFigures(coverageOf(sentence.terms, part.subject), part, [sentence]);
        const score =
          coverage * (1 + 0.5 / (1 + u.rank)) + 0.25 * unitCoverage + typeBonus(part, sentence) + TIME_BONUS * timeMatch(part, sentence, unitText) + (asksAuthor && sentence.firstPerson ? AUTHOR_BONUS : 0);
        out.push({ sentence, rank: u.rank, coverage, unitCoverage, agreed: u.agreed, score: coverage > 0 ? score : 0 });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score || a.rank - b.rank);
}

/**
 * Figures the question states ("28→8") that the text states too say it is about the same thing: they
 * close half of the gap the words leave.
 */
function withStatedFigures(coverage: number, part: FramePart, sentences: readonly ReportSentence[]): number {
  const stated = part.figures ?? [];
  if (stated.length === 0) return coverage;
  const values = new Set(sentences.flatMap((s) => s.figures.map((f) => f.value)));
  const found = stated.filter((v) => values.has(v) || values.has(v * 1e6)).length / stated.length;
  return coverage + (1 - coverage) * STATED_FIGURES * found;
}

/** Share of the question's named months and years that the sentence's dates name (0 when it names none). */
function timeMatch(part: FramePart, s: ReportSentence, unitText: string): number {
  // "During the current mandate period": the paragraph that speaks of mandate periods, not the one about this reporting period.
  const named = part.times.filter((t) => t.month !== undefined || t.year !== undefined || t.span !== undefined);
  const names = (t: FramePart["times"][number]) => (t.span !== undefined && t.month === undefined && t.year === undefined ? unitText.includes(`${t.span} period`) : namesTime(s, t));
  return named.length === 0 ? 0 : named.filter(names).length / named.length;
}

/** A sentence that holds the kind of thing asked for ranks above one that only shares its words. */
function typeBonus(part: FramePart, s: ReportSentence): number {
  switch (part.answerType) {
    case "number":
      return s.figures.length > 0 ? 0.15 + (askedFigure(part, s) ? 0.2 : 0) : 0;
    case "date":
      return s.dates.length > 0 ? 0.15 : 0;
    case "person":
      return s.people.length > 0 ? 0.2 : 0;
    case "reason":
      return s.hasCause ? 0.2 : 0;
    default:
      return 0;
  }
}

/** A figure of the sentence that counts the asked thing ("Eight peacekeepers"). */
export function askedFigure(part: FramePart, s: ReportSentence) {
  const askedItems = askedItemsOf(part);
  if (askedItems.length === 0) return s.figures[0];
  return s.figures.find((f) => {
    const terms = new Set([...f.terms, ...(f.head ? [f.head] : [])]);
    return askedItems.some((item) => covers(terms, item) > 0);
  });
}

/** The item naming the head of the asked noun phrase ("candidates" in "prospective female candidates"). */
export function askedHeadOf(part: FramePart): SubjectItem | undefined {
  const head = part.asked?.toLowerCase().split(/\s+/).pop();
  if (!head) return undefined;
  return part.subject.find((s) => !s.carried && s.text.toLowerCase().split(/\s+/).pop() === head) ?? part.subject.find((s) => s.text.toLowerCase().split(/\s+/).pop() === head);
}

/** The subject items the "how many …" noun phrase names. */
export function askedItemsOf(part: FramePart): SubjectItem[] {
  if (!part.asked) return [];
  const asked = part.asked.toLowerCase();
  const named = (s: SubjectItem) => asked.includes(s.text.toLowerCase().split(" … ")[0]!);
  const own = part.subject.filter((s) => !s.carried && named(s));
  return own.length > 0 ? own : part.subject.filter(named);
}
