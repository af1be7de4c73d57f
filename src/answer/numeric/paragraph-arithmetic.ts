// Arithmetic over figures in the top retrieved paragraphs: "by what percentage did X rise",
// "how many more … than …", "what share of …", "how much in total …", "what is the difference …".
// Picks the sentence whose figures fit, quotes the operands exactly, and lets the tool verify them.
import type { Paragraph } from "../../report/schema.js";
import { NumericToolError } from "../../tools/errors.js";
import { formatNumber } from "../../tools/format.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import { runParagraphOperation } from "../../tools/run-operation.js";
import type { NumericResult } from "../../tools/types.js";
import { toolTrace } from "./answer-numeric-question.js";
import { splitSentences } from "../../report/sentences.js";
import { analyse, sentenceFigures, words, type Sentence, type SentenceFigure } from "./sentence-figures.js";
import type { ComposedAnswer } from "./types.js";
import { expandAbbreviations } from "./abbreviations.js";

type Kind = "percentChange" | "difference" | "share" | "sum" | "ratio" | "remainder";

const CHANGE_VERB =
  /\b(?:rise|rises|rose|risen|rising|increase[sd]?|increasing|grow|grows|grew|grown|growing|growth|fall|falls|fell|fallen|falling|drop(?:s|ped|ping)?|decline[sd]?|declining|decrease[sd]?|decreasing|reduc(?:e|ed|es|tion)|shr[iau]nk|climb(?:s|ed)?|jump(?:s|ed)?|change[sd]?|go up|went up|gone up|go down|went down|gone down|(?:up|down) by)\b/;
/** "%", "pct", "percent", "per cent", "percentage". */
const PERCENT_WORD = /%|\b(?:percentage|per ?cent|pct)\b/;
const PERCENT = String.raw`(?:%|\bpercentage\b|\bper ?cent\b|\bpct\b)`;
/** "what share of", "as a % of", "MINUSMA's share of …", "how much of". */
const SHARE_CUE = new RegExp(
  String.raw`\bwhat (?:share|proportion|percentage|fraction|part|per ?cent|pct)\b|\bhow much of\b|\bwhat ${PERCENT}\s*of\b|\bas an?\s*(?:${PERCENT}|share|proportion|fraction)\s*of\b|(?:${PERCENT}|\bshare|\bproportion|\bfraction)\s*of\b`,
);
/** "in total", "combined", "altogether", "in all", "all together". */
const SUM_PHRASE = /\b(?:in total|combined|altogether|all together|in all|sum of|added together|put together|total (?:number|amount)|the total of)\b|\bhow (?:many|much) .{0,40}\btotal\b/;
/** A bare "total" sums only when the question lists what to add ("total attacks on A, B and C") or opens with it. */
const BARE_TOTAL = /\b(?:total|overall)\b/;
const ENUMERATION = /\w,\s*\w|\b(?:and|plus)\b|&/;
const VERSUS = /\b(?:vs\.?|versus)(?!\w)/;

/**
 * "How much of the €605 million has not yet been committed?", "how many … remain to be deployed?": what is left
 * of a whole once a stated part is taken out (whole − part). A percentage / share question is not one.
 */
const REMAINDER_CUE =
  /\b(?:not yet|yet to be|still to be|remain(?:s|ed|ing)?|left(?: over)?|outstanding|uncommitted|unspent|undisbursed|unallocated|unpledged)\b/;
const REMAINDER_ASK = /\bhow (?:much|many)\b|\bwhat (?:amount|sum|balance)\b/;

export function arithmeticKind(question: string): Kind | null {
  const q = question.toLowerCase();
  if (REMAINDER_ASK.test(q) && REMAINDER_CUE.test(q) && !PERCENT_WORD.test(q) && !/\b(?:share|proportion|fraction|ratio)\b/.test(q)) return "remainder";
  if (/\bratio\b|\bhow many times\b|\btimes as (?:many|much)\b|\btimes more\b/.test(q)) return "ratio";
  if (PERCENT_WORD.test(q) && CHANGE_VERB.test(q)) return "percentChange";
  if (SHARE_CUE.test(q)) return "share";
  if (/\bhow (?:many|much) (?:more|fewer|less)\b|\bdifference between\b|\bby how (?:much|many)\b|\bhow (?:much|many) (?:did|has|have|had) .{0,60}\b(?:rise|increase|fall|drop|grow|decline|decrease)\b/.test(q)) return "difference";
  if (SUM_PHRASE.test(q) || (BARE_TOTAL.test(q) && (ENUMERATION.test(q) || /^\W*(?:the\s+)?total\b/.test(q)))) return "sum";
  if (VERSUS.test(q)) return "difference";
  return null;
}

const STOP = new Set([
  "the", "and", "what", "how", "many", "much", "did", "does", "was", "were", "has", "have", "had", "from", "with", "than",
  "more", "fewer", "less", "percentage", "per", "cent", "percent", "share", "proportion", "total", "difference", "between",
  "rise", "rose", "increase", "increased", "fall", "fell", "drop", "decline", "decrease", "change", "number", "this", "that",
  "there", "their", "which", "who", "for", "are", "is", "by", "of", "in", "to", "amount", "combined", "altogether", "ratio", "times",
  "pct", "versus", "all", "count", "grow", "grew", "grown", "growth", "rising", "risen", "dropped", "fallen", "declined", "decreased",
  "went", "gone", "now", "overall", "sum", "figure", "figures",
]);

/** Singular of a plural: "fatalities" → "fatality", "taxes" → "tax", "refugees" → "refugee", "forces" → "force". */
function stem(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, "y");
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:x|z|ch|sh|sses)es$/.test(word)) return word.replace(/es$/, "");
  return word.replace(/s$/, "");
}

/** Words the report uses for what a question calls something else ("fighters" → "combatants", "died" → "killed"). */
const SYNONYMS: readonly (readonly string[])[] = [
  ["fighter", "combatant", "militant", "member"],
  ["died", "dead", "death", "killed", "kill", "lives", "fatalities"],
  ["injured", "wounded", "hurt", "injuries"],
  ["soldier", "troop", "military", "contingent"],
  ["authorized", "authorised", "ceiling", "authorization"],
  ["deployed", "deployment", "place", "ground"],
  ["owed", "unpaid", "outstanding", "arrear", "due"],
  ["assessment", "assessed", "contribution"],
  ["funded", "funding", "financed", "received", "covered"],
].map((group) => group.map(stem));

function keywords(q: string): Set<string> {
  const keys = new Set(words(q).filter((w) => !STOP.has(w) && !STOP.has(stem(w))).map(stem));
  for (const group of SYNONYMS) if (group.some((w) => keys.has(w))) for (const w of group) keys.add(w);
  return keys;
}

function overlap(keys: Set<string>, list: readonly string[]): number {
  return new Set(list.map(stem).filter((w) => keys.has(w))).size;
}

function compatible(a: SentenceFigure, b: SentenceFigure): boolean {
  return a.figure.percent === b.figure.percent && a.figure.currency === b.figure.currency;
}

interface Choice {
  op: NumericOperation;
  score: number;
  /** A difference read as what is left of a whole ("not yet committed"). */
  remainder?: boolean;
}

/** Keyword matches around a figure, each weighted by how few of the sentence's figures share that word. */
function figureScorer(keys: Set<string>, s: Sentence): (f: SentenceFigure) => number {
  // Words after a figure describe it ("76 against MINUSMA"); words before only when nothing follows.
  // A figure inside a list ("84, 66 and 15 attacks, respectively, during …") is described by the list's last item.
  const listed = (i: number): boolean => {
    const f = s.figures[i]!;
    const next = s.figures[i + 1];
    return next !== undefined && (f.after.length === 0 || (f.after.length === 1 && f.after[0] === "and")) && /^[\s,]*(?:and\s*)?$/.test(s.text.slice(f.end, next.start));
  };
  const context = (i: number): Set<string> => {
    const f = s.figures[i]!;
    if (listed(i)) return context(i + 1);
    return new Set((f.after.length > 0 ? f.after : f.before).map(stem));
  };
  const contexts = s.figures.map((_, i) => context(i));
  return (f) => {
    const own = contexts[s.figures.indexOf(f)] ?? new Set<string>();
    let score = 0;
    for (const w of own) if (keys.has(w)) score += 1 / Math.max(1, contexts.filter((c) => c.has(w)).length);
    return score;
  };
}

/** Pairs (from, to) for change questions: "from X to Y", "Y (up from X)", "A …, compared with B". */
function changePairs(s: Sentence): [SentenceFigure, SentenceFigure][] {
  const pairs: [SentenceFigure, SentenceFigure][] = [];
  const f = s.figures;
  for (let i = 0; i < f.length; i++) {
    const cur = f[i]!;
    if (!cur.isFrom) continue;
    const next = f[i + 1];
    const between = next ? s.text.slice(cur.end, next.start) : "";
    if (next && /\bto\b/.test(between) && compatible(cur, next)) pairs.push([cur, next]);
    else {
      const prev = f[i - 1];
      if (prev && /\b(?:up|down)\s+from\s+/.test(s.text.slice(prev.end, cur.end)) && compatible(cur, prev)) pairs.push([cur, prev]);
    }
  }
  const marker = /\b(?:compared with|compared to|as against|while)\b/i.exec(s.text);
  if (marker) {
    const now = f.filter((x) => x.end <= marker.index && !x.isFrom);
    const then = f.filter((x) => x.start >= marker.index);
    const n = Math.min(now.length, then.length);
    for (let i = 0; i < n; i++) {
      const a = now[now.length - n + i]!;
      const b = then[i]!;
      if (compatible(a, b)) pairs.push([b, a]);
    }
  }
  return pairs;
}

function chooseInSentence(kind: Kind, s: Sentence, keys: Set<string>, paragraph: number, quoted: readonly QuotedValue[] = []): Choice | null {
  const figures = s.figures;
  if (figures.length < 2) return null;
  const base = overlap(keys, words(s.text));
  // Figures from a sentence that shares no word (or synonym) with the question are about something else.
  if (base === 0 && keys.size > 0) return null;
  const figureScore = (_keys: Set<string>, f: SentenceFigure) => scoreOf(f);
  const scoreOf = figureScorer(keys, s);
  if (kind === "percentChange" || kind === "difference" || kind === "ratio") {
    const pairs = alignedToAsked(changePairs(s), s, keys);
    if (pairs.length > 0) {
      const scored = pairs.map((p) => ({ p, score: figureScore(keys, p[0]) + 2 * figureScore(keys, p[1]) }));
      scored.sort((a, b) => b.score - a.score);
      const [from, to] = scored[0]!.p;
      const score = base * 2 + scored[0]!.score + 1;
      if (kind === "percentChange") return { op: { operation: "paragraphPercentChange", paragraph, from: from.text, to: to.text }, score };
      if (kind === "ratio") return { op: { operation: "paragraphRatio", paragraph, a: to.text, b: from.text }, score };
      return { op: { operation: "paragraphDifference", paragraph, a: to.text, b: from.text }, score };
    }
    if (kind === "percentChange") return null;
  }
  if (kind === "remainder") return remainderIn(s, quoted, paragraph, base);
  if (kind === "share") {
    const pct = figures.find((f) => f.figure.percent);
    const amount = pct && figures.find((f) => f.start > pct.start && !f.figure.percent && /^\s*of\s+(?:the\s+)?$/.test(s.text.slice(pct.end, f.start)));
    if (pct && amount) {
      return { op: { operation: "paragraphPercentOf", paragraph, percent: pct.text, of: amount.text }, score: base * 2 + 1 };
    }
  }
  const plain = figures.filter((f) => !f.figure.percent && !f.isFrom);
  if (kind === "share") {
    const whole = plain.find((f) => /\bof\s+(?:a total of|an estimated|a total|the|some|about|approximately)?\s*$/i.test(s.text.slice(Math.max(0, f.start - 30), f.start)));
    const part = whole && ([...plain].reverse().find((f) => f.end <= whole.start && compatible(f, whole)) ?? plain.find((f) => f.start > whole.end && compatible(f, whole)));
    if (whole && part) return { op: { operation: "paragraphShare", paragraph, part: part.text, whole: whole.text }, score: base * 2 + 1 };
  }
  if (kind === "sum") {
    const marker = /\b(?:compared with|compared to|while)\b/i.exec(s.text);
    const clause = plain.filter((f) => !marker || f.end <= marker.index);
    let groups = clause.filter((f) => compatible(f, clause[0]!));
    // A figure equal to the sum of the others is their printed total, not another part.
    const value = (f: SentenceFigure) => f.figure.written * f.figure.scale;
    const all = groups.reduce((t, f) => t + value(f), 0);
    const total = groups.find((f) => Math.abs(value(f) * 2 - all) < 1e-9);
    if (total && groups.length > 2) groups = groups.filter((f) => f !== total);
    groups = attachedToAsked(groups, keys);
    if (groups.length < 2) return null;
    return { op: { operation: "paragraphSum", paragraph, figures: groups.map((f) => f.text) }, score: base * 2 };
  }
  const ranked = [...plain].sort((a, b) => figureScore(keys, b) - figureScore(keys, a) || a.start - b.start);
  const first = ranked[0];
  const second = first && ranked.slice(1).find((f) => compatible(f, first));
  if (!first || !second) return null;
  const size = (f: SentenceFigure) => f.figure.written * f.figure.scale;
  const [big, small] = size(first) >= size(second) ? [first, second] : [second, first];
  const score = base * 2 + figureScore(keys, first) + figureScore(keys, second);
  if (kind === "share") return { op: { operation: "paragraphShare", paragraph, part: small.text, whole: big.text }, score };
  if (kind === "ratio") return { op: { operation: "paragraphRatio", paragraph, a: big.text, b: small.text }, score };
  return { op: { operation: "paragraphDifference", paragraph, a: big.text, b: small.text }, score };
}

const PREPOSITION = /^(?:against|in|of|from|at|on|for|during|by|with|among|to|since)$/;
/** Words after a figure that do not name what it counts ("76 against MINUSMA", "84, 66 and 15 attacks"). */
const NOT_A_NOUN = /^(?:and|or|nor|but|against|in|of|from|at|on|for|during|by|with|among|to|since|the|per|cent|respectively|compared|while|including|each|who|which|that|were|was|had|have|has|are|is)$/;

/**
 * The noun a figure counts: the word right after it ("115 victims", "66 cases of …"); an elliptical figure
 * ("76 against MINUSMA") counts what the figure before it counts ("105 attacks against …, 76 against …").
 */
function headNouns(s: Sentence): (string | undefined)[] {
  const heads: (string | undefined)[] = [];
  s.figures.forEach((f, i) => {
    const first = f.after[0];
    const own = first !== undefined && !NOT_A_NOUN.test(first) ? stem(first) : undefined;
    const elliptical = first === undefined || PREPOSITION.test(first) || first === "and";
    heads.push(own ?? (elliptical && i > 0 ? heads[i - 1] : undefined));
  });
  return heads;
}

/** What follows a figure's preposition names its target: "76 against MINUSMA" → "minusma". */
function targetOf(f: SentenceFigure): string | undefined {
  const at = f.after.findIndex((w) => PREPOSITION.test(w));
  return at < 0 || at > 2 ? undefined : f.after.slice(at + 1).find((w) => w !== "the");
}

/**
 * Keeps the (from, to) pairs whose figures belong to what the question asks about. The asked noun is the first
 * question word that some figure of the sentence counts ("victims" in "the number of victims of human rights
 * violations" — not "cases of human rights violations"); in a "respectively" list ("105 …, 76 against MINUSMA and
 * 20 against the French forces, compared with 84, 66 and 15") the pair whose target the question names wins.
 * Unchanged when nothing would remain.
 */
function alignedToAsked(pairs: [SentenceFigure, SentenceFigure][], s: Sentence, keys: Set<string>): [SentenceFigure, SentenceFigure][] {
  if (pairs.length < 2) return pairs;
  const heads = headNouns(s);
  const headOf = (f: SentenceFigure) => heads[s.figures.indexOf(f)];
  const asked = [...keys].find((k) => heads.includes(k));
  let kept = pairs;
  if (asked !== undefined) {
    const same = kept.filter(([from, to]) => (headOf(to) ?? headOf(from)) === asked);
    if (same.length > 0) kept = same;
  }
  const named = kept.filter(([, to]) => {
    const t = targetOf(to);
    return t !== undefined && keys.has(stem(t));
  });
  return named.length > 0 ? named : kept;
}

/** Figures quoted in the question ("of the €605 million pledged …"), as values with their unit. */
interface QuotedValue {
  value: number;
  percent: boolean;
  currency: string;
}

function quotedValues(question: string): QuotedValue[] {
  return sentenceFigures(question).map((f) => ({ value: f.figure.written * f.figure.scale, percent: f.figure.percent, currency: f.figure.currency }));
}

/**
 * Whole − part for "how much of X is not yet committed / remains": the whole is the figure the question quotes
 * (or the one introduced by "of an estimated / of the …"), the part a smaller figure in the same unit next to it.
 */
function remainderIn(s: Sentence, quoted: readonly QuotedValue[], paragraph: number, base: number): Choice | null {
  const plain = s.figures.filter((f) => !f.figure.percent && !f.isFrom);
  const value = (f: SentenceFigure) => f.figure.written * f.figure.scale;
  const whole =
    plain.find((f) => quoted.some((v) => !v.percent && v.currency === f.figure.currency && Math.abs(v.value - value(f)) < 1e-6)) ??
    plain.find((f) => /\bof\s+(?:a total of|an estimated|a total|the|some|about|approximately)?\s*$/i.test(s.text.slice(Math.max(0, f.start - 30), f.start)));
  if (!whole) return null;
  const parts = plain.filter((f) => f !== whole && compatible(f, whole) && value(f) < value(whole));
  const part = parts.find((f) => f.start > whole.end) ?? parts.at(-1);
  if (!part) return null;
  const score = base * 2 + 1 + (quoted.length > 0 ? 1 : 0);
  return { op: { operation: "paragraphDifference", paragraph, a: whole.text, b: part.text }, score, remainder: true };
}

/**
 * For a sum, keeps the figures that belong to the thing asked about: those with a question word (or a
 * synonym) just before or after them, plus elliptical ones ("76 against MINUSMA") whose noun is implied.
 * Unchanged when fewer than two figures would remain.
 */
function attachedToAsked(figures: SentenceFigure[], keys: Set<string>): SentenceFigure[] {
  const near = (f: SentenceFigure) => [...f.before.slice(-3), ...f.after.slice(0, 3)].map(stem);
  const attached = figures.filter((f) => near(f).some((w) => keys.has(w)));
  if (attached.length === 0) return figures;
  // "105 attacks against the Malian forces, 76 against MINUSMA and 20 against the French forces": what
  // follows the preposition names the target. When the question names targets, keep only those it names.
  const target = targetOf;
  const namesTargets = figures.some((f) => {
    const t = target(f);
    return t !== undefined && keys.has(stem(t));
  });
  const kept = figures.filter((f) => {
    if (!attached.includes(f) && !PREPOSITION.test(f.after[0] ?? "")) return false;
    const t = target(f);
    return !namesTargets || t === undefined || keys.has(stem(t));
  });
  return kept.length >= 2 ? kept : figures;
}

/** "€605 million" and 302 → "€302 million": a result in the operands' own currency and scale. */
function amountLike(figure: string, value: number): string {
  const currency = /^(?:US\$|[$€£])/.exec(figure)?.[0] ?? "";
  const scale = /\b(?:thousand|million|billion)\b/.exec(figure)?.[0];
  return `${currency}${formatNumber(value)}${scale ? ` ${scale}` : ""}`;
}

function describe(op: NumericOperation, r: NumericResult, remainder = false): string {
  const ref = "paragraph" in op ? `(para. ${op.paragraph})` : "";
  if (remainder && op.operation === "paragraphDifference") {
    return `Of ${op.a}, ${op.b} is accounted for ${ref}, which leaves ${amountLike(op.a, r.value)}: ${r.formula}.`;
  }
  const pct = `${formatNumber(r.value, 1)} per cent${r.rounding ? " (rounded to one decimal place)" : ""}`;
  switch (op.operation) {
    case "paragraphPercentChange":
      return `From ${op.from} to ${op.to} ${ref} is ${r.value >= 0 ? "an increase" : "a decrease"} of ${pct.replace(/^−/, "")}: ${r.formula}.`;
    case "paragraphDifference":
      return `The difference between ${op.a} and ${op.b} ${ref} is ${formatNumber(r.value)}${unitSuffix(r.unit)}: ${r.formula}.`;
    case "paragraphShare":
      return `${op.part} is ${pct} of ${op.whole} ${ref}: ${r.formula}.`;
    case "paragraphPercentOf":
      return `${op.percent} of ${op.of} ${ref} is ${formatNumber(r.value, Math.max(1, (String(r.value).split(".")[1] ?? "").length))}${unitSuffix(r.unit)}${r.rounding ? " (rounded)" : ""}: ${r.formula}.`;
    case "paragraphSum":
      return `${op.figures.join(" + ")} ${ref} add up to ${formatNumber(r.value)}${unitSuffix(r.unit)}: ${r.formula}.`;
    case "paragraphRatio":
      return `${op.a} is ${formatNumber(r.value)} times ${op.b} ${ref}${r.rounding ? " (rounded to two decimals)" : ""}: ${r.formula}.`;
    default:
      return r.formula;
  }
}

function unitSuffix(unit: string): string {
  return unit === "number" || unit === "ratio" ? "" : ` (${unit})`;
}

/**
 * Detects an arithmetic question over the given paragraphs (in rank order), computes it with the
 * paragraph-figure tool (which verifies each operand occurs in the paragraph), and cites the sentence.
 */
export function answerParagraphArithmetic(question: string, paragraphs: Paragraph[]): ComposedAnswer | null {
  const q = expandAbbreviations(question).toLowerCase();
  if (paragraphs.length === 0) return null;
  const keys = keywords(q);
  const quoted = quotedValues(q);
  const gap = GAP_CUE.test(q) && TARGET_WORD.test(q) ? gapToTarget(paragraphs, keys) : null;
  const kind = gap ? "difference" : arithmeticKind(q);
  if (!kind) return null;
  const pick = (units: (p: Paragraph) => Sentence[]) => {
    let best: (Choice & { sentence: string }) | null = null;
    paragraphs.forEach((p, rank) => {
      const around = overlap(keys, words(p.text));
      for (const s of units(p)) {
        const choice = chooseInSentence(kind, s, keys, p.number, quoted);
        if (!choice) continue;
        // The rest of the paragraph says what the figures are about ("… the 2017 Humanitarian Response Plan").
        const score = choice.score + around - rank * 0.5;
        if (!best || score > best.score) best = { ...choice, score, sentence: s.text };
      }
    });
    return best as (Choice & { sentence: string }) | null;
  };
  // Sentences first; the whole paragraph only when no sentence fits, for figures spread over two sentences.
  const positive = (c: (Choice & { sentence: string }) | null) => (c && c.score > 0 ? c : null);
  const chosen =
    gap ??
    positive(pick((p) => analyse(p.text))) ??
    positive(
      pick((p) => {
        const text = splitSentences(p.text).join(" ");
        return [{ text, figures: sentenceFigures(text) }];
      }),
    );
  if (!chosen) return null;
  if ((kind === "share" || kind === "percentChange") && chosen.op.operation !== "paragraphPercentOf" && statesThePercentage(paragraphs, keys, chosen.sentence)) {
    return null;
  }
  let result: NumericResult;
  try {
    result = runParagraphOperation(paragraphs, chosen.op);
  } catch (error) {
    if (error instanceof NumericToolError) return null;
    throw error;
  }
  const paragraph = (chosen.op as { paragraph: number }).paragraph;
  return {
    answer: `${describe(chosen.op, result, chosen.remainder === true)} The figures come from paragraph ${paragraph}: “${chosen.sentence}”`,
    answered: true,
    citations: [{ ref: `para. ${paragraph}`, paragraph, quote: chosen.sentence }],
    tool: toolTrace(chosen.op, result),
  };
}

/** "How many more … needed to reach the authorized ceiling", "how far short of full strength". */
const GAP_CUE =
  /\bhow many (?:more|additional|extra|further)\b|\bhow (?:far|much) (?:short|below|under)\b|\bshort(?:fall)?\b|\bgap\b|\b(?:still|yet) to (?:be )?deploy\w*|\b(?:needed|required|missing|lacking)\b/;
const TARGET_WORD = /\b(?:ceiling|authori[sz]\w*|full strength|target|maximum)\b/;
const AUTHORIZED_NEAR = /^(?:authori[sz]\w*|ceiling)$/;
const DEPLOYED_NEAR = /^(?:deployed|place|ground)$/;

/**
 * Gap to an authorized level: the figure a paragraph gives as authorized ("up to 13,289 … authorized",
 * "a ceiling of up to 1,920") minus the one it gives as deployed ("10,919 personnel had been deployed").
 * Paragraphs are tried in rank order, preferring the one whose words match the question (with synonyms).
 */
function gapToTarget(paragraphs: Paragraph[], keys: Set<string>): (Choice & { sentence: string }) | null {
  let best: (Choice & { sentence: string }) | null = null;
  paragraphs.forEach((p, rank) => {
    const sentences = analyse(p.text);
    const all = sentences.flatMap((s, i) => s.figures.filter((f) => !f.figure.percent).map((f) => ({ f, i, s })));
    const authorized = all.find(({ f, s }) =>
      f.after.slice(0, 4).some((w) => AUTHORIZED_NEAR.test(w)) || /\b(?:ceiling|authori[sz]ed (?:strength|level)) of (?:up to )?$/i.test(s.text.slice(0, f.start)) || /\bup to\s+$/i.test(s.text.slice(0, f.start)),
    );
    const deployed = all.find(({ f }) => f !== authorized?.f && f.after.slice(0, 4).some((w) => DEPLOYED_NEAR.test(w)) && !f.after.slice(0, 4).some((w) => AUTHORIZED_NEAR.test(w)));
    if (!authorized || !deployed || !compatible(authorized.f, deployed.f)) return;
    const value = (f: SentenceFigure) => f.figure.written * f.figure.scale;
    if (value(authorized.f) <= value(deployed.f)) return;
    const [from, to] = [Math.min(authorized.i, deployed.i), Math.max(authorized.i, deployed.i)];
    const quoted = sentences.slice(from, to + 1).map((s) => s.text).join(" ");
    const score = overlap(keys, words(quoted)) * 2 - rank * 0.5;
    if (!best || score > best.score) {
      best = { op: { operation: "paragraphDifference", paragraph: p.number, a: authorized.f.text, b: deployed.f.text }, score, sentence: quoted };
    }
  });
  return best;
}

/**
 * True when a candidate sentence already states a percentage about what is asked ("97 per cent of individual
 * police officers") and matches the question at least as well as the sentence chosen for computing: quoting
 * beats recomputing from other figures.
 */
function statesThePercentage(paragraphs: Paragraph[], keys: Set<string>, chosen: string): boolean {
  const chosenOverlap = overlap(keys, words(chosen));
  return paragraphs.some((p) =>
    analyse(p.text).some(
      (s) =>
        s.figures.some((f) => f.figure.percent && f.after.slice(0, 4).some((w) => keys.has(stem(w)))) &&
        overlap(keys, words(s.text)) >= chosenOverlap,
    ),
  );
}
