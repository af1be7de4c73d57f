// Questions that name a paragraph ("what does para. 42 say?") or an annex go straight to it.
export type DirectReference =
  | { kind: "paragraph"; paragraph: number; subItem?: string }
  | { kind: "annex"; annex: "I" | "II" };

const PARAGRAPH_REF = /\b(?:para(?:graph)?s?\.?|¶)\s*(\d{1,3})(?:\s*\(([a-z])\))?/i;
const ANNEX_REF = /\bannex\s+(II|I|2|1)\b/i;

export function findDirectReference(question: string): DirectReference | null {
  const paragraph = PARAGRAPH_REF.exec(question);
  if (paragraph) return { kind: "paragraph", paragraph: Number(paragraph[1]), subItem: paragraph[2]?.toLowerCase() };
  const annex = ANNEX_REF.exec(question);
  if (annex) return { kind: "annex", annex: annex[1] === "II" || annex[1] === "2" ? "II" : "I" };
  return null;
}

/** The question with the reference itself removed: what is left is what is asked about it. */
export function withoutReference(question: string): string {
  return question.replace(PARAGRAPH_REF, " ").replace(ANNEX_REF, " ").replace(/\s+/g, " ").trim();
}

/** Where the question names its source ("para. 42", "Annex II"), for leaving it out of the subject. */
export function referenceSpanOf(question: string): { start: number; end: number } | undefined {
  const m = PARAGRAPH_REF.exec(question) ?? ANNEX_REF.exec(question);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

const RESOLUTION = /\bresolutions?\s+(\d{3,4})\b/gi;
const SYMBOL = /\bS\/\d{4}\/\d+\b/g;

/** Documents the question cites: "resolution 2364" (by number), "S/2017/271" (by symbol). */
export function citedDocuments(text: string): string[] {
  const resolutions = [...text.matchAll(RESOLUTION)].map((m) => `resolution ${m[1]}`);
  const symbols = [...text.matchAll(SYMBOL)].map((m) => m[0]);
  return [...new Set([...resolutions, ...symbols])];
}
