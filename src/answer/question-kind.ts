// What sort of answer a question wants, judged from its wording.
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

export const HAS_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b/i;
export const HAS_DATE = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b/;
