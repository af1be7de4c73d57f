// The embedded (no-LLM) table answerer: question → operation → exact result → plain-English answer.
import type { StructuredReport } from "../../report/schema.js";
import { NumericToolError } from "../../tools/errors.js";
import type { NumericOperation } from "../../tools/numeric-input.js";
import { NUMERIC_TOOL_NAME } from "../../tools/numeric-tool.js";
import { runOperation } from "../../tools/run-operation.js";
import type { NumericResult } from "../../tools/types.js";
import type { Citation, ToolTrace } from "../contract.js";
import { writeAnnexIAnswer, writeAnnexITotalAndStatus } from "./annex-i-answer.js";
import { parseAnnexIQuestion } from "./annex-i-question.js";
import { writeAnnexIIAnswer } from "./annex-ii-answer.js";
import { isNotStrengthQuestion, parseAnnexIIQuestion, readSlots } from "./annex-ii-question.js";
import {
  applyAnnexIChanges,
  applyAnnexIIChanges,
  asksWhichOnes,
  changesFrom,
  inheritSelection,
  looksLikeFollowUp,
  previousCountries,
  previousOperation,
  previousSelection,
  refersBack,
} from "./follow-up.js";
import { POLICE_NOTE } from "./phrases.js";
import type { ComposedAnswer } from "./types.js";
import { expandAbbreviations } from "./abbreviations.js";
import { isYesNoQuestion, parseYesNoAnnexII, writeYesNoAnswer } from "./annex-ii-yes-no.js";

export function toolTrace(op: NumericOperation, r: NumericResult, name = NUMERIC_TOOL_NAME): ToolTrace {
  return {
    name,
    input: { ...op },
    result: r.value,
    unit: r.unit,
    formula: r.rounding ? `${r.formula} (${r.rounding})` : r.formula,
    operands: r.operands.map((o) => ({ ...o })),
    warnings: [...r.warnings],
  };
}

function isAnnexI(op: NumericOperation): boolean {
  return op.operation === "indicatorCount" || op.operation === "indicatorLookup";
}

function notListed(country: string, report: StructuredReport): ComposedAnswer {
  const when = report.annexII.asAt ? ` as at ${report.annexII.asAt}` : "";
  return {
    answer: `${country} is not listed in Annex II, which gives the military and police strength of the Mission by contributing country${when}; the report gives no figure for ${country}.`,
    answered: false,
    citations: [],
  };
}

function run(op: NumericOperation, report: StructuredReport): NumericResult | null {
  try {
    return runOperation(report, op);
  } catch (error) {
    if (error instanceof NumericToolError) return null;
    throw error;
  }
}

function compose(
  op: NumericOperation,
  report: StructuredReport,
  options: { policeAmbiguous?: boolean; wantsList?: boolean; alsoTotal?: boolean },
): ComposedAnswer | null {
  const result = run(op, report);
  if (!result) return null;
  const annexI = isAnnexI(op);
  const total = options.alsoTotal && op.operation === "indicatorCount" ? run({ operation: "indicatorCount", ...(op.area ? { area: op.area } : {}), ...(op.objective ? { objective: op.objective } : {}) }, report) : null;
  const text = total
    ? writeAnnexITotalAndStatus(op, total, result, report)
    : annexI
      ? writeAnnexIAnswer(op, result, report, options.wantsList ?? false)
      : writeAnnexIIAnswer(op, result, report);
  const extra = [
    ...(options.policeAmbiguous ? [POLICE_NOTE] : []),
    ...result.warnings.map((w) => `Note: ${w}`),
  ];
  const citation: Citation = annexI
    ? { ref: "Annex I", annex: "I", rows: result.rows ?? [] }
    : { ref: "Annex II", annex: "II", rows: result.rows ?? [] };
  return {
    answer: [text, ...extra].join(" "),
    answered: true,
    citations: [citation],
    tool: toolTrace(op, result),
  };
}

function answerFollowUp(question: string, report: StructuredReport, previous: NumericOperation): ComposedAnswer | null {
  if (isAnnexI(previous)) {
    const q = question.toLowerCase();
    const op = applyAnnexIChanges(previous, q, report);
    if (op) return compose(op, report, { wantsList: /\bwhich\b|\blist\b/.test(q) });
    if (previous.operation !== "indicatorCount" || !asksWhichOnes(q)) return null;
    // "Which one is it?": name what the previous count found — the indicator itself when there is one.
    const rows = run(previous, report)?.rows ?? [];
    if (rows.length === 1) return compose({ operation: "indicatorLookup", id: rows[0]! }, report, {});
    return rows.length > 0 ? compose(previous, report, { wantsList: true }) : null;
  }
  const slots = readSlots(question, report);
  if (isNotStrengthQuestion(slots.q)) return null;
  const unlisted = slots.countries.find((c) => !c.listed);
  if (unlisted) return notListed(unlisted.name, report);
  const op = applyAnnexIIChanges(previous, changesFrom(slots));
  return op ? compose(op, report, { policeAmbiguous: slots.components.some((c) => c.ambiguousPolice) }) : null;
}

/**
 * The operation the previous question asked for, re-parsed from its text: used when the previous turn left
 * no tool trace (it was refused, e.g. "How many troops does Brazil send?" — Brazil is not listed).
 */
function operationOfQuestion(previousQuestion: string | undefined, report: StructuredReport): NumericOperation | null {
  if (!previousQuestion) return null;
  const question = expandAbbreviations(previousQuestion);
  const q = fold(question);
  const annexI = parseAnnexIQuestion(q, report);
  if (annexI) return annexI.op;
  const annexII = parseAnnexIIQuestion(question, report, { keepUnlisted: true });
  return annexII?.kind === "operation" ? annexII.question.op : null;
}

function fold(question: string): string {
  return question.normalize("NFC").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Pronouns that stand for one country: "it", "its", "that country", "the same country". */
const COUNTRY_PRONOUN = /\b(?:(?:that|this|the same|the said) country(?:['’]s)?|its|it)\b/i;

/**
 * Puts the previous question's country in place of a pronoun for it ("Does it also send police?" → "Does
 * Germany also send police?"), when the question names no country and the previous operation was about one.
 */
export function namePreviousCountry(question: string, report: StructuredReport, previous: NumericOperation | null): string {
  if (!previous || isAnnexI(previous)) return question;
  const countries = previousCountries(previous);
  if (countries.length !== 1 || !COUNTRY_PRONOUN.test(question)) return question;
  if (readSlots(question, report).countries.length > 0) return question;
  const name = countries[0]!;
  return question.replace(COUNTRY_PRONOUN, (m) => (/s$|['’]s$/i.test(m) ? `${name}’s` : name));
}

/** "Does Germany send police?" answered by a cell: say yes or no before the figure. */
function withVerdict(answer: ComposedAnswer): ComposedAnswer {
  const value = typeof answer.tool?.result === "number" ? answer.tool.result : undefined;
  if (value === undefined) return answer;
  return { ...answer, answer: `${value > 0 ? "Yes" : "No"} — ${answer.answer}` };
}

function composeYesNo(parse: Extract<NonNullable<ReturnType<typeof parseYesNoAnnexII>>, { kind: "answer" }>, report: StructuredReport): ComposedAnswer | null {
  const result = run(parse.op, report);
  if (!result) return null;
  return {
    answer: writeYesNoAnswer(parse, report),
    answered: true,
    citations: [{ ref: "Annex II", annex: "II", rows: result.rows ?? [] }],
    tool: toolTrace(parse.op, result),
  };
}

export interface NumericContext {
  /** The last turn's tool trace, when the tool answered it. */
  previous?: ToolTrace;
  /** The last turn's question: re-parsed when there is no trace (the last turn was refused). */
  previousQuestion?: string;
}

/**
 * Answers a question about Annex I or Annex II exactly, or returns null when it is not a table question.
 * `context.previous` (the last turn's tool trace) lets "What about Ghana?" re-run the last operation;
 * without a trace, `context.previousQuestion` is re-parsed for the operation instead.
 */
export function answerNumericQuestion(question: string, report: StructuredReport, context?: NumericContext): ComposedAnswer | null {
  question = expandAbbreviations(question);
  const q = fold(question);
  const annexI = parseAnnexIQuestion(q, report);
  if (annexI) return compose(annexI.op, report, { wantsList: annexI.wantsList, alsoTotal: annexI.alsoTotal ?? false });
  const previous = previousOperation(context?.previous, NUMERIC_TOOL_NAME) ?? operationOfQuestion(context?.previousQuestion, report);
  // "Does it also send police?" after a question about Germany: "it" is Germany.
  // Only when the question then reads as a strength question ("And when was it signed?" stays as asked).
  const named = namePreviousCountry(question, report, previous);
  if (named !== question && (parseYesNoAnnexII(named, report) || parseAnnexIIQuestion(named, report))) question = named;
  const yesNo = parseYesNoAnnexII(question, report);
  if (yesNo?.kind === "notListed") return notListed(yesNo.country, report);
  if (yesNo) return composeYesNo(yesNo, report);
  const annexII = parseAnnexIIQuestion(question, report);
  if (annexII?.kind === "notListed") return notListed(annexII.country, report);
  if (annexII?.kind === "operation") {
    // "How many police do they send?" after a question about Germany: the previous countries still apply.
    const namesCountries = readSlots(question, report).countries.length > 0;
    const isFollowUp =
      previous &&
      (/^\s*(?:and|what about|how about|same for)\b/i.test(question) ||
        (refersBack(question) && !namesCountries && previousCountries(previous).length > 0));
    if (!isFollowUp) {
      const parsed = annexII.question;
      // "Which one contributes the largest?" after a question about formed police units: same component.
      const inherited = previous && !isAnnexI(previous) && !parsed.componentGiven && looksLikeFollowUp(question) ? previousSelection(previous) : null;
      const op = inherited ? inheritSelection(parsed.op, inherited, { component: false, sex: parsed.sexGiven }) : parsed.op;
      const answer = compose(op, report, { policeAmbiguous: parsed.policeAmbiguous });
      return answer && op.operation === "cell" && isYesNoQuestion(question) && !/\d/.test(question) ? withVerdict(answer) : answer;
    }
  }
  if (previous && looksLikeFollowUp(question)) return answerFollowUp(question, report, previous);
  return null;
}
