// Summary metrics over case results. Pass rate is per case (a case passes when all its turns pass);
// the other metrics are per turn, so follow-ups count as questions of their own.
import type { CaseResult } from "./run-case.js";

export interface Rate {
  n: number;
  ok: number;
  /** ok / n; null when n is 0. */
  rate: number | null;
}

export interface RetrievalMetrics {
  /** Turns scored (answerable turns with expected citations). */
  n: number;
  hit1: number | null;
  hit5: number | null;
  mrr: number | null;
}

export interface Summary {
  cases: number;
  passed: number;
  passRate: number | null;
  perTag: Record<string, Rate>;
  turns: number;
  /** Turns whose request failed (transport error, non-2xx, or a reply breaking the contract). */
  errors: number;
  citations: { precision: number | null; recall: number | null; returned: number; relevantReturned: number; expected: number; expectedFound: number };
  retrieval: RetrievalMetrics & { withoutEvidence: number };
  numericExact: Rate;
  refusal: { accuracy: Rate; refusals: Rate; answerable: Rate };
  /** The three counts that say whether users can trust the answers, per turn. */
  trust: { wrongToolNumbers: number; answeredWhereSilent: number; refusedWhereAnswerable: number; toolComputed: number };
  latencyMs: { n: number; p50: number | null; p95: number | null };
}

const ratio = (ok: number, n: number): number | null => (n === 0 ? null : ok / n);
const rate = (ok: number, n: number): Rate => ({ n, ok, rate: ratio(ok, n) });

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? null;
}

/** hit@1, hit@5 and MRR from 1-based ranks of the first relevant item (null = never retrieved). */
export function retrievalMetrics(ranks: (number | null)[]): RetrievalMetrics {
  const n = ranks.length;
  const hits = (k: number) => ranks.filter((r) => r !== null && r <= k).length;
  const rr = ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0);
  return { n, hit1: ratio(hits(1), n), hit5: ratio(hits(5), n), mrr: n === 0 ? null : rr / n };
}

export function summarize(results: CaseResult[]): Summary {
  const turns = results.flatMap((r) => r.turns);
  const perTag: Record<string, Rate> = {};
  for (const r of results) {
    for (const tag of r.tags) {
      const t = (perTag[tag] ??= rate(0, 0));
      t.n += 1;
      t.ok += r.pass ? 1 : 0;
      t.rate = ratio(t.ok, t.n);
    }
  }
  const c = turns.reduce(
    (a, t) => ({
      returned: a.returned + t.citationCounts.returned,
      relevantReturned: a.relevantReturned + t.citationCounts.relevantReturned,
      expected: a.expected + t.citationCounts.expected,
      expectedFound: a.expectedFound + t.citationCounts.expectedFound,
    }),
    { returned: 0, relevantReturned: 0, expected: 0, expectedFound: 0 },
  );
  const scored = turns.filter((t) => t.evidenceRank !== undefined);
  const numeric = turns.filter((t) => t.type === "numeric");
  const refusals = turns.filter((t) => t.type === "refusal");
  const answerable = turns.filter((t) => t.type !== "refusal");
  const latencies = turns.flatMap((t) => (t.error === undefined && t.latencyMs !== undefined ? [t.latencyMs] : []));
  const passed = results.filter((r) => r.pass).length;
  return {
    cases: results.length,
    passed,
    passRate: ratio(passed, results.length),
    perTag: Object.fromEntries(Object.entries(perTag).sort(([a], [b]) => a.localeCompare(b))),
    turns: turns.length,
    errors: turns.filter((t) => t.error !== undefined).length,
    citations: { ...c, precision: ratio(c.relevantReturned, c.returned), recall: ratio(c.expectedFound, c.expected) },
    retrieval: {
      ...retrievalMetrics(scored.map((t) => t.evidenceRank ?? null)),
      withoutEvidence: scored.filter((t) => t.evidence === undefined).length,
    },
    numericExact: rate(numeric.filter((t) => t.numbersOk === true).length, numeric.length),
    refusal: {
      accuracy: rate(turns.filter((t) => t.refusalOk).length, turns.length),
      refusals: rate(refusals.filter((t) => t.refusalOk).length, refusals.length),
      answerable: rate(answerable.filter((t) => t.refusalOk).length, answerable.length),
    },
    trust: {
      wrongToolNumbers: turns.filter((t) => t.toolWrong === true).length,
      toolComputed: turns.filter((t) => t.toolWrong !== undefined).length,
      answeredWhereSilent: refusals.filter((t) => t.error === undefined && t.answered === true).length,
      refusedWhereAnswerable: answerable.filter((t) => t.error === undefined && t.answered === false).length,
    },
    latencyMs: { n: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}
