// Sentence-level rerank feature: how much of the query's (idf-weighted) terms the best passage window covers.
import type { WeightedTerm } from "../glossary/expand.js";
import { splitSentences } from "../report/sentences.js";
import { terms as termsOf } from "../report/terms.js";


// Units are fixed once the index is loaded, so each unit's sentence windows are built once, not per query.
const windowsCache = new Map<string, Set<string>[]>();
function windowsOf(text: string, window: number): Set<string>[] {
  const key = `${window}\u0000${text}`;
  let windows = windowsCache.get(key);
  if (!windows) {
    const sentenceTerms = splitSentences(text).map((s) => new Set(termsOf(s)));
    windows = [];
    for (let i = 0; i < Math.max(1, sentenceTerms.length - window + 1); i++) {
      const present = new Set<string>();
      for (const set of sentenceTerms.slice(i, i + window)) for (const t of set) present.add(t);
      windows.push(present);
    }
    windowsCache.set(key, windows);
  }
  return windows;
}

/**
 * Best coverage in [0, 1] over windows of `window` consecutive sentences:
 * sum of weight*idf of query terms present / sum over all query terms.
 */
export function sentenceCoverage(text: string, terms: WeightedTerm[], idf: (term: string) => number, window = 2): number {
  const weighted = terms.map((t) => ({ term: t.term, w: t.weight * idf(t.term) }));
  const total = weighted.reduce((n, t) => n + t.w, 0);
  if (total <= 0) return 0;
  let best = 0;
  for (const present of windowsOf(text, window)) {
    const covered = weighted.reduce((n, t) => n + (present.has(t.term) ? t.w : 0), 0);
    best = Math.max(best, covered / total);
  }
  return best;
}
