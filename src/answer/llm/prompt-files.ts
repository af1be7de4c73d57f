// Reads the answer prompt templates from prompts/ (Node, and the Worker's asset build, which bundles
// the texts). The compiled build replaces import.meta.dirname with this file's source folder, so the
// path holds there too.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { answerPrompts, PROMPT_FILES, type AnswerPromptTexts, type AnswerPrompts } from "./prompts.js";

export const PROMPTS_DIR = resolve(import.meta.dirname, "../../../prompts");

export function readAnswerPromptTexts(dir: string = PROMPTS_DIR): AnswerPromptTexts {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return { system: read(PROMPT_FILES.system), user: read(PROMPT_FILES.user), final: read(PROMPT_FILES.final) };
}

export function loadAnswerPrompts(dir: string = PROMPTS_DIR): AnswerPrompts {
  return answerPrompts(readAnswerPromptTexts(dir));
}
