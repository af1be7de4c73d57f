// Verification of the model's answer: the rules every answer meets (verifyAnswer: cited paragraphs
// exist and were in the evidence, quotes are verbatim, markers match citations, numbers are backed),
// plus the LLM's own: every number it writes is in one of its cited quotes or in a result of a
// report_numbers call of this turn, and every figure it says it computed names a call that made it.
import type { Citation, LlmFallbackReason } from "../contract.js";
import type { ComposedAnswer } from "../compose/composed.js";
import { toolTrace } from "../compose/table/compose-table.js";
import { citationRef } from "../../report/paragraph-sentences.js";
import type { StructuredReport } from "../../report/schema.js";
import type { NumericResult } from "../../tools/types.js";
import { numbersIn, verifyAnswer } from "../verify.js";
import { parseParagraphRef, type LlmAnswer } from "./answer-schema.js";
import { annexOf, renderAnswer } from "./render.js";
import type { TurnTools } from "./turn-tools.js";

export interface Problem {
  reason: LlmFallbackReason;
  message: string;
}

/** Markers as render.ts writes them ("(para. 47; Annex II)"): their numbers are refs, not figures. */
const MARKERS = /\((?:(?:para\.\s*\d+(?:\s*\([a-z]\))?|Annex\s+I{1,2})(?:;\s*)?)+\)/g;

function resultNumbers(r: NumericResult): number[] {
  return [
    r.value,
    Math.abs(r.value),
    ...numbersIn(r.formula),
    ...numbersIn(r.rounding ?? ""),
    ...r.operands.flatMap((o) => [...Object.values(o).filter((v): v is number => typeof v === "number"), ..."figure" in o ? numbersIn(o.figure) : []]),
  ];
}

function reasonOf(message: string): LlmFallbackReason {
  if (/not verbatim/.test(message)) return "quote";
  if (/^the number /.test(message)) return "number";
  return "citation";
}

export interface CheckedAnswer {
  composed: ComposedAnswer;
  problems: Problem[];
}

export function checkAnswer(answer: LlmAnswer, tools: TurnTools, context: { report: StructuredReport; evidenceParagraphs: ReadonlySet<number> }): CheckedAnswer {
  const problems: Problem[] = [];
  const citations: Citation[] = [];
  const quotes: string[] = [];
  const usedCalls = new Map<string, NonNullable<ReturnType<TurnTools["numericResult"]>>>();
  for (const sentence of answer.sentences) {
    for (const c of sentence.citations) {
      const ref = parseParagraphRef(c.ref);
      if (!ref) {
        problems.push({ reason: "citation", message: `cites “${c.ref}”, which is not a paragraph ref` });
        continue;
      }
      quotes.push(c.quote);
      const citation = { ref: citationRef(ref.paragraph, ref.subItem), paragraph: ref.paragraph, ...(ref.subItem ? { subItem: ref.subItem } : {}), quote: c.quote };
      if (!citations.some((x) => "paragraph" in x && x.ref === citation.ref && x.quote === citation.quote)) citations.push(citation);
    }
    for (const f of sentence.figures) {
      const call = tools.numericResult(f.toolCallId);
      if (!call) {
        problems.push({ reason: "tool_call", message: `the figure ${f.value} names the tool call ${f.toolCallId}, which did not succeed this turn` });
        continue;
      }
      usedCalls.set(call.id, call);
      const made = new Set(resultNumbers(call.result));
      if (!numbersIn(f.value).every((n) => made.has(n))) problems.push({ reason: "tool_call", message: `the figure ${f.value} is not what the tool call ${f.toolCallId} returned` });
      if (!sentence.text.includes(f.value)) problems.push({ reason: "tool_call", message: `the figure ${f.value} is not in its sentence` });
    }
  }
  for (const call of usedCalls.values()) {
    const annex = annexOf(call.op);
    if (!annex) continue;
    const existing = citations.find((c): c is Extract<Citation, { annex: string }> => "annex" in c && c.annex === annex);
    if (existing) existing.rows.push(...(call.result.rows ?? []).filter((r) => !existing.rows.includes(r)));
    else citations.push({ ref: `Annex ${annex}`, annex, rows: [...(call.result.rows ?? [])] });
  }
  const first = [...usedCalls.values()][0];
  const composed: ComposedAnswer = {
    answer: renderAnswer(answer, tools),
    answered: answer.answered,
    citations,
    ...(first ? { tool: toolTrace(first.op, first.result) } : {}),
  };
  const successful = tools.numericCalls.flatMap((c) => (c.ok ? [c] : []));
  const toolNumbers = successful.flatMap((c) => resultNumbers(c.result));
  const evidenceParagraphs = new Set([...context.evidenceParagraphs, ...tools.searched]);
  for (const message of verifyAnswer(composed, { report: context.report, evidenceParagraphs, toolNumbers })) problems.push({ reason: reasonOf(message), message });
  // Stricter than verifyAnswer for the model: the quote, not anywhere in the cited paragraph.
  const backed = new Set([...quotes.flatMap(numbersIn), ...toolNumbers, ...numbersIn(context.report.symbol)]);
  for (const n of numbersIn(composed.answer.replace(MARKERS, " "))) {
    if (!backed.has(n)) problems.push({ reason: "number", message: `the number ${n} is in no cited quote and no tool result of this turn` });
  }
  return { composed, problems };
}
