// What kind of answer a question wants, from its form: the wh-word and the noun after it, or an
// auxiliary verb first for yes/no. This is English question grammar, not a list of topics.
import type { Token } from "../../report/nlp.js";
import type { AnswerType } from "./frame.js";

export interface QuestionForm {
  answerType: AnswerType;
  /** The noun phrase right after "how many" / "which" / "what" (or the measured thing of "what is X's strength"). */
  asked?: string;
}

const AUX_FIRST = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must|isn't|aren't|wasn't|weren't|didn't|doesn't|hasn't|haven't)\b/i;
const HOW_QUANTITY = /\bhow (?:many|much|long|big|large|far|high|low)\b/i;
/** "Where are we on …", "where does X stand": a status question, not a place. */
const STATUS = /\bwhere (?:are we|do we stand|does .{1,60} stand|do things stand|is .{1,40} at)\b/i;
const DATE = /\b(?:when|what (?:date|day|month|year|time)|which (?:date|day|month|year)|since when|by when|until when|how soon)\b/i;
const REASON = /\b(?:why|for what reason|what (?:is|was|are|were) the (?:reasons?|causes?)|what (?:caused|causes|explains|drove|drives|led to|is behind|was behind)|how come)\b/i;
const MEANING = /\bwhat (?:exactly )?(?:does|do|did) (?:that|this|the|these|those) .{0,40}\b(?:refer to|mean|stand for|relate to|represent)\b/i;
const NAME_OF = /\bwhat(?: ?['’]s| is| was| are| were)(?: the)? names? of (?:the |this |that )?(?:[\p{L}\d,-]+ ){0,3}?([\p{L}-]+)(?= (?:who|that|which|\p{L}+ed|in|of|at|on|for|over)\b|\s*\??$)/iu;
const WHO_WORD = /^(?:who|whom|whose)$/i;
const WHERE = /\bwhere\b/i;

/** Nouns that name a measure: "what is X's strength" asks for a figure. */
export const MEASURE = new Set(["number", "numbers", "count", "total", "totals", "percentage", "percent", "proportion", "share", "fraction", "amount", "figure", "figures", "headcount", "tally", "toll", "strength", "size", "rate", "level", "budget", "cost", "sum", "ratio", "value", "ceiling", "shortfall", "gap", "population"]);
const PERSON = new Set(["person", "people", "official", "officials", "minister", "ministers", "leader", "leaders", "head", "representative", "commander", "president", "individual", "individuals", "man", "woman", "judge", "governor", "envoy", "officer", "chair"]);
const ORGANISATION = new Set(["group", "groups", "organization", "organizations", "organisation", "organisations", "party", "parties", "movement", "movements", "body", "bodies", "committee", "commission", "coalition", "agency", "agencies", "entity", "entities", "faction", "factions", "institution", "institutions", "actor", "actors", "armed group", "armed groups", "team", "mission", "force"]);
const PLACE = new Set(["region", "regions", "town", "towns", "city", "cities", "area", "areas", "location", "locations", "place", "places", "village", "villages", "locality", "localities", "district", "districts", "country", "countries", "nation", "nations", "camp", "camps", "border", "site", "sites", "province", "state", "states", "member state", "member states", "contributor", "contributors", "nationality", "nationalities"]);

/** Attributes that are places ("the nationality of …", "the location of …"); not "the state of …" or "the area of …", which are rarely where. */
const ATTRIBUTE_PLACE = new Set(["nationality", "nationalities", "location", "country", "town", "city", "village", "region", "whereabouts"]);

const NOUN_RUN = new Set(["NOUN", "PROPN", "ADJ"]);
/** "its members": a possessive determiner opens the phrase like "the". */
const POSSESSIVE = /^(?:its|their|his|her|our|your|my)$/i;

/**
 * The noun phrase starting at token i: adjectives and nouns ("blue helmets", "defence and security
 * benchmarks"); after a possessive, the possessed noun ("the truth commission's regional offices").
 */
function nounPhrase(tokens: Token[], i: number): Token[] {
  let run: Token[] = [];
  let possessed = false;
  /** A participle before a noun: inside the phrase a gerund ("troop contributing countries"), after a possessor any ("MINUSMA's authorized ceiling"); elsewhere a past form is the clause's verb ("countries pledged troops"). */
  const participle = (j: number) => tokens[j]?.pos === "VERB" && (possessed ? NOUN_RUN.has(tokens[j + 1]?.pos ?? "") : tokens[j + 1]?.pos === "NOUN" && run.length > 0 && /ing$/i.test(tokens[j]!.text));
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (NOUN_RUN.has(t.pos) || participle(j)) run.push(t);
    else if ((t.pos === "DET" || POSSESSIVE.test(t.text)) && run.length === 0) continue;
    else if (t.pos === "CCONJ" && run.length > 0 && NOUN_RUN.has(tokens[j + 1]?.pos ?? "")) run.push(t);
    else if (/^['’]s$/.test(t.text) && run.length > 0 && (NOUN_RUN.has(tokens[j + 1]?.pos ?? "") || (tokens[j + 1]?.pos === "VERB" && NOUN_RUN.has(tokens[j + 2]?.pos ?? "")))) {
      run = [];
      possessed = true;
    } else break;
  }
  while (run.length && (run.at(-1)!.pos === "ADJ" || run.at(-1)!.pos === "CCONJ")) run.pop();
  return run;
}

/** The noun phrase after the first "of" from token i ("the share of the military component" -> "military component"). */
function ofPhrase(tokens: Token[], from: number): Token[] {
  const of = tokens.findIndex((t, j) => j >= from && /^of$/i.test(t.text));
  return of < 0 ? [] : nounPhrase(tokens, of + 1);
}

const lower = (ts: Token[]) => ts.map((t) => t.text.toLowerCase()).join(" ");
const headOf = (ts: Token[]) => (ts.length ? ts.at(-1)!.text.toLowerCase() : "");

/** "Among Togo's police, do women …": the question after a fronted prepositional or adverbial phrase and its comma. */
function afterFrontedPhrase(tokens: Token[]): string {
  const first = tokens.find((t) => t.pos !== "PUNCT");
  if (!first || !["ADP", "ADV", "SCONJ"].includes(first.pos)) return "";
  const comma = tokens.findIndex((t) => t.text === ",");
  return comma < 0 ? "" : tokens.slice(comma + 1).filter((t) => t.pos !== "PUNCT").map((t) => t.text).join(" ");
}

export function questionForm(tokens: Token[]): QuestionForm {
  const words = tokens.filter((t) => t.pos !== "PUNCT");
  const skip = words.findIndex((t) => !/^(?:and|but|so|ok|okay|also|then|now|please)$/i.test(t.text));
  const ts = skip < 0 ? words : words.slice(skip);
  const text = ts.map((t) => t.text).join(" ");
  const at = (pattern: RegExp) => ts.findIndex((t) => pattern.test(t.text));

  if (REASON.test(text)) return { answerType: "reason" };
  // "What does that figure refer to?": what a figure means, not a figure.
  if (MEANING.test(text)) return { answerType: "description" };
  // "What was the name of the GATIA commander …?": a name.
  const named = NAME_OF.exec(text);
  if (named) return { answerType: ORGANISATION.has(named[1]!.toLowerCase()) ? "organisation" : "person" };
  const how = HOW_QUANTITY.exec(text);
  // "How long an extension …?": a duration, which the report gives as a period or the date it ends ("until 30 June 2018").
  if (how && /^how long$/i.test(how[0])) return { answerType: "date" };
  if (how) {
    const i = at(/^(?:many|much|long|often|big|large|far|high|low)$/i);
    // "how many of the Commission's regional offices": the noun phrase after "of".
    const skip = /^of$/i.test(ts[i + 1]?.text ?? "") ? ts.slice(i + 2).findIndex((t) => !["DET", "PRON", "PART"].includes(t.pos) && !/^'s$/.test(t.text)) + i + 2 : i + 1;
    const phrase = nounPhrase(ts, skip).filter((t) => !/^(?:more|fewer|less)$/i.test(t.text));
    // "How big a force …": the noun is what is measured (by its strength, in personnel), not what a figure counts.
    if (!/^(?:many|much)$/i.test(ts[i]?.text ?? "")) return { answerType: "number" };
    return { answerType: "number", ...(phrase.length ? { asked: lower(phrase) } : {}) };
  }
  if (DATE.test(text)) return { answerType: "date" };
  // "what % of state officials …", "… women %?": "%" is a measure like "percentage".
  const percentAt = ts.findIndex((t) => t.text === "%");
  if (percentAt >= 0) {
    // "A as a % of B": B is the whole, not what is asked about.
    const asShare = /^(?:as|a|an|in)$/i.test(ts[percentAt - 1]?.text ?? "");
    const of = asShare ? [] : ofPhrase(ts, percentAt);
    return { answerType: "number", ...(of.length ? { asked: lower(of) } : {}) };
  }
  // A bare noun phrase for a question ("Nationality of the peacekeeper killed …?"): its noun says what kind of answer.
  const bare = (ts[0]?.pos === "NOUN" || ts[0]?.pos === "PROPN") && /^of$/i.test(ts[1]?.text ?? "") ? ts[0].text.toLowerCase() : undefined;
  if (bare && PLACE.has(bare)) return { answerType: "place", asked: bare };
  if (bare && PERSON.has(bare)) return { answerType: "person", asked: bare };
  const wh = at(/^(?:which|what)$/i);
  const whPhrase = wh >= 0 ? nounPhrase(ts, wh + 1).filter((t) => !/^(?:kind|type|sort)$/i.test(t.text)) : [];
  const whHead = headOf(whPhrase);
  // "What is UNPOL's strength?", "what percentage of …", "the number of …": a measure.
  const measuredAt = ts.findIndex((t, i) => MEASURE.has(t.text.toLowerCase()) && (i <= 5 || ts[i + 1]?.text.toLowerCase() === "of"));
  // "What's MINUSMA's authorized troop ceiling?": the attribute after "what is" is a measure.
  const attribute = /^what$/i.test(ts[0]?.text ?? "") && /^(?:is|was|are|were|'s)$/i.test(ts[1]?.text ?? "") ? nounPhrase(ts, 2) : [];
  // What is measured is the noun before the measure ("troop" in "troop ceiling").
  // "What is the overall number of civilians killed?": what is measured is the noun after "of", when there is one.
  if (MEASURE.has(headOf(attribute))) {
    const of = /^of$/i.test(ts[ts.indexOf(attribute.at(-1)!) + 1]?.text ?? "") ? ofPhrase(ts, ts.indexOf(attribute.at(-1)!)) : [];
    const before = attribute.slice(0, -1).filter((t) => t.pos !== "ADJ");
    const measured = of.length ? of : before;
    return { answerType: "number", ...(measured.length ? { asked: lower(measured) } : {}) };
  }
  if ((wh >= 0 && MEASURE.has(whHead)) || (measuredAt >= 0 && (wh >= 0 || AUX_FIRST.test(text) === false))) {
    // "What percentage of its members …": what is measured is the noun after "of", if any.
    const of = ofPhrase(ts, Math.max(0, wh >= 0 && MEASURE.has(whHead) ? wh : measuredAt));
    return { answerType: "number", ...(of.length ? { asked: lower(of) } : {}) };
  }
  // "Which country was the peacekeeper who died from?": a "who" after the wh-phrase is a relative pronoun.
  const whoAt = at(WHO_WORD);
  if (whoAt >= 0 && (wh < 0 || whoAt < wh || whPhrase.length === 0)) return { answerType: ORGANISATION.has(whHead) ? "organisation" : "person" };
  if (STATUS.test(text)) return { answerType: "description" };
  if (WHERE.test(text)) return { answerType: "place" };
  if (wh >= 0 && whPhrase.length) {
    const asked = lower(whPhrase);
    if (PLACE.has(whHead) || PLACE.has(asked)) return { answerType: "place", asked };
    if (PERSON.has(whHead)) return { answerType: "person", asked };
    if (ORGANISATION.has(whHead) || ORGANISATION.has(asked)) return { answerType: "organisation", asked };
  }
  if (AUX_FIRST.test(text) || AUX_FIRST.test(afterFrontedPhrase(tokens))) return { answerType: "yesno" };
  if (/^how\b/i.test(text)) return { answerType: "manner" };
  // "What was the nationality of the peacekeeper …?", "What is the head of …?": an attribute whose noun says what kind of answer.
  const attributeOf = attribute.length > 0 && /^of$/i.test(ts[ts.indexOf(attribute.at(-1)!) + 1]?.text ?? "") ? headOf(attribute) : undefined;
  if (attributeOf && ATTRIBUTE_PLACE.has(attributeOf)) return { answerType: "place", asked: attributeOf };
  if (attributeOf && PERSON.has(attributeOf)) return { answerType: "person", asked: attributeOf };
  // "What was the turnout in the referendum?": the noun after "what is the" is what is asked.
  if (attribute.length) return { answerType: "description", asked: lower(attribute) };
  if (/^(?:list|name|enumerate|identify)\b/i.test(text) || (wh >= 0 && /s$/.test(whHead) && /\b(?:are|were)\b/i.test(text))) {
    return { answerType: "list", ...(whPhrase.length ? { asked: lower(whPhrase) } : {}) };
  }
  return { answerType: "description", ...(whPhrase.length ? { asked: lower(whPhrase) } : {}) };
}
