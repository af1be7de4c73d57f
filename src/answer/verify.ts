// verify: every number an answer states is quoted from a cited sentence or made by the numeric tool,
// every paragraph citation quotes its paragraph verbatim, and every paragraph it cites was in the
// evidence. Applies to every composer, the optional LLM one included.
import type { StructuredReport } from "../report/schema.js";
import type { ComposedAnswer } from "./compose/composed.js";
import { toolCalls } from "./tool-calls.js";
import { splitSentences } from "../report/paragraph-sentences.js";

const MARKER = /\((?:para(?:graph)?s?\.?\s*\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+)*|Annex\s+I{1,2})\)/gi;
const PARAGRAPH_REFERENCE = /\b(?:paragraph|para)s?\.?\s*\d+(?:\s*\([a-z]\))?/gi;
const NUMBER = /\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** The numbers written in a text, as values: "1,717" and "1 717" -> 1717. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/[,\u00a0 ]/g, "")));
}

export function markersIn(text: string): number[] {
  return [...text.matchAll(/\(para(?:graph)?s?\.?\s*(\d+)/gi)].map((m) => Number(m[1]));
}

export interface VerifyContext {
  report: StructuredReport;
  /** Paragraph numbers retrieval (or the question's own reference) brought up. */
  evidenceParagraphs: ReadonlySet<number>;
  /** The question: a part the report does not answer quotes it back (“… since June 2016?”), and its numbers are the user's. */
  question?: string;
  /** Numbers the numeric tool produced this turn beyond `answer.tool` (an LLM may call it more than once). */
  toolNumbers?: readonly number[];
}

/** Numbers the annex data can state: every cell of the rows cited, the totals, the "as at" date. */
function annexNumbers(answer: ComposedAnswer, report: StructuredReport): number[] {
  const out = numbersIn(report.annexII.asAt);
  for (const c of answer.citations) {
    if (!("annex" in c)) continue;
    if (c.annex === "II") {
      const rows = report.annexII.rows.filter((r) => c.rows.includes(r.country));
      for (const strength of [...rows, report.annexII.totals]) {
        for (const group of [strength.military, strength.individualPolice, strength.formedPoliceUnits, strength.totalPolice]) out.push(group.men, group.women, group.total);
        out.push(strength.military.total + strength.totalPolice.total, strength.military.women + strength.totalPolice.women, strength.military.men + strength.totalPolice.men);
      }
      out.push(report.annexII.rows.length, ...report.warnings.flatMap((w) => [w.printed, w.implied, w.used, ...numbersIn(w.message)]));
    } else {
      for (const i of report.annexI.indicators) out.push(...numbersIn(`${i.id} ${i.deadline ?? ""} ${i.comments} ${i.text}`));
      // Counts of indicators (by area, objective or status) are what the tool computes over Annex I.
      for (let n = 0; n <= report.annexI.indicators.length; n++) out.push(n);
      out.push(...report.annexI.areas.map((a) => Number(a.id)), ...report.annexI.objectives.flatMap((o) => numbersIn(o.id)));
    }
  }
  return out;
}

export function verifyAnswer(answer: ComposedAnswer, context: VerifyContext): string[] {
  if (!answer.answered) return [];
  const problems: string[] = [];
  const byNumber = new Map(context.report.paragraphs.map((p) => [p.number, p]));
  const cited = new Set<number>();
  for (const citation of answer.citations) {
    if (!("paragraph" in citation)) continue;
    const paragraph = byNumber.get(citation.paragraph);
    if (!paragraph) {
      problems.push(`cites para. ${citation.paragraph}, which does not exist`);
      continue;
    }
    if (!context.evidenceParagraphs.has(citation.paragraph)) problems.push(`cites para. ${citation.paragraph}, which was not in the evidence`);
    cited.add(citation.paragraph);
    if (!paragraph.text.includes(citation.quote)) problems.push(`quote for para. ${citation.paragraph} is not verbatim: “${citation.quote}”`);
  }
  for (const n of markersIn(answer.answer)) if (!cited.has(n)) problems.push(`marker (para. ${n}) has no matching citation`);
  if (answer.citations.length === 0) problems.push("an answer with no citation");
  const tools = toolCalls(answer);
  // A number must be in a sentence of a cited paragraph that the answer quotes word for word (or in a
  // citation's quote), not just somewhere in the paragraph it cites.
  const quotes = answer.citations.flatMap((c) => ("quote" in c && "paragraph" in c ? [c.quote] : []));
  const quotedSentences = [...cited].flatMap((n) => splitSentences(byNumber.get(n)!).map((x) => x.text)).filter((text) => answer.answer.includes(text.replace(/[.;:]\s*$/, "")));
  const allowed = new Set<number>([
    ...[...quotes, ...quotedSentences].flatMap(numbersIn),
    ...tools.flatMap((tool) => [tool.result, Math.abs(tool.result), ...numbersIn(tool.formula), ...tool.operands.flatMap((o) => Object.values(o).filter((v): v is number => typeof v === "number"))]),
    ...annexNumbers(answer, context.report),
    ...(context.toolNumbers ?? []),
  ]);
  // Markers, paragraph references ("from the figures in para. 39") and the report's symbol (a part it
  // does not answer names it) are references, not figures.
  const quotingQuestion = (text: string) => text.replace(/“([^”]*)”/g, (all, inner: string) => (context.question?.includes(inner.trim()) ? " " : all));
  const stated = quotingQuestion(answer.answer).replace(MARKER, " ").replace(PARAGRAPH_REFERENCE, " ").replaceAll(context.report.symbol, " ");
  for (const value of numbersIn(stated)) {
    if (!allowed.has(value)) problems.push(`the number ${value} is neither quoted from a cited passage nor made by the tool`);
  }
  return problems;
}
