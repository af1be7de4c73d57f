// decide: the frame and the evidence become an answer or a refusal, in this one place. An answer needs
// evidence that covers what the question is about, every named thing it asks after, its time, and
// something of the expected kind next to it: a figure for "how many", a date for "when", a name for
// "who", a cause for "why". Otherwise the refusal says what is missing.
import { askedFigure, askedHeadOf, askedItemsOf, coverageOf, type ScoredSentence } from "./evidence.js";
import type { ReportKnowledge } from "./knowledge/knowledge.js";
import type { ReportSentence } from "./knowledge/sentence-index.js";
import type { FramePart, SubjectItem } from "./understand/frame.js";
import { covers } from "./understand/subject.js";
import { termOf, terms as textTerms } from "../report/terms.js";
import { figureWords, headMatches, statesFigure } from "../figures/schema.js";
import { datedClauses, namesTime } from "./knowledge/text-features.js";
import { dayOf, namesAskedDay, namesDay } from "./asked-day.js";
import { escapeRegExp } from "../report/escape-regexp.js";
import type { GlossaryEntry } from "../glossary/schema.js";

export type Decision =
  | { kind: "answer"; best: ScoredSentence; scored: ScoredSentence[] }
  | { kind: "refuse"; reason: string; related: ScoredSentence[] };

/** Share of the subject's weight the best paragraph must cover, and the best sentence. */
const MIN_UNIT_COVERAGE = 0.4;
const MIN_SENTENCE_COVERAGE = 0.3;
/** … when lexical and dense retrieval both rank its paragraph first. */
const AGREED_UNIT_COVERAGE = 0.25;
/** An unknown word this telling (relative to the most telling item) is what the question is about. */
/** "What is/was the X of …": the noun after it is the attribute asked for. */
const ATTRIBUTE = /^\s*what(?:['’]s| is| was| are| were)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:of|in|for|at)\b|^\s*what(?:['’]s| is| was| are| were)\s+(?:the\s+)?[\p{L}-]+\s*\??$/iu;
/** A paragraph that names the question's year answers it when it scores at least this share of the best match. */
const DATED_SCORE = 0.6;
/** Words that single one out of several ("particularly affected", "most", "hardest hit"), and how far below the best match such a sentence may score. */
const SINGLES_OUT = /\b(?:particularly|especially|notably|in particular|above all|most|hardest|worst|largest|highest)\b/i;
const SINGLED_OUT_BAND = 0.5;
/** A follow-up's reason about what it names itself may score this share of the best match. */
const OWN_REASON_BAND = 0.5;
/** "How many …", "the headcount of …", "the number of …": a count (not "how much", which may be an amount or a share). */
const COUNT_QUESTION = /\bhow many\b|\bhead ?counts?\b|\b(?:total\s+)?numbers? of\b/i;
/** "how much … cost / spend / money / in dollars", "what is the budget of …": the answer is an amount of money. */
const MONEY_ASKED = /\bhow much\b(?=.*\b(?:cost|costs|costing|spend|spends|spent|spending|price|expenditure|money|dollars?|euros?)\b)|^\s*what(?:['’]s| is| was| are| were| will be)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:budget|cost|costs|price|expenditure)\b/iu;
const HOW_MUCH = /\bhow much\b/i;
const PERCENT_WORD = /\b(?:per ?cent|percentage|proportion|share|rate)\b|%/i;
/** A sentence saying an act has not happened yet. */
const PENDING = /\b(?:(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?pending|(?:has|have|had)\s+yet\s+to|(?:has|have|had)\s+not\s+yet|not\s+yet\s+been)\b/i;
const PAST = /\b(?:did|was|were|had|won|lost|held|took|became|went|came|began|happened|ended|adopted|voted|approved|elected|decided|renewed|extended|signed|passed)\b/i;

const describe = (items: SubjectItem[]) => items.map((s) => `“${s.text.replace(" … ", " ")}”`).join(" or ");

/** The sentence and the ones beside it in its paragraph: what a quote stands in. */
function neighbourhood(s: ReportSentence, k: ReportKnowledge): ReportSentence[] {
  const unit = k.sentences.byUnit.get(s.unit) ?? [];
  return unit.filter((x) => Math.abs(x.index - s.index) <= 1);
}

const termsOf = (sentences: ReportSentence[]) => new Set(sentences.flatMap((s) => [...s.terms]));

export function decide(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge): Decision {
  const related = scored.filter((s) => s.score > 0).slice(0, 2);
  const refuse = (reason: string): Decision => ({ kind: "refuse", reason, related });

  // A named thing the report never mentions at all ("the Force Commander", "GDP"). An unknown common
  // word only lowers coverage: the report may say it another way.
  const unknown = part.subject.filter((s) => s.unknown && !s.carried && s.required);
  if (unknown.length > 0) return refuse(`It does not mention ${describe(unknown)}.`);

  // A document the report never cites ("resolution 2364" came after it).
  const uncited = (part.documents ?? []).filter((d) => !k.citesDocument(d));
  if (uncited.length > 0) return refuse(`It does not mention ${uncited.join(" or ")}.`);

  // A year or month the report never mentions.
  const unmentioned = part.times.filter((t) => t.year !== undefined && !k.mentionsTime(t));
  if (unmentioned.length > 0) return refuse(`It says nothing about ${unmentioned.map((t) => t.text.replace(/^\w+\s+(?=\d|[A-Z])/, "")).join(" or ")}.`);

  // "How many drones …", "What was the turnout …": the thing asked about is one the report never names.
  const askedHead = askedHeadOf(part);
  // (Unless the question states figures one paragraph gives: "53.3 out of 1,589.7 million — what share of all arrears …?")
  if (askedHead?.unknown && !askedHead.carried && (part.answerType === "number" || ATTRIBUTE.test(part.question)) && !statesReportFigures(part, k)) return refuse(`It does not mention ${describe([askedHead])}.`);

  const best = scored[0];
  if (!best || best.score <= 0) return refuse("None of its paragraphs addresses this.");

  if (part.afterReport.length > 0) {
    // Plans the report states ("scheduled for July 2018") answer a question about them; outcomes do not.
    const later = part.times.filter((t) => part.afterReport.includes(t.text));
    // (A day must be named as that day: "since June 2016" does not mention "8 June".)
    const names = (s: ScoredSentence, t: FramePart["times"][number]) => {
      const day = dayOf(t);
      return day ? namesDay(day, s.sentence) : namesTime(s.sentence, t);
    };
    const mentioned = scored.some((s) => s.coverage > 0 && later.every((t) => names(s, t)));
    if (!mentioned || PAST.test(part.question)) return refuse(`It reports on events up to ${k.asAt.label}, so it says nothing about ${part.afterReport.join(" or ")}.`);
  }

  // A figure for a whole year ("in calendar year 2016") is one the report gives for that year, not for a
  // mandate or reporting period that runs into it ("since June 2016").
  const wholeYears = part.answerType === "number" ? part.times.filter((t) => t.wholeYear && t.year !== undefined) : [];
  for (const t of wholeYears) {
    const forYear = new RegExp(String.raw`\b(?:in|during|for|throughout|of)\s+${t.year}\b`, "i");
    if (!scored.slice(0, 6).some((s) => s.score > 0 && forYear.test(s.sentence.text))) return refuse(`It gives figures for its mandate and reporting periods, not for ${t.text.replace(/^(?:in|during|for|over)\s+/i, "")}.`);
  }

  // A year the question names must be one the answer's paragraph is about ("2016/17" is not "1 July
  // 2017 to 30 June 2018"): the evidence narrows to the paragraphs that name it.
  const reportYear = Math.floor(k.asAt.month / 12);
  const years = [...new Set(part.times.filter((t) => t.explicitYear && t.year !== undefined && t.year !== reportYear).map((t) => t.year!))];
  const unitNames = (s: ScoredSentence, year: number) => (k.sentences.byUnit.get(s.sentence.unit) ?? []).some((x) => x.times.years.includes(year));
  if (years.length > 0) {
    const dated = scored.filter((s) => s.score > 0 && years.every((y) => unitNames(s, y)));
    if (dated.length === 0 || dated[0]!.score < best.score * DATED_SCORE) {
      const missingYears = years.filter((y) => !scored.some((s) => s.score >= best.score * DATED_SCORE && unitNames(s, y)));
      return refuse(`What it says nearest to this does not concern ${(missingYears.length > 0 ? missingYears : years).join(" or ")}.`);
    }
    return decideOn(part, dated, k, refuse);
  }
  return decideOn(part, scored, k, refuse);
}

/** The checks on the best evidence, once the evidence is narrowed to what the question's times allow. */
function decideOn(part: FramePart, scored: ScoredSentence[], k: ReportKnowledge, refuse: (reason: string) => Decision): Decision {
  const best = scored[0]!;

  const near = termsOf(neighbourhood(best.sentence, k));
  const unitTerms = k.sentences.unitTerms(best.sentence.unit);
  const missing = part.subject.filter((s) => s.required && s.weight > 0 && covers(unitTerms, s) === 0);
  if (missing.length > 0) return refuse(`What it says nearest to this does not concern ${describe(missing)}.`);
  // Both retrievers ranking the paragraph first, independently, is evidence the words alone may miss.
  const minUnit = best.agreed ? AGREED_UNIT_COVERAGE : MIN_UNIT_COVERAGE;
  // An amount the question states ("the $293 million") that the best sentence states too says it is the one meant.
  const statesAmount = best.sentence.figures.some((f) => f.unit === "money" && part.figures.some((v) => statesFigure(f.value, v)));
  if (best.unitCoverage < minUnit || (coverageOf(near, part.subject) < MIN_SENTENCE_COVERAGE && !statesAmount)) return refuse("None of its paragraphs addresses this.");

  const typed = answerOfType(part, scored, best, k);
  if (typed.kind === "refuse") return refuse(typed.reason);
  return { kind: "answer", best: typed.best, scored };
}

/** The best sentence that holds an answer of the expected type, near enough in score to the best match. */
function answerOfType(part: FramePart, scored: ScoredSentence[], best: ScoredSentence, k: ReportKnowledge): { kind: "answer"; best: ScoredSentence } | { kind: "refuse"; reason: string } {
  const close = scored.filter((s) => s.score >= best.score * 0.7 && s.unitCoverage >= MIN_UNIT_COVERAGE);
  const has = (test: (s: ReportSentence) => boolean) => close.find((s) => test(s.sentence) || neighbourhood(s.sentence, k).some((n) => n !== s.sentence && test(n) && s.coverage >= MIN_SENTENCE_COVERAGE));
  // The sentence beside the match that holds the answer ("… one confirmed case" / "On 16 April, … in Alfao"), when the match itself does not.
  const holder = (test: (s: ReportSentence) => boolean) => {
    const found = has(test);
    if (!found || test(found.sentence)) return found;
    const beside = neighbourhood(found.sentence, k).find((n) => n !== found.sentence && test(n));
    return scored.find((x) => x.sentence === beside) ?? found;
  };
  const what = part.asked ? `“${part.asked}”` : "this";
  switch (part.answerType) {
    case "number": {
      // A share ("how much of …", "what percentage") is best answered by a percentage the report states.
      // A share is best answered by a percentage the report states, about most of what is asked.
      const share = part.operation?.kind === "share";
      // The sentence may lean on the one before it for where ("… in northern and central Mali. … 34 per cent of State officials were present in those regions").
      const head = askedHeadOf(part);
      // A terse share names no noun after its measure ("state officials at post in the north/centre, %?"): its most telling noun is what is measured.
      const measured = head ?? (share ? part.subject.filter((i) => !i.carried && i.pos === "NOUN" && i.weight > 0).sort((a, b) => b.weight - a.weight)[0] : undefined);
      const statesShare = (s: ScoredSentence) =>
        s.sentence.figures.some((f) => f.unit === "percent" && f.role !== "change") &&
        (s.coverage >= 0.75 || (measured !== undefined && s.sentence.figures.some((f) => f.unit === "percent" && covers(figureWords(f), measured) > 0) && coverageOf(termsOf(neighbourhood(s.sentence, k)), part.subject) >= (head ? 0.75 : TERSE_SHARE_COVERAGE)));
      // … or the one beside it that gives the very day the question asks about ("as at 26 May, only 14 per cent … had been received").
      // (A sentence that also states the amount the question does — "of the $293 million" — is that one whatever else the question says.)
      const statesAskedAmount = (x: ScoredSentence) => x.sentence.figures.some((f) => f.unit === "money" && part.figures.some((v) => statesFigure(f.value, v)));
      const onAskedDay = (x: ScoredSentence) =>
        x.sentence.figures.some((f) => f.unit === "percent" && f.role !== "change") && namesAskedDay(part, x.sentence) && (statesAskedAmount(x) || coverageOf(termsOf(neighbourhood(x.sentence, k)), part.subject) >= 0.75);
      const besideClose = close.flatMap((c) => scored.filter((x) => x.sentence.unit === c.sentence.unit && Math.abs(x.sentence.index - c.sentence.index) === 1));
      const stated = share ? ([...close, ...besideClose].find(onAskedDay) ?? [...close, ...besideClose].find(statesShare)) : undefined;
      if (stated) return { kind: "answer", best: stated };
      const anyPercent = share && close.some((s) => [s.sentence, ...neighbourhood(s.sentence, k)].some((x) => x.figures.some((f) => f.unit === "percent")));
      // "How many civilian staff …?" asks a count: "87 per cent of all civilian staff" is not one. And a
      // figure the question itself states ("Of the 529 members, how many are women?") is not its answer,
      // unless it is an operand of what the question asks to compute.
      const asksCount = COUNT_QUESTION.test(part.question) && !PERCENT_WORD.test(part.question) && !part.operation;
      // (Nor for a follow-up about the previous answer, "how much cash is that?", whose figures are its operands.)
      const answering = (f: ReportSentence["figures"][number]) => !(asksCount && f.unit === "percent") && (part.operation !== undefined || part.onPreviousAnswer || !part.figures.includes(f.value));
      // "How much will it cost?" asks an amount of money: a head count or a duration is no answer.
      const money = MONEY_ASKED.test(part.question);
      // "How much (of it) was funded?" asks an amount or a share: a head count of something else ("1.36 million people") is no answer.
      const amountAsked = HOW_MUCH.test(part.question) && !part.operation;
      const amountOrAsked = (f: ReportSentence["figures"][number]) => !amountAsked || f.unit !== "count" || (head !== undefined && f.head !== undefined && covers(new Set([f.head]), head) > 0);
      const holds = (s: ReportSentence) => (anyPercent ? s.figures.some((f) => f.unit === "percent") : s.figures.some((f) => answering(f) && amountOrAsked(f) && (!money || f.unit === "money")));
      // The figure often finishes the sentence before it ("Funding was inadequate … Only 14 per cent … had been received.").
      const withNext = (s: ScoredSentence) => {
        if (holds(s.sentence)) return s;
        const next = scored.find((x) => x.sentence.unit === s.sentence.unit && x.sentence.index === s.sentence.index + 1);
        return next && holds(next.sentence) ? next : undefined;
      };
      // A sentence with a figure of the asked noun ("only six are women") may score a little lower than one
      // that only names the subject: it still answers first.
      // It must name, itself, every place or name the question does.
      const names = part.subject.filter((i) => !i.carried && (i.entityKind === "name" || i.entityKind === "country"));
      const band = scored.filter((s) => s.unitCoverage >= MIN_UNIT_COVERAGE && (s.score >= best.score * 0.7 || (s.score >= best.score * FIGURE_BAND && names.every((n) => covers(s.sentence.terms, n) > 0))));
      // The asked act's figure may be in the sentence beside the one naming the event, which has figures
      // only for other acts ("… violence in Macina, … 20 civilians being killed … . Fifteen persons were arrested").
      const acts = askedActs(part);
      const ofAct = (x: ReportSentence) => x.figures.some((f) => f.verb !== undefined && answering(f) && acts.some((v) => covers(new Set([f.verb!]), v) > 0));
      // A figure whose own noun is the asked one ("143,600 [refugees]") before one that only mentions it
      // among its words ("20 municipalities … the High Commissioner for Refugees").
      // (A two-word name counts when the figure's noun ends it: "13,289 military personnel" counts "troops".)
      const countsAskedNoun = (f: ReportSentence["figures"][number]) => head !== undefined && f.head !== undefined && answering(f) && (covers(new Set([f.head, ...(f.ofHead ? [f.ofHead] : [])]), head) > 0 || headMatches(f, head.alternatives.map((a) => a.terms)));
      const countsAsked = (x: ReportSentence) => x.figures.some(countsAskedNoun);
      // A figure that names the asked noun only after its own noun and verb counts what that verb did:
      // "four security incidents involving … civilian personnel" counts no civilians killed.
      const ofAnotherAct = (f: ReportSentence["figures"][number]) => f.unit === "count" && acts.length > 0 && f.verb !== undefined && !acts.some((v) => covers(new Set([f.verb!]), v) > 0) && !countsAskedNoun(f);
      const lead = close[0];
      if (lead && acts.length > 0 && lead.sentence.figures.length > 0 && !ofAct(lead.sentence)) {
        // (… unless it counts another body the report names, which the question does not: "One peacekeeper was killed" counts no civilians.)
        const countsAskedAct = (x: ReportSentence) => x.figures.some((f) => f.verb !== undefined && answering(f) && acts.some((v) => covers(new Set([f.verb!]), v) > 0) && (head === undefined || countsAskedNoun(f) || !countsOtherBody(part, f, x, k)));
        const beside = scored.find((x) => x.sentence.unit === lead.sentence.unit && Math.abs(x.sentence.index - lead.sentence.index) === 1 && countsAskedAct(x.sentence));
        if (beside && !figureForNames(part, beside.sentence, k)) return { kind: "answer", best: beside };
      }
      // The sentence that gives the very day asked ("as at 26 May, 10,919 personnel had been deployed") before one about the same thing on no day.
      const onDay = [...band, ...besideClose].filter((x) => namesAskedDay(part, x.sentence));
      const attached =
        onDay.find((s) => countsAsked(s.sentence) && holds(s.sentence) && !figureForNames(part, s.sentence, k)) ??
        band.find((s) => countsAsked(s.sentence) && holds(s.sentence) && !figureForNames(part, s.sentence, k)) ??
        band.find((s) => { const f = askedFigure(part, s.sentence); return f !== undefined && !ofAnotherAct(f) && holds(s.sentence) && !figureForNames(part, s.sentence, k); });
      if (attached) return { kind: "answer", best: attached };
      // The best sentence names the asked thing ("key population centres") but counts something else
      // ("1,434 … patrols"): the report gives no figure for it.
      const asked = askedItemsOf(part);
      // (A share is computed from a part and its whole, not read off one figure.)
      // (When money is asked, the asked noun is the money itself — "how much cash is that, in dollars?" — and only an amount holds it.)
      if (!money && part.operation?.kind !== "share" && !part.operation?.shortfall && asked.length > 0 && asked.every((a) => covers(best.sentence.terms, a) > 0)) {
        // Money and percentages name what they measure before them ("the budget … amounting to $1,077.6 million").
        const counted = close.some((s) => s.sentence.figures.some((f) => !ofAnotherAct(f) && asked.some((a) => covers(figureWords(f, false), a) > 0)));
        if (!counted) return { kind: "refuse", reason: `It gives no figure for ${what}.` };
      }
      const found = close.map(withNext).find((s): s is ScoredSentence => s !== undefined) ?? (money ? undefined : close.find((s) => s.sentence.figures.some(answering)));
      if (!found) return { kind: "refuse", reason: `It gives no figure for ${what}.` };
      const unnamed = figureForNames(part, found.sentence, k);
      return unnamed ? { kind: "refuse", reason: unnamed } : { kind: "answer", best: found };
    }
    case "date": {
      // The date must belong to what is asked: its sentence is about most of it, and a clause with a date
      // names what the question names ("… on 3 May and two others were killed near Aguelhok" gives no date for Aguelhok).
      const found = has((s) => dateBelongs(part, s));
      return found ? { kind: "answer", best: found } : { kind: "refuse", reason: "It does not say when." };
    }
    case "person": {
      // The person must be named where the asked act is ("Who was appointed …?": a name beside "the appointment … is still pending" did something else).
      const acts = askedActs(part);
      // (Named as that act, or a synonym: a weak link — "head" for "chairing" — is another act.)
      const actor = (s: ReportSentence) => s.people.length > 0 && acts.every((v) => covers(s.terms, v) >= ACT_NAMED);
      const found = has(actor) ?? (isOrganisationAnswer(part) ? (organisationDoing(part, acts, close, scored, k) ?? has((s) => namesOrganisation(s, k))) : undefined);
      // "… and the appointment of an independent observer are still pending": the act has not happened, so no one did it.
      // (Unless it names who does the act: "still pending investigation by the relevant troop-contributing countries".)
      const agentNamed = (text: string) => [...text.matchAll(/([\p{L}-]+)\s+by\s/gu)].some((m) => namesAct(termOf(m[1]!), acts));
      const pending = found && found.sentence.people.length === 0 && acts.length > 0 && acts.every((v) => covers(found.sentence.terms, v) > 0) && PENDING.test(found.sentence.text) && !agentNamed(found.sentence.text);
      if (pending) return { kind: "refuse", reason: "It says this is still pending, and names no one." };
      return found ? { kind: "answer", best: found } : { kind: "refuse", reason: "It does not name anyone for this." };
    }
    case "organisation": {
      // The organisation that did the asked act ("Which group claimed it?") is named where the act is.
      const acts = askedActs(part);
      const doer = organisationDoing(part, acts, close, scored, k);
      if (doer) return { kind: "answer", best: doer };
      const found = has((s) => namesOrganisation(s, k));
      return found ? { kind: "answer", best: found } : { kind: "refuse", reason: "It does not name who." };
    }
    case "place": {
      // "Which country …" wants a country; "where", "which region" any named place.
      const country = /\b(?:countr|nation|member state|contributor)/i.test(part.asked ?? "");
      // A country must be in the sentence itself: one beside it is usually another party ("the French forces").
      // "Which region was hit hardest?": a superlative is answered by the sentence that singles one place out
      // ("The Mopti region has been particularly affected"), among those about what is asked.
      const singled = part.operation?.kind === "rank" || part.superlative ? scored.find((s) => s.score >= best.score * SINGLED_OUT_BAND && s.unitCoverage >= MIN_UNIT_COVERAGE && SINGLES_OUT.test(s.sentence.text) && namesPlace(s.sentence, k, country)) : undefined;
      const found = singled ?? (country ? close.find((s) => namesPlace(s.sentence, k, true)) : holder((s) => namesPlace(s, k, false)));
      return found ? { kind: "answer", best: found } : { kind: "refuse", reason: country ? "It does not name a country for this." : "It does not say where." };
    }
    case "reason": {
      // "Why the drop?" after figures: the cause must be given for what this question names ("a decrease
      // in casualties"), even a little below sentences about only what was carried over.
      const own = part.subject.filter((i) => !i.carried && i.weight > 0);
      const carried = part.subject.some((i) => i.carried);
      const ofOwn = carried && own.length > 0 ? scored.find((s) => s.score >= best.score * OWN_REASON_BAND && s.unitCoverage >= MIN_UNIT_COVERAGE && s.sentence.hasCause && own.every((i) => covers(s.sentence.terms, i) > 0)) : undefined;
      if (ofOwn) return { kind: "answer", best: ofOwn };
      const found = has((s) => s.hasCause);
      return found ? { kind: "answer", best: found } : { kind: "refuse", reason: "It gives no reason for this." };
    }
    case "yesno": {
      // "Did the Supreme Court annul the decree?" when the report says only that someone "requested the
      // Supreme Court to invalidate" it: the act was asked for, and the report does not say whether it was done.
      const acts = askedActs(part);
      const onlyRequested = (s: ReportSentence) =>
        [...s.text.matchAll(REQUESTED_ACT)].some((m) => {
          const [requesting, requested] = [termOf(m[1]!.split(/\s+/)[0]!), termOf(m[2]!)];
          return namesAct(requested, acts) && !namesAct(requesting, acts, 0.3);
        });
      if (acts.length > 0 && onlyRequested(best.sentence)) return { kind: "refuse", reason: "It says only that this was requested, not whether it was done." };
      return { kind: "answer", best };
    }
    default:
      return { kind: "answer", best };
  }
}

/** "requested the Supreme Court to invalidate", "called on the parties to expedite": the requesting verb and the act requested. */
const REQUESTED_ACT = /\b(request(?:ed|s)?|ask(?:ed|s)?|call(?:ed|s)? (?:up)?on|urg(?:ed|es)|appeal(?:ed|s)? to|invit(?:ed|es))\b[^.;]{0,100}?\bto\s+(\p{L}+)/giu;

/**
 * "How many schools are closed in the Timbuktu region?": a figure does not answer for one place when
 * the sentence gives it for a list the place is one of ("4,872 schools in the Gao, Ménaka, Mopti,
 * Ségou and Timbuktu regions", "refugees in Burkina Faso, Mauritania and the Niger"), and a sentence
 * none of whose figures counts the asked thing gives no figure for it there. Returns why not, or undefined.
 */
function figureForNames(part: FramePart, s: ReportSentence, k: ReportKnowledge): string | undefined {
  // Places and countries, however often the report names them ("Timbuktu" is in many paragraphs).
  const names = part.subject.filter((i) => !i.carried && i.weight > 0 && (i.entityKind === "name" || i.entityKind === "country" || (i.required && i.kind === "entity")));
  if (names.length === 0 || s.figures.length === 0) return undefined;
  const where = describe(names);
  // The place may be named a sentence earlier ("In Kidal, … . Three were killed …").
  const before = k.sentences.before(s);
  const near = new Set([...s.terms, ...(before?.terms ?? [])]);
  if (names.some((n) => covers(near, n) === 0)) return `It gives no figure for ${what(part)} in ${where}.`;
  const asked = new Set(names.flatMap((n) => n.alternatives.flatMap((a) => a.terms)));
  const naming = names.every((n) => covers(s.terms, n) > 0) ? s.text : `${before?.text ?? ""} ${s.text}`;
  // A name the question abbreviates ("ICER") may itself hold "and" ("… Economic Recovery and Development of Mali").
  const longForms = names.flatMap((n) => k.longFormOf(n.text.replace(/s$/, "")) ?? []);
  for (const list of nameLists(naming, k, longForms)) {
    const members = list.map((name) => textTerms(name));
    const inList = members.some((m) => m.some((t) => asked.has(t)));
    if (inList && members.some((m) => !m.some((t) => asked.has(t)))) return `It gives that figure only for ${list.join(", ")} together, not for ${where} alone.`;
  }
  const head = askedHeadOf(part);
  if (!head || head.unknown || !k.figureHeads.has(head.alternatives[0]!.terms.at(-1)!)) return undefined;
  const verbs = part.subject.filter((i) => i.pos === "VERB" && !i.carried);
  const counts = (f: ReportSentence["figures"][number]) =>
    (f.head ? covers(new Set([f.head]), head) >= 0.4 : covers(figureWords(f), head) > 0) || verbs.some((v) => f.verb !== undefined && covers(new Set([f.verb]), v) > 0);
  return s.figures.some(counts) ? undefined : `It gives no figure for ${what(part)} in ${where}.`;
}

/** Lists of capitalised names in a sentence: "Gao, Ménaka, Mopti, Ségou and Timbuktu", "Burkina Faso, Mauritania and the Niger". */
function nameLists(text: string, k: ReportKnowledge, names: string[] = []): string[][] {
  const name = String.raw`(?:the\s+)?\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*`;
  const list = new RegExp(String.raw`${name}(?:\s*,\s*${name})*\s*,?\s+and\s+${name}`, "gu");
  // "the Peace and Security Council" is one name; "13 April, the Council" no list of places.
  const mentions = k.glossary.mentions(text).filter((m) => m.entry.kind !== "country");
  const spans = [...mentions, ...names.flatMap((name) => [...text.toLowerCase().matchAll(new RegExp(escapeRegExp(name), "g"))].map((m) => ({ start: m.index, end: m.index + name.length })))];
  const inName = (at: number) => spans.some((m) => at >= m.start && at < m.end);
  return [...text.matchAll(list)]
    .filter((m) => !inName(m.index + m[0].search(/\s+and\s+/)))
    .map((m) => m[0].split(/\s*,\s*|\s+and\s+/).map((x) => x.replace(/^the\s+/, "")))
    .map((members) => members.filter((x) => !MONTH_NAME.test(x)))
    .filter((members) => members.length >= 2);
}

const MONTH_NAME = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

const what = (part: FramePart) => (part.asked ? `“${part.asked}”` : "this");

/** The question states two or more figures, and one paragraph gives every one of them. */
function statesReportFigures(part: FramePart, k: ReportKnowledge): boolean {
  const stated = [...new Set(part.figures)];
  if (stated.length < 2) return false;
  return [...k.sentences.byUnit.values()].some((unit) => stated.every((v) => unit.some((s) => s.figures.some((f) => statesFigure(f.value, v)))));
}

/** The figure's noun is a body the report names (a glossary entry: "peacekeepers", "MINUSMA") that the question does not. */
function countsOtherBody(part: FramePart, f: ReportSentence["figures"][number], s: ReportSentence, k: ReportKnowledge): boolean {
  if (!f.head) return false;
  const named = k.glossary.mentions(s.text).some((m) => k.glossary.alternatives(m.entry).some((a) => a.length === 1 && a[0] === f.head));
  return named && !part.subject.some((i) => covers(new Set([f.head!]), i) > 0);
}

/** A terse share ("… officials at post in the north/centre, %?") whose noun a percentage measures: how much of it the sentence and its neighbours must cover. */
const TERSE_SHARE_COVERAGE = 0.5;

/** How strongly a sentence must cover an asked act for a person in it to be the one who did it: the act itself or a synonym. */
const ACT_NAMED = 0.7;

/** The acts the question itself asks about: its own verbs. */
const askedActs = (part: FramePart) => part.subject.filter((i) => i.pos === "VERB" && !i.carried && i.weight > 0);

/** A word's term is one of the asked acts, or a synonym of one (at least this strong). */
const namesAct = (term: string | null, acts: SubjectItem[], strength = ACT_NAMED) => term !== null && acts.some((v) => covers(new Set([term]), v) >= strength);

/** How far below the best match a sentence holding a figure of the asked noun may score and still answer. */
const FIGURE_BAND = 0.6;
/** Share of the question's own subject a dated sentence must mention for its date to answer "when". */
const DATE_SENTENCE_COVERAGE = 0.4;

function dateBelongs(part: FramePart, s: ReportSentence): boolean {
  const own = part.subject.filter((x) => !x.carried && x.weight > 0);
  if (s.dates.length === 0) return false;
  if (own.length === 0) return true;
  const total = own.reduce((sum, x) => sum + x.weight, 0);
  if (own.reduce((sum, x) => sum + (covers(s.terms, x) > 0 ? x.weight : 0), 0) < total * DATE_SENTENCE_COVERAGE) return false;
  const named = own.filter((x) => x.entityKind === "name" || x.entityKind === "country" || (x.kind === "entity" && x.required));
  return named.length === 0 || datedClauses(s.text).some((clause) => named.every((n) => covers(new Set(textTerms(clause)), n) > 0));
}

/**
 * The sentence naming the organisation that did the asked act: in the sentence itself (a neighbour naming
 * the act may be about another body), and not a body the question names itself ("who claimed the attack
 * on the MINUSMA camp?" is not answered by MINUSMA); or the group a sentence naming the act points back to.
 */
function organisationDoing(part: FramePart, acts: SubjectItem[], close: ScoredSentence[], scored: ScoredSentence[], k: ReportKnowledge): ScoredSentence | undefined {
  if (acts.length === 0) return undefined;
  const asked = new Set(part.subject.flatMap((i) => k.glossary.mentions(i.text.replace(" … ", " ")).map((m) => m.entry)));
  return close.find((s) => namesOrganisation(s.sentence, k, asked) && acts.every((v) => covers(s.sentence.terms, v) >= ACT_NAMED)) ?? namedBefore(acts, close, scored, k);
}

/** "that group", "the same movement": a noun phrase pointing back to an organisation named before. */
const POINTS_BACK_TO_GROUP = /\b(?:that|this|the same|the said)\s+(?:terrorist\s+|armed\s+)?(?:group|organi[sz]ation|movement|coalition)\b/i;

/**
 * The act is named in a sentence of the evidence's paragraphs that points back to a group ("The attacks
 * claimed by that group included: (a) …"): the group is the one the sentence before it names.
 */
function namedBefore(acts: SubjectItem[], close: ScoredSentence[], scored: ScoredSentence[], k: ReportKnowledge): ScoredSentence | undefined {
  for (const c of close) {
    for (const x of k.sentences.byUnit.get(c.sentence.unit) ?? []) {
      if (!POINTS_BACK_TO_GROUP.test(x.text) || !acts.every((v) => covers(x.terms, v) >= ACT_NAMED)) continue;
      const before = k.sentences.before(x);
      if (before && namesOrganisation(before, k)) return scored.find((s) => s.sentence === before) ?? { ...c, sentence: before };
    }
  }
  return undefined;
}

/** "Who claimed …", "who carried out …": an organisation answers it as well as a person. */
function isOrganisationAnswer(part: FramePart): boolean {
  return /\bwho\b/i.test(part.question);
}

/** A named place: a country, or a capitalised name inside the sentence that no glossary entry makes an organisation. */
function namesPlace(s: ReportSentence, k: ReportKnowledge, countryOnly: boolean): boolean {
  const mentions = k.glossary.mentions(s.text);
  // The host country is where everything happens; it does not answer "which country".
  if (mentions.some((m) => (m.entry.kind === "country" && !(countryOnly && m.entry.host)) || m.entry.kind === "place")) return true;
  if (countryOnly) return false;
  const inOrganisation = (at: number) => mentions.some((m) => at >= m.start && at < m.end && m.entry.kind !== "country");
  return [...s.text.matchAll(/(?<=\s)\p{Lu}[\p{Ll}’'-]+/gu)].some((m) => !inOrganisation(m.index) && !k.glossary.isWord(m[0].toLowerCase()));
}

/** An agent: an organisation, a party, a country, a role ("led by Algeria", "by the relevant troop-contributing countries"). */
function namesOrganisation(s: ReportSentence, k: ReportKnowledge, except: ReadonlySet<GlossaryEntry> = new Set()): boolean {
  // (The host country, where everything happens, names no agent: "the Agreement on Peace and Reconciliation in Mali".)
  return k.glossary.mentions(s.text).some((m) => ["organisation", "abbreviation", "country", "role"].includes(m.entry.kind) && !m.entry.host && !except.has(m.entry));
}
