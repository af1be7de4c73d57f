// One part of a question through decide and compose: a named source, a table, or the evidence, which
// the decide stage accepts or refuses; then paragraph arithmetic when an operation is asked and its
// operands align, else verbatim quotes.
import { composeArithmetic } from "./compose/arithmetic.js";
import { amountFromShare } from "./compose/amount-from-share.js";
import type { ComposedAnswer } from "./compose/composed.js";
import { composeExtractive } from "./compose/extractive.js";
import { composeAnnexOverview, composeParagraphReference } from "./compose/reference.js";
import { refusal } from "./compose/refusal.js";
import { composeTable } from "./compose/table/compose-table.js";
import { statedShareSentence, withStatedShare } from "./compose/table/stated-share.js";
import { dayOf } from "./asked-day.js";
import { decide } from "./decide.js";
import { scoreSentences, type RetrievedUnit } from "./evidence.js";
import type { ReportKnowledge } from "./knowledge/knowledge.js";
import type { FramePart } from "./understand/frame.js";

export interface PartAnswer {
  composed: ComposedAnswer;
  route: "reference" | "tool" | "retrieval" | "refusal";
}

export function answerPart(part: FramePart, units: RetrievedUnit[], k: ReportKnowledge, avoid: ReadonlySet<string>): PartAnswer {
  const ref = part.reference;
  if (ref?.kind === "paragraph") return { composed: composeParagraphReference(part, ref.paragraph, ref.subItem, k), route: "reference" };
  if (part.table?.annex === "II") {
    // Annex II is one snapshot ("as at 20 May 2017"): a question about another month or year it cannot answer.
    const other = part.times.filter((t) => (t.month !== undefined && t.explicitYear ? t.month !== k.asAt.month : t.explicitYear && t.year !== Math.floor(k.asAt.month / 12)));
    if (other.length > 0) {
      const when = other.map((t) => t.text.replace(/^\w+\s+(?=\d|[A-Z])/, "")).join(" or ");
      return { composed: refusal(part.question, `Annex II gives strength only as at ${k.asAt.label}, not for ${when}.`, k.report.symbol, []), route: "refusal" };
    }
  }
  // A day other than the table's own ("as of 26 May" against Annex II's 20 May) is for the paragraphs that give that day's figures.
  const otherDay = part.table?.annex === "II" && part.times.some((t) => {
    const day = dayOf(t);
    return day !== undefined && !k.asAt.label.toLowerCase().startsWith(day.toLowerCase());
  });
  if (part.table && !otherDay) {
    const table = composeTable(part, part.table, k.report);
    const stated = table?.answered && table.tool ? statedShareSentence(part, k, new Set(units.flatMap((u) => u.units))) : undefined;
    if (table) return { composed: stated ? withStatedShare(table, stated) : table, route: table.answered ? "tool" : "refusal" };
  }
  if (ref?.kind === "annex" && part.subject.every((s) => s.weight === 0 || s.kind === "entity")) return { composed: composeAnnexOverview(ref.annex, k), route: "reference" };
  // A question about the benchmarks the table tool cannot answer looks in Annex I's indicators first.
  const inAnnexI = part.table?.annex === "I" ? decide(part, scoreSentences(part, units, k, (s) => s.source.kind === "indicator"), k) : undefined;
  const decision = inAnnexI?.kind === "answer" ? inAnnexI : decide(part, scoreSentences(part, units, k), k);
  if (decision.kind === "refuse") return { composed: refusal(part.question, decision.reason, k.report.symbol, decision.related), route: "refusal" };
  // (What a stated share of an amount stands for comes first: "how much of the $293 million is missing" is no share to quote.)
  const computed = amountFromShare(part, decision.best, decision.scored, k) ?? composeArithmetic(part, decision.scored, k, decision.best);
  if (computed) return { composed: computed, route: "tool" };
  // A follow-up asking for a reason, what came next, or a description wants new sentences; one asking
  // for another figure may find it in the sentence already quoted ("And how many were wounded?").
  const fresh = ["reason", "description", "manner", "list"].includes(part.answerType) ? avoid : new Set<string>();
  return { composed: composeExtractive(part, decision.best, decision.scored, fresh), route: "retrieval" };
}
