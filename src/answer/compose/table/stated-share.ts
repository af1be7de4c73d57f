// "What share of the individual police officers are women?": Annex II gives the parts to compute it
// from, but a paragraph may state the share itself ("97 per cent of individual police officers
// (including 16 per cent of women)"). The report's own figure is quoted beside the table's, each with
// its own date, so the reader sees both.
import { figureWords } from "../../../figures/schema.js";
import { terms } from "../../../report/terms.js";
import type { ReportKnowledge } from "../../knowledge/knowledge.js";
import type { ReportSentence } from "../../knowledge/sentence-index.js";
import type { FramePart } from "../../understand/frame.js";
import { covers } from "../../understand/subject.js";
import type { ComposedAnswer } from "../composed.js";
import { addCitation, quoteSentences } from "../extractive.js";

/**
 * The first retrieved paragraph sentence stating, as a percentage, the share of one sex in the asked
 * components of the Mission.
 * @param retrieved the sentence-index units retrieval found (a citation must come from the evidence)
 */
export function statedShareSentence(part: FramePart, k: ReportKnowledge, retrieved: ReadonlySet<string>): ReportSentence | undefined {
  const t = part.table;
  if (t?.annex !== "II" || part.operation?.kind !== "share" || t.countries.length > 0 || t.sexes.length !== 1) return undefined;
  const sex = new Set(terms(t.sexes[0]!));
  const components = part.subject.filter((s) => s.entityKind === "component");
  if (components.length === 0) return undefined;
  return k.sentences.all.find(
    (s) =>
      s.source.kind === "paragraph" &&
      retrieved.has(s.unit) &&
      s.figures.some((f) => {
        if (f.unit !== "percent" || f.period !== "current" || !f.head) return false;
        // The sex is the share's own noun ("16 per cent of women") or its clause's subject ("Women account for 2 per cent of …").
        const sexIsHead = sex.has(f.head);
        if (!sexIsHead && !f.context.some((w) => sex.has(w))) return false;
        const whole = sexIsHead && f.partOf !== undefined ? s.figures.find((x) => x.index === f.partOf) : undefined;
        const described = sexIsHead ? figureWords(whole ?? f) : new Set(f.terms);
        return components.every((c) => covers(described, c) > 0);
      }),
  );
}

export function withStatedShare(table: ComposedAnswer, stated: ReportSentence): ComposedAnswer {
  const quote = quoteSentences([stated]);
  const citations = [...quote.citations];
  for (const c of table.citations) addCitation(citations, c);
  return { ...table, answer: `${quote.answer} ${table.answer}`, citations, quoted: [...(quote.quoted ?? []), ...(table.quoted ?? [])] };
}
