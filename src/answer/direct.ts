// Answers for questions that name their source: a paragraph, a paragraph's sub-item, or an annex.
import type { Paragraph, StructuredReport } from "../report/schema.js";
import { formatNumber } from "../tools/format.js";
import type { ComposedAnswer } from "./numeric/types.js";
import { composeExtractive, scoreSentences } from "./extractive.js";
import { withoutReference, type DirectReference } from "./references.js";
import { refusal } from "./refusal.js";
import { paragraphUnit, type SentenceIndex } from "./sentence-index.js";
import { citationRef } from "./sentences.js";
import { subjectWords } from "./question-terms.js";

const OVERVIEW_SENTENCES = 3;

export function answerParagraphReference(
  question: string,
  reference: Extract<DirectReference, { kind: "paragraph" }>,
  byNumber: Map<number, Paragraph>,
  sentences: SentenceIndex,
  report: StructuredReport,
): ComposedAnswer {
  const paragraph = byNumber.get(reference.paragraph);
  if (!paragraph) {
    return refusal(question, `It has numbered paragraphs 1 to ${report.paragraphs.length} only.`, report.symbol);
  }
  const all = sentences.byUnit.get(paragraphUnit(paragraph.number)) ?? [];
  const inScope = reference.subItem ? all.filter((s) => s.source.kind === "paragraph" && s.source.subItem === reference.subItem) : all;
  if (inScope.length === 0) return refusal(question, `Paragraph ${paragraph.number} has no sub-item (${reference.subItem}).`, report.symbol);

  // "What does para. 42 say about X?" -> the sentences of para. 42 about X; otherwise its opening.
  const rest = withoutReference(question);
  const subject = subjectWords(rest, sentences);
  const scored = scoreSentences(rest, subject, [{ unit: paragraphUnit(paragraph.number), rank: 0 }], sentences).filter((s) => inScope.includes(s.sentence));
  const focused = scored[0] && scored[0].score > 0 && /\b(?:about|on|regarding|concerning)\b/i.test(rest);
  const chosen = focused ? composeExtractive(scored, subject) : null;
  if (chosen?.answered) return chosen;

  const opening = inScope.slice(0, OVERVIEW_SENTENCES);
  const ref = citationRef(paragraph.number, reference.subItem);
  const where = [paragraph.chapter, paragraph.section].filter(Boolean).join(", ");
  const body = opening.map((s) => s.text).join(" ").replace(/[\s;:,.]+$/, "");
  const more = inScope.length > opening.length ? " …" : "";
  return {
    answer: `Paragraph ${paragraph.number}${reference.subItem ? ` (${reference.subItem})` : ""} (${where}) says: ${body}${more} (${ref}).`,
    answered: true,
    citations: [{ ref, paragraph: paragraph.number, ...(reference.subItem ? { subItem: reference.subItem } : {}), quote: opening[0]!.text }],
  };
}

export function answerAnnexOverview(annex: "I" | "II", report: StructuredReport): ComposedAnswer {
  if (annex === "I") {
    const { indicators, areas } = report.annexI;
    return {
      answer:
        `Annex I sets out the benchmarks for monitoring the implementation of the Agreement on Peace and Reconciliation in Mali: ` +
        `${indicators.length} progress indicators under ${areas.length} areas (${areas.map((a) => `${a.id}. ${a.title}`).join("; ")}), ` +
        `each with its state of implementation, deadline and comments (Annex I).`,
      answered: true,
      citations: [{ ref: "Annex I", annex: "I", rows: indicators.map((i) => i.id) }],
    };
  }
  const { rows, totals, asAt } = report.annexII;
  const warnings = report.warnings.map((w) => ` Note: ${w.message}`).join("");
  return {
    answer:
      `Annex II gives the military and police strength of MINUSMA as at ${asAt} for ${rows.length} contributing countries: ` +
      `${formatNumber(totals.military.total)} military personnel and ${formatNumber(totals.totalPolice.total)} police ` +
      `(${formatNumber(totals.individualPolice.total)} individual police officers and ${formatNumber(totals.formedPoliceUnits.total)} in formed police units) (Annex II).${warnings}`,
    answered: true,
    citations: [{ ref: "Annex II", annex: "II", rows: ["Total"] }],
  };
}
