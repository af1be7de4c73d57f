// Time in a question: months and years it names ("since June 2016", "in April", "in 2019"), the
// period a comparison means ("the previous mandate period", "last period"), and which of them fall
// after the report's own "as at" date.
import type { TimeConstraint } from "./frame.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** "Oct", "Sept": the usual English abbreviations of month names. */
const MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept?", "oct", "nov", "dec"];
const MONTH_NAME = `(?:${MONTHS.join("|")}|(?:${MONTH_ABBREVIATIONS.join("|")})\\.?)`;
const MONTH_RE = new RegExp(
  String.raw`\b(?:(since|in|during|by|before|after|until|till|from|of|on)\s+)?(?:(?:the\s+)?(?:early|mid|late|end of|beginning of|start of|middle of)[- ]?\s*)?(?:\d{1,2}\s+)?(${MONTH_NAME})(?:\s+((?:19|20)\d\d)|\s?[-'’/]\s?((?:19|20)?\d\d))?\b`,
  "gi",
);
const monthNumber = (name: string) => {
  const n = name.toLowerCase().replace(/\.$/, "");
  const full = MONTHS.findIndex((m) => m === n);
  return full >= 0 ? full : MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
};
/** Words before a year that ask for all of it: "in calendar year 2016", "throughout 2016", "for the whole of 2016". */
const WHOLE_YEAR = /\b(?:(?:in|during|for|over)\s+)?(?:(?:the\s+)?calendar\s+year|throughout|(?:the\s+)?(?:whole|entire|full|all)\s+(?:of\s+)?(?:year\s+)?)\s*$/i;
const YEAR_RE = /\b(?:(since|in|during|by|before|after|until|from|of)\s+)?((?:19|20)\d\d)\b(?!\s*\))/gi;
const PREVIOUS = /\b(?:(?:at|by|since) the time of (?:the |its |my )?)?(?:previous|preceding|prior|last|earlier|former)\s+(?:mandate|reporting)?\s*(?:period|report|mandate|year|quarter|time|one)\b|\b(?:the )?(?:year|period|time|report|mandate(?: period)?) before\b|\bbefore that\b|\bpreviously\b|\bthe time before\b|\b(?:vs\.?|versus|compared (?:with|to)|than)\s+(?:the\s+)?(?:last|previous|prior|preceding)(?:\s+one\b)?(?=\s*(?:[?!.,;:]|$))/i;
const CURRENT = /\b(?:this|current|present)\s+(?:mandate|reporting)?\s*(?:period|mandate|report)\b|\bthis time(?: round| around)?\b|\bsince june 2016\b/i;

/** The kind of period a comparison names: "the previous mandate period", "this reporting period". */
const SPAN = /\b(mandate|reporting)\b/i;

function relationOf(word: string | undefined): TimeConstraint["relation"] {
  switch ((word ?? "in").toLowerCase()) {
    case "since":
    case "from":
      return "since";
    case "by":
      return "by";
    case "before":
      return "before";
    case "after":
      return "after";
    case "until":
    case "till":
      return "until";
    default:
      return "in";
  }
}

/**
 * asAtMonth (year * 12 + month), when given: "since June" and "last June" without a year mean the
 * latest June on or before the report's date, not the June of its year.
 */
export function timeConstraints(question: string, reportYear: number, asAtMonth?: number): TimeConstraint[] {
  const out: TimeConstraint[] = [];
  for (const m of question.matchAll(MONTH_RE)) {
    const month = monthNumber(m[2]!);
    // "May" is also a verb, "Mar" and "Dec" are words: only as months with a day, a year or a preposition.
    // "Jun-16", "Oct-2015": a month with a short year.
    const written = m[3] ?? (m[4] ? (m[4].length === 2 ? `20${m[4]}` : m[4]) : undefined);
    if (/^(?:may|mar|dec|jan)$/i.test(m[2]!) && !m[1] && !written && !/\d\s+\w+$/.test(m[0])) continue;
    const last = /\blast\s+$/i.test(question.slice(0, m.index));
    const past = !written && asAtMonth !== undefined && (last || relationOf(m[1]) === "since") && reportYear * 12 + month > asAtMonth;
    const year = written ? Number(written) : past ? reportYear - 1 : reportYear;
    const relation = last && /\bsince\s+last\s+$/i.test(question.slice(0, m.index)) ? "since" : relationOf(m[1]);
    out.push({ text: `${last ? "last " : ""}${m[0].trim()}`, relation, month: year * 12 + month, year, explicitYear: written !== undefined });
  }
  // "2016/17", "2017-18": a budget or fiscal period names two years.
  for (const m of question.matchAll(/\b((?:19|20)\d\d)[/–-](\d\d)\b/g)) {
    const first = Number(m[1]);
    const second = Number(`${m[1]!.slice(0, 2)}${m[2]}`);
    if (second === first + 1) out.push({ text: m[0], relation: "in", year: first, explicitYear: true }, { text: m[0], relation: "in", year: second, explicitYear: true });
  }
  for (const m of question.matchAll(YEAR_RE)) {
    if (out.some((t) => t.text.includes(m[2]!))) continue;
    const whole = WHOLE_YEAR.exec(question.slice(0, m.index + m[0].length - m[2]!.length));
    out.push({ text: whole ? `${whole[0].trim()} ${m[2]}` : m[0].trim(), relation: relationOf(m[1]), year: Number(m[2]), explicitYear: true, ...(whole ? { wholeYear: true } : {}) });
  }
  const spanOf = (text: string) => SPAN.exec(text)?.[1]?.toLowerCase() as TimeConstraint["span"];
  const previous = PREVIOUS.exec(question);
  if (previous) out.push({ text: previous[0], relation: "in", period: "previous", explicitYear: false, ...(spanOf(previous[0]) ? { span: spanOf(previous[0]) } : {}) });
  const current = CURRENT.exec(question);
  if (current) out.push({ text: current[0], relation: "in", period: "current", explicitYear: false, ...(spanOf(current[0]) ? { span: spanOf(current[0]) } : {}) });
  return out;
}

/** Named times after the report's "as at" month, as the question wrote them. */
export function timesAfter(times: readonly TimeConstraint[], asAtMonth: number): string[] {
  const asAtYear = Math.floor(asAtMonth / 12);
  return times
    .filter((t) => (t.month !== undefined ? t.month > asAtMonth : t.year !== undefined && t.year > asAtYear))
    .filter((t) => t.relation !== "before" && t.relation !== "until")
    .map((t) => t.text);
}
