// figures.json: every figure of every paragraph sentence, described (see describe.ts).
import { FiguresSchema, type Figures } from "../../src/figures/schema.js";
import type { StructuredReport } from "../../src/report/schema.js";
import { splitSentences } from "../../src/report/paragraph-sentences.js";
import { indicatorText } from "../../src/report/indicator-text.js";
import { describeSentence, inheritModifiers } from "./describe.js";

export function buildFigures(report: StructuredReport): Figures {
  const figures = [
    ...report.paragraphs.flatMap((p) => {
      const sentences = splitSentences(p).map((s) => ({ text: s.text, figures: describeSentence(s.text, { paragraph: p.number, ...(s.subItem ? { subItem: s.subItem } : {}), sentence: s.index }) }));
      return sentences.flatMap((s, i) => (i > 0 ? inheritModifiers(sentences[i - 1]!, s) : s.figures));
    }),
    ...report.annexI.indicators.flatMap((i) => describeSentence(indicatorText(i), { indicator: i.id, sentence: 0 })),
  ];
  return FiguresSchema.parse({ formatVersion: 1, figures });
}
