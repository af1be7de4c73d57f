// Where a sentence states a figure: numbers in digits or words, with a currency, a scale ("million")
// and "per cent", but not dates ("3 May", "June 2016", "2017"), years in parentheses, document numbers
// ("resolution 2295", "S/2017/271", "Act No. 2015-052") or the digits of a name ("G5").

export interface FigureSpan {
  text: string;
  start: number;
  end: number;
  value: number;
  unit: "count" | "percent" | "money";
}

export const NUMBER_WORD_VALUES: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** A duration or size written as one hyphenated word: "10-day", "six-month", "two-year-long". */
const UNIT_WORD = "day|week|month|year|hour|km|kilometre|metre|member|person|strong";
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.\-–])((?:US)?\$|€|£)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORD_VALUES).join("|")})(?:\s(thousand|million|billion))?(?:\s?(per cent|percent|%))?(?:(?=-(?:${UNIT_WORD})s?\b)|(?![\p{L}\p{N}/\-–]|\.\d|,\d{3}))`,
  "giu",
);
/** "3 May", and the first day of a range: "22 and 23 May", "3 to 28 April", "6 and 15 April". */
const DAY_BEFORE_MONTH = new RegExp(String.raw`^(?:\s(?:and|to|-|–)\s\d{1,2})?\s(?:${MONTH})\b`);
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH})\s$`);
const DOCUMENT_BEFORE = /\b(?:resolutions?|No\.|Nos\.|para(?:graph)?s?\.?|Add\.|annex|chapter|article|S\/\d+\/?)\s*$/i;
const SUPERLATIVE_AFTER = /^\s+of\s+(?:the|its|their)\s+(?:most|least|\p{L}+est)\b/iu;
const YEAR_IN_PARENTHESES_AFTER = /^\s\((?:19|20)\d\d\)/;

export function figureSpans(sentence: string): FigureSpan[] {
  const out: FigureSpan[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const [whole, currency, number, scale, percent] = m;
    const start = m.index + (whole.length - whole.trimStart().length);
    const end = m.index + whole.length;
    const before = sentence.slice(0, start);
    const after = sentence.slice(end);
    const isWord = /^[a-z]+$/i.test(number!);
    // A capitalised number word after "X of" is part of a name ("Group of Five").
    if (isWord && /^[A-Z]/.test(number!) && /\p{Lu}[\p{L}-]*\s+of\s+$/u.test(before)) continue;
    // "one of the most hostile environments": one among a superlative's kind, no count.
    if (isWord && /^one$/i.test(number!) && SUPERLATIVE_AFTER.test(after)) continue;
    const digits = number!.replace(/,/g, "");
    if (!currency && !percent && !scale && /^(?:19|20)\d\d$/.test(number!)) continue; // a year (1,920 is not one)
    if (DAY_BEFORE_MONTH.test(after) || MONTH_BEFORE.test(before)) continue; // "3 May", "May 2016"
    if (DOCUMENT_BEFORE.test(before) || YEAR_IN_PARENTHESES_AFTER.test(after)) continue; // "resolution 2295 (2016)"
    const written = isWord ? NUMBER_WORD_VALUES[number!.toLowerCase()]! : Number(digits);
    const value = scale ? Math.round(written * SCALE[scale.toLowerCase()]! * 1000) / 1000 : written;
    out.push({
      text: sentence.slice(start, end),
      start,
      end,
      value,
      unit: percent ? "percent" : currency ? "money" : "count",
    });
  }
  return out;
}
