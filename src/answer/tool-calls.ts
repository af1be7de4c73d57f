// Every numeric-tool call of an answer: `tools` when its parts computed more than one, else its `tool`.
import type { ToolTrace } from "./contract.js";

export function toolCalls(answer: { tool?: ToolTrace | undefined; tools?: ToolTrace[] | undefined }): ToolTrace[] {
  return answer.tools ?? (answer.tool ? [answer.tool] : []);
}
