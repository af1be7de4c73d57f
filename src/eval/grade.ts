// Grades one turn (a question and what came back) against its expectations.
import type { AskResponse } from "../answer/contract.js";
import { toolCalls } from "../answer/tool-calls.js";
import type { AskOutcome } from "./client.js";
import type { Turn } from "./golden-schema.js";
import { extractNumbers, findNumber, missingNumbers } from "./numbers.js";
import { citationLabel, citationMatchesRef, fold, parseRef, refsMatch } from "./refs.js";

export interface CitationCounts {
  /** Returned citations that match some expected ref. */
  relevantReturned: number;
  returned: number;
  /** Expected refs found among the returned citations. */
  expectedFound: number;
  expected: number;
}

export interface TurnResult {
  index: number;
  question: string;
  type: Turn["type"];
  expected: Turn["expected"];
  expectedCitations: string[];
  citationMatch: Turn["citationMatch"];
  pass: boolean;
  failures: string[];
  error?: string;
  answered?: boolean;
  answer?: string;
  citations: string[];
  evidence?: string[];
  conversationId?: string;
  latencyMs?: number;
  /** Numeric turns: every expected number was found (within tolerance). */
  numbersOk?: boolean;
  /** Answerability judged right: refused when it should, answered when it should. */
  refusalOk: boolean;
  citationCounts: CitationCounts;
  /** 1-based rank of the first evidence ref hitting an expected citation; null = no hit; undefined = not scored. */
  evidenceRank?: number | null;
  /** The numeric tool computed a number that is not the expected one (or computed where the report is silent). */
  toolWrong?: boolean;
}

/** A must_contain phrase that is just a figure ("1,434", "82 per cent") is matched as a number. */
function containsPhrase(answer: string, phrase: string): boolean {
  const mentions = extractNumbers(phrase);
  const only = mentions.length === 1 ? mentions[0] : undefined;
  if (only && fold(only.raw) === fold(phrase) && only.values[0] !== undefined) {
    return findNumber(only.values[0], answer) !== undefined;
  }
  return fold(answer).includes(fold(phrase));
}

export function rankOfFirstHit(evidenceRefs: string[], targets: string[]): number | null {
  const keys = targets.map(parseRef);
  const i = evidenceRefs.findIndex((ref) => {
    const k = parseRef(ref);
    return keys.some((t) => refsMatch(k, t));
  });
  return i < 0 ? null : i + 1;
}

function citationCounts(response: AskResponse, expected: string[]): CitationCounts {
  const keys = expected.map(parseRef);
  return {
    returned: response.citations.length,
    relevantReturned: response.citations.filter((c) => keys.some((k) => citationMatchesRef(c, k))).length,
    expected: keys.length,
    expectedFound: keys.filter((k) => response.citations.some((c) => citationMatchesRef(c, k))).length,
  };
}

function base(turn: Turn) {
  return {
    index: turn.index,
    question: turn.question,
    type: turn.type,
    expected: turn.expected,
    expectedCitations: turn.citations,
    citationMatch: turn.citationMatch,
  };
}

export function failedTurn(turn: Turn, error: string, latencyMs?: number): TurnResult {
  return {
    ...base(turn),
    pass: false,
    failures: [error],
    error,
    citations: [],
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(turn.type === "numeric" ? { numbersOk: false } : {}),
    refusalOk: false,
    citationCounts: { relevantReturned: 0, returned: 0, expectedFound: 0, expected: turn.citations.length },
    ...(turn.type !== "refusal" ? { evidenceRank: null } : {}),
  };
}

export function gradeTurn(turn: Turn, outcome: AskOutcome): TurnResult {
  if (!outcome.ok) return failedTurn(turn, outcome.error, outcome.latencyMs);
  const r = outcome.response;
  const failures: string[] = [];
  const refusal = turn.type === "refusal";
  const { expected } = turn;

  const refusalOk = r.answered === !refusal;
  if (!refusalOk) failures.push(refusal ? "expected a refusal (answered:false) but it answered" : "expected an answer but it refused (answered:false)");

  let numbersOk: boolean | undefined;
  if (!refusal && expected.numbers.length > 0) {
    const missing = missingNumbers(expected.numbers, r.answer, expected);
    numbersOk = missing.length === 0;
    if (!numbersOk) {
      const tol = expected.abs_tol || expected.rel_tol ? ` (abs_tol ${expected.abs_tol}, rel_tol ${expected.rel_tol})` : "";
      failures.push(`missing number(s) ${missing.join(", ")}${tol}`);
    }
  } else if (turn.type === "numeric") {
    numbersOk = refusalOk;
  }
  const absent = expected.must_contain.filter((p) => !containsPhrase(r.answer, p));
  if (absent.length) failures.push(`missing phrase(s) ${absent.map((p) => JSON.stringify(p)).join(", ")}`);
  const forbidden = expected.must_not_contain.filter((p) => fold(r.answer).includes(fold(p)));
  if (forbidden.length) failures.push(`contains forbidden phrase(s) ${forbidden.map((p) => JSON.stringify(p)).join(", ")}`);

  const counts = citationCounts(r, turn.citations);
  if (refusal) {
    if (r.citations.length > 0) failures.push(`a refusal should carry no citations, got ${r.citations.length}`);
  } else {
    const need = turn.citationMatch === "all" ? counts.expected : Math.min(1, counts.expected);
    if (counts.expectedFound < need) {
      failures.push(`citations: expected ${turn.citationMatch === "all" ? "all of" : "one of"} ${turn.citations.join(" | ")}`);
    }
  }

  const evidence = r.evidence?.map((e) => e.ref);
  const toolWrong = toolNumberWrong(turn, r);
  return {
    ...(toolWrong !== undefined ? { toolWrong } : {}),
    ...base(turn),
    pass: failures.length === 0,
    failures,
    answered: r.answered,
    answer: r.answer,
    citations: r.citations.map(citationLabel),
    ...(evidence ? { evidence } : {}),
    conversationId: r.conversationId,
    latencyMs: outcome.latencyMs,
    ...(numbersOk !== undefined ? { numbersOk } : {}),
    refusalOk,
    citationCounts: counts,
    ...(!refusal ? { evidenceRank: evidence ? rankOfFirstHit(evidence, turn.citations) : null } : {}),
  };
}

/**
 * Whether the number the tool computed is wrong: any computed number on a turn the report cannot
 * answer, or one matching none of the expected numbers. Undefined when nothing was computed, or when
 * the turn expects no numbers to judge it by.
 */
export function toolNumberWrong(turn: Turn, r: Pick<AskResponse, "tool" | "tools" | "answered" | "answer">): boolean | undefined {
  if (!r.tool || !r.answered) return undefined;
  if (turn.type === "refusal") return true;
  if (turn.expected.numbers.length === 0) return undefined;
  // Right when the answer has what was asked, or the computed result is one of the expected numbers.
  if (missingNumbers(turn.expected.numbers, r.answer, turn.expected).length === 0) return false;
  const results = toolCalls(r).map((t) => String(t.result)).join("; ");
  return missingNumbers(turn.expected.numbers, results, turn.expected).length === turn.expected.numbers.length;
}
