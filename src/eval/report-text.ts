// Human-readable output: the summary table, the failures (question / expected / got), invalid lines.
import type { TurnResult } from "./grade.js";
import type { SuiteError } from "./load-suite.js";
import type { RetrievalMetrics, Summary } from "./metrics.js";
import type { CaseResult } from "./run-case.js";

export const ANSWER_PREVIEW_CHARS = 320;

const f3 = (v: number | null | undefined): string => (v === null || v === undefined ? "n/a" : v.toFixed(3));
const ms = (v: number | null): string => (v === null ? "n/a" : `${Math.round(v)} ms`);

export function truncate(text: string, max = ANSWER_PREVIEW_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}… (${flat.length} chars)`;
}

function describeExpected(t: TurnResult): string {
  const parts: string[] = [t.type === "refusal" ? "a refusal (answered:false, no citations)" : "an answer (answered:true)"];
  const e = t.expected;
  if (e.numbers.length) {
    const tol = e.abs_tol || e.rel_tol ? ` ±${e.abs_tol ? e.abs_tol : `${e.rel_tol * 100}%`}` : "";
    parts.push(`numbers ${e.numbers.join(", ")}${tol}`);
  }
  if (e.must_contain.length) parts.push(`contains ${e.must_contain.map((p) => JSON.stringify(p)).join(", ")}`);
  if (e.must_not_contain.length) parts.push(`not ${e.must_not_contain.map((p) => JSON.stringify(p)).join(", ")}`);
  if (t.expectedCitations.length) parts.push(`citations ${t.citationMatch === "all" ? "all of" : "one of"} ${t.expectedCitations.join(" | ")}`);
  return parts.join("; ");
}

function describeGot(t: TurnResult): string {
  if (t.error !== undefined) return `error: ${t.error}`;
  const cites = t.citations.length ? t.citations.join(", ") : "none";
  const evidence = t.evidence ? `; evidence top-5 ${t.evidence.slice(0, 5).join(", ") || "none"}` : "";
  return `answered=${t.answered}; citations ${cites}${evidence}\n      answer: ${JSON.stringify(truncate(t.answer ?? ""))}`;
}

export function formatFailure(r: CaseResult): string {
  const head = `FAIL ${r.id}${r.tags.length ? ` [${r.tags.join(", ")}]` : ""}${r.line !== undefined ? ` (line ${r.line})` : ""}`;
  const body = r.turns
    .filter((t) => !t.pass)
    .map((t) => {
      const label = t.index === 0 ? "Q" : `follow-up ${t.index}`;
      return [`  ${label}: ${t.question}`, `    expected: ${describeExpected(t)}`, `    got: ${describeGot(t)}`, `    why: ${t.failures.join("; ")}`].join("\n");
    });
  return [head, ...body].join("\n");
}

export function formatInvalid(errors: SuiteError[]): string {
  return errors.map((e) => `INVALID line ${e.line}${e.id ? ` (${e.id})` : ""}: ${e.reason}`).join("\n");
}

function row(label: string, ...cells: string[]): string {
  return `  ${label.padEnd(42)}${cells.map((c) => c.padStart(12)).join("")}`;
}

export function formatSummary(s: Summary, opts: { minPass: number; baseline?: RetrievalMetrics; target: string }): string {
  const lines: string[] = [];
  const verdict = s.passRate !== null && s.passRate >= opts.minPass ? "ok" : "BELOW THRESHOLD";
  lines.push(`Golden eval against ${opts.target}: ${s.cases} cases, ${s.turns} questions (incl. follow-ups), ${s.errors} request errors`);
  lines.push(`Pass rate ${f3(s.passRate)} (${s.passed}/${s.cases}); threshold --min-pass ${opts.minPass.toFixed(2)}: ${verdict}`);
  const t = s.trust;
  lines.push(
    `Trust: ${t.wrongToolNumbers} wrong tool number(s) (of ${t.toolComputed} judged), ${t.answeredWhereSilent} answer(s) where the report is silent, ${t.refusedWhereAnswerable} refusal(s) where it answers`,
  );
  lines.push("");
  lines.push(row("metric", "sitrep", ...(opts.baseline ? ["baseline"] : [])));
  const b = opts.baseline;
  lines.push(row(`retrieval hit@1 (n=${s.retrieval.n})`, f3(s.retrieval.hit1), ...(b ? [f3(b.hit1)] : [])));
  lines.push(row("retrieval hit@5", f3(s.retrieval.hit5), ...(b ? [f3(b.hit5)] : [])));
  lines.push(row("retrieval MRR", f3(s.retrieval.mrr), ...(b ? [f3(b.mrr)] : [])));
  lines.push(row(`citation precision (${s.citations.relevantReturned}/${s.citations.returned})`, f3(s.citations.precision)));
  lines.push(row(`citation recall (${s.citations.expectedFound}/${s.citations.expected})`, f3(s.citations.recall)));
  lines.push(row(`numeric exact match (${s.numericExact.ok}/${s.numericExact.n})`, f3(s.numericExact.rate)));
  lines.push(row(`refusal accuracy (${s.refusal.accuracy.ok}/${s.refusal.accuracy.n})`, f3(s.refusal.accuracy.rate)));
  lines.push(row(`  refused when unanswerable (${s.refusal.refusals.ok}/${s.refusal.refusals.n})`, f3(s.refusal.refusals.rate)));
  lines.push(row(`  answered when answerable (${s.refusal.answerable.ok}/${s.refusal.answerable.n})`, f3(s.refusal.answerable.rate)));
  lines.push(row("latency p50", ms(s.latencyMs.p50)));
  lines.push(row("latency p95", ms(s.latencyMs.p95)));
  if (s.retrieval.withoutEvidence > 0) lines.push(`  (${s.retrieval.withoutEvidence} scored questions returned no evidence; counted as misses)`);
  lines.push("");
  lines.push(`  ${"tag".padEnd(18)}${"cases".padStart(7)}${"passed".padStart(8)}${"rate".padStart(8)}`);
  for (const [tag, r] of Object.entries(s.perTag)) {
    lines.push(`  ${tag.padEnd(18)}${String(r.n).padStart(7)}${String(r.ok).padStart(8)}${f3(r.rate).padStart(8)}`);
  }
  return lines.join("\n");
}
