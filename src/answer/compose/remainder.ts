// "Of the €605 million pledged, how much has not yet been committed?": the report gives a whole and the
// part of it that was committed ("approximately half (€303 million) has been committed"); what is not
// is the whole minus that part. Computed only when the question negates the act, states the whole or
// names what the report gives as one, and exactly one part of that whole is described by the act.
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
  if (!negated) return null;
  const act = terms(negated[1] ?? negated[2]!)[0];
  if (!act) return null;
  // A whole the question does not state is one the sentence gives as a whole ("Of an estimated €605 million
  // … pledged"), described by what the question says besides the act ("the euros pledged").
  const said = new Set(part.subject.filter((i) => !i.carried).flatMap((i) => i.alternatives[0]!.terms).filter((t) => t !== act));
  const isWhole = (f: Figure) => (part.figures.length > 0 ? part.figures.includes(f.value) : f.role === "whole" && [...figureWords(f)].some((t) => said.has(t)));
  const found: { whole: Figure; rest: Figure; sentence: ScoredSentence["sentence"] }[] = [];
  for (const { sentence } of scored.slice(0, 6)) {
    if (sentence.source.kind !== "paragraph") continue;
    for (const whole of sentence.figures) {
      if (!isWhole(whole)) continue;
      // Its part: linked to it, or the one smaller amount of its kind beside a whole ("approximately half (€303 million)").
      const ofWhole = (f: Figure) => f.partOf === whole.index || (whole.role === "whole" && f !== whole && f.partOf === undefined && f.value < whole.value);
      const parts = sentence.figures.filter((f) => ofWhole(f) && f.unit === whole.unit && figureWords(f).has(act));
      for (const rest of parts) found.push({ whole, rest, sentence });
    }
  }
  const only = found[0];
  if (!only || found.some((x) => x.whole.value !== only.whole.value || x.rest.value !== only.rest.value)) return null;
  const op: NumericOperation = { operation: "paragraphDifference", paragraph: only.whole.paragraph!, a: only.whole.text, b: only.rest.text };
  const result = run(k.report, op);
  return result ? computed(op, result, "remainder", [only.sentence]) : null;
}
