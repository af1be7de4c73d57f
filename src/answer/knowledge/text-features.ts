// What a report sentence contains besides words: dates, people's names, causes. These let the decide
// stage check that an answer of the expected type is there ("when" needs a date, "who" a name).
const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
const DATE = new RegExp(String.raw`\b(?:\d{1,2}\s+(?:${MONTH})(?:\s+\d{4})?|(?:${MONTH})(?:\s+\d{4})|(?:early|mid|late|end of)[- ](?:${MONTH})|(?:19|20)\d\d|(?:${MONTH}))\b`, "g");
/** A title before a name, or a name given in apposition to a role ("the leader of …, Iyad ag Ghaly,"). */
const TITLED_NAME = /\b(?:Mr|Ms|Mrs|Dr)\.\s+((?:\p{Lu}[\p{L}’'-]+\s+){0,3}\p{Lu}[\p{L}’'-]+)|\b(?:President|Prime Minister|Minister|Colonel|Judge|Governor|Ambassador)\s+((?:\p{Lu}[\p{L}’'-]+\s+){0,3}\p{Lu}[\p{L}’'-]+)/gu;
const APPOSITIVE_NAME = /\b(?:leader|head|representative|commander|chief|chair(?:man|person)?|spokesperson|Representative|envoy|President|Minister)\b[^,.;]{0,80},\s+(\p{Lu}[\p{L}’'-]+(?:\s+(?:ag|bin|ben|de|da|el|al|van|von|\p{Lu}[\p{L}’'-]+)){1,3})(?=[,.;])/gu;
/** Words that state a cause or a purpose. */
export const CAUSE = /\b(?:because|owing to|due to|as a result of|as a consequence of|on account of|in order to|so as to|given (?:the|that)|in view of|in the face of|primarily because|mainly because|caused by|resulting from|driven by|fuelled by|in light of|in the light of|(?:constrained|limited|hindered|hampered|impeded|affected|prevented|delayed|caused|driven|fuelled|undermined) by|contribut(?:ed|es|ing)? to (?:an? |the )?(?:[\w-]+ )?(?:decrease|increase|reduction|decline|rise|improvement|deterioration|escalation|drop)|for lack of|for want of|as a result|on the grounds? that|for failing to|(?:as|since) (?:it|they|he|she|this|these) (?:had|has|have|was|were|is|are|did|does)(?: not)?)\b/i;

export interface TextFeatures {
  dates: string[];
  /** The months and years its dates name: absolute months (year × 12 + month) where a year is given, month numbers (0–11) either way. */
  times: { months: number[]; monthNames: number[]; years: number[] };
  people: string[];
  hasCause: boolean;
  /** The author speaking ("I recommend", "my Special Representative"). */
  firstPerson: boolean;
}

export function textFeatures(text: string): TextFeatures {
  const people = new Set<string>();
  for (const m of text.matchAll(TITLED_NAME)) people.add((m[1] ?? m[2])!.trim());
  for (const m of text.matchAll(APPOSITIVE_NAME)) people.add(m[1]!.trim());
  const dates = [...text.matchAll(DATE)].map((m) => m[0]);
  return { dates, times: timesOf(dates), people: [...people], hasCause: CAUSE.test(text), firstPerson: /\b(?:I|my|me)\b/.test(text) };
}

const MONTH_NAMES = MONTH.split("|");

function timesOf(dates: readonly string[]): TextFeatures["times"] {
  const months = new Set<number>();
  const monthNames = new Set<number>();
  const years = new Set<number>();
  for (const date of dates) {
    const month = MONTH_NAMES.findIndex((m) => date.includes(m));
    const year = /\b((?:19|20)\d\d)\b/.exec(date)?.[1];
    if (month >= 0) monthNames.add(month);
    if (year) years.add(Number(year));
    if (month >= 0 && year) months.add(Number(year) * 12 + month);
  }
  return { months: [...months], monthNames: [...monthNames], years: [...years] };
}

/** The clauses of a sentence that name a date ("… in Timbuktu on 3 May | and two others were killed … near Aguelhok"). */
export function datedClauses(text: string): string[] {
  return text.split(/\s*[;:]\s*|,?\s+(?:and|while|whereas|but)\s+(?=\p{Ll})/u).filter((clause) => new RegExp(DATE.source).test(clause));
}

/** Whether the sentence's dates name this month or year ("in April" matches any April; "July 2017" only that one). */
export function namesTime(features: Pick<TextFeatures, "times">, time: { month?: number; year?: number; explicitYear?: boolean }): boolean {
  if (time.month !== undefined) return time.explicitYear ? features.times.months.includes(time.month) : features.times.monthNames.includes(time.month % 12);
  return time.year !== undefined && features.times.years.includes(time.year);
}
