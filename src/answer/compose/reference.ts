// Questions that name their source: a paragraph ("what does para. 42 say about helicopters?"), a
// paragraph's sub-item, or an annex.
import { formatNumber } from "../../tools/format.js";
import { scoreSentences } from "../evidence.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import { paragraphUnit } from "../knowledge/sentence-index.js";
import type { FramePart } from "../understand/frame.js";
import { citationRef } from "../../report/paragraph-sentences.js";
import type { ComposedAnswer } from "./composed.js";
import { composeExtractive } from "./extractive.js";
import { refusal } from "./refusal.js";

const OVERVIEW_SENTENCES = 3;
const ASKS_ABOUT = /\b(?:about|on|regarding|concerning)\b/i;

export function composeParagraphReference(part: FramePart, paragraph: number, subItem: string | undefined, k: ReportKnowledge): ComposedAnswer {
  const p = k.byParagraph.get(paragraph);
  const symbol = k.report.symbol;
  if (!p) return refusal(part.question, `It has numbered paragraphs 1 to ${k.report.paragraphs.length} only.`, symbol);
  const all = k.sentences.byUnit.get(paragraphUnit(paragraph)) ?? [];
  const inScope = subItem ? all.filter((s) => s.source.kind === "paragraph" && s.source.subItem === subItem) : all;
  if (inScope.length === 0) return refusal(part.question, `Paragraph ${paragraph} has no sub-item (${subItem}).`, symbol);
  // "What does para. 42 say about X?": the sentences of para. 42 about X; otherwise its opening.
  const focused = ASKS_ABOUT.test(part.question) && part.subject.some((s) => s.weight > 0);
  if (focused) {
    const scored = scoreSentences(part, [{ ref: `para. ${paragraph}`, score: 1, rank: 0, units: [paragraphUnit(paragraph)], agreed: true }], k, (s) => inScope.includes(s));
    if (scored[0] && scored[0].coverage > 0) return composeExtractive(part, scored[0], scored);
  }
  const opening = inScope.slice(0, OVERVIEW_SENTENCES);
  const ref = citationRef(paragraph, subItem);
  const where = [p.chapter, p.section].filter(Boolean).join(", ");
  const body = opening.map((s) => s.text).join(" ").replace(/[\s;:,.]+$/, "");
  const more = inScope.length > opening.length ? " …" : "";
  return {
    answer: `Paragraph ${paragraph}${subItem ? ` (${subItem})` : ""} (${where}) says: ${body}${more} (${ref}).`,
    answered: true,
    citations: [{ ref, paragraph, ...(subItem ? { subItem } : {}), quote: opening[0]!.text }],
    quoted: opening.map((s) => s.id),
  };
}

export function composeAnnexOverview(annex: "I" | "II", k: ReportKnowledge): ComposedAnswer {
  const report = k.report;
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
