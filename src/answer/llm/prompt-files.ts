// Reads the answer prompt templates from prompts/ (Node). The compiled build replaces
// import.meta.dirname with this file's source folder, so the path holds there too.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { answerPrompts, PROMPT_FILES, type AnswerPrompts } from "./prompts.js";

const PROMPTS_DIR = resolve(import.meta.dirname, "../../../prompts");

export function loadAnswerPrompts(dir: string = PROMPTS_DIR): AnswerPrompts {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return answerPrompts({ system: read(PROMPT_FILES.system), user: read(PROMPT_FILES.user), final: read(PROMPT_FILES.final) });
}
