// Time in a question: months and years it names ("since June 2016", "in April", "in 2019"), the
// period a comparison means ("the previous mandate period", "last period"), and which of them fall
// after the report's own "as at" date.
import type { TimeConstraint } from "./frame.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = new RegExp(String.raw`\b(?:(since|in|during|by|before|after|until|from|of|on)\s+)?(?:(?:early|mid|late|the end of)[- ])?(?:\d{1,2}\s+)?(${MONTHS.join("|")})(?:\s+((?:19|20)\d\d))?\b`, "gi");
const YEAR_RE = /\b(?:(since|in|during|by|before|after|until|from|of)\s+)?((?:19|20)\d\d)\b(?!\s*\))/gi;
const PREVIOUS = /\b(?:previous|preceding|prior|last|earlier|former)\s+(?:mandate|reporting)?\s*(?:period|report|mandate|year|quarter|time)\b|\b(?:the )?(?:year|period|time|report) before\b|\bbefore that\b|\bpreviously\b|\bthe time before\b/i;
const CURRENT = /\b(?:this|current|present)\s+(?:mandate|reporting)?\s*(?:period|mandate|report)\b|\bsince june 2016\b/i;

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
      return "until";
    default:
      return "in";
  }
}

export function timeConstraints(question: string, reportYear: number): TimeConstraint[] {
  const out: TimeConstraint[] = [];
  for (const m of question.matchAll(MONTH_RE)) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    // "May" is also a verb: only as a month when a day, a year or a preposition comes with it.
    if (m[2]!.toLowerCase() === "may" && !m[1] && !m[3] && !/\d\s+may/i.test(m[0])) continue;
    const year = m[3] ? Number(m[3]) : reportYear;
    out.push({ text: m[0].trim(), relation: relationOf(m[1]), month: year * 12 + month, year });
  }
  for (const m of question.matchAll(YEAR_RE)) {
    if (out.some((t) => t.text.includes(m[2]!))) continue;
    out.push({ text: m[0].trim(), relation: relationOf(m[1]), year: Number(m[2]) });
  }
  const previous = PREVIOUS.exec(question);
  if (previous) out.push({ text: previous[0], relation: "in", period: "previous" });
  else if (CURRENT.test(question)) out.push({ text: CURRENT.exec(question)![0], relation: "in", period: "current" });
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
