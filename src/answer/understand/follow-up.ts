// Follow-ups resolved against the previous frame, never by editing text: "And in the previous
// period?" keeps the subject and swaps the time; "What about Ghana?" swaps the country; "Why?" asks
// the reason for what was just said; "And what did the Government do afterwards?" asks what came next.
import type { QuestionFrame, SubjectItem, TableQuery, TimeConstraint } from "./frame.js";

export type FollowUpKind = NonNullable<QuestionFrame["followUp"]>["kind"];

const OPENER = /^\s*(?:(?:ok(?:ay)?|right|thanks|and|but|also|so|then|now)[,.!]?\s+)*(?:and|but|also|so|then|what about|how about|what of|same for|and for|now for)\b/i;
const WHY = /^\s*(?:(?:and|but|so|ok(?:ay)?)[,.!]?\s+)?why\b/i;
/** What came next ("afterwards", "and then?"), not a comparison with an earlier time ("now vs then", "back then"). */
const NEXT = /\b(?:next|afterwards|after that|subsequently|in response|in reaction|as a result|since then|following that)\b|(?<!\b(?:vs\.?|versus|back|than|since|until|by|from|before|now and|now or)\s+)\bthen\b/i;
/** Pronouns that stand for something named before ("Who claimed it?", "How many of them …"); possessives ("their lives") do not on their own. */
const PRONOUN = /\b(?:it|they|them|those|these|he|she|him|(?:this|that|which|what) ones?)\b|\b(?:is|was|are|were|does|did)\s+(?:that|this)\s*\??\s*$|\b(?:this|that|these|those|such)\s+(?:attack|attacks|incident|group|figure|number|one|ones|country|period|event|case|cases|commission|body|plan|decision|conference|measure)\b/i;
/** "What share of the closed schools is that?", "How far short of the ceiling is that figure?": the previous answer is an operand. */
export const ANSWER_ANAPHOR = /\b(?:is|was|are|were)\s+(?:that|this|it)(?:\s+(?:figure|number|amount|sum|total))?\b(?:\s*,?\s*(?:in|as)\s+[\p{L} ]{1,30})?\s*\??\s*$|\b(?:that|this)\s+(?:figure|number|amount|sum|total)\b/iu;
const POSSESSIVE = /\b(?:their|its|his|her)\b/i;
/** A question this short is a follow-up when a possessive points back. */
const SHORT = 6;
/** A question this thin leans on the previous one for what it is about. */
const THIN = 2;
/** Carried items count less than the question's own. */
const CARRIED_WEIGHT = 0.6;

export interface FollowUpInput {
  question: string;
  subject: SubjectItem[];
  /** The question's own answer type was only the default ("description" for "What about Ghana?"). */
  typeIsDefault: boolean;
  asksNumberWithoutNoun: boolean;
  times: TimeConstraint[];
  /** It asks for an extreme ("which region is worst hit?"): of what was just talked about, when it names little else. */
  superlative: boolean;
}

export function followUpKind(input: FollowUpInput, previous: QuestionFrame | undefined): FollowUpKind | undefined {
  if (!previous) return undefined;
  const words = input.question.trim().split(/\s+/).length;
  const own = input.subject.filter((s) => s.weight > 0);
  const thin = own.length <= THIN;
  if (WHY.test(input.question) && thin) return "why";
  if (NEXT.test(input.question) && own.length <= 3) return "next";
  if (OPENER.test(input.question)) return own.some((s) => s.kind === "entity" || s.entityKind === "name") || input.times.length > 0 ? "swap" : "ellipsis";
  if (ANSWER_ANAPHOR.test(input.question) || (PRONOUN.test(input.question) && (thin || words <= 8))) return "pronoun";
  // A possessive alone ("when's their draft due?") points back only in a short, thin question ("lost their lives" is an idiom).
  if (POSSESSIVE.test(input.question) && thin && words <= SHORT) return "pronoun";
  if (own.length === 0 || (input.asksNumberWithoutNoun && thin) || words <= 3 || (input.superlative && thin && !own.some((s) => s.kind === "entity"))) return "ellipsis";
  // Only a qualifier of what was asked before ("What percentage were women?", "And the police?").
  if (own.length > 0 && own.every((s) => s.qualifier)) return "ellipsis";
  return undefined;
}

/** Previous items the new ones replace: the same kind of entity ("Ghana" for "Senegal"), the same sex or time. */
function replaces(next: SubjectItem, old: SubjectItem): boolean {
  if (next.component && old.component) return true;
  if (next.kind === "entity" && old.kind === "entity" && next.entityKind === old.entityKind && next.entityKind !== undefined) return true;
  if (next.entityKind === "name" && old.entityKind === "name") return true;
  return next.alternatives[0]!.terms.join(" ") === old.alternatives[0]!.terms.join(" ");
}

/** The noun the previous question counted or computed on ("fatalities" in "peacekeeper fatalities … by what % did they drop?"). */
function previouslyCounted(previous: QuestionFrame): string | undefined {
  return (previous.operation?.operands[0]?.head ?? previous.asked?.split(/\s+/).pop())?.toLowerCase();
}

/**
 * @param asksCount the follow-up asks for a figure, as it says or by leaving the kind of answer to the
 *                  previous question ("and victims?"), not for a place or a name ("which region …?")
 */
export function carrySubject(own: SubjectItem[], previous: QuestionFrame, kind: FollowUpKind, asksCount = false): SubjectItem[] {
  const swapping = kind === "swap" || kind === "ellipsis";
  // "and injuries among peacekeepers?": a common noun of its own counts instead of the one counted before.
  const counted = previouslyCounted(previous);
  const newNoun = swapping && asksCount && own.some((n) => n.kind === "word" && n.pos === "NOUN" && n.entityKind === undefined && n.weight > 0 && !n.unknown);
  // Only a common noun or term ("fatalities") is replaced so: when a body was counted ("how many blue helmets were killed?"),
  // "and injuries?" replaces the question's main common noun, not the body.
  const countedItem = counted === undefined ? undefined : previous.subject.find((old) => old.text.toLowerCase().split(/\s+/).pop() === counted);
  const commonNouns = previous.subject.filter((old) => old.kind === "word" && old.pos === "NOUN" && old.entityKind === undefined).sort((a, b) => b.weight - a.weight);
  const isThing = (item: SubjectItem) => item.kind === "word" || item.entityKind === "term";
  const replacedNoun = countedItem && isThing(countedItem) ? countedItem : commonNouns[0];
  const isCounted = (old: SubjectItem) => newNoun && old === replacedNoun;
  const kept = previous.subject.filter((old) => !(swapping && (own.some((n) => replaces(n, old)) || isCounted(old))));
  return [...own, ...kept.map((s) => ({ ...s, carried: true, weight: s.carried ? s.weight : s.weight * CARRIED_WEIGHT }))];
}

/** The previous table selection with what the follow-up names instead. */
export function carryTable(previous: TableQuery, next: Partial<TableQuery>): TableQuery {
  return {
    ...previous,
    ...(next.countries && next.countries.length ? { countries: next.countries } : {}),
    ...(next.components && next.components.length ? { components: next.components, component: next.components[0] } : {}),
    ...(next.sexes && next.sexes.length ? { sexes: next.sexes, sex: next.sexes[0] } : {}),
    ...(next.status ? { status: next.status } : {}),
    ...(next.indicator ? { indicator: next.indicator } : {}),
    ...(next.area ? { area: next.area } : {}),
    wantsList: next.wantsList ?? previous.wantsList,
  };
}

export function carryTimes(own: TimeConstraint[], previous: TimeConstraint[]): TimeConstraint[] {
  return own.length > 0 ? own : previous;
}
