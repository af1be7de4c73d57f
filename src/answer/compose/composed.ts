// What a composer returns: the answer text, whether it answers, its citations, the tool's trace for a
// computed figure, and for a refusal the passages it found related (never cited).
import type { Citation, RelatedPassage, ToolTrace } from "../contract.js";

export interface ComposedAnswer {
  answer: string;
  answered: boolean;
  citations: Citation[];
  tool?: ToolTrace;
  /** Every tool call, when the parts of a question computed more than one (`tool` is the first). */
  tools?: ToolTrace[];
  related?: RelatedPassage[];
  /** The sentences quoted ("p17#5"), for the next turn. */
  quoted?: string[];
}
