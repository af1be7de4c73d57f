// JUnit XML: one testcase per case (classname = first tag, name = id), metrics as testsuite properties,
// invalid suite lines as <error> testcases of class "invalid-line".
import type { SuiteError } from "./load-suite.js";
import type { Summary } from "./metrics.js";
import { formatFailure } from "./report-text.js";
import type { CaseResult } from "./run-case.js";

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/FFFF).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Attribute values also keep their line breaks and tabs (a parser would normalise them to spaces). */
function attr(text: string): string {
  return escapeXml(text).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

const secs = (msValue: number): string => (msValue / 1000).toFixed(3);

function metricProperties(s: Summary): [string, string][] {
  const v = (x: number | null): string => (x === null ? "n/a" : String(Number(x.toFixed(4))));
  return [
    ["pass_rate", v(s.passRate)],
    ["cases", String(s.cases)],
    ["questions", String(s.turns)],
    ["retrieval_hit_at_1", v(s.retrieval.hit1)],
    ["retrieval_hit_at_5", v(s.retrieval.hit5)],
    ["retrieval_mrr", v(s.retrieval.mrr)],
    ["citation_precision", v(s.citations.precision)],
    ["citation_recall", v(s.citations.recall)],
    ["numeric_exact_match", v(s.numericExact.rate)],
    ["refusal_accuracy", v(s.refusal.accuracy.rate)],
    ["trust_wrong_tool_numbers", String(s.trust.wrongToolNumbers)],
    ["trust_answered_where_silent", String(s.trust.answeredWhereSilent)],
    ["trust_refused_where_answerable", String(s.trust.refusedWhereAnswerable)],
    ["latency_p50_ms", v(s.latencyMs.p50)],
    ["latency_p95_ms", v(s.latencyMs.p95)],
  ];
}

export interface JUnitInput {
  suiteName: string;
  results: CaseResult[];
  summary: Summary;
  invalid: SuiteError[];
  /** Extra properties, e.g. the baseline's metrics or the threshold. */
  properties?: [string, string][];
}

export function toJUnit(input: JUnitInput): string {
  const { results, summary, invalid } = input;
  const isError = (r: CaseResult) => r.turns.some((t) => t.error !== undefined);
  const failures = results.filter((r) => !r.pass && !isError(r)).length;
  const errors = results.filter(isError).length + invalid.length;
  const tests = results.length + invalid.length;
  const time = secs(results.reduce((s, r) => s + r.latencyMs, 0));
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${attr(input.suiteName)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${time}">`);
  out.push(`  <testsuite name="${attr(input.suiteName)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="${time}">`);
  out.push("    <properties>");
  for (const [name, value] of [...metricProperties(summary), ...(input.properties ?? [])]) {
    out.push(`      <property name="${attr(name)}" value="${attr(value)}"/>`);
  }
  out.push("    </properties>");
  for (const r of results) {
    const open = `    <testcase classname="${attr(r.tags[0] ?? "untagged")}" name="${attr(r.id)}" time="${secs(r.latencyMs)}"`;
    if (r.pass) {
      out.push(`${open}/>`);
      continue;
    }
    const tag = isError(r) ? "error" : "failure";
    out.push(`${open}>`);
    out.push(`      <${tag} message="${attr(r.failures.join("; "))}" type="${tag === "error" ? "RequestError" : "AssertionError"}">${escapeXml(formatFailure(r))}</${tag}>`);
    out.push("    </testcase>");
  }
  for (const e of invalid) {
    out.push(`    <testcase classname="invalid-line" name="${attr(`line ${e.line}${e.id ? ` (${e.id})` : ""}`)}" time="0">`);
    out.push(`      <error message="${attr(e.reason)}" type="InvalidCase">${escapeXml(e.reason)}</error>`);
    out.push("    </testcase>");
  }
  out.push("  </testsuite>");
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}
