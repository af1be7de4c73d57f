// A plain "the report does not say" answer that names what was asked and cites nothing.
import type { ComposedAnswer } from "./numeric/types.js";

export function refusal(question: string, reason: string, symbol: string): ComposedAnswer {
  const asked = question.trim().replace(/\s+/g, " ");
  return {
    answer: `The report (${symbol}) does not answer “${asked}”. ${reason}`.trim(),
    answered: false,
    citations: [],
  };
}
