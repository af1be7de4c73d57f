// The default composer: no LLM. The sentence that answers, copied verbatim with its citation marker,
// then one sentence of context when one bears on the question too. Annex I indicators are quoted with
// their status. A follow-up is not answered with the sentences the previous answer already quoted,
// unless nothing else answers it.
import type { Citation } from "../contract.js";
import type { ScoredSentence } from "../evidence.js";
import { citationOf, type ReportSentence } from "../knowledge/sentence-index.js";
import type { FramePart } from "../understand/frame.js";
import { covers } from "../understand/subject.js";
import type { ComposedAnswer } from "./composed.js";
import { terms } from "../../report/terms.js";

function withMarker(text: string, ref: string): string {
  const trimmed = text.replace(/[\s;:,]+$/, "");
  const end = /[.!?]$/.test(trimmed) ? trimmed.slice(-1) : ".";
  const body = /[.!?]$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
  return `${body} (${ref})${end}`;
}

export function renderSentence(sentence: ReportSentence): { text: string; citation: Citation } {
  const source = sentence.source;
  if (source.kind === "paragraph") return { text: withMarker(sentence.text, sentence.ref), citation: citationOf(sentence) };
  const { indicator } = source;
  const status = indicator.status.length ? `is marked ${indicator.status.join(" and ")}` : "has no state of implementation given";
  const deadline = indicator.deadline ? ` (deadline: ${indicator.deadline})` : "";
  const comments = indicator.comments ? ` Comments: ${indicator.comments.replace(/[\s.]+$/, "")}.` : "";
  return { text: `Benchmark indicator ${indicator.id}, “${indicator.text}”, ${status}${deadline}.${comments} (Annex I)`, citation: citationOf(sentence) };
}

/** Adds a citation, merging Annex I rows into one Annex I citation. */
export function addCitation(citations: Citation[], citation: Citation): void {
  const existing = citations.find((c) => c.ref === citation.ref);
  if (!existing) citations.push(citation);
  else if ("rows" in existing && "rows" in citation) existing.rows = [...new Set([...existing.rows, ...citation.rows])];
}

export function quoteSentences(sentences: ReportSentence[]): ComposedAnswer {
  const citations: Citation[] = [];
  const parts = sentences.map((s) => {
    const { text, citation } = renderSentence(s);
    addCitation(citations, citation);
    return text;
  });
  return { answer: parts.join(" "), answered: true, citations, quoted: sentences.map((s) => s.id) };
}

/**
 * @param best  the sentence the decide stage chose
 * @param avoid sentences the previous answer quoted (a follow-up asks something new)
 */
export function composeExtractive(part: FramePart, best: ScoredSentence, scored: ScoredSentence[], avoid: ReadonlySet<string> = new Set()): ComposedAnswer {
  let lead = best;
  if (avoid.has(best.sentence.id)) {
    const fresh = scored.find((s) => !avoid.has(s.sentence.id) && s.score >= best.score * 0.75 && s.unitCoverage >= 0.5);
    if (fresh) lead = fresh;
  }
  const chosen = [lead];
  const samePlace = (s: ScoredSentence) => s.sentence.unit === lead.sentence.unit;
  const addsSomething = (s: ScoredSentence) => part.subject.some((w) => covers(s.sentence.terms, w) > 0 && covers(lead.sentence.terms, w) === 0);
  // Context must concern the same named things as the lead ("Almoustarat"), not another event beside it.
  const required = part.subject.filter((w) => w.required && covers(lead.sentence.terms, w) > 0);
  const sameThings = (s: ScoredSentence) => required.every((w) => covers(s.sentence.terms, w) > 0);
  // Context from the same paragraph reads best; another paragraph must score nearly as well and add a subject.
  // (Or, elsewhere, one that answers all of it as well as the lead does: "What does the SG recommend on the mandate?" — para. 61 and para. 71.)
  const asWell = (s: ScoredSentence) => s.coverage >= lead.coverage && s.score >= lead.score * TIE;
  const context =
    scored.find((s) => s !== lead && s.coverage > 0 && samePlace(s) && sameThings(s) && s.score >= lead.score * 0.6 && !avoid.has(s.sentence.id)) ??
    scored.find((s) => s !== lead && s.coverage > 0 && !samePlace(s) && sameThings(s) && s.score >= lead.score * 0.9 && (addsSomething(s) || asWell(s)) && !avoid.has(s.sentence.id));
  if (context) chosen.push(context);
  // Keep the report's order within a paragraph when the earlier sentence answers as well.
  if (context && samePlace(context) && context.sentence.index === lead.sentence.index - 1 && lead.coverage <= context.coverage) chosen.reverse();
  // "The attacks claimed by that group included …": the group is named in the sentence before, which comes first.
  const antecedent = antecedentOf(lead, scored);
  if (antecedent && !chosen.includes(antecedent)) chosen.splice(chosen.indexOf(lead), 0, antecedent);
  return quoteSentences(chosen.map((c) => c.sentence));
}

/** A sentence of another paragraph scoring this close to the lead, about all of the question, answers it too. */
const TIE = 0.95;

/** "that group", "these attacks", "such measures": a noun the sentence points back to. */
const DEMONSTRATIVE = /\b(?:that|this|these|those|such)\s+(\p{L}+)/giu;

/** The sentence just before, when it names the noun the lead points back to. */
function antecedentOf(lead: ScoredSentence, scored: ScoredSentence[]): ScoredSentence | undefined {
  const pointed = [...lead.sentence.text.matchAll(DEMONSTRATIVE)].flatMap((m) => terms(m[1]!));
  if (pointed.length === 0) return undefined;
  const before = scored.find((s) => s.sentence.unit === lead.sentence.unit && s.sentence.index === lead.sentence.index - 1);
  return before && pointed.some((t) => before.sentence.terms.has(t)) ? before : undefined;
}
