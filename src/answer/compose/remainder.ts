// "Of the €605 million pledged, how much has not yet been committed?": the report gives a whole and the
// part of it that was committed ("approximately half (€303 million) has been committed"); what is not
// is the whole minus that part. Computed only when the question states the whole, negates the act,
// and exactly one part of that whole is described by the act.
import { figureWords, type Figure } from "../../figures/schema.js";
import { terms } from "../../report/terms.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import type { ScoredSentence } from "../evidence.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import type { FramePart } from "../understand/frame.js";
import { computed, run } from "./arithmetic.js";
import type { ComposedAnswer } from "./composed.js";

/** "not yet been committed", "hasn't been committed", "never disbursed", "uncommitted", "unspent": the act the question negates. */
const NEGATED_ACT = /(?:\b(?:not|never)|n['’]t)\s+(?:yet\s+|still\s+)?(?:been\s+|be\s+)?([\p{L}-]+)|\bun([\p{L}]+ed)\b/iu;

export function remainderOfWhole(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge): ComposedAnswer | null {
  const negated = NEGATED_ACT.exec(part.question);
  if (!negated || part.figures.length === 0) return null;
  const act = terms(negated[1] ?? negated[2]!)[0];
  if (!act) return null;
  const found: { whole: Figure; rest: Figure; sentence: ScoredSentence["sentence"] }[] = [];
  for (const { sentence } of scored.slice(0, 6)) {
    if (sentence.source.kind !== "paragraph") continue;
    for (const whole of sentence.figures) {
      if (!part.figures.includes(whole.value)) continue;
      const parts = sentence.figures.filter((f) => f.partOf === whole.index && f.unit === whole.unit && figureWords(f).has(act));
      for (const rest of parts) found.push({ whole, rest, sentence });
    }
  }
  const only = found[0];
  if (!only || found.some((x) => x.whole.value !== only.whole.value || x.rest.value !== only.rest.value)) return null;
  const op: NumericOperation = { operation: "paragraphDifference", paragraph: only.whole.paragraph!, a: only.whole.text, b: only.rest.text };
  const result = run(k.report, op);
  return result ? computed(op, result, "remainder", [only.sentence]) : null;
}
