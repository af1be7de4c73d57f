// A day and month the question names ("as at 26 May"), and whether a report sentence gives that day.
import type { ReportSentence } from "./knowledge/sentence-index.js";
import type { FramePart } from "./understand/frame.js";
import { escapeRegExp } from "../report/escape-regexp.js";

/** The day a time names ("26 May" of "as at 26 May"), if it names one. */
export const dayOf = (t: { text: string }) => /\b\d{1,2}\s+\p{L}+(?:\s+\d{4})?$/u.exec(t.text)?.[0];

export const namesDay = (day: string, s: ReportSentence) => new RegExp(String.raw`\b${escapeRegExp(day).replace(/\s+/g, "\\s+")}\b`, "i").test(s.text);

/** The sentence gives a day and month the question names. */
export function namesAskedDay(part: FramePart, s: ReportSentence): boolean {
  return part.times.some((t) => {
    const day = dayOf(t);
    return day !== undefined && namesDay(day, s);
  });
}
