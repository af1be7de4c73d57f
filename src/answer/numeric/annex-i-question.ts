// Annex I questions: "How many benchmarks are implemented?", "Status of indicator 2.3.3?",
// "Which indicators are ongoing in area 4?".
import type { StructuredReport } from "../../report/schema.js";
import { foldText } from "../../tools/fold.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import type { StatusFilter } from "../../tools/annex-i-ops.js";

const ANNEX_I_WORDS = /\b(?:benchmarks?|(?:progress )?indicators?|state of implementation|annex i)\b/;
const INDICATOR_ID = /\b(\d+\.\d+\.\d+)\b/;

export function findStatus(q: string): StatusFilter | undefined {
  if (/\b(?:no|without(?: a| any)?|missing|blank|empty|unspecified)\s+(?:status|state)\b|\bstatus (?:is )?(?:not given|missing|blank|unknown)\b|\bno status given\b/.test(q)) return "none";
  if (/\b(?:not(?: yet)? (?:been )?implemented|unimplemented|not (?:yet )?started)\b/.test(q)) return "Not implemented";
  if (/\b(?:ongoing|in progress|under ?way|pending|in train)\b/.test(q)) return "Ongoing";
  if (/\b(?:implemented|completed?|achieved|met|fulfilled|done)\b/.test(q)) return "Implemented";
  return undefined;
}

export interface AnnexIScope {
  area?: string;
  objective?: string;
}

const STOP = new Set(["and", "the", "of", "to", "a", "in", "for", "on", "matters", "aspects", "provision"]);

function contentWords(text: string): string[] {
  return foldText(text).split(/[^a-z]+/).filter((w) => w.length > 2 && !STOP.has(w));
}

export function findScope(q: string, report: StructuredReport): AnnexIScope {
  const objective = /\bobjective\s+(\d+\.\d+)\b/.exec(q)?.[1];
  if (objective) return { objective };
  const area = /\b(?:area|section|cluster|pillar)\s+(\d+)\b/.exec(q)?.[1];
  if (area) return { area };
  const words = new Set(contentWords(q));
  let best: { id: string; hits: number } | undefined;
  for (const a of report.annexI.areas) {
    const title = contentWords(a.title);
    const hits = title.filter((w) => words.has(w)).length;
    if (hits > 0 && hits >= Math.min(2, title.length) && (!best || hits > best.hits)) best = { id: a.id, hits };
  }
  return best ? { area: best.id } : {};
}

export interface AnnexIQuestion {
  op: NumericOperation;
  /** "which … / list …": the answer lists the ids. */
  wantsList: boolean;
  /** "How many … are there, and how many are implemented?": the answer gives the total in scope too. */
  alsoTotal?: boolean;
}

/** Words that say nothing about which indicator is meant. */
const NOT_DESCRIPTIVE = new Set([
  "benchmark", "benchmarks", "indicator", "indicators", "progress", "annex", "status", "state", "implementation", "implemented",
  "ongoing", "stand", "stands", "standing", "where", "what", "when", "which", "how", "met", "been", "has", "have", "had", "that",
  "this", "does", "did", "according", "say", "says", "report", "its", "about", "with", "from", "is", "are", "was", "were", "now",
  "yet", "still", "far", "reached", "achieved", "completed", "done", "fulfilled", "pending", "under", "way", "setting", "set",
  "there", "any", "one", "concerning", "regarding",
]);

function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:ies)$/, "y").replace(/(?:es|s)$/, "") : word;
}

function descriptiveWords(text: string): string[] {
  return contentWords(text).filter((w) => !NOT_DESCRIPTIVE.has(w)).map(stem);
}

/**
 * "the benchmark on setting up the sustainable development fund" → the indicator whose text it describes.
 * Scores distinct question words found in each indicator (rarer words weigh more; words in the opening of the
 * indicator's text — its subject — and in its comments add a little). Only a clear winner is returned.
 */
export function indicatorByDescription(q: string, report: StructuredReport): string | undefined {
  const asked = [...new Set(descriptiveWords(q))];
  if (asked.length < 2) return undefined;
  const docs = report.annexI.indicators.map((i) => {
    const text = descriptiveWords(i.text);
    return { id: i.id, text: new Set(text), opening: new Set(text.slice(0, 8)), comments: new Set(descriptiveWords(i.comments)) };
  });
  const n = docs.length;
  const weight = (w: string) => Math.log(1 + n / Math.max(1, docs.filter((d) => d.text.has(w) || d.comments.has(w)).length));
  const scored = docs
    .map((d) => {
      const hits = asked.filter((w) => d.text.has(w));
      let score = 0;
      for (const w of asked) {
        if (d.text.has(w)) score += weight(w) * (d.opening.has(w) ? 1.5 : 1);
        else if (d.comments.has(w)) score += weight(w) * 0.5;
      }
      return { id: d.id, hits: hits.length, score };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.hits < 2 || best.hits * 2 < asked.length) return undefined;
  if (second && best.score < second.score * 1.1) return undefined;
  return best.id;
}

/** Nouns a count over Annex I may be about: its indicators / benchmarks, or a pronoun for them. */
const INDICATOR_NOUN = /^(?:benchmarks?|indicators?|items?|ones?|them|those|these|they|targets?|measures?|entries|entry|rows?|lines?)$/;
/** Words that end the counted noun phrase: a verb, or a scope ("in area 4", "under objective 2.1"). */
const PHRASE_END = /(?:^|\s+)(?:are|is|were|was|have|has|had|do|does|did|can|remain|remains|in|under|for|within|of the benchmark|according|listed|marked|shown|per)\b|[?;:]|$/;

/**
 * "How many of the Commission's regional offices are open (per the benchmark table)?" counts offices, not
 * indicators: the count of indicators would answer another question. True when the counted noun phrase is
 * about indicators / benchmarks (or there is none: "how many are implemented?").
 */
export function countsIndicators(q: string): boolean {
  const m = /\b(?:how many|number of|count of)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(.*)$/.exec(q);
  if (!m) return true;
  const rest = m[1]!;
  const end = PHRASE_END.exec(rest);
  const phrase = rest.slice(0, end ? end.index : rest.length).trim();
  if (phrase === "") return true;
  const words = phrase.split(/[^a-z0-9.]+/).filter((w) => w !== "");
  if (words.some((w) => /^(?:benchmarks?|indicators?)$/.test(w))) return true;
  const head = words.at(-1)!;
  return INDICATOR_NOUN.test(head);
}

/** `q` is the folded question. Null when it is not an Annex I question. */
export function parseAnnexIQuestion(q: string, report: StructuredReport): AnnexIQuestion | null {
  const id = INDICATOR_ID.exec(q)?.[1];
  if (!ANNEX_I_WORDS.test(q) && !(id && /\bstatus\b/.test(q))) return null;
  const wantsList = /\b(?:which|list|what are|name|show)\b/.test(q);
  if (id) return { op: { operation: "indicatorLookup", id }, wantsList: false };
  const status = findStatus(q);
  const counting = /\bhow many\b|\bnumber of\b|\bcount\b|\bhow much\b/.test(q);
  // "Where does the benchmark on the sustainable development fund stand?": one indicator, named by description.
  if (!counting && /\b(?:benchmark|indicator)\b/.test(q)) {
    const described = indicatorByDescription(q, report);
    if (described) return { op: { operation: "indicatorLookup", id: described }, wantsList: false };
  }
  if (status === undefined && !counting) return null;
  if (counting && !countsIndicators(q)) return null;
  const scope = findScope(q, report);
  const alsoTotal = status !== undefined && (q.match(/\bhow many\b|\bnumber of\b/g) ?? []).length >= 2;
  return {
    op: { operation: "indicatorCount", ...(status ? { status } : {}), ...scope },
    wantsList: wantsList || (!counting && status !== undefined),
    ...(alsoTotal ? { alsoTotal } : {}),
  };
}
