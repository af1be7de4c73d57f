// The evidence as the model reads it: every sentence of each paragraph on its own line, led by the ref
// it must cite it with ("[para. 18 (b)] …"), so a citation names a paragraph and quotes a sentence of it.
import { citationRef, splitSentences } from "../../report/paragraph-sentences.js";
import type { StructuredReport } from "../../report/schema.js";

export function evidenceText(report: StructuredReport, paragraphs: readonly number[]): string {
  const byNumber = new Map(report.paragraphs.map((p) => [p.number, p]));
  const blocks: string[] = [];
  for (const n of new Set(paragraphs)) {
    const paragraph = byNumber.get(n);
    if (!paragraph) continue;
    blocks.push(splitSentences(paragraph).map((s) => `[${citationRef(s.paragraph, s.subItem)}] ${s.text}`).join("\n"));
  }
  return blocks.join("\n\n");
}
