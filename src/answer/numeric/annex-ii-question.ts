// Annex II questions → one numeric operation. Slots: countries, components, sexes; the operation
// comes from cue words (how many, total, most, top 5, share, how many more, ratio, how many countries).
import type { Sex, StructuredReport } from "../../report/schema.js";
import type { Selector } from "../../tools/annex-ii-selection.js";
import type { Comparator, CountCondition } from "../../tools/annex-ii-rank-count.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import { NUMBER_WORDS } from "../../tools/paragraph-figures.js";
import type { Component } from "../../tools/types.js";
import { foldSameLength } from "../../tools/fold.js";
import { findCountryMentions, type CountryMention } from "./country-mentions.js";
import { findComponents, findSexes, type ComponentMention, type SexMention } from "./slot-words.js";

/** Questions about events, casualties, training, authorizations, money or civilians are not Annex II questions. */
const NOT_ANNEX_II =
  /\b(?:killed|injured|wounded|hurt|died|dead|deaths?|lost (?:their |his |her )?li(?:fe|ves)|lives|perish\w*|casualt\w*|fatalit\w*|attacks?|attacked|ambush\w*|abduct\w*|arrest\w*|detain\w*|train(?:s|ed|ing|ees?)?|authori[sz]\w*|ceiling|budget\w*|pledg\w*|fund\w*|costs?|refugees?|displaced|schools?|civilians?|volunteers?|international staff|national staff|helicopters?|armou?red|vehicles?|carriers?|convoys?|observers?|mandate period|previous report|allegations?|exploitation|abuse)\b/;
/** "According to the police section / chapter / paragraph …": the report body, not the strength table. */
const BODY_SOURCE =
  /\b(?:according to|as (?:stated|reported|given|described|set out) in|in|from|per)\s+(?:the\s+)?(?:report'?s?\s+)?(?:[a-z]+\s+){0,3}(?:section|chapter|paragraph|narrative|text|body)\b/;
/** Wording that makes a question about the host country one about contributed strength. */
const CONTRIBUTED =
  /\bcontribut\w*|\bsen[dt]s?\b|\bsending\b|\bdeploy\w*|\bprovid\w*|\bserv(?:e|es|ed|ing)\b|\b(?:in|to|with|for|within|of) (?:the )?(?:minusma|mission|united nations mission|un mission|peacekeeping (?:mission|operation|force))\b/;

/** True when the (folded) question is about events, casualties, money etc. rather than strength. */
export function isNotStrengthQuestion(q: string): boolean {
  if (NOT_ANNEX_II.test(q)) return true;
  const source = BODY_SOURCE.exec(q)?.[0];
  return source !== undefined && !/\b(?:annex|table)\b/.test(source);
}

const QUANTITY_CUE =
  /\bhow many\b|\bnumber of\b|\btotal\b|\bcombined\b|\btogether\b|\baltogether\b|\bin all\b|\bmost\b|\blargest\b|\bbiggest\b|\bhighest\b|\bgreatest\b|\bfewest\b|\bsmallest\b|\bleast\b|\blowest\b|\btop\b|\bbottom\b|\brank\w*\b|\bshare\b|\bpercent\w*\b|\bper cent\b|\bproportion\b|\bfraction\b|\bcompare\w*\b|\bdifference\b|\bratio\b|\btimes as many\b|\bcontribut\w*\b|\bsends?\b|\bprovides?\b|\bdeploys?\b|\bstrength\b|\bhow much\b|\bmore\b|\bfewer\b|\bless\b|\bnumbers?\b|\bfigures?\b|\bheadcount\b|\bsize\b/;
const SHARE_CUE = /\b(?:share|percent\w*|per cent|proportion|fraction|what part)\b/;
const RATIO_CUE = /\bratio\b|\btimes as many\b|\btimes more\b|\bhow many times\b/;
const DIFFERENCE_CUE = /\bhow many (?:more|fewer|less)\b|\bhow much (?:more|fewer|less|bigger|larger|smaller)\b|\bdifference\b|\bcompare\w*\b|\bversus\b|\bvs\.?\b|\b(?:more|fewer|less) \w+(?: \w+){0,3} than\b|\bthan\b/;
const COUNT_CUE =
  /\b(?:how many|number of|count(?: of)?)\s+(?:\w+\s+){0,2}(?:countries|nations|contributors|member states|states|troop[- ]contributing countries|police[- ]contributing countries|contributing countries)\b/;
const RANK_WORDS = /\b(?:most|largest|biggest|highest|greatest|top|leading|main|major|fewest|smallest|least|lowest|bottom)\b/;
/** A rank word on a contributor: "biggest police contributor", "largest troop-contributing country", "contributes the most". */
const CONTRIBUTOR_RANK =
  /\b(?:most|largest|biggest|highest|greatest|top|leading|main|major|fewest|smallest|lowest|bottom)\s+(?:[\w-]+\s+){0,3}?(?:[\w-]*contribut\w*|providers?|senders?|countr(?:y|ies)|nations?)\b|\b(?:contribut\w*|sen[dt]s?|sending|provid\w*|deploy\w*)\s+(?:[\w-]+\s+){0,3}?(?:the\s+)?(?:most|fewest|largest|biggest|smallest)\b/;
const FEWEST_WORDS = /\b(?:fewest|smallest|least|lowest|bottom)\b/;
const WHICH = /\b(?:which|what|who)\b/;
const SUM_CUE = /\b(?:total|combined|together|altogether|in all|sum|jointly)\b/;
/** "Which countries send police but no soldiers?": list the countries meeting the conditions. */
const LIST_COUNTRIES = /\b(?:which|what|list|name)\s+(?:\w+\s+){0,2}(?:countries|country|nations|contributors|member states)\b/;
/** "How many countries are listed in the table?": every row counts. */
const LISTED = /\b(?:listed|appear\w*|included|named|shown)\b|\bin (?:the )?(?:\w+ ){0,5}table\b|\bin annex ii\b/;
const ORDINALS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const ORDINAL_RANK =
  /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|highest|greatest|most|top|leading|smallest|lowest|fewest|least)\b/;

/** "third-largest" → 3; undefined when the question names no ordinal place. */
export function ordinalPosition(q: string): number | undefined {
  const word = ORDINAL_RANK.exec(q)?.[1];
  if (word === undefined) return undefined;
  const n = ORDINALS[word] ?? Number.parseInt(word, 10);
  return Number.isInteger(n) && n >= 2 ? n : undefined;
}

/** Words that may stand around a bare selection ("Senegalese troops?", "Chad's police in MINUSMA?"). */
const FILLER = /^(?:the|in|of|from|for|s|minusma|mission|un|and)$/;

/** A question that is only a country and a component ("Senegalese troops?"): asks for that cell. */
function bareSelection(s: Slots): boolean {
  if (s.countries.length === 0 || s.components.length === 0) return false;
  let rest = s.q;
  for (const c of s.countries) rest = rest.slice(0, c.start) + " ".repeat(c.end - c.start) + rest.slice(c.end);
  for (const c of s.components) rest = rest.slice(0, c.start) + " " + rest.slice(c.start).replace(/^[\w-]+(?:\s+(?:police|units?|officers?|personnel|helmets?|contingents?))*/, (m) => " ".repeat(m.length - 1));
  return rest.split(/[^a-z]+/).filter((w) => w !== "").every((w) => FILLER.test(w));
}

export interface AnnexIIQuestion {
  op: NumericOperation;
  /** Plain "police" was read as total police: the answer says so. */
  policeAmbiguous: boolean;
  /** The question named a component / a sex itself (false: the default was used, a follow-up may inherit). */
  componentGiven: boolean;
  sexGiven: boolean;
}

export type AnnexIIParse = { kind: "operation"; question: AnnexIIQuestion } | { kind: "notListed"; country: string } | null;

export interface Slots {
  countries: CountryMention[];
  components: ComponentMention[];
  sexes: SexMention[];
  q: string;
}

export function readSlots(question: string, report: StructuredReport): Slots {
  const q = foldSameLength(question.normalize("NFC"));
  const components = findComponents(q);
  return { q, countries: findCountryMentions(question, report), components, sexes: findSexes(q, components) };
}

function numberIn(text: string): number | undefined {
  const digits = /\d[\d,]*/.exec(text)?.[0];
  if (digits) return Number(digits.replace(/,/g, ""));
  const word = /\b([a-z]+)\b/.exec(text)?.[1];
  return word ? NUMBER_WORDS[word] : undefined;
}

function topN(q: string): number {
  const m = /\b(?:top|bottom|first|last)\s+(\d+|[a-z]+)\b/.exec(q) ?? /\b(\d+|[a-z]+)\s+(?:largest|biggest|highest|leading|main|major|top|smallest|lowest|fewest)\b/.exec(q);
  const n = m ? numberIn(m[1]!) : undefined;
  return n !== undefined && n >= 1 ? n : 1;
}

/** The one component a selector uses when the question names several (military + police → uniformed). */
function singleComponent(components: readonly ComponentMention[]): Component {
  const set = new Set(components.map((c) => c.component));
  if (set.size === 0) return "uniformed";
  if (set.size === 1) return [...set][0]!;
  if (set.has("uniformed")) return "uniformed";
  if (set.has("military")) return "uniformed";
  return "totalPolice";
}

const SUBSET: Record<Component, Component[]> = {
  individualPolice: ["totalPolice", "uniformed"],
  formedPoliceUnits: ["totalPolice", "uniformed"],
  totalPolice: ["uniformed"],
  military: ["uniformed"],
  uniformed: [],
};

/** Two different components where one contains the other: [part, whole]. */
function nestedComponents(components: readonly ComponentMention[]): [Component, Component] | null {
  const distinct = [...new Set(components.map((c) => c.component))];
  if (distinct.length !== 2) return null;
  const [a, b] = distinct as [Component, Component];
  if (SUBSET[a].includes(b)) return [a, b];
  if (SUBSET[b].includes(a)) return [b, a];
  return null;
}

function groupSex(sexes: readonly SexMention[]): Sex {
  return sexes.find((s) => s.qualifiesGroup)?.sex ?? "total";
}

function sel(component: Component, sex: Sex, countries?: string[]): Selector {
  return countries && countries.length > 0 ? { component, sex, countries } : { component, sex };
}

function shareOp(s: Slots, names: string[]): NumericOperation | null {
  const nested = nestedComponents(s.components);
  const gSex = groupSex(s.sexes);
  const partSex = s.sexes.find((x) => !x.qualifiesGroup)?.sex;
  const countries = names.length > 0 ? names : undefined;
  if (nested) {
    return { operation: "share", part: sel(nested[0], gSex, countries), whole: sel(nested[1], gSex, countries) };
  }
  const component = singleComponent(s.components);
  if (partSex && partSex !== "total") {
    return { operation: "share", part: sel(component, partSex, countries), whole: sel(component, "total", countries) };
  }
  if (countries) return { operation: "share", part: sel(component, gSex, countries), whole: sel(component, gSex) };
  if (gSex !== "total") return { operation: "share", part: sel(component, gSex), whole: sel(component, "total") };
  return null;
}

/** Two selectors for "how many more / ratio / compare": the slot that has two values differs. */
function pairSelectors(s: Slots, names: string[]): [Selector, Selector] | null {
  const sex = groupSex(s.sexes);
  if (names.length === 2) {
    const component = singleComponent(s.components);
    return [sel(component, sex, [names[0]!]), sel(component, sex, [names[1]!])];
  }
  const distinct = [...new Set(s.components.map((c) => c.component))];
  if (distinct.length === 2) {
    const overallSex = s.sexes[0]?.sex ?? "total";
    return [sel(distinct[0]!, overallSex, names), sel(distinct[1]!, overallSex, names)];
  }
  const sexes = [...new Set(s.sexes.map((x) => x.sex))];
  if (sexes.length === 2) {
    const component = singleComponent(s.components);
    return [sel(component, sexes[0]!, names), sel(component, sexes[1]!, names)];
  }
  return null;
}

function countOp(s: Slots): NumericOperation {
  const sex = s.sexes[0]?.sex ?? "total";
  const threshold = /\b(more than|over|above|at least|fewer than|less than|under|below|exactly|at most)\s+(\d[\d,]*|[a-z]+)\b/.exec(s.q);
  const comparatorOf: Record<string, Comparator> = {
    "more than": "gt", over: "gt", above: "gt", "at least": "gte", "fewer than": "lt", "less than": "lt",
    under: "lt", below: "lt", exactly: "eq", "at most": "lte",
  };
  const mentioned = s.components.length > 0 ? s.components : [];
  const conditions: CountCondition[] = [];
  const seen = new Set<Component>();
  for (const c of mentioned) {
    if (seen.has(c.component)) continue;
    seen.add(c.component);
    conditions.push({ component: c.component, sex: c.sex ?? sex, comparator: c.negated ? "eq" : "gt", threshold: 0 });
    if (c.only && (c.component === "military" || c.component === "totalPolice")) {
      const other: Component = c.component === "military" ? "totalPolice" : "military";
      if (!seen.has(other)) conditions.push({ component: other, sex: "total", comparator: "eq", threshold: 0 });
      seen.add(other);
    }
  }
  const anyNegatedOrOnly = s.components.some((c) => c.negated || c.only);
  const contributing = /\bcontribut\w*|\bsen[dt]\w*|\bprovid\w*|\bdeploy\w*|\bhav(?:e|ing)\b/.test(s.q);
  if (LISTED.test(s.q) && !contributing && !threshold && !anyNegatedOrOnly && s.sexes.length === 0) return { operation: "count", conditions: [] };
  if (conditions.length === 0) conditions.push({ component: "uniformed", sex, comparator: "gt", threshold: 0 });
  const n = threshold ? numberIn(threshold[2]!) : undefined;
  if (threshold && n !== undefined) {
    const first = conditions.find((c) => c.comparator !== "eq") ?? conditions[0]!;
    first.comparator = comparatorOf[threshold[1]!]!;
    first.threshold = n;
  }
  return { operation: "count", conditions };
}

/**
 * `options.keepUnlisted`: parse the operation even when it names a country Annex II does not list (it then
 * cannot run, but a follow-up such as "what about Benin?" can still re-use it with another country).
 */
export function parseAnnexIIQuestion(question: string, report: StructuredReport, options: { keepUnlisted?: boolean } = {}): AnnexIIParse {
  const s = readSlots(question, report);
  const { q } = s;
  if (isNotStrengthQuestion(q)) return null;
  // "How many Brits in MINUSMA?", "How many Swedes?": a country's people, or a listed country in the Mission.
  const peopleOfCountry = s.countries.some((c) => c.people || (c.listed && CONTRIBUTED.test(q)));
  const aboutStrength = s.components.length > 0 || peopleOfCountry || /\bcontribut\w*|\bsends?\b|\bprovides?\b|\bdeploy\w*/.test(q);
  if (!aboutStrength || !(QUANTITY_CUE.test(q) || LIST_COUNTRIES.test(q) || bareSelection(s))) return null;
  const unlisted = s.countries.find((c) => !c.listed);
  // The host country's own forces (trained, attacked, deployed in the north …) are not Annex II rows;
  // only a question about what it contributes to the Mission is answered with "not listed".
  if (unlisted?.host && !CONTRIBUTED.test(q)) return null;
  if (unlisted && !options.keepUnlisted) return { kind: "notListed", country: unlisted.name };
  const names = s.countries.map((c) => c.name);
  const policeAmbiguous = s.components.some((c) => c.ambiguousPolice);
  const componentGiven = s.components.length > 0;
  const sexGiven = s.sexes.length > 0;
  const done = (op: NumericOperation | null): AnnexIIParse =>
    op ? { kind: "operation", question: { op, policeAmbiguous, componentGiven, sexGiven } } : null;

  if (SHARE_CUE.test(q)) return done(shareOp(s, names));
  if (COUNT_CUE.test(q)) return done(countOp(s));
  const sex = groupSex(s.sexes) !== "total" ? groupSex(s.sexes) : (s.sexes[0]?.sex ?? "total");
  const position = ordinalPosition(q);
  if ((WHICH.test(q) && RANK_WORDS.test(q)) || CONTRIBUTOR_RANK.test(q) || position !== undefined || /\b(?:top|bottom)\s+(?:\d+|[a-z]+)\b/.test(q) || (WHICH.test(q) && /\bmore\b|\bfewer\b/.test(q) && names.length >= 2)) {
    const fewest = FEWEST_WORDS.test(q) || (/\bfewer\b|\bless\b/.test(q) && !/\bmost\b|\bmore\b/.test(q));
    return done({
      operation: "rank",
      component: singleComponent(s.components),
      sex,
      order: fewest ? "fewest" : "most",
      n: position ?? topN(q),
      ...(position !== undefined ? { position } : {}),
      ...(names.length >= 2 ? { countries: names } : {}),
    });
  }
  if (names.length === 0 && LIST_COUNTRIES.test(q)) return done(countOp(s));
  if (RATIO_CUE.test(q)) {
    const pair = pairSelectors(s, names);
    return done(pair ? { operation: "ratio", a: pair[0], b: pair[1] } : null);
  }
  if (DIFFERENCE_CUE.test(q)) {
    const pair = pairSelectors(s, names);
    if (pair) return done({ operation: "difference", a: pair[0], b: pair[1] });
  }
  const component = singleComponent(s.components);
  if (names.length >= 2) return done({ operation: "sum", countries: names, component, sex });
  if (names.length === 1) return done({ operation: "cell", country: names[0]!, component, sex });
  if (s.components.length > 0 && (/\bhow many\b|\bnumber of\b|\bstrength\b/.test(q) || SUM_CUE.test(q))) {
    return done({ operation: "missionTotal", component, sex });
  }
  return null;
}
