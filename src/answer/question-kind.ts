// What sort of answer a question wants, judged from its wording.
import { NUMBER_WORDS } from "../tools/paragraph-figures.js";

export interface QuestionKind {
  /** Wants a figure: how many / how much / what percentage. */
  quantity: boolean;
  /** Wants a date or time. */
  when: boolean;
}

const QUANTITY = /\b(?:how (?:many|much|long|far|often)|number of|what (?:percentage|proportion|share|amount|figure|total)|per ?cent|percentage|how big|how large)\b/i;
const WHEN = /\b(?:when|what date|which (?:day|month|year)|by what date|since when)\b/i;

export function questionKind(question: string): QuestionKind {
  return { quantity: QUANTITY.test(question), when: WHEN.test(question) };
}

/** Words the report writes figures with: the tool's number words plus round numbers and scales. */
const NUMBER_WORD_SOURCE = [...Object.keys(NUMBER_WORDS), "thirty", "forty", "fifty", "dozen", "hundred", "thousand", "million", "half"].join("|");
export const HAS_NUMBER = new RegExp(String.raw`\d|\b(?:${NUMBER_WORD_SOURCE})\b`, "i");
const NUMBER_TOKEN = new RegExp(String.raw`^(?:\d[\d,.]*|${NUMBER_WORD_SOURCE})$`);
/** A single lower-case word token that is a figure ("64", "1,434", "eight"). */
export const isNumberWord = (word: string | undefined) => word !== undefined && NUMBER_TOKEN.test(word);
export const HAS_DATE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b/;

const SHARE_QUESTION = /\b(?:what|which) (?:percentage|proportion|share|per ?cent)\b|\bhow (?:close|far along)\b|\bhow much of\b/i;
const CHANGE_QUESTION = /\b(?:rise|rose|risen|increase|increased|decrease|decreased|fall|fell|fallen|drop|dropped|grow|grew|grown|change|changed|differ)\b/i;
const STATED_SHARE = /\d\s?(?:per cent|%)/;

/**
 * The sentence, among the best or right after the best, that already states the share the question asks
 * for ("75 per cent"), so the report's own figure is quoted rather than recomputed.
 */
export function statesTheFigure<T extends { sentence: { text: string; unit: string; index: number }; score: number }>(
  question: string,
  scored: T[],
): T | undefined {
  const best = scored[0];
  if (!best || !SHARE_QUESTION.test(question) || CHANGE_QUESTION.test(question)) return undefined;
  const states = (s: T) => STATED_SHARE.test(s.sentence.text);
  // A figure often finishes the sentence before it ("Funding was inadequate… Only 14 per cent … had been received.").
  const next = scored.find((s) => s.sentence.unit === best.sentence.unit && s.sentence.index === best.sentence.index + 1);
  return scored.find((s) => s.score >= best.score * 0.7 && states(s)) ?? (next && states(next) ? next : undefined);
}
