// What each figure of a sentence counts, read from the sentence's parts of speech: the noun after it
// (or the one carried from an earlier figure: "64 [peacekeepers] injured"), its own modifiers and verb,
// the clause's subject, the comparison period ("compared with … in the previous mandate period",
// "respectively", "up from", "from … to"), and part–whole links ("including 29 women", "Of the 53
// members …, only six", "of a total of 4,872").
import { terms as termsOf } from "../../src/report/terms.js";
import type { Figure } from "../../src/figures/schema.js";
import { analyse, type Token } from "../../src/report/nlp.js";
import { figureSpans, type FigureSpan } from "../../src/figures/figure-spans.js";

export interface SentenceRef {
  paragraph?: number;
  indicator?: string;
  subItem?: string;
  sentence: number;
}

const NOUNISH = new Set(["NOUN", "PROPN"]);
const MODIFIER = new Set(["ADJ", "NOUN", "PROPN", "VERB"]);
/** Words that stand for the noun already counted: "injured five others". */
const SAME_AS_BEFORE = new Set(["other", "others", "more"]);
const CHANGE_BEFORE = /\b(?:additional|increase of|decrease of|rise of|drop of|reduction of|growth of|further)\s*$/i;
const CHANGE_AFTER = /^\s*(?:more|fewer|additional|(?:increase|decrease|rise|drop|reduction|growth|decline|jump|fall)\b(?!\s+(?:to|from)\b))\b/i;
/** "an additional 65 schools have been closed, bringing the number to 501": the running total of what the change counts. */
const RUNNING_TOTAL_BEFORE = /\b(?:bringing|brought|raising|raised|taking|took)\s+(?:the|their|its)\s+(?:total\s+)?(?:number|total|tally|count|figure)(?:\s+of\s+[\p{L}\s'’-]+?)?\s+to\s+(?:some\s+|about\s+|approximately\s+|nearly\s+)?$/iu;
const TOTAL_BEFORE = /\b(?:a total of|total of|in total,?|altogether,?|overall,?)\s*(?:some |about |approximately |at least |more than )?$/i;
const PART_BEFORE = /\b(?:including|of whom|of which|among them|among whom|among those)\s*(?:some |about |approximately |at least )?$/i;
/** What comes between a whole and the first figure of the list of its parts (no other figure, no full stop). */
const COMPOSED_OF = /^[^.;]*\b(?:compris(?:ed|ing|es)|consist(?:ed|ing|s)? of|composed of|made up of|broken down into)\s*(?:some |about |approximately )?$/i;
/** Between two figures of one list: the first one's noun and a comma or "and". */
const LIST_CONTINUES = /^[^.;\d]*?(?:,|\band)\s*(?:some |about |approximately )?$/i;
const WHOLE_BEFORE = /\b(?:of a total of|out of a total of|out of)\s*$/i;
const OF_THE_START = /^\s*(?:\(\w\)\s*)?(?:Of|Among)\s+(?:the|an estimated|some|about)?\s*$/;
/** Always comparative. */
const COMPARED = /\b(?:compared (?:with|to)|as against|versus)\b/gi;
/** Comparative only when an earlier period follows: "…, while 3 were killed … in the previous mandate period". */
const CONTRAST = /\b(?:while|whereas)\b/gi;
const UP_FROM_BEFORE = /\b(?:up|down) from\s*(?:some |about |approximately )?$/i;
const FROM_BEFORE = /\bfrom\s*(?:some |about |approximately )?$/i;
const TO_BEFORE = /\bto\s*(?:some |about |approximately )?$/i;
/** A bound, not a count: "a ceiling of up to 1,920", "a maximum of", "not to exceed". */
const LIMIT_BEFORE = /\b(?:up to|a maximum of|maximum of|not (?:to )?exceed(?:ing)?|no more than|capped at)\s*$/i;
const PREVIOUS_TIME = /\b(?:previous|preceding|last|earlier|prior)\b/i;

interface Working extends FigureSpan {
  tokenEnd: number;
  head?: string;
  /** "131 members of the … forces": the noun the head is of. */
  ofHead?: string;
  headTerms: string[];
  ownTerms: string[];
  verb?: string;
  elided: boolean;
  period: "current" | "previous";
  role?: Figure["role"];
  limit?: boolean;
  /** Index of the figure a "comprised …" list breaks down. */
  composedOf?: number;
  partOf?: number;
}

const tokensIn = (tokens: Token[], start: number, end: number) => tokens.filter((t) => t.start >= start && t.end <= end);
const contentTerms = (tokens: Token[]) => tokens.filter((t) => t.pos !== "NUM" && t.pos !== "PUNCT").flatMap((t) => t.terms);

/** The noun phrase right after a figure: modifiers and the last noun of the run ("medium-range … police patrols"). */
function nounPhraseAfter(tokens: Token[], from: number, percentOrMoney: boolean): { head?: string; terms: string[]; end: number } {
  let i = tokens.findIndex((t) => t.start >= from);
  if (i < 0) return { terms: [], end: from };
  // "14 per cent of the $293 million", "34 per cent of State officials": the phrase after "of".
  if (percentOrMoney && tokens[i]?.lemma === "of") {
    i++;
    while (tokens[i] && (tokens[i]!.pos === "DET" || tokens[i]!.pos === "PRON")) i++;
  }
  const run: Token[] = [];
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (MODIFIER.has(t.pos) || t.text === "-") {
      // A verb ends the phrase unless it modifies the noun that follows ("displaced persons"), before any noun.
      if (t.pos === "VERB" && (!NOUNISH.has(tokens[j + 1]?.pos ?? "") || run.some((r) => NOUNISH.has(r.pos)))) break;
      run.push(t);
      continue;
    }
    // "internally displaced persons": an adverb opens the phrase when a modifier follows it.
    if (t.pos === "ADV" && run.length === 0 && MODIFIER.has(tokens[j + 1]?.pos ?? "")) continue;
    if (t.pos === "CCONJ" && run.length > 0 && MODIFIER.has(tokens[j + 1]?.pos ?? "") && tokens[j + 1]?.pos !== "VERB") {
      run.push(t);
      continue;
    }
    break;
  }
  const lastNoun = [...run].reverse().find((t) => NOUNISH.has(t.pos));
  const head = lastNoun?.terms.at(-1);
  if (!lastNoun || head === undefined) return { terms: [], end: from };
  const upTo = run.slice(0, run.indexOf(lastNoun) + 1);
  return { head, terms: contentTerms(upTo), end: lastNoun.end };
}

/** "of the Malian defence and security forces" after the head: part of the noun phrase, carried with it. */
function ofComplement(tokens: Token[], from: number, limit: number): { terms: string[]; end: number } {
  const i = tokens.findIndex((t) => t.start >= from);
  if (i < 0 || tokens[i]!.lemma !== "of" || tokens[i]!.start >= limit) return { terms: [], end: from };
  const out: Token[] = [];
  for (let j = i + 1; j < tokens.length && tokens[j]!.start < limit; j++) {
    const t = tokens[j]!;
    if (t.pos === "ADP" || t.pos === "VERB" || t.pos === "AUX" || t.pos === "PUNCT" || t.pos === "SCONJ") break;
    out.push(t);
  }
  return { terms: contentTerms(out), end: out.at(-1)?.end ?? from };
}

/** "Eight peacekeepers were killed": the verb right after the counted noun (an auxiliary or adverb between). */
function verbAfterHead(tokens: Token[], from: number, limit: number): string | undefined {
  const after = tokens.filter((t) => t.start >= from && t.start < limit).slice(0, 4);
  for (const t of after) {
    if (t.pos === "VERB") return t.term ?? undefined;
    if (t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PART") return undefined;
  }
  return undefined;
}

/** "the number of X [rose] from …": X, when the clause names what its figures count before them. */
function numberOfPhrase(tokens: Token[], before: number): { head: string; terms: string[] } | undefined {
  const prior = tokens.filter((t) => t.end <= before);
  for (let i = prior.length - 1; i >= 1; i--) {
    const t = prior[i]!;
    if (t.text === ";" || t.text === ":") return undefined;
    if (t.lemma === "of" && prior[i - 1]!.lemma === "number") {
      const phrase = nounPhraseAfter(tokens, prior[i + 1]?.start ?? before, false);
      return phrase.head ? { head: phrase.head, terms: phrase.terms } : undefined;
    }
  }
  return undefined;
}

function verbBefore(tokens: Token[], at: number): string | undefined {
  const before = tokens.filter((t) => t.end <= at).slice(-3).reverse();
  for (const t of before) {
    if (t.pos === "VERB") return t.term ?? undefined;
    if (t.pos !== "ADV" && t.pos !== "ADJ" && t.pos !== "DET") return undefined;
  }
  return undefined;
}

export function describeSentence(text: string, ref: SentenceRef): Figure[] {
  const spans = figureSpans(text);
  if (spans.length === 0) return [];
  const tokens = analyse(text);
  const markers = [
    ...[...text.matchAll(COMPARED)].map((m) => m.index),
    ...[...text.matchAll(CONTRAST)].map((m) => m.index).filter((at) => PREVIOUS_TIME.test(text.slice(at))),
  ];
  const comparisonAt = Math.min(...markers.filter((at) => at > spans[0]!.start), Infinity);
  const work: Working[] = spans.map((s) => ({ ...s, tokenEnd: s.end, headTerms: [], ownTerms: [], elided: false, period: "current" }));

  work.forEach((f, i) => {
    const next = work[i + 1]?.start ?? text.length;
    const segmentEnd = Math.min(next, ...[";", " compared ", ", while "].map((m) => text.indexOf(m, f.end)).filter((x) => x >= 0));
    const before = text.slice(0, f.start);
    const after = text.slice(f.end);
    const phrase = nounPhraseAfter(tokens, f.end, f.unit !== "count");
    const sameAsBefore = phrase.head !== undefined && SAME_AS_BEFORE.has(phrase.head);
    const complement = ofComplement(tokens, phrase.end, segmentEnd);
    if (phrase.head && !sameAsBefore) {
      f.head = phrase.head;
      f.headTerms = [...phrase.terms, ...complement.terms];
      if (complement.terms.length > 0) f.ofHead = complement.terms.at(-1);
    }
    const own = tokensIn(tokens, f.end, segmentEnd);
    f.ownTerms = contentTerms(own);
    f.verb = verbBefore(tokens, f.start) ?? verbAfterHead(tokens, f.head ? Math.max(phrase.end, complement.end) : f.end, segmentEnd);
    if (LIMIT_BEFORE.test(before)) f.limit = true;
    if (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after)) f.role = "change";
    else if (WHOLE_BEFORE.test(before)) f.role = "whole";
    else if (TOTAL_BEFORE.test(before)) f.role = "total";
    else if (PART_BEFORE.test(before)) f.role = "part";
    // "comprised 40 military observers, 486 staff officers and 12,763 contingent personnel": each
    // figure of the list is a part of the one before "comprised".
    else if (i > 0 && work[i - 1]!.role === "part" && work[i - 1]!.composedOf !== undefined && LIST_CONTINUES.test(text.slice(work[i - 1]!.end, f.start))) {
      f.role = "part";
      f.composedOf = work[i - 1]!.composedOf;
    } else if (i > 0 && COMPOSED_OF.test(text.slice(work[i - 1]!.end, f.start))) {
      f.role = "part";
      f.composedOf = i - 1;
    }
    // The running total counts what the change before it counts, with the change's verb ("closed").
    const change = i > 0 && RUNNING_TOTAL_BEFORE.test(before) ? [...work.slice(0, i)].reverse().find((w) => w.role === "change" && w.unit === f.unit) : undefined;
    if (change) {
      f.verb ??= change.verb;
      f.ownTerms = [...new Set([...f.ownTerms, ...change.ownTerms])];
    }
    if (UP_FROM_BEFORE.test(before)) (f.role = "from"), (f.period = "previous");
    else if (FROM_BEFORE.test(before) && work[i + 1] && TO_BEFORE.test(text.slice(f.end, work[i + 1]!.start))) (f.role = "from"), (f.period = "previous");
    else if (i > 0 && work[i - 1]!.role === "from" && TO_BEFORE.test(before)) f.role = "to";
    if (f.start > comparisonAt) f.period = "previous";
  });

  // Part-whole links.
  work.forEach((f, i) => {
    if (f.role === "part" && f.composedOf !== undefined && work[f.composedOf]!.unit === f.unit) f.partOf = f.composedOf;
    else if (f.role === "part") {
      const whole = [...work.slice(0, i)].reverse().find((w) => w.role !== "part" && w.unit === f.unit);
      if (whole) f.partOf = work.indexOf(whole);
    }
    if (f.role === "whole") {
      // The part is the figure before it that counts the same thing now (not an earlier period's "up from 296").
      const part = [...work.slice(0, i)].reverse().find((w) => w.role !== "from" && w.period === "current" && w.unit === f.unit);
      if (part) part.partOf ??= i;
    }
    if (OF_THE_START.test(text.slice(0, f.start)) && work[i + 1]) {
      f.role ??= "whole";
      work[i + 1]!.partOf ??= i;
    }
  });

  // "compared with 84, 66 and 15 attacks, respectively": the i-th comparison figure is the i-th current one's.
  const previous = work.filter((f) => f.period === "previous");
  const current = work.filter((f) => f.period === "current" && f.start < comparisonAt);
  const respectively = /\brespectively\b/i.test(text.slice(comparisonAt === Infinity ? 0 : comparisonAt));
  if (respectively && previous.length === current.length) {
    previous.forEach((p, k) => {
      const c = current[k]!;
      carry(c, work);
      if (!p.head) p.ofHead = c.ofHead;
      p.head ??= c.head;
      p.headTerms = p.headTerms.length ? p.headTerms : c.headTerms;
      p.ownTerms = [...new Set([...c.ownTerms, ...p.ownTerms])];
      p.verb ??= c.verb;
      p.elided = p.elided || !p.head || p.headTerms === c.headTerms;
    });
  } else if (previous.length === 1 && current.length === 1 && previous[0]!.unit === current[0]!.unit && current[0]!.head) {
    // "27 security incidents …, compared with 15 cases in the previous reporting period": one figure
    // compared with one, whatever the second's noun, counts the same thing.
    const [p, c] = [previous[0]!, current[0]!];
    if (p.head !== c.head) {
      p.ownTerms = [...new Set([...c.headTerms, ...p.ownTerms, ...p.headTerms])];
      p.head = c.head;
      p.ofHead = c.ofHead;
      p.headTerms = c.headTerms;
    }
  }
  // Elided nouns: "Eight peacekeepers were killed and 64 [peacekeepers] injured", or named before the
  // figures: "the number of internally displaced persons from some 45,800 to approximately 59,000".
  let carried: Working | undefined;
  for (const f of work) {
    if (f.head) {
      carried = f;
      continue;
    }
    if (carried && carried.unit === f.unit) {
      f.head = carried.head;
      f.ofHead = carried.ofHead;
      f.headTerms = carried.headTerms;
      f.elided = true;
      continue;
    }
    const counted = numberOfPhrase(tokens, f.start);
    if (counted) {
      f.head = counted.head;
      f.headTerms = counted.terms;
      f.elided = true;
      carried = f;
    }
  }
  const firstAt = work[0]!.start;
  const context = contentTerms(tokensIn(tokens, 0, firstAt));
  return work.map((f, index) => ({
    ...ref,
    index,
    text: f.text,
    start: f.start,
    end: f.end,
    value: f.value,
    unit: f.unit,
    ...(f.head ? { head: f.head } : {}),
    ...(f.ofHead ? { ofHead: f.ofHead } : {}),
    elided: f.elided,
    terms: [...new Set([...f.headTerms, ...f.ownTerms])],
    context: [...new Set(context)],
    ...(f.verb ? { verb: f.verb } : {}),
    period: f.period,
    ...(f.role ? { role: f.role } : {}),
    ...(f.limit ? { limit: true } : {}),
    ...(f.partOf !== undefined ? { partOf: f.partOf } : {}),
  }));
}

/** Gives a figure without its own noun the noun of the figure before it, before "respectively" copies it. */
function carry(f: Working, all: Working[]): void {
  if (f.head) return;
  const before = [...all.slice(0, all.indexOf(f))].reverse().find((w) => w.head);
  if (before) {
    f.head = before.head;
    f.ofHead = before.ofHead;
    f.headTerms = before.headTerms;
    f.elided = true;
  }
}

/**
 * "… up to 1,920 police personnel … . As at 26 May, 1,502 personnel had been deployed": a figure whose
 * noun stands bare right after it, in the sentence after one that counts the same noun with modifiers,
 * counts what that one counts. It takes the modifiers ("police"), not the rest of that sentence.
 */
export function inheritModifiers(previous: { text: string; figures: Figure[] }, current: { text: string; figures: Figure[] }): Figure[] {
  return current.figures.map((f) => {
    if (f.unit !== "count" || !f.head || f.elided) return f;
    const bare = termsOf(current.text.slice(f.end).match(/^\s+([\p{L}-]+)/u)?.[1] ?? "");
    if (bare.length !== 1 || bare[0] !== f.head) return f;
    const model = previous.figures.find((g) => g.unit === f.unit && g.head === f.head && g.period === "current");
    if (!model) return f;
    const words = previous.text.slice(model.end).split(/\s+/).filter(Boolean);
    const headAt = words.findIndex((w) => termsOf(w)[0] === f.head);
    if (headAt <= 0 || headAt > 4) return f;
    const modifiers = termsOf(words.slice(0, headAt).join(" "));
    return modifiers.length === 0 ? f : { ...f, terms: [...new Set([...f.terms, ...modifiers])] };
  });
}
