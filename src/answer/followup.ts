// Resolves a follow-up ("And in the previous mandate period?", "What about Ghana?") against the last turn.
import type { PriorTurn } from "./contract.js";

const FOLLOW_UP_OPENER = /^\s*(?:(?:ok(?:ay)?|right|thanks|and|so)[,.!]?\s+)?(?:and|but|also|so|then|what about|how about|what of|same for|now)\b/i;
const ANAPHOR = /\b(?:it|its|that|this|they|them|their|those|these|there|then|previous|earlier|same|former|latter|he|she|his|her)\b/i;

const SHORT_QUESTION_WORDS = 5;

export interface ResolvedQuestion {
  /** What the user typed. */
  question: string;
  /** What retrieval and composition work on: the question completed with the previous turn's topic. */
  resolved: string;
}

export function resolveFollowUp(question: string, previous: PriorTurn | undefined): ResolvedQuestion {
  if (!previous) return { question, resolved: question };
  const wordCount = question.trim().split(/\s+/).length;
  // Very short questions ("What percentage were women?") lean on the previous turn for their topic.
  const looksLikeFollowUp = FOLLOW_UP_OPENER.test(question) || (wordCount <= 8 && ANAPHOR.test(question)) || wordCount <= SHORT_QUESTION_WORDS;
  if (!looksLikeFollowUp) return { question, resolved: question };
  return { question, resolved: `${question.trim()} (${previous.resolvedQuestion.trim()})` };
}
