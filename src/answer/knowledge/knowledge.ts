// Everything the answering stages know about the report, built once when the index loads: the report,
// the glossary (with the lexicon), the sentence index with its figures, and which terms are implicit.
import type { Figures } from "../../figures/schema.js";
import { createGlossaryIndex, type GlossaryIndex } from "../../glossary/glossary.js";
import type { Glossary, Lexicon } from "../../glossary/schema.js";
import type { StructuredReport } from "../../report/schema.js";
import { fold } from "../../report/fold.js";
import { termOf, terms as termsOf } from "../../report/terms.js";
import { longFormOf } from "./initialism.js";
import { buildSentenceIndex, type SentenceIndex } from "./sentence-index.js";

export interface ReportKnowledge {
  report: StructuredReport;
  glossary: GlossaryIndex;
  sentences: SentenceIndex;
  /** Terms that say nothing on their own: the report's title words ("Secretary-General", "Mali") and terms most units share. */
  isImplicit(term: string): boolean;
  /** The report's "as at" month (year * 12 + month index) and its label. */
  asAt: { month: number; label: string };
  byParagraph: Map<number, StructuredReport["paragraphs"][number]>;
  /** Terms naming the report's author (the title's "Secretary-General"). */
  authorTerms: Set<string>;
  /** A term the report only ever writes capitalised inside a sentence: a place, a person, a named body ("mopti", "barkhan"). */
  isName(term: string): boolean;
  /** Nouns the report's figures count ("attack", "school"). */
  figureHeads: Set<string>;
  /** True when the report's text mentions the year (and month) at all. */
  mentionsTime(time: { year?: number; month?: number }): boolean;
  /** The phrase of the report whose words' initials a short form spells ("MMVT"), if exactly one does. */
  longFormOf(letters: string): string | undefined;
  /** True when the report cites the document ("resolution 2295", "S/2017/271") anywhere. */
  citesDocument(document: string): boolean;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** A term found in more than this share of the report's units tells none of them apart. */
const COMMON_SHARE = 0.33;

export function monthIndex(text: string): number | undefined {
  const m = new RegExp(`\\b(${MONTHS.join("|")})\\s+((?:19|20)\\d\\d)\\b`, "i").exec(text);
  return m ? Number(m[2]) * 12 + MONTHS.indexOf(m[1]!.toLowerCase()) : undefined;
}

export function buildKnowledge(data: { report: StructuredReport; glossary: Glossary; lexicon: Lexicon; figures: Figures }): ReportKnowledge {
  const { report } = data;
  const glossary = createGlossaryIndex(data.glossary, data.lexicon);
  // A sentence naming a country ("refugees in Burkina Faso, Mauritania and the Niger") speaks of countries.
  const countryTerms = termsOf("country countries");
  const sentences = buildSentenceIndex(report, data.figures.figures, (text) => (glossary.mentions(text).some((m) => m.entry.kind === "country") ? countryTerms : []));
  const title = new Set(termsOf(report.title));
  const units = sentences.byUnit.size;
  const allText = [...report.paragraphs.map((p) => p.text), ...report.annexI.indicators.map((i) => `${i.text} ${i.deadline ?? ""} ${i.comments}`), report.annexII.asAt].join(" ");
  const years = new Set([...allText.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0])));
  const months = new Set([...allText.matchAll(new RegExp(`\\b(${MONTHS.join("|")})\\s+((?:19|20)\\d\\d)\\b`, "gi"))].map((m) => Number(m[2]) * 12 + MONTHS.indexOf(m[1]!.toLowerCase())));
  const month = monthIndex(report.annexII.asAt) ?? Math.max(...[...report.paragraphs.map((p) => p.text).join(" ").matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0]) * 12 + 11));
  const names = nameTerms(sentences.all.map((x) => x.text));
  const longForms = new Map<string, string | undefined>();
  return {
    report,
    glossary,
    sentences,
    isName: (term) => names.has(term),
    figureHeads: new Set(data.figures.figures.flatMap((f) => (f.head ? [f.head] : []))),
    isImplicit: (term) => title.has(term) || sentences.unitsWith(term) > units * COMMON_SHARE,
    asAt: { month, label: report.annexII.asAt },
    byParagraph: new Map(report.paragraphs.map((p) => [p.number, p])),
    authorTerms: new Set(termsOf(/^Report of the (.+?) on\b/i.exec(report.title)?.[1] ?? "")),
    longFormOf: (letters) => {
      if (!longForms.has(letters)) longForms.set(letters, longFormOf(letters, sentences.all.map((x) => x.text)));
      return longForms.get(letters);
    },
    citesDocument: (document) => document === report.symbol || cites(allText, document),
    mentionsTime: (time) => (time.month !== undefined ? months.has(time.month) || years.has(Math.floor(time.month / 12)) : time.year === undefined || years.has(time.year)),
  };
}

/** "resolution 2364" is cited where the report writes the resolution's number; a symbol as written. */
function cites(text: string, document: string): boolean {
  const number = /^resolution (\d+)$/.exec(document)?.[1];
  return number ? new RegExp(`\\b${number}\\b(?![,.]\\d)`).test(text) : text.toLowerCase().includes(document.toLowerCase());
}

/** Terms written capitalised after a sentence's first word, and never in lower case. */
function nameTerms(texts: readonly string[]): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    // Capitals count only inside a sentence, after a lower-case word or a comma ("in the Mopti region").
    for (const m of text.matchAll(/(?<=[\p{Ll}\d,;)]\s+(?:the\s+)?|\s)(\p{L}[\p{L}’'-]*)/gu)) {
      // Folded, as every term is ("Ségou" -> "segou").
      const term = termOf(fold(m[1]!));
      if (!term) continue;
      const after = text.slice(0, m.index).trimEnd();
      if (/^\p{Ll}/u.test(m[1]!)) lower.add(term);
      else if (/[\p{Ll}\d,;)]$/u.test(after) || /[\p{Ll},]\s+the$/u.test(after)) capitalised.add(term);
    }
  }
  // Months and weekdays are capitalised words, not names.
  const calendar = new Set(termsOf(`${MONTHS.join(" ")} monday tuesday wednesday thursday friday saturday sunday`));
  return new Set([...capitalised].filter((t) => !lower.has(t) && !calendar.has(t)));
}
