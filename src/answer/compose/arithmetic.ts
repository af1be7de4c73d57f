// Paragraph arithmetic, guarded. It runs only on an explicit operation, and only when each operand is
// the figure its noun attaches to in the sentence ("76 [attacks] against MINUSMA"), both in one
// paragraph, in the period asked. When the report states the result itself ("an additional 65
// schools"), that sentence is quoted instead. A part is never added to its own total. When the
// operands cannot be aligned without doubt, it computes nothing and the caller quotes the sentence.
import { escapeRegExp } from "../../report/escape-regexp.js";
import { terms as termsOf } from "../../report/terms.js";
import { figureWords, headMatches, statesFigure, type Figure } from "../../figures/schema.js";
import { NumericToolError } from "../../tools/errors.js";
import { formatNumber } from "../../tools/format.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import { runOperation } from "../../tools/run-operation.js";
import { askedHeadOf, askedItemsOf, type ScoredSentence } from "../evidence.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import type { ReportSentence } from "../knowledge/sentence-index.js";
import type { FramePart, Operand } from "../understand/frame.js";
import type { ComposedAnswer } from "./composed.js";
import { quoteSentences } from "./extractive.js";
import { complementOfPart } from "./complement.js";
import { remainderOfWhole } from "./remainder.js";
import { toolTrace } from "./table/compose-table.js";
import { namesAskedDay } from "../asked-day.js";

interface Candidate {
  figure: Figure;
  sentence: ReportSentence;
  score: number;
}

/** Sentences whose figures may be operands: the best-matching evidence. */
const CANDIDATE_SENTENCES = 12;
/** A stated percentage answers a share question only from a sentence about most of what it asks. */
const STATED_COVERAGE = 0.75;
/** The share of an operand's weight a sentence must mention for its figures to be candidates. */
const MIN_SENTENCE_SHARE = 0.4;
/** What a figure for only part of the operand (one region's) keeps of its alignment. */
const NARROWER = 0.7;
/** How much of a figure's alignment rides on its sentence mentioning all of the operand. */
const COVERAGE_CREDIT = 0.5;
/** The best pair must beat any other reading by this much, or nothing is computed. */
const MARGIN = 0.1;

const covered = (terms: ReadonlySet<string>, alternatives: string[][]) => alternatives.some((a) => a.every((t) => terms.has(t)));

/**
 * How well a figure is the operand, among the figures of its sentence: of the operand's items the
 * sentence mentions, the share its own words cover (noun phrase, modifiers, verb), with half credit for
 * the clause around it. Items the sentence never mentions cannot tell its figures apart; but the
 * sentence must mention most of the operand, or it is about something else. Null when it is not one.
 */
function alignment(f: Figure, s: ReportSentence, operand: Operand): number | null {
  if (operand.period && f.period !== operand.period) return null;
  const own = figureWords(f);
  const clause = new Set([...f.context, ...s.termList]);
  const total = operand.items.reduce((sum, i) => sum + i.weight, 0) || 1;
  const present = operand.items.filter((i) => covered(clause, i.alternatives) || covered(own, i.alternatives));
  if (operand.items.some((i) => i.named && !present.includes(i))) return null;
  const presentWeight = present.reduce((sum, i) => sum + i.weight, 0);
  if (presentWeight / total < MIN_SENTENCE_SHARE) return null;
  let score = 0;
  for (const item of present) score += covered(own, item.alternatives) ? item.weight : item.weight * 0.5;
  if (!operand.period && f.period === "previous") score *= 0.5;
  // A sentence about all of the operand reads it better than one about part ("131 … forces were killed" over "105 attacks against the … forces" for forces killed).
  return (score / presentWeight) * (1 - COVERAGE_CREDIT * (1 - presentWeight / total));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The month a figure is dated to right after it ("296 in May 2016"), as year × 12 + month. */
function datedMonth(c: Pick<Candidate, "figure" | "sentence">): number | undefined {
  const after = c.sentence.text.slice(c.figure.end, c.figure.end + 40);
  const m = new RegExp(`^[^,.;()\\d]{0,20}?\\b(?:in|on|as at|as of)\\s+(?:\\d{1,2}\\s+)?(${MONTHS.join("|")})\\s+((?:19|20)\\d\\d)`).exec(after);
  return m ? Number(m[2]) * 12 + MONTHS.indexOf(m[1]!) : undefined;
}

const namesMonth = (part: FramePart, month: number) => part.times.some((t) => t.month === month || (t.month === undefined && t.year === Math.floor(month / 12)));

/** The figure is dated right after it to a month the question does not name. */
function datedOtherwise(c: Candidate, part: FramePart): boolean {
  const month = datedMonth(c);
  return month !== undefined && !namesMonth(part, month);
}

/** "How many more than in May 2016?": a sentence dates one of its figures to the month the question names, so the change since then is computed, not the stated change since another date. */
function datesAskedMonth(part: FramePart, scored: ScoredSentence[]): boolean {
  return scored.slice(0, CANDIDATE_SENTENCES).some(({ sentence }) =>
    sentence.figures.some((figure) => {
      const month = datedMonth({ figure, sentence });
      return month !== undefined && figure.period === "previous" && namesMonth(part, month);
    }),
  );
}

/**
 * The figure's own words name a place or body the operand does not ("a 42 per cent increase … in the
 * Mopti and Ségou regions"): it counts only part of what is asked. The host country's name or demonym
 * narrows only inside another body's name ("the Malian armed forces", not "Malian refugees").
 */
function narrower(f: Figure, s: ReportSentence, operand: Operand, k: ReportKnowledge): boolean {
  const asked = new Set(operand.items.flatMap((i) => i.alternatives.flat()));
  const host = countryTerms(k).host;
  const inOtherName = (t: string) => k.glossary.mentions(s.text).some((m) => !m.entry.host && termsOf(m.surface).includes(t));
  return [...f.terms, ...f.context].some((t) => k.isName(t) && !k.isImplicit(t) && !asked.has(t) && (!host.has(t) || inOtherName(t)));
}

const countryTermsOf = new WeakMap<ReportKnowledge, { host: ReadonlySet<string>; foreign: ReadonlySet<string> }>();

/** The terms of the host country's names and demonyms, and the one-word names and demonyms of the others ("french", "chad", "dutch"). */
function countryTerms(k: ReportKnowledge): { host: ReadonlySet<string>; foreign: ReadonlySet<string> } {
  let out = countryTermsOf.get(k);
  if (!out) {
    const wordings = (e: (typeof k.glossary.entries)[number]) => [e.phrase, ...e.aliases, ...(e.demonyms ?? [])].map((w) => termsOf(w));
    const entries = k.glossary.entries;
    out = {
      host: new Set(entries.filter((e) => e.host).flatMap(wordings).flat()),
      foreign: new Set(entries.filter((e) => e.kind === "country" && !e.host).flatMap(wordings).filter((t) => t.length === 1).map((t) => t[0]!)),
    };
    countryTermsOf.set(k, out);
  }
  return out;
}

/** Items that tell the operands apart ("MINUSMA" vs "Malian forces"): each must be in its own figure's words. */
function distinctive(operand: Operand, other: Operand | undefined): Operand["items"] {
  if (!other) return [];
  const key = (i: Operand["items"][number]) => i.alternatives.map((a) => a.join(" ")).join("|");
  const others = new Set(other.items.map(key));
  return operand.items.filter((i) => !others.has(key(i)));
}

function candidatesFor(operand: Operand, other: Operand | undefined, scored: ScoredSentence[], k: ReportKnowledge): Candidate[] {
  const must = distinctive(operand, other);
  const head = operand.items.find((i) => i.text === operand.head);
  const compoundNouns = new Set(operand.items.flatMap((i) => (i.alternatives[0]!.length > 1 ? [i.alternatives[0]!.at(-1)!] : [])));
  const foreign = countryTerms(k).foreign;
  const operandTerms = new Set(operand.items.flatMap((i) => i.alternatives.flat()));
  const out: Candidate[] = [];
  for (const { sentence } of scored.slice(0, CANDIDATE_SENTENCES)) {
    // The tool verifies operands in a paragraph: Annex I figures are quoted, not computed on.
    // Verbs tell a sentence's figures apart ("131 … killed and 176 injured"): when the operand names the
    // verb of some, the others are not it.
    // Only among figures of one noun: "66 cases … involving 115 victims" are told apart by their nouns.
    const verbNamed = sentence.figures.filter((f) => f.verb && operand.items.some((i) => covered(new Set([f.verb!]), i.alternatives)));
    const otherVerb = (f: Figure) => f.verb !== undefined && verbNamed.some((n) => n.head === f.head && n.verb !== f.verb) && !verbNamed.includes(f);
    // A stated change is a result, never an operand ("an additional 65 schools").
    // A figure whose own words name another country ("Two French soldiers" for Malian soldiers) counts that country's.
    const otherBody = (f: Figure) => f.terms.some((t) => foreign.has(t) && !operandTerms.has(t));
    for (const figure of sentence.figures.filter((f) => f.paragraph !== undefined && f.role !== "change" && !otherVerb(f) && !otherBody(f))) {
      const own = figureWords(figure, false);
      if (!must.every((i) => covered(own, i.alternatives))) continue;
      // It must count the operand's thing: "115 victims", not "66 cases … involving 115 victims". A
      // compound the operand names counts too ("by how many people did the internally displaced persons grow").
      // An amount names what it measures in its clause; an event noun ("fatalities") is the figure's verb ("killed").
      const counts = figure.head
        ? headMatches(figure, head?.alternatives ?? []) || compoundNouns.has(figure.head) || (figure.verb !== undefined && covered(new Set([figure.verb]), head?.alternatives ?? []))
        : // An amount may leave what it is of to the rest of its sentence ("approximately half (€303 million) has been committed" of the conference's pledges).
          covered(figure.unit === "money" ? new Set([...figureWords(figure), ...sentence.terms]) : figureWords(figure), head?.alternatives ?? []);
      if (head && !counts) continue;
      const aligned = alignment(figure, sentence, operand);
      // A figure for only part of what is asked (one region's) is a worse reading than one for all of it.
      const score = aligned !== null && narrower(figure, sentence, operand, k) ? aligned * NARROWER : aligned;
      if (score !== null && score >= 0.5) out.push({ figure, sentence, score });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

interface Pair {
  a: Candidate;
  b: Candidate;
  score: number;
}

function bestPairs(a: Candidate[], b: Candidate[], allowSameValue: boolean): Pair[] {
  const pairs: Pair[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.figure === y.figure || x.figure.paragraph !== y.figure.paragraph || x.figure.unit !== y.figure.unit) continue;
      if (!allowSameValue && x.figure.value === y.figure.value && x.sentence === y.sentence) continue;
      const sameSentence = x.sentence === y.sentence ? 0.2 : 0;
      pairs.push({ a: x, b: y, score: x.score + y.score + sameSentence });
    }
  }
  return pairs.sort((p, q) => q.score - p.score);
}

const isPartOf = (x: Candidate, y: Candidate) => x.sentence === y.sentence && x.figure.partOf === y.figure.index;

function toolOperation(kind: NonNullable<FramePart["operation"]>["kind"], pair: Pair): NumericOperation | null {
  const paragraph = pair.a.figure.paragraph!;
  const [a, b] = [pair.a.figure.text, pair.b.figure.text];
  switch (kind) {
    case "percentChange":
      return { operation: "paragraphPercentChange", paragraph, from: a, to: b };
    case "difference":
      return { operation: "paragraphDifference", paragraph, a, b };
    case "sum":
      return isPartOf(pair.a, pair.b) || isPartOf(pair.b, pair.a) ? null : { operation: "paragraphSum", paragraph, figures: [a, b] };
    case "ratio":
      return { operation: "paragraphRatio", paragraph, a, b };
    case "share":
      return { operation: "paragraphShare", paragraph, part: a, whole: b };
    default:
      return null;
  }
}

/** A change the report states about the subject ("an additional 65 schools", "a 42 per cent increase"). */
function statedChange(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge): ScoredSentence | undefined {
  const operand = part.operation!.operands[0]!;
  const stated = (percent: boolean) =>
    scored.slice(0, CANDIDATE_SENTENCES).find(({ sentence }) =>
      sentence.figures.some(
        (f) => f.role === "change" && (f.unit === "percent") === percent && !narrower(f, sentence, operand, k) && (alignment(f, sentence, { ...operand, period: undefined }) ?? 0) >= 0.6,
      ),
    );
  // "By how much did attacks rise?" is answered by the change in either form the report states it.
  return part.operation?.kind === "percentChange" ? stated(true) : (stated(false) ?? stated(true));
}

export function composeArithmetic(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge, lead?: ScoredSentence): ComposedAnswer | null {
  const op = part.operation;
  const onStated = op ? onStatedFigures(part, scored, k) : null;
  if (onStated) return onStated;
  const rest = remainderOfWhole(part, scored, k) ?? complementOfPart(part, scored, k);
  if (rest) return rest;
  if (op?.kind === "sum" && op.operands.length < 2) return sumOfSentence(part, scored, k, lead);
  if (op?.kind === "percentChange" && op.ofSums) return sumChangeOfSentence(part, scored, k, lead);
  if (op?.kind === "share" && op.operands.length < 2) return shareOfWhole(part, scored, k, lead);
  if (op?.shortfall) return shortfallOf(part, scored, k);
  if (!op || op.operands.length < 2 || !["percentChange", "difference", "sum", "ratio", "share"].includes(op.kind)) return null;
  // "What share of the commission is made up of women?": a part no figure of its own aligns with is read as of the whole.
  return onAlignedPair(part, op, scored, k) ?? (op.kind === "share" ? shareOfWhole(part, scored, k) : null);
}

/** The operation over the two figures the operands align with, when no other reading is nearly as good. */
function onAlignedPair(part: FramePart, op: NonNullable<FramePart["operation"]>, scored: ScoredSentence[], k: ReportKnowledge): ComposedAnswer | null {
  const overTime = op.operands[0]!.period === "previous" && op.operands[1]!.period === "current";
  if (overTime && !datesAskedMonth(part, scored)) {
    const stated = statedChange(part, scored, k);
    if (stated) return quoteSentences([stated.sentence]);
  }
  const [first, second] = [op.operands[0]!, op.operands[1]!];
  const aligned = bestPairs(candidatesFor(first, second, scored, k), candidatesFor(second, first, scored, k), overTime);
  // The figures the question states ("28→8"), when a reading has them, are the ones meant.
  const stated = aligned.filter((p) => part.figures.includes(p.a.figure.value) && part.figures.includes(p.b.figure.value));
  const pairs = stated.length > 0 ? stated : aligned;
  const best = pairs[0];
  if (!best) return null;
  // Another reading, nearly as good, with other figures: the alignment is in doubt.
  const rival = pairs.find((p) => (p.a.figure !== best.a.figure || p.b.figure !== best.b.figure) && p.score >= best.score - MARGIN);
  if (rival && (rival.a.figure.value !== best.a.figure.value || rival.b.figure.value !== best.b.figure.value)) return null;
  // "up from 296 in May 2016": an earlier figure the report dates answers only a question about that date.
  if (overTime && [best.a, best.b].some((c) => c.figure.period === "previous" && datedOtherwise(c, part))) return null;
  // Over time, a difference is the change: the later figure minus the earlier one.
  const toolOp = toolOperation(op.kind, overTime && op.kind === "difference" ? { ...best, a: best.b, b: best.a } : best);
  if (!toolOp) return null;
  const result = run(k.report, toolOp);
  if (!result) return null;
  return computed(toolOp, result, op.kind, [best.a.sentence, best.b.sentence]);
}

/** @param also words after the formula, before the quote (a second result said with the first). */
export function computed(toolOp: NumericOperation, result: ReturnType<typeof runOperation>, kind: string, sentences: ReportSentence[], also = ""): ComposedAnswer {
  const quoted = quoteSentences([...new Set(sentences)]);
  const paragraph = "paragraph" in toolOp ? toolOp.paragraph : undefined;
  const lead = leadFor(kind, result.value, result.unit);
  return {
    ...quoted,
    answer: `${lead} (${result.formula}${result.rounding ? `; ${result.rounding}` : ""})${also}, from the figures in para. ${paragraph}: ${quoted.answer}`,
    tool: toolTrace(toolOp, result),
  };
}

export function run(report: ReportKnowledge["report"], op: NumericOperation) {
  try {
    return runOperation(report, op);
  } catch (err) {
    if (err instanceof NumericToolError) return null;
    throw err;
  }
}

/**
 * "Attacks went from 84 to 105, what's the % rise?": the question states its operands. When one
 * paragraph of the evidence states each of them, the tool computes on exactly those: over time from
 * the earlier period's figure, a share of the larger, a gap below the larger.
 */
function onStatedFigures(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge): ComposedAnswer | null {
  const op = part.operation!;
  const stated = [...new Set(part.figures)];
  if (stated.length < 2 || !["percentChange", "difference", "sum", "share", "ratio"].includes(op.kind)) return null;
  const seen = new Set<string>();
  for (const { sentence } of scored.slice(0, CANDIDATE_SENTENCES)) {
    if (sentence.figures[0]?.paragraph === undefined || seen.has(sentence.unit)) continue;
    seen.add(sentence.unit);
    const paragraph = sentence.figures[0].paragraph;
    const inParagraph = (k.sentences.byUnit.get(sentence.unit) ?? []).flatMap((s) => s.figures.map((figure) => ({ figure, sentence: s })));
    // A figure the user states that the paragraph does not ("that's a 10% jump") is a claim to check, not an operand.
    const matches = stated.map((v) => inParagraph.filter((c) => statesFigure(c.figure.value, v))).filter((f) => f.length > 0);
    if (matches.some((f) => f.length !== 1)) continue;
    const found = matches;
    if (found.length < 2 || (op.kind !== "sum" && found.length !== 2)) continue;
    const [a, b] = found.map((f) => f[0]!) as [(typeof inParagraph)[number], (typeof inParagraph)[number]];
    let toolOp: NumericOperation | null = null;
    const earlierFirst = a.figure.period === "current" && b.figure.period === "previous" ? [b, a] : [a, b];
    const [small, large] = a.figure.value <= b.figure.value ? [a, b] : [b, a];
    switch (op.kind) {
      case "percentChange":
        toolOp = { operation: "paragraphPercentChange", paragraph, from: earlierFirst[0]!.figure.text, to: earlierFirst[1]!.figure.text };
        break;
      case "difference":
        toolOp = op.shortfall || a.figure.period === b.figure.period ? { operation: "paragraphDifference", paragraph, a: large.figure.text, b: small.figure.text } : { operation: "paragraphDifference", paragraph, a: earlierFirst[1]!.figure.text, b: earlierFirst[0]!.figure.text };
        break;
      case "share":
        toolOp = { operation: "paragraphShare", paragraph, part: small.figure.text, whole: large.figure.text };
        break;
      case "ratio":
        toolOp = { operation: "paragraphRatio", paragraph, a: large.figure.text, b: small.figure.text };
        break;
      case "sum":
        toolOp = { operation: "paragraphSum", paragraph, figures: found.map((f) => f[0]!.figure.text) };
        break;
    }
    if (!toolOp) return null;
    const result = run(k.report, toolOp);
    if (!result) return null;
    return computed(toolOp, result, op.kind, found.map((f) => f[0]!.sentence));
  }
  return null;
}

/**
 * "How many troops short of the authorized ceiling?": the limit is the figure that best matches the
 * question ("up to 13,289 military personnel authorized"); what there is, the figure of the same noun
 * stated right after it that the limit's words do not describe ("10,919 personnel had been deployed"),
 * never one of the limit's own parts. Both must be beyond doubt.
 */
function shortfallOf(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge): ComposedAnswer | null {
  const operand = part.operation!.operands[0]!;
  // A limit says what makes it one ("authorized", "ceiling"): a telling word of the question besides the counted noun.
  // When the question says which words name the limit ("short of the ceiling"), only those do.
  const named = part.operation!.limitItems;
  // A force component in the limit's words ("its police ceiling") says what is counted, not what makes a limit.
  const component = (i: Operand["items"][number]) => part.subject.some((s) => s.text === i.text && s.component !== undefined);
  const telling = operand.items.filter((i) => (named ? named.includes(i.text) && !component(i) : i.text !== operand.head) && !i.alternatives[0]!.every((t) => k.isImplicit(t)));
  // (Or the figure is written as a bound: "the force level of up to 13,289 military personnel" is the ceiling, whatever it is called.)
  const saysLimit = (c: Candidate) => c.figure.limit === true || telling.some((i) => covered(new Set([...c.figure.terms, ...c.figure.context]), i.alternatives));
  // (What the question says of what there is — "deployed", carried from "how many had been deployed?" — does not describe the limit.)
  // A figure written as a bound is the limit by its writing, so only what it counts is asked of it.
  const limitOperand = named ? { ...operand, items: operand.items.filter((i) => i.text === operand.head) } : operand;
  const usable = (c: Candidate) => c.figure.role !== "part" && c.figure.unit !== "percent";
  const all = candidatesFor(operand, undefined, scored, k).filter(usable);
  // A limit the question states ("short of the authorized strength of 13,289") is that figure.
  const stated = all.filter((c) => part.figures.includes(c.figure.value));
  const described = all.filter(saysLimit);
  const limits = stated.length > 0 ? stated : described.length > 0 || limitOperand === operand ? described : candidatesFor(limitOperand, undefined, scored, k).filter((c) => usable(c) && c.figure.limit);
  const limit = limits[0];
  if (!limit || limits.some((c) => c.figure.value !== limit.figure.value && c.score >= limit.score - MARGIN)) return null;
  // The words that make it a limit ("authorized", "ceiling"): question items its words have and the actual figure's lack.
  const limitWords = new Set([...limit.figure.terms, ...limit.figure.context]);
  const limitItems = operand.items.filter((i) => covered(limitWords, i.alternatives));
  // (A limit the question states is the limit by its own words: the actual figure need not lack them.)
  // (A bound is told apart from what there is by being written as one.)
  const distinguishes = (f: Figure) => stated.length > 0 || (limit.figure.limit === true && !f.limit) || limitItems.some((i) => !covered(new Set([...f.terms, ...f.context]), i.alternatives));
  const unit = k.sentences.byUnit.get(limit.sentence.unit) ?? [];
  const beside = unit.filter((s) => s.index === limit.sentence.index || s.index === limit.sentence.index + 1);
  const actual = beside.flatMap((s) =>
    s.figures.filter(
      (f) =>
        f !== limit.figure &&
        f.unit === limit.figure.unit &&
        f.head === limit.figure.head &&
        f.period === "current" &&
        f.role === undefined &&
        !(s === limit.sentence && f.partOf === limit.figure.index) &&
        distinguishes(f),
    ),
  );
  const values = new Set(actual.map((f) => f.value));
  if (actual.length === 0 || values.size !== 1) return null;
  const a = actual[0]!;
  const op: NumericOperation = { operation: "paragraphDifference", paragraph: limit.figure.paragraph!, a: limit.figure.text, b: a.text };
  const result = run(k.report, op);
  if (!result) return null;
  const sentences = [...new Set([limit.sentence, ...beside.filter((s) => s.figures.includes(a))])];
  const quoted = quoteSentences(sentences);
  return {
    ...quoted,
    answer: `${formatNumber(result.value)} short of ${limit.figure.text} (${result.formula}), from the figures in para. ${op.paragraph}: ${quoted.answer}`,
    tool: toolTrace(op, result),
  };
}

/**
 * Every figure of one sentence that counts exactly what the question asks about, each its own noun
 * and no verb of its own that differs ("four combatants of the Coordination and one GATIA combatant"):
 * their sum. Never a part with its whole, never a stated total or change.
 */
export function figuresCounting(part: FramePart, s: ReportSentence, period: Period = periodsAsked(part)[0]!): Figure[] {
  const nouns = part.subject.filter((i) => i.weight > 0 && (i.kind === "entity" || i.pos === "NOUN"));
  const verbs = part.subject.filter((i) => i.weight > 0 && i.pos === "VERB");
  const named = (terms: Set<string>, i: FramePart["subject"][number]) => i.alternatives.some((a) => a.terms.every((t) => terms.has(t)));
  // What is counted: the asked noun, else the first common noun ("total attacks by terrorists on … French forces").
  const head = nouns.find((i) => part.asked?.toLowerCase().includes(i.text.toLowerCase())) ?? nouns.find((i) => i.kind === "word") ?? nouns[0];
  // Verbs tell figures apart only when the sentence's figures have the asked one ("killed", not "injured").
  const askedVerbs = new Set<string>(s.figures.flatMap((f) => (f.verb !== undefined && verbs.some((v) => named(new Set([f.verb!]), v)) ? [f.verb] : [])));
  const total = nouns.reduce((sum, i) => sum + i.weight, 0);
  return s.figures.filter((f) => {
    if (f.period !== period || f.role === "total" || f.role === "whole" || f.role === "change" || f.role === "from" || f.unit !== "count") return false;
    const own = new Set([...f.terms, ...(f.head ? [f.head] : [])]);
    if (head && !named(new Set(f.head ? [f.head] : []), head)) return false;
    if (askedVerbs.size > 0 && f.verb && !askedVerbs.has(f.verb)) return false;
    // Every named thing must be there; the question's other nouns mostly ("attacks by terrorist groups on …, blue helmets and French troops": "terrorist elements", "MINUSMA").
    const found = (i: FramePart["subject"][number]) => named(own, i) || named(new Set([...f.context, ...s.termList]), i);
    return nouns.every((i) => found(i) || !i.required) && nouns.filter(found).reduce((sum, i) => sum + i.weight, 0) >= total * MOSTLY_NAMED;
  });
}

type Period = "current" | "previous";

/** "… during the previous mandate period": the figures of the period asked; "this mandate vs last": both, the current first. */
function periodsAsked(part: FramePart): Period[] {
  const asked = new Set(part.times.flatMap((t) => (t.period ? [t.period] : [])));
  return asked.has("previous") && asked.has("current") ? ["current", "previous"] : asked.has("previous") ? ["previous"] : ["current"];
}

/** Share of the question's noun weight a sentence must name for its figures to be summed. */
const MOSTLY_NAMED = 0.6;

function sumOfSentence(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge, lead?: ScoredSentence): ComposedAnswer | null {
  const candidates = [...new Set([...(lead ? [lead.sentence] : []), ...scored.slice(0, 6).map((s) => s.sentence)])];
  const periods = periodsAsked(part);
  if (periods.length === 1) {
    const counted = candidates.map((sentence) => ({ sentence, figures: figuresCounting(part, sentence, periods[0]) }));
    // A sentence that gives the total as one figure states the result: quote it.
    const stated = counted.find((c) => c.figures.length === 1);
    if (stated) return quoteSentences([stated.sentence]);
  }
  for (const sentence of candidates) {
    const sums = periods.map((period) => sumOfFigures(figuresCounting(part, sentence, period), sentence, k));
    if (sums.some((x) => x === null)) continue;
    const [first, earlier] = sums as NonNullable<(typeof sums)[number]>[];
    if (!earlier) return computed(first!.op, first!.result, "sum", [sentence]);
    // Both periods from one sentence ("105, 76 and 20 … compared with 84, 66 and 15 … respectively").
    const also = ` in this period and ${leadFor("sum", earlier.result.value, earlier.result.unit)} (${earlier.result.formula}) in the previous one`;
    const both = computed(first!.op, first!.result, "sum", [sentence], also);
    return { ...both, tools: [both.tool!, toolTrace(earlier.op, earlier.result)] };
  }
  return null;
}

/** "The overall % increase across all three forces": the change of one sentence's parts, summed for each period. */
function sumChangeOfSentence(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge, lead?: ScoredSentence): ComposedAnswer | null {
  const candidates = [...new Set([...(lead ? [lead.sentence] : []), ...scored.slice(0, 6).map((s) => s.sentence)])];
  for (const sentence of candidates) {
    const [before, after] = (["previous", "current"] as const).map((period) => partsOf(figuresCounting(part, sentence, period)));
    if (!before || !after || before.length !== after.length) continue;
    const paragraph = sentence.figures[0]!.paragraph;
    if (paragraph === undefined) continue;
    const op: NumericOperation = { operation: "paragraphSumChange", paragraph, from: before.map((f) => f.text), to: after.map((f) => f.text) };
    const result = run(k.report, op);
    if (result) return computed(op, result, "percentChange", [sentence]);
  }
  return null;
}

/** Figures that are each a part, none of another; null when fewer than two. */
function partsOf(figures: Figure[]): Figure[] | null {
  const parts = figures.filter((f) => !figures.some((g) => f.partOf === g.index || g.partOf === f.index));
  return parts.length < 2 || parts.length !== figures.length ? null : parts;
}

/** The tool's sum of figures that are each a part, none of another (null when fewer than two). */
function sumOfFigures(figures: Figure[], sentence: ReportSentence, k: ReportKnowledge) {
  const parts = partsOf(figures);
  if (!parts) return null;
  const paragraph = sentence.figures[0]!.paragraph;
  if (paragraph === undefined) return null;
  const op: NumericOperation = { operation: "paragraphSum", paragraph, figures: parts.map((f) => f.text) };
  const result = run(k.report, op);
  return result ? { op, result } : null;
}

/**
 * "What percentage of its members are women?": the report's own percentage when it states one for the
 * thing asked ("the percentage of judicial officers … at 75 per cent"); otherwise a figure the report
 * gives as a part of another in the same sentence ("Of the 53 members …, only six are women"), the
 * whole being what the question measures and the part what else it names.
 */
function shareOfWhole(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge, lead?: ScoredSentence): ComposedAnswer | null {
  const named = (terms: Set<string>, i: FramePart["subject"][number]) => i.alternatives.some((a) => a.terms.every((t) => terms.has(t)));
  const wholeItem = askedHeadOf(part);
  // The whole is all the asked noun phrase says ("the closed schools"), not only its noun, and whose it is ("Mopti's schools").
  const possessors = possessorsOf(part);
  const wholeItems = [...askedItemsOf(part).filter((i) => i.weight > 0 || i === wholeItem), ...possessors];
  const top = scored.slice(0, 6);
  // The percentage decide chose for the day asked comes first ("as at 26 May, only 14 per cent of the $293 million …").
  const chosen = lead && namesAskedDay(part, lead.sentence) && lead.sentence.figures.some((f) => f.unit === "percent" && f.role !== "change") ? [{ ...lead, coverage: Math.max(lead.coverage, STATED_COVERAGE) }] : [];
  const stated = [...chosen, ...top].find(
    ({ sentence, coverage }) =>
      coverage >= STATED_COVERAGE &&
      sentence.figures.some((f) => f.unit === "percent" && (!wholeItem || named(new Set([...f.terms, ...f.context, ...(f.head ? [f.head] : [])]), wholeItem))),
  );
  if (stated) return quoteSentences([stated.sentence]);
  const partItems = part.subject.filter((i) => i.weight > 0 && i !== wholeItem);
  const pairs: { partFigure: Figure; whole: Figure; sentence: ReportSentence; score: number }[] = [];
  for (const { sentence } of top) {
    for (const f of sentence.figures) {
      if (f.partOf === undefined || f.unit !== "count" || f.paragraph === undefined) continue;
      const whole = sentence.figures[f.partOf];
      if (!whole || whole.unit !== "count") continue;
      // The whole is what is measured: its noun, or the clause it counts ("a new cabinet … comprising 35 ministers").
      const wholeWords = new Set([...whole.terms, ...whole.context, ...(whole.head ? [whole.head] : [])]);
      if (wholeItem && !named(wholeWords, wholeItem)) continue;
      // What the asked phrase adds ("charter drafting") may be said where the whole's noun was introduced, a sentence before ("A special commission in charge of drafting the charter … . Of the 53 members of the commission …").
      const introduced = new Set([...wholeWords, ...antecedentTerms(sentence, whole, k)]);
      if (wholeItems.some((i) => !named(i === wholeItem ? wholeWords : introduced, i))) continue;
      // A whole of several places is not one of them's ("4,872 schools in the Gao, Ménaka, Mopti … regions" are not Mopti's).
      if (possessors.length > 0 && whole.terms.some((t) => k.isName(t) && !k.isImplicit(t) && !wholeItems.some((i) => i.alternatives.some((a) => a.terms.includes(t))))) continue;
      // What the part is: its own words, or (at half credit) the rest of its sentence ("an additional 65
      // schools have been closed, bringing the number to 501 … of a total of 4,872 schools").
      const own = figureWords(f);
      // A place or body the question names must be the part's own ("in the Mopti region"), not the
      // whole's, unless the places the question names are exactly the whole's ("of all the schools in
      // the Gao, Ménaka, Mopti, Ségou and Timbuktu regions").
      const places = partItems.filter((i) => i.required && (i.entityKind === "name" || i.entityKind === "country"));
      const wholePlaces = whole.terms.filter((t) => k.isName(t));
      const sameWhole = places.length > 0 && wholePlaces.length > 0 && places.every((i) => named(new Set(wholePlaces), i)) && wholePlaces.every((t) => places.some((i) => i.alternatives.some((a) => a.terms.includes(t))));
      if (partItems.some((i) => i.required && i.kind !== "phrase" && !named(new Set([...own, ...f.context]), i) && !(sameWhole && places.includes(i)))) continue;
      const score = partItems.reduce((sum, i) => sum + i.weight * (i.carried ? 0.6 : 1) * (named(own, i) ? 1 : named(sentence.terms, i) ? 0.5 : 0), 0);
      if (score > 0) pairs.push({ partFigure: f, whole, sentence, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const best = pairs[0];
  if (!best) return wholeItems.length > 0 ? shareAcrossSentences(part, top, k, wholeItems) : null;
  if (pairs.some((p) => p !== best && p.score >= best.score - MARGIN && (p.partFigure.value !== best.partFigure.value || p.whole.value !== best.whole.value))) return null;
  const op: NumericOperation = { operation: "paragraphShare", paragraph: best.partFigure.paragraph!, part: best.partFigure.text, whole: best.whole.text };
  const result = run(k.report, op);
  return result ? computed(op, result, "share", [best.sentence]) : null;
}

/**
 * "What share of all outstanding peacekeeping contributions is owed to MINUSMA?": the whole in one
 * sentence ("The total outstanding assessed contributions for all peacekeeping operations … $1,589.7
 * million"), the part in the sentence beside it ("unpaid assessed contributions to the Special Account
 * for MINUSMA amounted to $53.3 million"). The whole's words must cover all the asked noun phrase says;
 * the part's must name what else the question names (a place, a body), which the whole's do not; same
 * unit (the same noun, or the same currency), the part smaller. Any second reading: nothing computed.
 */
function shareAcrossSentences(part: FramePart, top: ScoredSentence[], k: ReportKnowledge, wholeItems: FramePart["subject"]): ComposedAnswer | null {
  const named = (terms: Set<string>, i: FramePart["subject"][number]) => i.alternatives.some((a) => a.terms.every((t) => terms.has(t)));
  // What the part is of: a named body or place, even one the report names everywhere ("MINUSMA").
  const isName = (i: FramePart["subject"][number]) => !wholeItems.includes(i) && (i.kind === "entity" || i.entityKind === "name" || i.entityKind === "country");
  const names = part.subject.filter((i) => !i.carried && isName(i));
  // In "What share of … is that?", what was asked before is the part: one of its names must tell the part from the whole.
  const carriedNames = part.onPreviousAnswer ? part.subject.filter((i) => i.carried && isName(i)) : [];
  if (names.length === 0 && carriedNames.length === 0) return null;
  const tellsApart = (partWords: Set<string>, wholeWords: Set<string>) =>
    names.every((i) => named(partWords, i)) && (carriedNames.length === 0 || carriedNames.some((i) => named(partWords, i) && !named(wholeWords, i)));
  const sameKind = (a: Figure, b: Figure) =>
    a.unit === b.unit && a.unit !== "percent" && (a.unit === "money" ? currencyOf(a) === currencyOf(b) : a.head !== undefined && a.head === b.head);
  const found: { partFigure: Figure; whole: Figure; sentences: ReportSentence[] }[] = [];
  for (const { sentence } of top) {
    if (sentence.source.kind !== "paragraph") continue;
    const beside = (k.sentences.byUnit.get(sentence.unit) ?? []).filter((x) => Math.abs(x.index - sentence.index) === 1);
    for (const whole of sentence.figures) {
      if (whole.period !== "current" || (whole.role && !["total", "whole"].includes(whole.role))) continue;
      const wholeWords = figureWords(whole);
      if (!wholeItems.every((i) => named(wholeWords, i)) || names.some((i) => named(wholeWords, i))) continue;
      for (const other of beside) {
        for (const f of other.figures) {
          if (f.period !== "current" || !sameKind(f, whole) || f.value >= whole.value) continue;
          // The sentence's first figure is also described by the clause before it ("The Mopti region has been particularly affected, with 266 schools closed").
          const words = f.index === 0 ? new Set([...figureWords(f), ...f.context]) : figureWords(f);
          if (tellsApart(words, wholeWords)) found.push({ partFigure: f, whole, sentences: [other, sentence].sort((a, b) => a.index - b.index) });
        }
      }
    }
  }
  const first = found[0];
  if (!first || found.some((x) => x.partFigure.value !== first.partFigure.value || x.whole.value !== first.whole.value)) return null;
  const op: NumericOperation = { operation: "paragraphShare", paragraph: first.whole.paragraph!, part: first.partFigure.text, whole: first.whole.text };
  const result = run(k.report, op);
  return result ? computed(op, result, "share", first.sentences) : null;
}

/** The sentence before, when it names the figure's noun too ("commission"): where that noun was introduced. */
function antecedentTerms(s: ReportSentence, f: Figure, k: ReportKnowledge): string[] {
  const before = k.sentences.before(s);
  const nouns = [f.head, f.ofHead].filter((n): n is string => n !== undefined);
  return before && nouns.some((n) => before.terms.has(n)) ? [...before.terms] : [];
}

/** Items the question names as the owner of the asked noun ("Mopti's schools"): they describe the whole. The Mission itself ("MINUSMA's helicopters") weighs nothing and narrows nothing. */
function possessorsOf(part: FramePart): FramePart["subject"] {
  const head = part.asked?.split(/\s+/).pop();
  if (!head) return [];
  return part.subject.filter((i) => !i.carried && i.weight > 0 && new RegExp(`\\b${escapeRegExp(i.text)}['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}${escapeRegExp(head)}\\b`, "iu").test(part.question));
}

const currencyOf = (f: Figure) => f.text.replace(/[\d.,\s]|million|billion/g, "");

/** "US$ million" -> "$41.0 million": an amount as the report writes amounts. */
function amount(value: number, unit: string, decimals?: number): string | undefined {
  const money = /^(?:US)?([$€£])\s*(million|billion)?$/.exec(unit);
  return money ? `${money[1]}${formatNumber(value, decimals)}${money[2] ? ` ${money[2]}` : ""}` : undefined;
}

function leadFor(kind: string, value: number, unit: string): string {
  const shown = unit === "per cent" ? `${formatNumber(value)} per cent` : (amount(Math.abs(value), unit) ?? formatNumber(Math.abs(value)));
  switch (kind) {
    case "percentChange":
      return `${value >= 0 ? "An increase" : "A decrease"} of ${formatNumber(Math.abs(value))} per cent`;
    case "difference":
      return value >= 0 ? `${shown} more` : `${shown} fewer`;
    case "sum":
      return `${shown} in all`;
    case "ratio":
      return `${formatNumber(value)} times as many`;
    case "share":
      return shown;
    case "remainder":
      return shown;
    case "percentOf":
      return `About ${amount(value, unit, 1) ?? `${formatNumber(value)} ${unit}`}`;
    default:
      return shown;
  }
}
