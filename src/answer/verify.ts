// Checks a composed answer against its sources: cited paragraphs were retrieved, quotes are verbatim,
// and every number in the text occurs in a cited paragraph (or in the tool's result).
import type { Paragraph } from "../report/schema.js";
import type { ComposedAnswer } from "./numeric/types.js";

const MARKER = /\((?:para(?:graph)?s?\.?\s*\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and)\s*\d+)*|Annex\s+I{1,2})\)/gi;
const NUMBER = /\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

/** The numbers written in a text, as values: "1,717" and "1 717" -> 1717. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/[,\u00a0 ]/g, "")));
}

export function markersIn(text: string): number[] {
  return [...text.matchAll(/\(para(?:graph)?s?\.?\s*(\d+)/gi)].map((m) => Number(m[1]));
}

export function verifyAnswer(answer: ComposedAnswer, retrieved: Paragraph[], toolNumbers: number[] = []): string[] {
  const problems: string[] = [];
  const byNumber = new Map(retrieved.map((p) => [p.number, p]));
  const cited = new Set<number>();
  for (const citation of answer.citations) {
    if (!("paragraph" in citation)) continue;
    const paragraph = byNumber.get(citation.paragraph);
    if (!paragraph) {
      problems.push(`cites para. ${citation.paragraph}, which was not retrieved`);
      continue;
    }
    cited.add(paragraph.number);
    if (!paragraph.text.includes(citation.quote)) problems.push(`quote for para. ${citation.paragraph} is not verbatim: “${citation.quote}”`);
  }
  for (const n of markersIn(answer.answer)) {
    if (!byNumber.has(n)) problems.push(`marker (para. ${n}) refers to a paragraph that was not retrieved`);
    else if (!cited.has(n)) problems.push(`marker (para. ${n}) has no matching citation`);
  }
  if (answer.answered && answer.citations.length === 0) problems.push("an answer with no citation");
  const allowed = new Set([...toolNumbers, ...[...cited].flatMap((n) => numbersIn(byNumber.get(n)!.text))]);
  for (const value of numbersIn(answer.answer.replace(MARKER, " "))) {
    if (!allowed.has(value)) problems.push(`the number ${value} does not occur in any cited paragraph`);
  }
  return problems;
}
