// A plain "the report does not say" answer that names what was asked and cites nothing; what the
// report does say nearest to it goes in `related`.
import type { ScoredSentence } from "../evidence.js";
import type { ComposedAnswer } from "./composed.js";

/** Long questions are echoed only in part: enough to say what was asked. */
const MAX_ECHO = 160;

export function refusal(question: string, reason: string, symbol: string, related: ScoredSentence[] = []): ComposedAnswer {
  const oneLine = question.trim().replace(/\s+/g, " ");
  const asked = oneLine.length > MAX_ECHO ? `${oneLine.slice(0, MAX_ECHO).replace(/\s+\S*$/, "")}…` : oneLine;
  return {
    answer: `The report (${symbol}) does not answer “${asked}”. ${reason}`.trim(),
    answered: false,
    citations: [],
    ...(related.length ? { related: related.map((r) => ({ ref: r.sentence.ref, quote: r.sentence.text })) } : {}),
  };
}
