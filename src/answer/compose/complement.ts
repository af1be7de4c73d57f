// "Of the 53 members of the commission, only six are women. How many of its members are men?": the
// report gives a whole and one part of it; the question asks for the opposite part (WordNet's antonym,
// or the word with "un-": "usable" / "unusable"), which the report never states. It is the whole minus
// that part: computed only when the question names the opposite of exactly one part's word, the
// sentence never says the asked word itself, and the whole is what the question counts.
import { figureWords, type Figure } from "../../figures/schema.js";
import { analyse } from "../../report/nlp.js";
import { termOf } from "../../report/terms.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import { askedHeadOf, type ScoredSentence } from "../evidence.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import type { FramePart, SubjectItem } from "../understand/frame.js";
import { covers } from "../understand/subject.js";
import { computed, run } from "./arithmetic.js";
import type { ComposedAnswer } from "./composed.js";

/** Sentences whose figures may hold the whole and its part: the best-matching evidence. */
const CANDIDATE_SENTENCES = 6;

/** Report terms for the opposite of a question word: its antonym, or the word without its "un-". */
function oppositeTerms(item: SubjectItem, k: ReportKnowledge): string[] {
  if (item.kind === "phrase" || item.text.includes(" ")) return [];
  const lemma = analyse(item.text)[0]?.lemma ?? item.text;
  const unprefixed = /^un(\p{L}{4,})$/iu.exec(item.text)?.[1];
  const bare = unprefixed ? termOf(unprefixed) : null;
  return [...k.glossary.opposites(lemma), ...(bare ? [bare] : [])];
}

export function complementOfPart(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge): ComposedAnswer | null {
  if (part.answerType !== "number" || part.operation) return null;
  const head = askedHeadOf(part);
  // The opposite may be the asked noun itself ("How many men sit on the commission?").
  const asked = part.subject.filter((i) => !i.carried && i.weight > 0);
  const found: { whole: Figure; given: Figure; sentence: ScoredSentence["sentence"] }[] = [];
  for (const { sentence } of scored.slice(0, CANDIDATE_SENTENCES)) {
    if (sentence.source.kind !== "paragraph") continue;
    for (const item of asked) {
      // The report says the asked word itself: the figure, if any, is stated, not left to compute.
      if (covers(sentence.terms, item) > 0) continue;
      const opposite = new Set(oppositeTerms(item, k));
      if (opposite.size === 0) continue;
      for (const given of sentence.figures) {
        if (given.partOf === undefined || given.unit !== "count" || given.period !== "current") continue;
        const whole = sentence.figures[given.partOf];
        if (!whole || whole.unit !== "count" || whole.value <= given.value) continue;
        if (![...figureWords(given)].some((t) => opposite.has(t))) continue;
        // The whole is what the question counts ("members", "helicopters"), when it names a noun.
        if (head && head !== item && covers(figureWords(whole), head) === 0) continue;
        found.push({ whole, given, sentence });
      }
    }
  }
  const only = found[0];
  if (!only || found.some((x) => x.whole.value !== only.whole.value || x.given.value !== only.given.value)) return null;
  const op: NumericOperation = { operation: "paragraphDifference", paragraph: only.whole.paragraph!, a: only.whole.text, b: only.given.text };
  const result = run(k.report, op);
  return result ? computed(op, result, "remainder", [only.sentence]) : null;
}
