// The LLM's final answer, as withStructuredOutput asks for it: sentences, each with the paragraphs it
// cites (verbatim quotes) and, for a figure it computed, the id of the report_numbers call that made it.
// Key order matters: "answered" comes first and each sentence's text before its citations, so the text
// can stream while the rest is still being written.
import { z } from "zod";

export const LlmCitationSchema = z.object({
  ref: z.string().describe('The paragraph the quote comes from, exactly as given in the evidence: "para. 47" or "para. 18 (b)".'),
  quote: z.string().min(1).describe("A sentence (or part of one) copied character for character from that paragraph."),
});

export const LlmFigureSchema = z.object({
  value: z.string().min(1).describe('A computed figure exactly as the sentence writes it, e.g. "1,717" or "12.5 per cent".'),
  toolCallId: z.string().min(1).describe("The id of the report_numbers call whose result is this figure."),
});

export const LlmSentenceSchema = z.object({
  text: z.string().min(1).describe("One sentence of the answer, without paragraph markers (they are added from the citations)."),
  citations: z.array(LlmCitationSchema).describe("The paragraphs this sentence rests on, each with a verbatim quote."),
  figures: z.array(LlmFigureSchema).describe("Every figure in this sentence that a report_numbers call computed (empty when none)."),
});

export const LlmAnswerSchema = z
  .object({
    answered: z.boolean().describe("false when the evidence does not answer the question."),
    sentences: z.array(LlmSentenceSchema).describe("The answer, one to four sentences, the direct answer first."),
  })
  .describe("The answer to the question, built only from the evidence and the tool results.");

export type LlmCitation = z.infer<typeof LlmCitationSchema>;
export type LlmSentence = z.infer<typeof LlmSentenceSchema>;
export type LlmAnswer = z.infer<typeof LlmAnswerSchema>;

const REF = /^\s*para(?:graph)?\.?\s*(\d+)\s*(?:\(([a-z])\))?\s*$/i;

/** "para. 18 (b)" -> {paragraph: 18, subItem: "b"}; anything else (an annex, a made-up form) -> null. */
export function parseParagraphRef(ref: string): { paragraph: number; subItem?: string } | null {
  const m = REF.exec(ref);
  if (!m) return null;
  return { paragraph: Number(m[1]), ...(m[2] ? { subItem: m[2].toLowerCase() } : {}) };
}
