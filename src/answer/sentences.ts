// Splits a paragraph into citable sentences. Sub-item markers "(a)" start a new unit so an answer can
// cite "para. 18 (b)". Every sentence is an exact substring of the paragraph text, so quotes stay verbatim.
import type { Paragraph } from "../report/schema.js";

export interface Sentence {
  paragraph: number;
  subItem?: string;
  /** Position within the paragraph, 0-based. */
  index: number;
  text: string;
}

// Tokens that end with a full stop without ending a sentence.
const ABBREVIATION = /(?:\b(?:para|paras|No|Nos|Add|Mr|Ms|Mrs|Dr|St|Rev|Corr|Vol|art|arts|e\.g|i\.e|etc|a\.m|p\.m|U\.S|U\.N)|\b[A-Z])\.$/;
const SENTENCE_END = /[.!?][”"’)]?\s+(?=[A-Z“"(‘0-9])/g;
const SUB_ITEM_START = /\(([a-z])\)\s/g;

function subItemSpans(paragraph: Paragraph) {
  return paragraph.subItems
    .map((item) => ({ label: item.label, start: paragraph.text.indexOf(item.text), length: item.text.length }))
    .filter((span) => span.start >= 0);
}

export function splitSentences(paragraph: Paragraph): Sentence[] {
  const text = paragraph.text;
  const cuts = new Set<number>([0]);
  for (const match of text.matchAll(SUB_ITEM_START)) cuts.add(match.index);
  for (const match of text.matchAll(SENTENCE_END)) {
    if (match[0][0] === "." && ABBREVIATION.test(text.slice(Math.max(0, match.index - 7), match.index + 1))) continue;
    cuts.add(match.index + match[0].length);
  }
  const spans = subItemSpans(paragraph);
  const sorted = [...cuts].sort((a, b) => a - b);
  const sentences: Sentence[] = [];
  sorted.forEach((start, i) => {
    const raw = text.slice(start, sorted[i + 1] ?? text.length);
    const trimmed = raw.trim();
    if (!trimmed) return;
    const at = start + raw.indexOf(trimmed);
    const span = spans.find((s) => at >= s.start - 4 && at < s.start + s.length);
    sentences.push({ paragraph: paragraph.number, subItem: span?.label, index: sentences.length, text: trimmed });
  });
  return sentences;
}

export function citationRef(paragraph: number, subItem?: string): string {
  return subItem ? `para. ${paragraph} (${subItem})` : `para. ${paragraph}`;
}
