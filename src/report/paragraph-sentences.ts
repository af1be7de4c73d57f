// A paragraph's citable sentences: the shared splitter's sentences, each tagged with the sub-item it
// belongs to, so an answer can cite "para. 18 (b)".
import type { Paragraph } from "./schema.js";
import { sentenceSpans } from "./sentences.js";

export interface Sentence {
  paragraph: number;
  subItem?: string;
  /** Position within the paragraph, 0-based. */
  index: number;
  text: string;
}

function subItemSpans(paragraph: Paragraph) {
  return paragraph.subItems
    .map((item) => ({ label: item.label, start: paragraph.text.indexOf(item.text), length: item.text.length }))
    .filter((span) => span.start >= 0);
}

export function splitSentences(paragraph: Paragraph): Sentence[] {
  const items = subItemSpans(paragraph);
  return sentenceSpans(paragraph.text).map((span, index) => {
    // The sub-item's own text may start after its "(b) " marker, hence the small lead.
    const item = items.find((s) => span.start >= s.start - 4 && span.start < s.start + s.length);
    return { paragraph: paragraph.number, subItem: item?.label, index, text: span.text };
  });
}

export function citationRef(paragraph: number, subItem?: string): string {
  return subItem ? `para. ${paragraph} (${subItem})` : `para. ${paragraph}`;
}
