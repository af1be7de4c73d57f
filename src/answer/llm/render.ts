// The model's structured answer as the text a user reads: each sentence with its citation markers
// before its final stop ("… 28 April (para. 47)."), as the extractive answers write them. The same
// rendering makes the streamed prefix, so what streamed is a prefix of the final text.
import type { NumericOperation } from "../../tools/numeric-input.js";
import { citationRef } from "../../report/paragraph-sentences.js";
import { parseParagraphRef, type LlmAnswer, type LlmSentence } from "./answer-schema.js";
import type { TurnTools } from "./turn-tools.js";

/** Partial output while it streams: any field may be missing yet. */
export type PartialAnswer = { answered?: boolean; sentences?: Partial<LlmSentence>[] };

const TRAILING = /[\s.!?;:,]+$/;

export function annexOf(op: NumericOperation): "I" | "II" | undefined {
  if (op.operation === "indicatorCount" || op.operation === "indicatorLookup") return "I";
  return op.operation.startsWith("paragraph") ? undefined : "II";
}

/** The markers a sentence carries: its paragraphs, then the annex each computed figure was read from. */
function markersOf(sentence: Partial<LlmSentence>, tools: TurnTools): string[] {
  const refs: string[] = [];
  for (const c of sentence.citations ?? []) {
    const parsed = typeof c?.ref === "string" ? parseParagraphRef(c.ref) : null;
    const ref = parsed ? citationRef(parsed.paragraph, parsed.subItem) : c?.ref?.trim();
    if (ref && !refs.includes(ref)) refs.push(ref);
  }
  for (const f of sentence.figures ?? []) {
    const call = f?.toolCallId ? tools.numericResult(f.toolCallId) : undefined;
    const annex = call && annexOf(call.op);
    if (annex && !refs.includes(`Annex ${annex}`)) refs.push(`Annex ${annex}`);
  }
  return refs;
}

function renderSentence(sentence: Partial<LlmSentence>, tools: TurnTools): string {
  const text = (sentence.text ?? "").trim();
  const refs = markersOf(sentence, tools);
  if (refs.length === 0) return text;
  const trimmed = text.replace(/[\s;:,]+$/, "");
  const end = /[.!?]$/.test(trimmed) ? trimmed.slice(-1) : ".";
  const body = /[.!?]$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
  return `${body} (${refs.join("; ")})${end}`;
}

export function renderAnswer(answer: LlmAnswer, tools: TurnTools): string {
  return answer.sentences.map((s) => renderSentence(s, tools)).filter(Boolean).join(" ");
}

/**
 * What of a partial answer can be shown already: the finished sentences in full, and the one being
 * written without its trailing stop (its markers go before it). Nothing until it says it answers.
 */
export function streamablePrefix(partial: PartialAnswer | null | undefined, tools: TurnTools): string {
  if (partial?.answered !== true || !Array.isArray(partial.sentences)) return "";
  const sentences = partial.sentences.filter((s): s is Partial<LlmSentence> => typeof s === "object" && s !== null);
  const done = sentences.slice(0, -1).map((s) => renderSentence(s, tools)).filter(Boolean);
  const last = sentences.at(-1);
  const open = typeof last?.text === "string" ? last.text.trimStart().replace(TRAILING, "") : "";
  return [...done, ...(open ? [open] : [])].join(" ");
}
