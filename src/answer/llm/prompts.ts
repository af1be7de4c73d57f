// Loads the answer prompt templates from prompts/ (never inline strings).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ChatPromptTemplate } from "@langchain/core/prompts";

const PROMPTS_DIR = resolve(import.meta.dirname, "../../../prompts");

export function loadAnswerPrompt(dir: string = PROMPTS_DIR): ChatPromptTemplate {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return ChatPromptTemplate.fromMessages([
    ["system", read("answer.system.md")],
    ["human", read("answer.user.md")],
  ]);
}
