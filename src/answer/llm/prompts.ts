// The answer prompts, built from the templates in prompts/ (answer.system.md, answer.user.md,
// answer.final.md). Building takes the texts, so a runtime without a file system can pass bundled
// copies; prompt-files.ts reads them from disk for Node.
import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";
import { z } from "zod";

/** The template texts, as prompts/ holds them (and the Worker's data bundle carries them). */
export const AnswerPromptTextsSchema = z.object({ system: z.string().min(1), user: z.string().min(1), final: z.string().min(1) });
export type AnswerPromptTexts = z.infer<typeof AnswerPromptTextsSchema>;

export interface AnswerPrompts {
  /** System rules and the question with its frame and evidence: what the tool rounds start from. */
  conversation: ChatPromptTemplate;
  /** The last turn: give the structured answer now. */
  final: PromptTemplate;
}

export const PROMPT_FILES = { system: "answer.system.md", user: "answer.user.md", final: "answer.final.md" } as const satisfies Record<keyof AnswerPromptTexts, string>;

export function answerPrompts(texts: AnswerPromptTexts): AnswerPrompts {
  return {
    conversation: ChatPromptTemplate.fromMessages([
      ["system", texts.system],
      ["human", texts.user],
    ]),
    final: PromptTemplate.fromTemplate(texts.final),
  };
}
