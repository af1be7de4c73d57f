// The texts whose vocabulary the lexicon covers: the paragraphs and every printed text of the annexes.
import type { StructuredReport } from "../../src/report/schema.js";

export function lexiconTexts(report: StructuredReport): string[] {
  return [
    ...report.paragraphs.map((p) => p.text),
    report.annexI.title,
    ...report.annexI.areas.flatMap((a) => [a.title, a.goal]),
    ...report.annexI.objectives.map((o) => o.text),
    ...report.annexI.indicators.flatMap((i) => [i.text, i.comments, ...i.status]),
    report.annexII.title,
  ].filter((t) => t.trim() !== "");
}
