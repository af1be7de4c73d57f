// What every answering route produces before the pipeline adds ids and stores the turn.
import type { Citation, ToolTrace } from "../contract.js";

export interface ComposedAnswer {
  answer: string;
  answered: boolean;
  citations: Citation[];
  tool?: ToolTrace;
}
