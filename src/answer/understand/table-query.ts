// Whether a question asks the strength table (Annex II) or the benchmarks (Annex I), and with what
// selection: countries, components, sexes; statuses, indicator, area. A question is a table question
// only when everything it is about is in the table's own vocabulary: its headings, its rows, and what
// the table states (who contributes how many). "How many peacekeepers were killed?" has "killed",
// which no table says, so it goes to the paragraphs.
import type { Mention } from "../../glossary/glossary.js";
import type { Token } from "../../report/nlp.js";
import { terms as termsOf } from "../../report/terms.js";
import type { Component } from "../../tools/types.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import type { SubjectItem, TableQuery } from "./frame.js";
import { covers } from "./subject.js";

/** What the strength table states about each row: a country contributes, sends, deploys … personnel. */
const CONTRIBUTION = termsOf(
  "contribute contributes contributed contributing contributor contributors contribution contributions send sends sent sending provide provides provided " +
    "providing deploy deploys deployed deploying deployment serve serves served serving field fields fielded supply supplies supplied station stationed " +
    "commit commits committed have has had give gives gave strength personnel contingent contingents uniformed mission minusma table annex listed list " +
    "row rows breakdown split country countries nation nations",
);
/** What the benchmarks table states about each indicator. */
const ANNEX_I_WORDS = new Set(termsOf("benchmark benchmarks indicator indicators progress indicators annex"));
/** The benchmarks table's headings and structure: what a question about the table itself may name. */
const ANNEX_I_HEADINGS = new Set(termsOf("state status implementation implemented ongoing deadline comment comments objective objectives area areas"));
const STATUS: { re: RegExp; status: NonNullable<TableQuery["status"]> }[] = [
  { re: /\b(?:no|without(?: a| any)?|missing|blank|empty|unspecified)\s+(?:status|state)\b|\bstatus (?:is )?(?:not given|missing|blank|unknown)\b/i, status: "none" },
  { re: /\b(?:not(?: yet)? (?:been )?implemented|unimplemented|not (?:yet )?(?:started|begun))\b/i, status: "Not implemented" },
  { re: /\b(?:ongoing|in progress|under ?way|pending|in train)\b/i, status: "Ongoing" },
  { re: /\b(?:implemented|completed?|achieved|met|fulfilled|done)\b/i, status: "Implemented" },
];
const INDICATOR_ID = /\b(\d+\.\d+\.\d+)\b/;

export function tableQuery(
  question: string,
  tokens: Token[],
  mentions: Mention[],
  subject: SubjectItem[],
  k: ReportKnowledge,
  listAsked: boolean,
  asked: string | undefined,
): TableQuery | undefined {
  return annexIQuery(question, subject, k, listAsked, asked) ?? annexIIQuery(question, tokens, withoutTitle(question, mentions, k), subject, k, listAsked);
}

/** "the military and police strength table" names the table: its title's words select no column. */
function withoutTitle(question: string, mentions: Mention[], k: ReportKnowledge): Mention[] {
  const title = k.report.annexII.title.split(/\s+of\s+/i)[0]!;
  const at = question.toLowerCase().indexOf(title.toLowerCase());
  if (at < 0) return mentions;
  return mentions.filter((m) => m.end <= at || m.start >= at + title.length);
}

const CONTRIBUTION_SET = new Set(CONTRIBUTION);

/** An item the strength table's own vocabulary covers: a row, a column, or what the table states. */
export function isTableItem(s: SubjectItem, mentions: readonly Mention[], k: ReportKnowledge): boolean {
  return (
    s.weight === 0 ||
    mentions.some((m) => (m.entry.kind === "country" || m.entry.component || m.entry.sex) && m.surface === s.text) ||
    (s.kind === "entity" && (s.entityKind === "country" || s.entityKind === "component")) ||
    s.alternatives.some((a) => a.strength >= 0.9 && a.terms.every((t) => CONTRIBUTION_SET.has(t) || k.isImplicit(t)))
  );
}

function annexIIQuery(question: string, tokens: Token[], mentions: Mention[], subject: SubjectItem[], k: ReportKnowledge, listAsked: boolean): TableQuery | undefined {
  const countryMentions = mentions.filter((m) => m.entry.kind === "country");
  const componentMentions = mentions.filter((m) => m.entry.component);
  // Only a noun or a verb outside the table's vocabulary ("killed", "helicopters") makes it a question
  // about something else; a modifier ("single", "overall") does not.
  const leftover = subject.filter((s) => !isTableItem(s, mentions, k) && !/^\d+$/.test(s.text) && !(s.kind === "word" && (s.pos === "ADJ" || s.pos === "ADV")));
  const contributes = tokens.some((t) => t.pos === "VERB" && t.terms.some((term) => CONTRIBUTION_SET.has(term)));
  const aboutStrength =
    componentMentions.length > 0 || countryMentions.some((m) => m.byDemonym) || (countryMentions.length > 0 && contributes) || /\b(?:which|what|how many) (?:countr|nation|contributor)/i.test(question);
  // A question that points at the table itself ("… in Annex II", "per the annex table") asks it, whatever else it says of the countries.
  const pointsAtTable = /\bannex (?:II|2)\b|\b(?:annex|strength) table\b/i.test(question);
  if (!aboutStrength || (leftover.length > 0 && !pointsAtTable)) return undefined;
  return { annex: "II", ...tableSlots(question, mentions), wantsList: listAsked };
}

const LOCATION_BEFORE = /\b(?:in|to|into|within|across|throughout|inside|at|on)\s+(?:the\s+)?$/i;
const NEGATION_BEFORE = /\b(?:no|without|not|zero|but no|nor)\s+(?:any\s+)?(?:(?:female|male|women|men)\s+)?$/i;
const ONLY_BEFORE = /\b(?:only|solely|exclusively)\s+(?:(?:female|male|women|men)\s+)?$/i;
const THRESHOLD = /\b(more than|over|above|at least|fewer than|less than|under|below|exactly|at most)\s+(\d[\d,]*)\b/i;
const COMPARATOR: Record<string, "gt" | "gte" | "lt" | "lte" | "eq"> = {
  "more than": "gt", over: "gt", above: "gt", "at least": "gte", "fewer than": "lt", "less than": "lt", under: "lt", below: "lt", exactly: "eq", "at most": "lte",
};

/** The strength table's slots a question names: countries, components, sexes (a follow-up may name only these). */
export function tableSlots(
  question: string,
  mentions: Mention[],
): Pick<TableQuery, "countries" | "components" | "component" | "sexes" | "sex" | "negated" | "only" | "threshold" | "policeAmbiguous"> {
  const componentMentions = mentions.filter((m) => m.entry.component);
  const components = componentMentions.map((m) => m.entry.component as Component);
  // (Each once: "Women cops: how many women …" asks about one sex, "Germany's … German personnel" about one country.)
  const sexes = [...new Set([...mentions.filter((m) => m.entry.sex).map((m) => m.entry.sex!), ...policeWithSex(question)])];
  const before = (m: Mention) => question.slice(Math.max(0, m.start - 30), m.start);
  const threshold = THRESHOLD.exec(question);
  return {
    negated: componentMentions.filter((m) => NEGATION_BEFORE.test(before(m))).map((m) => m.entry.component as Component),
    only: componentMentions.filter((m) => ONLY_BEFORE.test(before(m))).map((m) => m.entry.component as Component),
    ...(threshold ? { threshold: { comparator: COMPARATOR[threshold[1]!.toLowerCase()]!, value: Number(threshold[2]!.replace(/,/g, "")) } } : {}),
    policeAmbiguous: componentMentions.some((m) => /^police$/i.test(m.surface)),
    countries: mentions
      // The host country after "in", "to", "across": where the Mission is, not a contributor.
      .filter((m) => m.entry.kind === "country" && !(m.entry.host && LOCATION_BEFORE.test(question.slice(0, m.start))))
      .map((m) => ({ row: m.entry.annexIIRow ?? null, name: m.entry.annexIIRow ?? m.entry.phrase, host: m.entry.host === true, byPeople: m.byDemonym }))
      .filter((c, i, all) => all.findIndex((x) => x.name === c.name) === i),
    components,
    ...(components[0] ? { component: components[0] } : {}),
    sexes,
    ...(sexes[0] ? { sex: sexes[0] } : {}),
  };
}

/** "policewomen" carries a sex of its own. */
function policeWithSex(question: string): ("men" | "women")[] {
  return [...question.matchAll(/\bpolice(wom|m)[ae]n\b/gi)].map((m) => (m[1]!.toLowerCase() === "wom" ? "women" : "men"));
}

function annexIQuery(question: string, subject: SubjectItem[], k: ReportKnowledge, listAsked: boolean, asked: string | undefined): TableQuery | undefined {
  const id = INDICATOR_ID.exec(question)?.[1];
  // Its own words or an alias: a WordNet neighbour ("gone" ~ "progress") does not name the annex.
  const namesAnnexI = subject.some((s) => s.alternatives.some((a) => a.strength >= 0.9 && a.terms.every((t) => ANNEX_I_WORDS.has(t)))) || /\bannex (?:I|1)\b(?!I)/.test(question);
  if (!namesAnnexI && !id) return undefined;
  const status = STATUS.find((s) => s.re.test(question))?.status;
  const objective = /\bobjective\s+(\d+\.\d+)\b/i.exec(question)?.[1];
  const areaNumber = /\b(?:area|section|cluster|pillar)\s+(\d+)\b/i.exec(question)?.[1];
  const area = areaNumber ?? areaByTitle(subject, k);
  // "What percentage of the humanitarian response plan does the annex give?" asks what an indicator's
  // text says, not the table's counts: without a selection, anything outside the table's own
  // vocabulary sends the question to the indicators' text, through retrieval.
  // (Counting the indicators themselves, "how many progress indicators does the annex track?", stays a table question.)
  const countsIndicators = asked !== undefined && termsOf(asked).length > 0 && termsOf(asked).every((t) => ANNEX_I_WORDS.has(t));
  if (!id && !objective && !area && !countsIndicators && asksIndicatorText(subject, k)) return undefined;
  return {
    annex: "I",
    countries: [],
    components: [],
    sexes: [],
    negated: [],
    only: [],
    policeAmbiguous: false,
    ...(status ? { status } : {}),
    ...(id ? { indicator: id } : {}),
    ...(objective ? { objective } : {}),
    ...(area ? { area } : {}),
    wantsList: listAsked,
  };
}

/** The subject names something outside the benchmarks table's own vocabulary. */
export function asksIndicatorText(subject: SubjectItem[], k: ReportKnowledge): boolean {
  const vocabulary = new Set([...ANNEX_I_WORDS, ...ANNEX_I_HEADINGS]);
  return subject.some(
    (s) =>
      s.weight > 0 &&
      !s.carried &&
      !/^\d+$/.test(s.text) &&
      // A noun or a name ("funding", "humanitarian response plan"); verbs ("track", "list") describe the table.
      !(s.kind === "word" && s.pos !== "NOUN" && s.pos !== "PROPN") &&
      !s.alternatives.some((a) => a.strength >= 0.9 && a.terms.every((t) => vocabulary.has(t) || k.isImplicit(t))),
  );
}

/** An Annex I count with no selection of its own, on a question whose context names what an indicator says. */
export function isUnselectedAnnexI(t: TableQuery): boolean {
  return t.annex === "I" && !t.indicator && !t.objective && !t.area;
}

/** An Annex I area whose title the question names ("defence and security aspects"). */
function areaByTitle(subject: SubjectItem[], k: ReportKnowledge): string | undefined {
  let best: { id: string; hits: number } | undefined;
  for (const a of k.report.annexI.areas) {
    const title = new Set(termsOf(a.title));
    const hits = subject.filter((s) => covers(title, s) > 0).length;
    if (hits >= Math.min(2, title.size) && (!best || hits > best.hits)) best = { id: a.id, hits };
  }
  return best?.id;
}
