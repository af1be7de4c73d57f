// "How many dollars had the appeal received by 26 May?", when the report states only "14 per cent of
// the $293 million required had been received": the amount is that share of that total, computed by
// the numeric tool. Only when the question asks for money in so many words, and the sentence ties its
// one percentage to its one amount with "of". A sentence stating an amount of its own is quoted instead.
import { statesFigure } from "../../figures/schema.js";
import { terms } from "../../report/terms.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import type { ScoredSentence } from "../evidence.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import type { FramePart } from "../understand/frame.js";
import { computed, run } from "./arithmetic.js";
import type { ComposedAnswer } from "./composed.js";

/** "14 per cent of the $293 million": what may stand between the percentage and the amount. */
const OF_THE = /^\s+of\s+(?:the\s+|an?\s+|some\s+)?(?:estimated\s+|total\s+)?$/i;

/** Currency words as the report's own amounts are written ("$293 million" -> "dollar", "€605 million" -> "euro"). */
function currencyTerms(k: ReportKnowledge): Set<string> {
  return new Set(k.sentences.all.flatMap((s) => s.figures.filter((f) => f.unit === "money").flatMap((f) => terms(f.text).filter((t) => !/\d/.test(t) && t !== "million" && t !== "billion"))));
}

/** How far below the best match another sentence may score and still be the one stating the share of the amount. */
const NEAR_BEST = 0.6;

/** "the shortfall", "still missing", "not yet received": what the rest of the whole stands for. */
const REST = /\b(?:missing|remain(?:ing|s|ed)?|left|unfunded|outstanding|short(?:fall)?|gap|lacking|not\s+(?:yet\s+)?(?:been\s+)?(?:received|funded|covered|met|paid))\b/i;

export function amountFromShare(part: FramePart, best: ScoredSentence | undefined, scored: ScoredSentence[], k: ReportKnowledge): ComposedAnswer | null {
  if (!best || part.answerType !== "number") return null;
  const op = part.operation;
  // "What is the HRP shortfall?", "How much of the $293 million was still missing?": the rest of the whole.
  // (A difference of one thing, or of one thing at two times — "the shortfall as at 26 May" — names no second amount.)
  const oneThing = op !== undefined && new Set(op.operands.map((o) => o.text)).size < 2;
  const rest = REST.test(part.question) && (op === undefined || op.shortfall === true || (op.kind === "difference" && oneThing) || op.kind === "share");
  if (op && !rest) return null;
  const currencies = currencyTerms(k);
  // The question asks for money: in a currency's words, or about an amount it states itself.
  const statesAmount = part.figures.length > 0 && /[$€£]\s?\d/.test(part.question);
  // A later part leans on the first ("how many dollars has the HRP received, and how much is still
  // missing?"); a follow-up turn asks afresh ("And how many people is the plan meant to reach?").
  const laterPart = !("followUp" in part && part.followUp);
  const words = [...terms(part.question), ...(laterPart ? part.subject.filter((i) => i.carried).flatMap((i) => terms(i.text)) : [])];
  if (!words.some((t) => currencies.has(t)) && !statesAmount) return null;
  // The best sentence, or the one right after it that finishes it ("Funding was inadequate … Only 14 per cent …"),
  // or another nearly as good (the best may be a benchmark indicator that names the plan but states no share of an amount).
  const next = scored.find((x) => x.sentence.unit === best.sentence.unit && x.sentence.index === best.sentence.index + 1);
  const near = scored.filter((x) => x.score >= best.score * NEAR_BEST).map((x) => x.sentence);
  for (const s of new Set([best.sentence, ...(next ? [next.sentence] : []), ...near])) {
    const answer = fromSentence(s, k, rest, statesAmount ? part.figures : undefined);
    if (answer) return answer;
  }
  return null;
}

function fromSentence(s: ScoredSentence["sentence"], k: ReportKnowledge, remaining: boolean, statedAmounts?: number[]): ComposedAnswer | null {
  const amounts = s.figures.filter((f) => f.unit === "money");
  const percents = s.figures.filter((f) => f.unit === "percent");
  if (amounts.length !== 1 || percents.length !== 1 || s.figures[0]?.paragraph === undefined) return null;
  const [amount, percent] = [amounts[0]!, percents[0]!];
  if (percent.end > amount.start || !OF_THE.test(s.text.slice(percent.end, amount.start)) || percent.role === "change") return null;
  // An amount the question states must be this one ("the $293 million").
  if (statedAmounts && !statedAmounts.some((v) => statesFigure(amount.value, v))) return null;
  const op: NumericOperation = { operation: "paragraphPercentOf", paragraph: s.figures[0].paragraph, percent: percent.text, of: amount.text, remaining };
  const result = run(k.report, op);
  return result ? computed(op, result, "percentOf", [s]) : null;
}
