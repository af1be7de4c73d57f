// The one sentence splitter of the project: ingest (chunking long paragraphs), retrieval (rerank),
// the answer composer and the numeric parser all cut the report's text the same way. Each sentence is
// an exact substring of the text, so quotes stay verbatim. A sub-item marker "(a)" starts a new unit.

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

// Tokens that end with a full stop without ending a sentence.
const ABBREVIATION = /(?:\b(?:para|paras|No|Nos|Add|Mr|Ms|Mrs|Dr|St|Rev|Corr|Vol|art|arts|e\.g|i\.e|etc|a\.m|p\.m|U\.S|U\.N|vs)|\b[A-Z])\.$/i;
const SENTENCE_END = /[.!?][”"’)]?\s+(?=[A-Z“"(‘0-9])/g;
const SUB_ITEM_START = /\(([a-z])\)\s/g;

export function sentenceSpans(text: string): SentenceSpan[] {
  const cuts = new Set<number>([0]);
  for (const match of text.matchAll(SUB_ITEM_START)) cuts.add(match.index);
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match[0][0] === "." && ABBREVIATION.test(text.slice(Math.max(0, match.index - 7), match.index + 1))) continue;
    cuts.add(match.index + match[0].length);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const spans: SentenceSpan[] = [];
  sorted.forEach((cut, i) => {
    const raw = text.slice(cut, sorted[i + 1] ?? text.length);
    const trimmed = raw.trim();
    if (!trimmed) return;
    const start = cut + raw.indexOf(trimmed);
    spans.push({ start, end: start + trimmed.length, text: trimmed });
  });
  return spans;
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => s.text);
}
