// Optional LLM composer. Its output is verified against the retrieved paragraphs; anything that
// fails verification (invented number, unretrieved paragraph, non-verbatim quote) falls back to the
// extractive answer, and the reason is logged.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { z } from "zod";
import { citationRef } from "../../report/paragraph-sentences.js";
import type { StructuredReport } from "../../report/schema.js";
import type { ComposedAnswer } from "../compose/composed.js";
import type { Composer } from "../pipeline.js";
import { verifyAnswer } from "../verify.js";

const LlmOutputSchema = z.object({
  answered: z.boolean(),
  answer: z.string().min(1),
  citations: z.array(z.object({ paragraph: z.number().int().positive(), subItem: z.string().optional(), quote: z.string().min(1) })),
});

export interface LlmComposerOptions {
  model: BaseChatModel;
  prompt: ChatPromptTemplate;
  report: StructuredReport;
  log?: (message: string) => void;
}

function parseOutput(raw: string): ComposedAnswer {
  const json = raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1);
  const output = LlmOutputSchema.parse(JSON.parse(json));
  return {
    answer: output.answer,
    answered: output.answered,
    citations: output.citations.map((c) => ({ ref: citationRef(c.paragraph, c.subItem), paragraph: c.paragraph, ...(c.subItem ? { subItem: c.subItem } : {}), quote: c.quote })),
  };
}

export function createLlmComposer(options: LlmComposerOptions): Composer {
  const chain = options.prompt.pipe(options.model).pipe(new StringOutputParser());
  const log = options.log ?? ((m: string) => console.warn(`[sitrep] ${m}`));
  return {
    async compose({ question, paragraphs: numbers, extractive }) {
      const paragraphs = options.report.paragraphs.filter((p) => numbers.includes(p.number));
      let candidate: ComposedAnswer;
      try {
        const raw = await chain.invoke({
          report_title: options.report.title,
          report_symbol: options.report.symbol,
          question,
          paragraphs: paragraphs.map((p) => `[para. ${p.number}] ${p.text}`).join("\n\n"),
        });
        candidate = parseOutput(raw);
      } catch (err) {
        log(`LLM composer failed, using the extractive answer: ${err instanceof Error ? err.message : String(err)}`);
        return extractive;
      }
      // A refusal from the model is not trusted over an extractive answer the retrieval supports.
      if (!candidate.answered) return extractive;
      const problems = verifyAnswer(candidate, { report: options.report, evidenceParagraphs: new Set(numbers) });
      if (problems.length) {
        log(`LLM answer rejected, using the extractive answer: ${problems.join("; ")}`);
        return extractive;
      }
      return candidate;
    },
  };
}
