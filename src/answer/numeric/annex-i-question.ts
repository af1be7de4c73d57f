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
}

/** `q` is the folded question. Null when it is not an Annex I question. */
export function parseAnnexIQuestion(q: string, report: StructuredReport): AnnexIQuestion | null {
  const id = INDICATOR_ID.exec(q)?.[1];
  if (!ANNEX_I_WORDS.test(q) && !(id && /\bstatus\b/.test(q))) return null;
  const wantsList = /\b(?:which|list|what are|name|show)\b/.test(q);
  if (id) return { op: { operation: "indicatorLookup", id }, wantsList: false };
  const status = findStatus(q);
  const counting = /\bhow many\b|\bnumber of\b|\bcount\b|\bhow much\b/.test(q);
  if (status === undefined && !counting) return null;
  const scope = findScope(q, report);
  return {
    op: { operation: "indicatorCount", ...(status ? { status } : {}), ...scope },
    wantsList: wantsList || (!counting && status !== undefined),
  };
}
