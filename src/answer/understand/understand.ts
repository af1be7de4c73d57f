// understand: question + previous frame -> QuestionFrame. Everything later reads the frame; nothing
// later reads the question's text again, except to quote it back.
import { escapeRegExp } from "../../report/escape-regexp.js";
import { figureSpans } from "../../figures/figure-spans.js";
import { analyse, type Token } from "../../report/nlp.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import { QuestionFrameSchema, type FramePart, type Operation, type QuestionFrame, type SubjectItem, type TableQuery, type TimeConstraint } from "./frame.js";
import { ANSWER_ANAPHOR, carrySubject, carryTable, carryTimes, followUpKind } from "./follow-up.js";
import { readOperation, type OperationSpan } from "./operation.js";
import { splitParts } from "./parts.js";
import { MEASURE, questionForm } from "./question-form.js";
import { citedDocuments, findDirectReference, referenceSpanOf } from "./reference.js";
import { subjectItems } from "./subject.js";
import { asksIndicatorText, isTableItem, isUnselectedAnnexI, tableQuery, tableSlots } from "./table-query.js";
import { timeConstraints, timesAfter } from "./time.js";

/** What follows a body named as the report's publisher: "UN report", "UN Secretary-General's report". */
const PUBLISHER_OF = /^\s*(?:['’]s\s+)?(?:secretary[- ]general(?:['’]s)?\s+)?(?:report|secretary[- ]general)\b/i;
/** "that region", "this country": a place the previous answer named. */
const POINTED_PLACE = /\b(?:that|this|the same)\s+(region|country|town|city|district|area|place|village)\b/i;

/** The place of that kind the previous answer's first sentence names ("The Mopti region has been particularly affected"): "Mopti". */
function placeNamedIn(sentenceIds: readonly string[], kind: string, k: ReportKnowledge): string | undefined {
  for (const id of sentenceIds) {
    const sentence = k.sentences.byId.get(id);
    if (!sentence) continue;
    const named = new RegExp(String.raw`\b((?:\p{Lu}[\p{L}’'-]+\s+){1,3})${kind}\b`, "u").exec(sentence.text)?.[1]?.trim();
    if (named && !/^(?:The|This|That|A|An)$/.test(named)) return named.replace(/^(?:The|This|That)\s+/, "");
  }
  return undefined;
}

/** A pronoun that stands for something named before. */
const PRONOUN = /\b(?:it|its|they|their|them|this country|that country)\b/i;
/** "per the", "according to": what follows is who says it. */
const CITED_BY = /\b(?:per|according to|says|said)\s+(?:the\s+)?$/i;
const CLAUSE_END = /^\s*(?:[?.!,;:—–-]|$)/;
/** The question points back to what the statement before it describes ("that attack", "this incident"). */
const POINTS_BACK = /\b(?:that|this|those|these|the same)\s+(?:attack|attacks|incident|incidents|event|events|ambush|operation|clash|clashes|case|cases|killing|killings|strike|raid)\b/i;
const NEGATION = /\b(?:not|no|never|none|nothing|without)\b|n['’]t\b/i;

/** A previous frame read back from storage; an invalid one is ignored rather than trusted. */
export function readFrame(stored: unknown): QuestionFrame | undefined {
  const parsed = QuestionFrameSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export interface UnderstandOptions {
  /** Read the question as leaning on the previous one even when nothing in it says so ("which region is hit hardest?"). */
  assumeFollowUp?: boolean;
}

export function understand(question: string, previous: QuestionFrame | undefined, k: ReportKnowledge, options: UnderstandOptions = {}): QuestionFrame {
  // "Press reports said only about 300 took part. What figure does the report give?": the statement
  // before the question says what it is about, the way an earlier turn would, but names nothing the
  // answer must concern ("ocha says …", "HRW has flagged …").
  const { context, rest } = splitContext(withoutRequest(expandShorthand(question.trim())));
  const contextPart = context ? understandPart(context, previous, k).part : undefined;
  const texts = splitParts(rest);
  const first = understandPart(texts[0]!, previous, k, contextPart, options.assumeFollowUp);
  if (texts.length === 1) return { ...first.part, question, ...(first.followUp ? { followUp: first.followUp } : {}), parts: [], answeredWith: [] };
  // Later parts lean on the first one ("… and which country sends the most of them?").
  const asFrame = (p: FramePart): QuestionFrame => ({ ...p, parts: [], answeredWith: [] });
  const parts = [first.part];
  for (const text of texts.slice(1)) parts.push(understandPart(text, asFrame(parts[0]!), k).part);
  const subject = dedupe(parts.flatMap((p) => p.subject));
  return {
    ...first.part,
    question,
    subject,
    retrievalText: question,
    ...(first.followUp ? { followUp: first.followUp } : {}),
    parts,
    answeredWith: [],
  };
}

function dedupe(items: SubjectItem[]): SubjectItem[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const key = s.alternatives[0]!.terms.join(" ");
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** Standard English abbreviations of note-taking ("% chg vs prev mandate"), written out. */
const SHORTHAND: Record<string, string> = {
  chg: "change", prev: "previous", govt: "government", gov: "government", mil: "military", approx: "approximately",
  pct: "percent", conf: "conference", incl: "including", excl: "excluding", yr: "year", yrs: "years", mo: "month", mos: "months", w: "with", tot: "total", ops: "operations", op: "operation",
};
function expandShorthand(question: string): string {
  return question.replace(/\b([A-Za-z]+)\.?(?=[\s,?!:;)]|$)/g, (word, bare: string) => SHORTHAND[bare.toLowerCase()] ?? word)
    .replace(/(\d)\s*(?:->|→|=>)\s*(\d)/g, "$1 to $2")
    .replace(/(\d(?:[\d.,]*\d)?)\s?(k|m|mn|bn)\b/gi, (_, n: string, scale: string) => `${n} ${{ k: "thousand", m: "million", mn: "million", bn: "billion" }[scale.toLowerCase()]}`);
}

/** "Could the Secretariat indicate …", "Can you confirm …": whoever is asked is not what the question is about. */
const REQUEST =
  /^\s*(?:(?:could|can|would|will)\s+(?:you|we|the\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|[\p{Lu}][\p{L}-]+)\s+(?:please\s+)?|please\s+)(?:indicate|confirm|tell|say|clarify|explain|provide|give|share|update|brief|let\s+(?:us|me)\s+know)(?:\s+(?:us|me|the\s+council|delegations|members))?\s+(?:on\s+|about\s+|whether\s+|if\s+)?/iu;

/** "For the briefing note, I need to know when …": who asks, and why, is not what is asked. */
const NEED_TO_KNOW = /^\s*(?:(?:for|in) (?:the|a|my|our) [\p{L} -]{1,40}?,\s*)?(?:i|we)\s+(?:need|want|would like|'d like|have)\s+to\s+(?:know|find out|check|confirm|understand)\s+(?:whether\s+|if\s+)?/iu;

function withoutRequest(question: string): string {
  const m = REQUEST.exec(question) ?? NEED_TO_KNOW.exec(question);
  if (!m) return question;
  const rest = question.slice(m[0].length).trim();
  return rest.split(/\s+/).length >= 3 ? rest.charAt(0).toUpperCase() + rest.slice(1) : question;
}

/** A statement before the question proper ("… . How many …?", "… — how many …?"), when it has a verb of its own. */
function splitContext(question: string): { context?: string; rest: string } {
  const pieces = question.split(/(?<=[.!])\s+(?=\p{Lu}|how\b|what\b|which\b|who\b|when\b|where\b|why\b)|\s+[—–]\s+|\s+-\s+/u);
  if (pieces.length < 2) return { rest: question };
  const last = pieces[pieces.length - 1]!;
  const context = pieces.slice(0, -1).join(" ");
  if (/\?/.test(context) || last.split(/\s+/).length < 3 || context.split(/\s+/).length < 4) return { rest: question };
  // "… combined — and the same for the previous period?": a second part of the question, not a statement before it.
  if (/^(?:and|but|plus)\b/i.test(last)) return { rest: question };
  // The question proper opens with a wh-word or an auxiliary ("— how many …", ". What share …").
  // … or it is the one piece that asks ("Of all the schools …, what percentage is now closed?").
  if (!/^(?:(?:by|in|on|at|for|from|to|of|with|since|under|until)\s+(?:what|which|how|whom|whose|when)|how|what|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|has|have|had|can|could|so)\b/i.test(last) && !/\?\s*$/.test(last)) return { rest: question };
  if (/^(?:how|what|which|who|when|where|why)\b/i.test(context)) return { rest: question };
  // A sentence of its own (ended by a full stop) is a statement even when the tagger finds no verb in it ("DPKO credits …").
  if (!/[.!]$/.test(context) && !analyse(context).some((t) => t.pos === "VERB" || t.pos === "AUX")) return { rest: question };
  return { context, rest: last };
}

function understandPart(
  text: string,
  previous: QuestionFrame | undefined,
  k: ReportKnowledge,
  context?: FramePart,
  assumeFollowUp = false,
): { part: FramePart; followUp?: QuestionFrame["followUp"] } {
  const tokens = analyse(text);
  // "according to the UN report", "the UN Secretary-General's report": who published it is no subject.
  // … and so is a source the question cites at the end of a clause ("…, per the UN?", "according to the SG.").
  const cited = (m: { start: number; end: number }) => CITED_BY.test(text.slice(0, m.start)) && CLAUSE_END.test(text.slice(m.end));
  const allMentions = k.glossary.mentions(text);
  const publisherSpans = allMentions.filter((m) => PUBLISHER_OF.test(text.slice(m.end)) || cited(m)).map((m) => ({ start: m.start, end: m.end }));
  const mentions = allMentions.filter((m) => !publisherSpans.some((p) => p.start === m.start));
  const form = questionForm(tokens);
  const reading = readOperation(text, tokens, mentions);
  // "how long" asks for a duration: "long" is the question, not its subject.
  tokens.forEach((t, i) => /^long$/i.test(t.text) && /^how$/i.test(tokens[i - 1]?.text ?? "") && reading.consumed.add(i));
  const superlative = isSuperlative(tokens);
  // "Which region is hit hardest?": the extreme is what singles the answer out, not what it is about.
  if (superlative && ["place", "organisation", "person"].includes(form.answerType)) tokens.forEach((t, i) => isSuperlative([t]) && reading.consumed.add(i));
  const kept = tokens.filter((_, i) => !reading.consumed.has(i));
  const reportYear = Math.floor(k.asAt.month / 12);
  let times = timeConstraints(text, reportYear, k.asAt.month);
  const timeSpans = times.map((t) => ({ start: text.indexOf(t.text), end: text.indexOf(t.text) + t.text.length })).filter((s) => s.start >= 0);
  // "What does para. 42 say about …": the reference names the source, not the subject.
  const referenceSpan = referenceSpanOf(text);
  let subject = subjectItems(kept, mentions, k, [...timeSpans, ...publisherSpans, ...(referenceSpan ? [referenceSpan] : [])]);
  const asksNumberWithoutNoun = form.answerType === "number" && !form.asked;
  const kind = followUpKind({ question: text, subject, typeIsDefault: form.answerType === "description", asksNumberWithoutNoun, times, superlative }, previous) ?? (assumeFollowUp && previous ? "pronoun" : undefined);
  let answerType = form.answerType;
  let asked = form.asked;
  let table = tableQuery(text, tokens, mentions, subject, k, form.answerType === "list" || /\bwhich\b/i.test(text), form.asked);
  let retrievalText = text;
  let wholeOfTable = false;
  // "… in that region?" after "Which region is worst hit?": the place the previous answer named is asked about now.
  const pointedPlace = previous ? POINTED_PLACE.exec(text)?.[1] : undefined;
  const placeName = pointedPlace ? placeNamedIn(previous!.answeredWith, pointedPlace, k) : undefined;
  if (placeName) {
    const items = subjectItems(analyse(placeName), k.glossary.mentions(placeName), k);
    subject = [...items.map((i) => ({ ...i, required: true })), ...subject.filter((x) => !items.some((i) => i.text.toLowerCase() === x.text.toLowerCase()))];
    retrievalText = `${retrievalText} ${placeName}`;
  }
  if (kind && previous) {
    subject = carrySubject(subject, previous, kind, form.answerType === "number" || (form.answerType === "description" && previous.answerType === "number"));
    times = carryTimes(times, previous.times);
    if (form.answerType === "description" && kind !== "next") answerType = previous.answerType;
    if (kind === "why") answerType = "reason";
    // "What about police?" after "How many troops …": the new component is what is now counted.
    const replacedAsked = (kind === "swap" || kind === "ellipsis") && previous.asked !== undefined && !subject.some((s) => s.carried && previous.asked!.toLowerCase().includes(s.text.toLowerCase()));
    const ownComponent = subject.find((s) => !s.carried && s.component !== undefined);
    // "And refugees in neighbouring countries?" after "How many IDPs?": the new noun is what is now counted.
    const ownNoun = subject.find((s) => !s.carried && s.weight > 0 && s.kind !== "phrase" && (s.pos === "NOUN" || s.entityKind === "term" || s.entityKind === "abbreviation"));
    asked ??= replacedAsked ? (ownComponent?.text ?? ownNoun?.text ?? previous.asked) : previous.asked;
    // "What about police?" after a paragraph's figures for the military (para. 41's deployment) asks the
    // same of the police, which a paragraph may state too: the swap stays with the paragraphs.
    const ownItems = subject.filter((s) => !s.carried && s.weight > 0);
    const swapsComponent = ownItems.length > 0 && ownItems.every((s) => s.component !== undefined);
    const answeredFromParagraph = previous.answeredWith.some((id) => id.startsWith("p"));
    if (!previous.table && table?.annex === "II" && (kind === "swap" || kind === "ellipsis") && swapsComponent && answeredFromParagraph) table = undefined;
    if (previous.table && (!table || table.annex === previous.table.annex) && subject.filter((s) => !s.carried).every((s) => isTableItem(s, mentions, k) || s.kind === "entity")) {
      const slots: Partial<TableQuery> = previous.table.annex === "II" ? tableSlots(text, mentions) : (table ?? {});
      table = carryTable(previous.table, slots);
      // "So in total?" after one component's strength, naming nothing new: every uniformed component.
      if (table.annex === "II" && reading.operation?.kind === "sum" && reading.operation.operands.length === 0 && !slots.components?.length && !slots.countries?.length && !slots.sexes?.length) {
        table = { ...table, components: ["uniformed"], component: "uniformed", negated: [], only: [] };
        wholeOfTable = true;
      }
    }
    const carriedWords = subject.filter((s) => s.carried && s.weight > 0).map((s) => s.text.replace(" … ", " "));
    retrievalText = [text, ...carriedWords].join(" ");
  }
  let figures = figureSpans(text).filter((f) => /\d/.test(f.text)).map((f) => f.value);
  // "… from 84 to 105, right? what's the % rise": the figures stated before are the ones asked about.
  if (figures.length === 0 && kind && previous) figures = previous.figures ?? [];
  if (context) figures = [...(context.figures ?? []), ...figures];
  // What the operands describe is what the question asks, not the statement before it.
  const operandSubject = subject;
  if (context) {
    const own = new Set(subject);
    if (table && isUnselectedAnnexI(table) && asksIndicatorText(context.subject, k)) table = undefined;
    // "Burkina Faso is a big troop contributor. How many military personnel did it have …?": the country the pronoun stands for.
    if (table?.annex === "II" && !table.countries?.length && context.table?.annex === "II" && context.table.countries?.length && PRONOUN.test(text)) table = { ...table, countries: context.table.countries };
    // The statement names nothing the answer must concern, except a name the question points back to
    // ("… an attack at Gourma Rharous on 18 April. What toll does the report give for that attack?"),
    // unless it is who said it ("AFP reported …").
    const pointsBack = POINTS_BACK.test(text);
    const source = (s: SubjectItem) => new RegExp(String.raw`\b${escapeRegExp(s.text)}\s+(?:has\s+|have\s+)?(?:said|says|say|reported|reports|report|claimed|claims|noted|notes|wrote|writes|quoted|cited|flagged|warned|told|estimated|estimates)\b`, "i").test(context.question);
    const keeps = (s: SubjectItem) => pointsBack && s.required && s.entityKind === "name" && !source(s);
    // A word of the statement the report never uses ("Reuters", "spike") can be matched by no sentence:
    // it sets the scene and weighs nothing in what the answer must cover.
    subject = carrySubject(subject, { ...context, parts: [], answeredWith: [] }, "pronoun").map((s) => (own.has(s) || keeps(s) ? s : { ...s, required: false, ...(s.unknown ? { weight: 0 } : {}) }));
    times = carryTimes(times, context.times);
    retrievalText = `${context.question} ${retrievalText}`;
  }
  // A table follow-up that names no operation keeps the previous one ("And among the police?" after a share).
  // (Widened to the whole table, the sum is the table's own total: nothing is left to add.)
  if (wholeOfTable) reading.operation = undefined;
  // "… and the same for the previous period?" after a sum read off one sentence: the same sum, of the other period's figures.
  const sameSumOtherTime = previous?.operation?.kind === "sum" && previous.operation.operands.length === 0 && !subject.some((s) => !s.carried && s.weight > 0);
  const carriedOperation = !reading.operation && kind && previous?.operation && ((previous.table && table) || sameSumOtherTime) ? previous.operation : undefined;
  // "% change in attacks on MINUSMA?" then "and against the MDSF?": the same change over time, of what the follow-up now names.
  const changeOverTime = previous?.operation && ["percentChange", "difference"].includes(previous.operation.kind) && !previous.operation.shortfall && previous.operation.operands.length === 2 && previous.operation.operands.every((o) => o.period !== undefined) && previous.operation.operands[0]!.period !== previous.operation.operands[1]!.period;
  const swappedChange: OperationSpan | undefined = !reading.operation && !carriedOperation && (kind === "swap" || kind === "ellipsis") && changeOverTime ? { kind: previous!.operation!.kind, operands: [], overTime: true } : undefined;
  // "… combined — and % rise vs last period?": the change of the sum just asked for.
  const afterSum = previous?.operation?.kind === "sum" && previous.operation.operands.length === 0 && (kind !== undefined || context !== undefined);
  const span = reading.operation?.kind === "percentChange" && afterSum ? { ...reading.operation, ofSums: true } : (reading.operation ?? swappedChange);
  const operation = span ? operationOf(span, text, operandSubject.some((s) => s.weight > 0) ? operandSubject : subject, asked, times) : carriedOperation;
  const reference = findDirectReference(text);
  const part: FramePart = {
    question: text,
    answerType,
    ...(asked ? { asked } : {}),
    subject,
    times,
    afterReport: timesAfter(times, k.asAt.month),
    ...(operation ? { operation } : {}),
    ...(table ? { table } : {}),
    ...(reference ? { reference } : {}),
    negated: NEGATION.test(text),
    figures,
    documents: citedDocuments(text),
    superlative,
    onPreviousAnswer: kind !== undefined && previous !== undefined && ANSWER_ANAPHOR.test(text),
    retrievalText,
  };
  return { part, ...(kind && previous ? { followUp: { kind, previousEvidence: previous.answeredWith } } : {}) };
}


/** The noun an operand counts: the asked noun when the question names one, else its first common noun. */
function countedNoun(items: SubjectItem[], asked: string | undefined, question: string): string | undefined {
  // A noun modifying the next one ("security incidents") is not what is counted.
  const isNoun = (s: SubjectItem) => s.kind !== "phrase" && (s.pos === "NOUN" || s.component !== undefined || s.entityKind === "component" || s.entityKind === "term");
  const modifies = (s: SubjectItem) => items.some((o) => o !== s && isNoun(o) && new RegExp(`\\b${escapeRegExp(s.text)}\\s+${escapeRegExp(o.text)}\\b`, "i").test(question));
  // A measure ("strength", "number", "total") says how it is counted, not what.
  const candidates = items.filter((s) => isNoun(s) && !modifies(s));
  const counted = candidates.filter((s) => !MEASURE.has(s.text.toLowerCase()));
  // (In the order the question says them: glossary terms are listed before words, but "incidents against humanitarian actors" counts incidents.)
  const at = (s: SubjectItem) => {
    const i = question.toLowerCase().indexOf(s.text.toLowerCase());
    return i < 0 ? Infinity : i;
  };
  const nouns = (counted.length > 0 ? counted : candidates).slice().sort((a, b) => at(a) - at(b));
  // "… in number of personnel": the noun after "number of" is what is counted.
  const numberOf = /\bnumbers? of\s+(?:the\s+)?([\p{L}-]+)/iu.exec(question)?.[1]?.toLowerCase();
  // "How many FAMa were killed?": a body asked after counts its members.
  const askable = [...nouns, ...items.filter((s) => s.kind === "entity" && !nouns.includes(s))];
  const askedItem = (numberOf ? nouns.find((s) => s.text.toLowerCase() === numberOf) : undefined) ?? (asked ? askable.find((s) => asked.toLowerCase().includes(s.text.toLowerCase())) : undefined);
  // Otherwise the noun that ends the question's first noun phrase ("Signatory armed groups (CMA/Plateforme) fighters killed …": fighters).
  const head = firstPhraseHead(question);
  const endingIn = (word: string | undefined) => (word ? nouns.find((s) => s.text.toLowerCase().split(/\s+/).pop() === word) : undefined);
  const headItem = endingIn(head);
  // "…: cases vs previous period": the noun compared is the one right before the comparison.
  const comparedItem = endingIn(/([\p{L}-]+)\s+(?:vs\.?|versus|compared (?:with|to))\s/iu.exec(question)?.[1]?.toLowerCase());
  return (askedItem ?? comparedItem ?? headItem ?? nouns[0])?.text;
}

/**
 * The last noun of the first run of nouns, adjectives and names (with their brackets and slashes),
 * lower-cased, when a verb follows it: the run is then the subject of what is counted ("… fighters killed").
 */
function firstPhraseHead(question: string): string | undefined {
  let head: string | undefined;
  for (const t of analyse(question)) {
    if (t.pos === "NOUN" || t.pos === "PROPN") head = t.text.toLowerCase();
    else if (t.pos === "ADJ" || t.pos === "NUM" || ((t.pos === "PUNCT" || t.pos === "SYM") && /^[()/-]$/.test(t.text))) continue;
    else if (head !== undefined) return t.pos === "VERB" || t.pos === "AUX" ? head : undefined;
    else if (!["DET", "PUNCT"].includes(t.pos)) return undefined;
  }
  return undefined;
}

function operationOf(span: OperationSpan, text: string, subject: SubjectItem[], asked: string | undefined, times: TimeConstraint[]): Operation {
  const within = (s: SubjectItem, r: { start: number; end: number }) => {
    const at = text.indexOf(s.text.split(" … ")[0]!, r.start);
    return at >= r.start && at < r.end;
  };
  // An operand's every word counts, even one too common to weigh in retrieval ("MINUSMA").
  // A word the report never uses cannot describe any of its figures ("all PKO arrears"): the operand is what remains.
  const known = (items: SubjectItem[]) => (items.some((s) => !s.unknown) ? items.filter((s) => !s.unknown) : items);
  const toOperandItems = (items: SubjectItem[]) => known(items).map((s) => ({ text: s.text, alternatives: s.alternatives.map((a) => a.terms), weight: Math.max(s.weight, 1), named: (s.required && s.kind === "entity" && s.weight > 0) || s.entityKind === "component" }));
  const headOf = (items: SubjectItem[]) => countedNoun(known(items), asked, text);
  const base: Operation = { kind: span.kind, operands: [], ...(span.ofSums ? { ofSums: true } : {}), ...(span.order ? { order: span.order } : {}), ...(span.n ? { n: span.n } : {}), ...(span.position ? { position: span.position } : {}) };
  const own = span.operands.map((r) => subject.filter((s) => !s.carried && within(s, r)));
  // "… rise compared with the previous mandate period": the second operand is only a time, so the
  // question compares one quantity across two periods.
  const isTime = (r: { start: number; end: number }) => times.some((t) => text.slice(r.start, r.end).includes(t.text));
  const overTime = span.overTime || span.operands.some((r, i) => own[i]!.length === 0 && isTime(r));
  if (span.operands.length >= 2 && !overTime) {
    const shared = subject.filter((s) => !s.carried && !span.operands.some((r) => within(s, r)));
    // "more attacks against the Malian forces than [against] MINUSMA": an operand of names only
    // borrows the other's common nouns and verbs; "more peacekeepers injured than killed": an operand
    // with no noun borrows the other's nouns.
    const common = (items: SubjectItem[]) => items.filter((s) => s.kind === "word" && s.entityKind === undefined);
    const nouns = (items: SubjectItem[]) => items.filter((s) => s.kind === "entity" || s.pos === "NOUN" || s.pos === "PROPN");
    const periodOf = (r: { start: number; end: number }) => times.find((t) => t.period && text.slice(r.start, r.end).includes(t.text))?.period;
    const periods = span.operands.map(periodOf);
    const operands = own.map((items, i) => {
      const other = own[1 - i] ?? [];
      const onlyNames = items.every((s) => s.kind !== "word" || s.entityKind !== undefined);
      const borrowed = items.length === 0 ? other : onlyNames ? common(other) : nouns(items).length === 0 ? nouns(other) : [];
      const r = span.operands[i]!;
      const all = [...items, ...borrowed, ...shared];
      const head = headOf(all);
      // "… in the previous mandate period than in this one": the other operand is the current period.
      const period = periods[i] ?? (periods[1 - i] === "previous" ? "current" : periods[1 - i] === "current" ? "previous" : undefined);
      return { text: text.slice(r.start, r.end).trim(), items: toOperandItems(all), ...(head ? { head } : {}), ...(period ? { period } : {}) };
    });
    return { ...base, operands };
  }
  if (span.shortfall) {
    // The limit: what the question names ("the authorized ceiling" of "troops"); the actual figure is found beside it.
    const items = toOperandItems(subject);
    const limitItems = span.limit ? subject.filter((s) => within(s, span.limit!)).map((s) => s.text) : [];
    // What is counted is not the limit ("UNPOL gap vs ceiling": police personnel, not ceilings).
    const counted = subject.filter((s) => !limitItems.includes(s.text));
    const head = (counted.length > 0 ? headOf(counted) : undefined) ?? headOf(subject);
    return { ...base, shortfall: true, operands: [{ text, items, ...(head ? { head } : {}) }], ...(limitItems.length ? { limitItems } : {}) };
  }
  if (overTime) {
    // A follow-up's carried subject is what it compares ("how many more injured is that?").
    const items = toOperandItems(subject);
    const head = headOf(subject);
    return { ...base, operands: [{ text, items, period: "previous", ...(head ? { head } : {}) }, { text, items, period: "current", ...(head ? { head } : {}) }] };
  }
  return base;
}

/** "hit hardest", "the worst", "most": the question asks for an extreme. */
function isSuperlative(tokens: Token[]): boolean {
  return tokens.some((t) => ((t.pos === "ADJ" || t.pos === "ADV") && /est$/i.test(t.text) && t.lemma.toLowerCase() !== t.text.toLowerCase()) || /^(?:most|worst|least|best)$/i.test(t.text));
}
