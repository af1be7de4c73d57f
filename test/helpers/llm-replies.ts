// Scripted replies of a fake OpenAI-compatible model (tool rounds, the end of the tool rounds, final
// structured answers) and what a user reads of a /v1/chat stream. No Node-only import: the Node
// tests and the workerd tests both use them.
import type { SseEvent } from "../../src/widget/sse.js";
import type { ScriptedReply, ScriptedToolCall } from "./openai-wire.js";

/** A tool round: the model asks for these calls. */
export const toolRound = (...toolCalls: ScriptedToolCall[]): ScriptedReply => ({ toolCalls });
/** The model calls no (more) tools: the tool rounds end. */
export const noMoreTools = (content = "I have what I need."): ScriptedReply => ({ content });
/** The final structured answer (content of the response_format json_schema call). */
export const finalAnswer = (answer: unknown, extra: Partial<ScriptedReply> = {}): ScriptedReply => ({ content: JSON.stringify(answer), ...extra });

export const numbersCall = (id: string, request: unknown): ScriptedToolCall => ({ id, name: "report_numbers", arguments: JSON.stringify({ request }) });
export const searchCall = (id: string, query: string): ScriptedToolCall => ({ id, name: "search_report", arguments: JSON.stringify({ query }) });

/** What the user ends up reading on /v1/chat: the deltas, each `replace` starting over. */
export function shownText(events: SseEvent[]): string {
  let text = "";
  for (const e of events) {
    if (e.event === "delta") text += (JSON.parse(e.data) as { text: string }).text;
    if (e.event === "replace") text = (JSON.parse(e.data) as { answer: string }).answer;
  }
  return text;
}
