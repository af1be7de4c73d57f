// What every answerer (table, paragraph arithmetic, extractive, LLM composer) returns to the pipeline.
import type { Citation, ToolTrace } from "../contract.js";

export interface ComposedAnswer {
  answer: string;
  answered: boolean;
  citations: Citation[];
  tool?: ToolTrace;
}
