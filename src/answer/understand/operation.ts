// The computation a question asks for, only when it asks explicitly: a percentage change, a
// difference ("how many more … than …"), a sum ("… and … combined"), a share, a ratio, a count of
// countries or indicators, a ranking. Each operand is the span of the question that says what its
// figure must describe. Words that only state the operation are marked so the subject leaves them out.
import type { Token } from "../../report/nlp.js";

export type OperationKind = "percentChange" | "difference" | "sum" | "share" | "ratio" | "count" | "rank";

export interface OperationSpan {
  kind: OperationKind;
  /** Character spans of the operands, in order; empty when the subject itself is the operand (one quantity in two periods). */
  operands: { start: number; end: number }[];
  /** percentChange/difference over time: the earlier period first. */
  overTime: boolean;
  order?: "most" | "fewest";
  n?: number;
  position?: number;
  /** "How many troops short of the ceiling": the gap between a limit and what there is. */
  shortfall?: boolean;
  /** The span naming the limit, when the question says which words do ("short of [the ceiling]"). */
  limit?: { start: number; end: number };
  /** A percent change of a total made of parts ("the overall % increase across all three forces"). */
  ofSums?: boolean;
}

export interface OperationReading {
  operation?: OperationSpan;
  /** Token indices that only express the operation ("how many more", "than", "largest"). */
  consumed: Set<number>;
}

const PERCENT_CHANGE = /\bby (?:what|how much|how many) (?:percentage|per ?cent|%)(?: points?)?(?![\w-])|(?:\bpercent(?:age)?|%) (?:increase|decrease|change|rise|drop|fall|growth|decline|jump|up|down)\b|\bin (?:percent(?:age)?|per ?cent)\s*\??\s*$|\b(?:up|down|rise|rose|risen|increase[ds]?|decrease[ds]?|grow|grew|grown|drop(?:ped)?|fall|fell|fallen|change[ds]?)\b[^?]*\bin %\s*\??\s*$|\b(?:what|how big|how large) (?:was|is|were) the (?:percentage|per ?cent|relative) (?:increase|decrease|change|rise|drop|fall|growth)\b|\bin (?:percentage|per ?cent|relative) terms\b|\bpercent(?:age)?[- ]?wise\b|\b(?:vs\.?|versus|compared (?:with|to)|since|from)\s+(?:the\s+)?(?:last|previous|prior|preceding|earlier)\b[^?]*%\s*\??\s*$/i;
/** A gap between a limit and what there is: "how many troops short of the ceiling", "needed to reach the authorized strength", "unfilled". */
const SHORTFALL = /\bhow (?:many|much|far)\b(?:\s+[\w-]+){0,3}?\s+(?:short of|below|under|shy of)\b|\b(?:short of|shy of|(?:shortfall|gap) (?:against|from|to|vs\.?|versus|relative to))\b|\b(?:needed|required|missing|left|remain(?:ing)?|needs?|requires?) to (?:reach|fill|meet|hit)\b|\b(?:missing|lacking|short)\b(?:\s+[\w'-]+){0,4}?\s+(?:compared (?:with|to)|against|relative to|versus|vs\.?)(?=\s)|\bunfilled\b|\bvacant\b|\bnot (?:yet )?(?:deployed|filled)\b/i;
/** A shortfall marker that ends where the words naming the limit begin ("short of | the authorized ceiling"). */
const BEFORE_LIMIT = /(?:of|below|under|against|from|to|vs\.?|versus|with|reach|fill|meet|hit)$/i;
const DIFFERENCE = /\bhow (?:many|much) (?:more|fewer|less|higher|lower|bigger|smaller|larger)\b|\bdifference (?:between|in)\b|\bby how (?:much|many)\b|\bhow (?:far|much|many) (?:short|below|above|under)\b|\bshort of\b|\bshortfall\b|\bgap between\b|\bgap\b(?=\s*(?:\([^)]*\))?\s*\??\s*$)/i;
/** "How much did the number of X grow?": a change over time; only "how much did" and the verb state the operation. */
const CHANGE = /\b(how (?:much|many) (?:did|has|have|had))\b(?:\s+[\w'-]+){0,8}?\s+(rise|rose|risen|increase|increased|grow|grew|grown|fall|fell|fallen|drop|dropped|decline|declined|decrease|decreased|go up|went up|go down|went down|change|changed)\b/i;
const RATIO = /\bhow many times\b|\bratio\b|\btimes (?:as many|as much|more|larger|bigger)\b/i;
const SHARE = /\b(?:what|which) (?:percentage|proportion|share|fraction|per ?cent|part)\b|\bas a (?:percentage|share|proportion|fraction) of\b|\b(?:percentage|share|proportion) of\b|\bhow much of\b|(?:^|\s)%\s+of\b|(?:^|[\s:])%\s+(?=\p{L})|\p{L}[\s,:;]*%\s*\??\s*$/iu;
/** "… is accounted for by", "… is made up of": what follows is the part of the whole named before. */
const SHARE_BY = /\b(?:is|are|was|were)\s+(?:accounted for|made up|taken up|represented|formed|contributed)\s+(?:by|of)\b/i;
const AS_SHARE = /\b(?:as|is|are) (?:a |an )?(?:percentage|share|proportion|fraction|per ?cent|%) of\b|\bin (?:percentage|per ?cent|%) of\b/i;
/** A change of a whole made of parts: "the overall % increase across all three forces", "total attacks … % change". */
const OF_TOTAL = /\b(?:overall|combined|altogether|in total|all together|total|across all|all (?:three|four|five|\d+))\b/i;
const SUM = /\b(?:in total|combined|altogether|together|in all|sum of|all together|put together|add(?:ing|ed)? up)\b|^\s*(?:total|adding)\b/i;
const COUNT = /(?:\bhow many|\bnumber of|#\s*of)\s+(?:[\w-]+\s+){0,2}(?:countries|nations|contributors|member states|states|indicators|benchmarks)\b/i;
const RANK = /\b(?:(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ])?(most|largest|biggest|highest|greatest|top|leading|fewest|smallest|least|lowest|bottom)\b/i;
const TOP_N = /\b(?:top|bottom|first|last)\s+(\d+|two|three|four|five|six|seven|eight|nine|ten)\b|\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:largest|biggest|highest|leading|main|major|top|smallest|lowest|fewest)\b/i;
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const SMALL: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Where a comparison splits its two operands. */
const SPLIT = /\b(?:than|compared (?:with|to)|in comparison (?:with|to)|relative to|versus|vs\.?|as against)\b/i;

/** Verbs of change: in a question asking how much something changed they state the operation, not its subject. */
const CHANGE_VERB = /^(?:rise|rose|risen|rising|increase|increased|increasing|grow|grew|grown|growing|fall|fell|fallen|falling|drop|dropped|decline|declined|decrease|decreased|change|changed|go|went|gone|jump|jumped|climb|climbed|shrink|shrank)$/i;

function consumeChangeVerbs(tokens: Token[], into: Set<number>): void {
  tokens.forEach((t, i) => {
    if (CHANGE_VERB.test(t.text) || (t.text.toLowerCase() === "up" && CHANGE_VERB.test(tokens[i - 1]?.text ?? "")) || (t.text.toLowerCase() === "down" && CHANGE_VERB.test(tokens[i - 1]?.text ?? ""))) into.add(i);
  });
}

function consume(tokens: Token[], start: number, end: number, into: Set<number>): void {
  tokens.forEach((t, i) => {
    if (t.start >= start && t.end <= end) into.add(i);
  });
}

function match(re: RegExp, text: string): RegExpExecArray | null {
  return new RegExp(re.source, re.flags.replace("g", "")).exec(text);
}

const IN_CURRENCY_TERMS = /\bin (?:dollar|euro|money|monetary|cash|financial) (terms)\b/gi;
/** "… in absolute terms", "to one decimal", "using the Annex II table": how the result is to be stated or found, not what it is about. */
const MANNER =
  /\bin (?:absolute|raw|real|round|numerical|percentage|per ?cent|relative) (?:terms|numbers|figures)\b|\b(?:to|with) (?:one|two|three|\d) decimals?(?: places?)?\b|\bto the nearest (?:whole )?\w+\b|\b(?:using|from|per|according to|based on|in) (?:the )?(?:annex (?:I{1,2}|one|two)|benchmarks? annex|strength) table\b/gi;

/**
 * @param names character spans of the names the question mentions: an "and" inside one
 *              ("the Malian defence and security forces") joins no operands
 */
export function readOperation(question: string, tokens: Token[], names: readonly { start: number; end: number }[] = []): OperationReading {
  const consumed = new Set<number>();
  for (const m of question.matchAll(MANNER)) consume(tokens, m.index, m.index + m[0].length, consumed);
  // "in dollar terms": the currency says what is asked (an amount), "terms" nothing.
  for (const m of question.matchAll(IN_CURRENCY_TERMS)) consume(tokens, m.index + m[0].length - m[1]!.length, m.index + m[0].length, consumed);
  const end = question.replace(/[\s?.!]+$/, "").length;
  const take = (m: RegExpExecArray) => consume(tokens, m.index, m.index + m[0].length, consumed);

  // "… in per cent?", "… in percentage terms" only says how a result is stated: after "what share of …" it is a share.
  const pcFound = match(PERCENT_CHANGE, question);
  const pc = pcFound && /^in\s/i.test(pcFound[0]) && SHARE.test(question) ? null : pcFound;
  if (pc) {
    take(pc);
    consumeChangeVerbs(tokens, consumed);
    const ofSums = OF_TOTAL.test(question);
    return { operation: { kind: "percentChange", operands: splitOperands(question, pc.index + pc[0].length, end, tokens, consumed), overTime: true, ...(ofSums ? { ofSums } : {}) }, consumed };
  }
  const ratio = match(RATIO, question);
  if (ratio) {
    take(ratio);
    return { operation: { kind: "ratio", operands: splitOperands(question, ratio.index + ratio[0].length, end, tokens, consumed), overTime: false }, consumed };
  }
  const shortfall = match(SHORTFALL, question);
  if (shortfall) {
    take(shortfall);
    const after = shortfall.index + shortfall[0].length;
    // The limit is the noun phrase after the marker, up to the clause's verb or a comma ("short of its police ceiling | is MINUSMA").
    const stop = /\s(?:is|are|was|were|has|have|had|does|do|did|will|would)\b|[,;?]/i.exec(question.slice(after));
    const limitEnd = stop ? Math.min(end, after + stop.index) : end;
    const limit = BEFORE_LIMIT.test(shortfall[0]) && limitEnd > after ? { limit: { start: after, end: limitEnd } } : {};
    return { operation: { kind: "difference", operands: [], overTime: false, shortfall: true, ...limit }, consumed };
  }
  const change = match(CHANGE, question);
  if (change) {
    consume(tokens, change.index, change.index + change[1]!.length, consumed);
    consumeChangeVerbs(tokens, consumed);
    return { operation: { kind: "difference", operands: [], overTime: true }, consumed };
  }
  const diff = match(DIFFERENCE, question);
  if (diff) {
    take(diff);
    consumeChangeVerbs(tokens, consumed);
    // "pledged vs committed gap?": the operands may come before the word that asks for the difference.
    const after = splitOperands(question, diff.index + diff[0].length, end, tokens, consumed);
    const operands = after.length > 0 ? after : splitOperands(question, 0, diff.index, tokens, consumed);
    return { operation: { kind: "difference", operands, overTime: operands.length < 2 }, consumed };
  }
  const count = match(COUNT, question);
  if (count) return { operation: { kind: "count", operands: [], overTime: false }, consumed };
  // "A as a percentage of B": A is the part, B the whole.
  const asShare = match(AS_SHARE, question);
  if (asShare) {
    take(asShare);
    const startOfPart = tokens.find((t) => !/^(?:what|which|how|is|are|was|were|the)$/i.test(t.text))?.start ?? 0;
    return {
      operation: { kind: "share", operands: [{ start: startOfPart, end: asShare.index }, { start: asShare.index + asShare[0].length, end }], overTime: false },
      consumed,
    };
  }
  const share = match(SHARE, question);
  if (share) {
    take(share);
    // "What proportion of B is accounted for by A?": B is the whole, A the part.
    const by = SHARE_BY.exec(question.slice(share.index + share[0].length));
    if (by) {
      const at = share.index + share[0].length + by.index;
      consume(tokens, at, at + by[0].length, consumed);
      return { operation: { kind: "share", operands: [{ start: at + by[0].length, end }, { start: share.index + share[0].length, end: at }], overTime: false }, consumed };
    }
    return { operation: { kind: "share", operands: [], overTime: false }, consumed };
  }
  const rank = match(RANK, question);
  // A ranking is asked with a wh-word ("which country sends most"), in a follow-up ("and the most
  // police?"), or as a bare noun phrase ("biggest police contributor?").
  const bare = !/\b(?:how|why|when|where|who|is|are|was|were|do|does|did)\b/i.test(question);
  if (rank && (bare || /\b(?:which|what|who|name|list|top|bottom)\b|^\s*(?:and|what about|how about)\b/i.test(question))) {
    take(rank);
    const top = match(TOP_N, question);
    if (top) take(top);
    const nWord = (top?.[1] ?? top?.[2])?.toLowerCase();
    const n = nWord ? (SMALL[nWord] ?? Number(nWord)) : 1;
    const ordinal = rank[1]?.toLowerCase();
    const position = ordinal ? (ORDINALS[ordinal] ?? Number.parseInt(ordinal, 10)) : undefined;
    const order = /fewest|smallest|least|lowest|bottom/i.test(rank[2]!) ? "fewest" : "most";
    return { operation: { kind: "rank", operands: [], overTime: false, order, n: Number.isFinite(n) && n > 0 ? n : 1, ...(position && position > 1 ? { position } : {}) }, consumed };
  }
  const sum = match(SUM, question);
  if (sum) {
    take(sum);
    // Without two named operands, the figures to add are those of one sentence that count what is asked.
    return { operation: { kind: "sum", operands: andOperands(question, tokens, names), overTime: false }, consumed };
  }
  return { consumed };
}

/** "A than B", "A compared with B": two spans; otherwise none (one quantity compared over time). */
function splitOperands(question: string, from: number, end: number, tokens: Token[], consumed: Set<number>): { start: number; end: number }[] {
  const rest = question.slice(from, end);
  const split = match(SPLIT, rest);
  if (split) {
    consume(tokens, from + split.index, from + split.index + split[0].length, consumed);
    return [
      { start: from, end: from + split.index },
      { start: from + split.index + split[0].length, end },
    ];
  }
  // "between A and B", or after "difference between": split at an "and" that is not inside a name ("Recovery and Development").
  const opened = /\bbetween\s+/i.exec(rest);
  const afterBetween = opened ? opened.index + opened[0].length : /between\s*$/i.test(question.slice(0, from)) ? 0 : -1;
  if (afterBetween >= 0) {
    const and = [...rest.slice(afterBetween).matchAll(/(\S+)\s+and\s+(\S+)/g)].find((m) => !(/^\p{Lu}/u.test(m[1]!) && /^\p{Lu}/u.test(m[2]!)));
    if (and) {
      const andAt = afterBetween + and.index + and[1]!.length;
      const andEnd = andAt + rest.slice(andAt).match(/^\s+and\s+/)![0].length;
      consume(tokens, from + andAt, from + andEnd, consumed);
      return [
        { start: from + afterBetween, end: from + andAt },
        { start: from + andEnd, end },
      ];
    }
  }
  return [];
}

/** "Chad and Niger combined", "killed and injured in total": the words either side of "and"; none for a longer list. */
function andOperands(question: string, tokens: Token[], names: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const and = tokens.findIndex((t) => t.lemma === "and" && !names.some((n) => t.start >= n.start && t.end <= n.end));
  if (and <= 0 || tokens.slice(0, and).some((t) => t.text === ",")) return [];
  const left = tokens[and - 1]!;
  const right = tokens[and + 1];
  const content = (t: Token | undefined) => t !== undefined && ["NOUN", "PROPN", "VERB", "ADJ"].includes(t.pos);
  if (!content(left) || !right || !content(right)) return [];
  return [
    { start: left.start, end: left.end },
    { start: right.start, end: right.end },
  ];
}
