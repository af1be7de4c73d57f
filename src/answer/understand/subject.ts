// The subject of a question: what it is about, item by item, each with the report wordings that would
// cover it. Glossary mentions become entities (a country, an organisation, a role); other proper nouns
// become names the answer must concern; content words get their WordNet links; word pairs that
// together define a sense the report uses ("lost their lives") become one phrase item.
import type { Mention } from "../../glossary/glossary.js";
import type { Token } from "../../report/nlp.js";
import { termOf, terms as termsOf } from "../../report/terms.js";
import type { ReportKnowledge } from "../knowledge/knowledge.js";
import type { SubjectItem } from "./frame.js";
import { isFramingWord, isQuestionGrammar } from "../../glossary/framing.js";

const STRENGTH = { own: 1, alias: 0.9, defined: 0.8, related: 0.7, gloss: 0.6, broader: 0.4, kind: 0.3 } as const;
const CONTENT = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"]);
/** Named things an answer must concern. */
const NAMED_KINDS = new Set(["country", "organisation", "place", "role", "abbreviation", "name"]);
const TEMPORAL = /^(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|\d{1,2})$/i;

type Alternative = SubjectItem["alternatives"][number];

/** How telling an item is: the rarity of the first wording the report uses (its own, else the strongest). */
function rarity(alternatives: Alternative[], k: ReportKnowledge): number {
  const known = alternatives.filter((a) => k.sentences.hasAll(a.terms));
  const first = known.sort((a, b) => b.strength - a.strength)[0];
  if (!first) return Math.log(1 + k.sentences.all.length);
  // A phrase is as telling as its rarest term, and a little more for each further one.
  const idfs = first.terms.map((t) => k.sentences.idf(t)).sort((x, y) => y - x);
  return (idfs[0]! + 0.25 * idfs.slice(1).reduce((s, x) => s + x, 0)) * first.strength;
}

/** The weight left to an unknown verb, adjective or adverb. */
const UNKNOWN_MODIFIER = 0.3;

/** Named things found in at most this share of the report's units are specific enough that an answer must concern them. */
const SPECIFIC_SHARE = 0.2;

function item(text: string, alternatives: Alternative[], kind: SubjectItem["kind"], k: ReportKnowledge, extra: Partial<SubjectItem> = {}): SubjectItem {
  const seen = new Set<string>();
  const unique = alternatives.filter((a) => {
    const key = a.terms.join(" ");
    return a.terms.length > 0 && !seen.has(key) && (seen.add(key), true);
  });
  // A word the report reaches only as a kind of one of its words ("slots" of "schedule") is not one it uses.
  const unknown = !unique.some((a) => a.strength > STRENGTH.kind && k.sentences.hasAll(a.terms));
  const implicit = !unknown && unique.some((a) => a.strength >= STRENGTH.alias && a.terms.every((t) => k.isImplicit(t)));
  const weight = implicit ? 0 : TEMPORAL.test(text) ? rarity(unique, k) * 0.3 : rarity(unique, k);
  return { text, alternatives: unique, weight, kind, required: false, carried: false, unknown, qualifier: false, ...extra };
}

function entityItem(m: Mention, k: ReportKnowledge): SubjectItem {
  const own = termsOf(m.surface);
  const alternatives: Alternative[] = [
    { terms: own, strength: STRENGTH.own },
    ...k.glossary.alternatives(m.entry).map((terms) => ({ terms, strength: STRENGTH.alias })),
    ...k.glossary.wider(m.entry).map((terms) => ({ terms, strength: STRENGTH.broader })),
    // A body's parts speak for it, weakly: "the UN camp in Timbuktu" is the MINUSMA camp there.
    ...k.glossary.narrower(m.entry).map((terms) => ({ terms, strength: STRENGTH.kind })),
  ];
  const e = m.entry;
  // A person's full name ("President Ibrahim Boubacar Keita": every word a capitalised name) is also written by the surname alone ("President Keita").
  const words = e.phrase.split(/\s+/);
  const surname = e.kind === "abbreviation" && words.length >= 2 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) ? termsOf(words.at(-1)!) : [];
  if (surname.length === 1) alternatives.push({ terms: surname, strength: STRENGTH.alias });
  const named = NAMED_KINDS.has(e.kind) && !e.host && !e.component && !e.sex;
  return item(m.surface, alternatives, "entity", k, { entityKind: e.kind, required: named && isSpecific(alternatives, k), qualifier: e.sex !== undefined || e.component !== undefined, ...(e.component ? { component: e.component } : {}) });
}

function wordItem(t: Token, k: ReportKnowledge, sentenceInitial = false): SubjectItem {
  const own = t.terms;
  const lemma = termOf(t.lemma);
  const alternatives: Alternative[] = [
    { terms: own, strength: STRENGTH.own },
    ...(lemma && own.length === 1 && lemma !== own[0] ? [{ terms: [lemma], strength: STRENGTH.own }] : []),
    ...k.glossary.related(t.lemma).map((term) => ({ terms: [term], strength: STRENGTH.related })),
    ...k.glossary.broader(t.lemma).map((term) => ({ terms: [term], strength: STRENGTH.broader })),
    ...k.glossary.kinds(t.lemma).map((term) => ({ terms: [term], strength: STRENGTH.kind })),
  ];
  // Capital letters no glossary entry has may spell a phrase the report writes out ("MMVT").
  const longForm = /^\p{Lu}{3,6}s?$/u.test(t.text) && !k.sentences.hasAll(own) ? k.longFormOf(t.text.replace(/s$/, "")) : undefined;
  if (longForm) alternatives.push({ terms: termsOf(longForm), strength: STRENGTH.alias });
  // A capitalised common noun ("the Mission", "the Government") is not a name.
  // A name is what the question capitalises and no dictionary knows, or what the report only ever
  // writes capitalised ("kidal", "Timbuktu" are places whoever types them).
  // (A capital that opens a sentence — "Add it up: …" — says nothing: there, only a word the report knows as a name is one.)
  const proper = (t.pos === "PROPN" && /^\p{Lu}/u.test(t.text) && !k.glossary.isWord(t.lemma) && !(sentenceInitial && !own.every((term) => k.isName(term)))) || (t.pos !== "VERB" && own.length > 0 && own.every((term) => k.isName(term)));
  const w = item(t.text, alternatives, "word", k, { pos: t.pos, ...(proper ? { entityKind: "name", required: isSpecific(alternatives, k) } : {}) });
  // A verb or modifier the report never uses ("meant", "awaiting") cannot be matched, and says less
  // about what the question is about than an unknown noun ("turnout").
  return w.unknown && !proper && t.pos !== "NOUN" ? { ...w, weight: w.weight * UNKNOWN_MODIFIER } : w;
}

/** Unknown to the report, or found in few of its units. */
function isSpecific(alternatives: Alternative[], k: ReportKnowledge): boolean {
  const known = alternatives.filter((a) => k.sentences.hasAll(a.terms));
  // (Judged by the wordings the report uses: "UN" is "United Nations", which most of its paragraphs name.)
  if (known.length === 0) return true;
  const units = k.sentences.byUnit.size;
  // A whole one of whose parts the whole report is about ("the UN", of which MINUSMA is part) is no more specific than that part.
  if (alternatives.some((a) => a.strength < 0.9 && a.terms.every((t) => k.isImplicit(t)))) return false;
  // A wording is as specific as the units that hold all of it ("joint force" is rare though "force" is not).
  return known.some((a) => a.strength >= 0.9 && k.sentences.unitsWithAll(a.terms) <= units * SPECIFIC_SHARE && !a.terms.every((t) => k.isImplicit(t)));
}

/**
 * @param timeSpans character spans of the question's time constraints: their words qualify the
 *                  question ("since June 2016", "the previous mandate period") rather than name its subject
 */
export function subjectItems(tokens: Token[], mentions: Mention[], k: ReportKnowledge, timeSpans: { start: number; end: number }[] = []): SubjectItem[] {
  const items: SubjectItem[] = mentions.map((m) => entityItem(m, k));
  const inside = (t: Token, spans: { start: number; end: number }[]) => spans.some((m) => t.start >= m.start && t.end <= m.end);
  const content = tokens.filter(
    (t) =>
      t.terms.length > 0 &&
      CONTENT.has(t.pos) &&
      !inside(t, mentions) &&
      !inside(t, timeSpans) &&
      !TEMPORAL.test(t.text) &&
      // A figure the question states is matched as a figure, not as a word.
      !/^[\d$€£]/.test(t.text) &&
      !(/^ones?$/i.test(t.text) && /^(?:which|this|that|the|each|any|every|another|what)$/i.test(tokens[tokens.indexOf(t) - 1]?.text ?? "")) &&
      !isFramingWord(t.text) &&
      !isFramingWord(t.lemma) &&
      !isQuestionGrammar(t.text),
  );
  const indexOf = new Map(tokens.map((t, i) => [t, i]));
  const opensSentence = (t: Token) => {
    const i = indexOf.get(t)!;
    return i === 0 || /^[.?!:;—–]$/.test(tokens[i - 1]!.text);
  };
  // "the al Qaeda-linked alliance", "the Tuareg-led coalition": a name in a modifier describes the noun, and need not be in the answer.
  const modifierName = (t: Token) => {
    const i = indexOf.get(t)!;
    return tokens[i + 1]?.text === "-" && tokens[i + 2]?.pos === "VERB" && /(?:ed|en)$/i.test(tokens[i + 2]!.text);
  };
  const words = content.map((t) => wordItem(t, k, opensSentence(t))).map((w, i) => (w.required && modifierName(content[i]!) ? { ...w, required: false } : w));
  // Two words that together define a sense the report uses replace the two: "lost … lives" -> "killed".
  const used = new Set<number>();
  for (let i = 0; i < content.length; i++) {
    for (let j = i + 1; j < Math.min(content.length, i + 4); j++) {
      if (used.has(i) || used.has(j)) continue;
      const [a, b] = [content[i]!, content[j]!];
      // Only a paraphrase: words the report uses already say what they mean ("injured … killed").
      if (!words[i]!.unknown && !words[j]!.unknown) continue;
      const stems = [termOf(a.lemma) ?? a.lemma, termOf(b.lemma) ?? b.lemma];
      // WordNet senses the report uses, and glossary entries, whose definitions the pair matches.
      const matches = k.glossary.glossMatches(stems).map((terms) => ({ terms: [terms], strength: STRENGTH.gloss }));
      const defined = k.glossary.definedBy(stems).flatMap((e) => k.glossary.alternatives(e)).map((terms) => ({ terms, strength: STRENGTH.defined }));
      if (matches.length === 0 && defined.length === 0) continue;
      const text = `${a.text} … ${b.text}`;
      // A sentence with only one of the two words says half of what the pair says.
      const halves = [words[i]!, words[j]!].flatMap((w) => w.alternatives.map((x) => ({ terms: x.terms, strength: x.strength * 0.5 })));
      const alternatives: Alternative[] = [{ terms: [...a.terms, ...b.terms], strength: STRENGTH.own }, ...defined, ...matches, ...halves];
      // The phrase stands for both words: it weighs what they weighed together.
      const phrase = item(text, alternatives, "phrase", k);
      items.push({ ...phrase, weight: words[i]!.weight + words[j]!.weight });
      used.add(i).add(j);
    }
  }
  words.forEach((w, i) => {
    if (!used.has(i) && !items.some((x) => x.alternatives[0]!.terms.join(" ") === w.alternatives[0]!.terms.join(" "))) items.push(w);
  });
  return items;
}

/** How strongly the terms cover the item: the strength of its best alternative fully present, or 0. */
export function covers(terms: ReadonlySet<string>, item: SubjectItem): number {
  let best = 0;
  for (const a of item.alternatives) if (a.strength > best && a.terms.every((t) => terms.has(t))) best = a.strength;
  return best;
}
