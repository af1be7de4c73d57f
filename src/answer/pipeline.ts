// The answering pipeline: resolve follow-ups, route (direct reference, numeric tool, retrieval),
// compose, check support, store the turn. Every front end goes through this one function.
import type { Paragraph, StructuredReport } from "../report/schema.js";
import type { SitrepStore } from "../stores/types.js";
import type { AskRequest, AskResponse, Asker, Evidence, ToolTrace } from "./contract.js";
import { answerAnnexOverview, answerParagraphReference } from "./direct.js";
import { composeExtractive, scoreSentences, type RankedParagraph } from "./extractive.js";
import { resolveFollowUp } from "./followup.js";
import type { ComposedAnswer } from "./numeric/types.js";
import { questionKind, HAS_NUMBER } from "./question-kind.js";
import { findDirectReference } from "./references.js";
import { refusal } from "./refusal.js";
import type { SentenceIndex } from "./sentence-index.js";
import { referenceYear, reportYears, unknownSubjectWords, yearsAfterReport } from "./support.js";
import { subjectWords } from "./question-terms.js";

export interface RetrievedChunk {
  ref: string;
  score: number;
  paragraph?: number;
}

export interface PassageRetriever {
  search(query: string, options?: { k?: number }): Promise<RetrievedChunk[]>;
}

export interface NumericAnswerers {
  answerNumericQuestion(question: string, report: StructuredReport, context?: { previous?: ToolTrace }): ComposedAnswer | null;
  answerParagraphArithmetic(question: string, paragraphs: Paragraph[]): ComposedAnswer | null;
}

/** Optional second composer (an LLM). It gets the extractive answer as its fallback. */
export interface Composer {
  compose(input: { question: string; paragraphs: Paragraph[]; extractive: ComposedAnswer }): Promise<ComposedAnswer>;
}

export interface AskerDeps {
  report: StructuredReport;
  sentences: SentenceIndex;
  retriever: PassageRetriever;
  numeric: NumericAnswerers;
  store: SitrepStore;
  composer?: Composer;
  newId?: () => string;
}

/** Below this share of the question's subject weight, the best paragraph does not answer it. */
const MIN_COVERAGE = 0.34;
const RETRIEVE_K = 8;
/** A question about a year after the report needs a sentence that really is about it. */
const MIN_LATER_YEAR_COVERAGE = 0.6;

export function createAsker(deps: AskerDeps): Asker {
  const { report, sentences, retriever, numeric, store } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const years = reportYears(report);
  const reportYear = referenceYear(report);
  const byNumber = new Map(report.paragraphs.map((p) => [p.number, p]));

  async function route(question: string, resolved: string, previousTool: ToolTrace | undefined, debug: boolean) {
    const evidence: Evidence[] = [];
    const retrieve = async () => {
      const hits = await retriever.search(resolved, { k: RETRIEVE_K });
      for (const hit of hits) if (!evidence.some((e) => e.ref === hit.ref)) evidence.push({ ref: hit.ref, score: hit.score });
      return hits;
    };
    const routed = async (answer: ComposedAnswer, refs: string[]) => {
      evidence.push(...refs.map((ref) => ({ ref, score: 1 })));
      if (debug) await retrieve();
      return { answer, evidence };
    };

    const reference = findDirectReference(question);
    if (reference?.kind === "paragraph") {
      return routed(answerParagraphReference(question, reference, byNumber, sentences, report), [`para. ${reference.paragraph}`]);
    }
    const tableAnswer = numeric.answerNumericQuestion(question, report, { previous: previousTool });
    if (tableAnswer) return routed(tableAnswer, tableAnswer.citations.map((c) => ("annex" in c ? `Annex ${c.annex}` : c.ref)));
    if (reference?.kind === "annex") return routed(answerAnnexOverview(reference.annex, report), [`Annex ${reference.annex}`]);

    const later = yearsAfterReport(question, reportYear);
    const neverMentioned = later.filter((y) => !years.has(y));
    if (neverMentioned.length) {
      return routed(refusal(question, `It reports on events up to ${report.annexII.asAt} and says nothing about ${neverMentioned.join(" or ")}.`), []);
    }
    const unknown = unknownSubjectWords(question, sentences);
    if (unknown.length) {
      return routed(refusal(question, `It does not mention ${unknown.map((w) => `“${w}”`).join(" or ")}.`), []);
    }

    const hits = await retrieve();
    const ranked: RankedParagraph[] = [];
    for (const hit of hits) {
      if (hit.paragraph !== undefined && !ranked.some((r) => r.paragraph === hit.paragraph)) {
        ranked.push({ paragraph: hit.paragraph, rank: ranked.length });
      }
    }
    const topParagraphs = ranked.map((r) => byNumber.get(r.paragraph)).filter((p): p is Paragraph => p !== undefined);
    const arithmetic = numeric.answerParagraphArithmetic(question, topParagraphs.slice(0, 4));
    if (arithmetic) return { answer: arithmetic, evidence };

    const subject = subjectWords(resolved, sentences);
    const scored = scoreSentences(resolved, subject, ranked, sentences);
    const best = scored[0];
    if (!best || best.paragraphCoverage < MIN_COVERAGE) {
      return { answer: refusal(question, "None of its paragraphs addresses this."), evidence };
    }
    const missingYear = later.find((y) => !best.sentence.text.includes(String(y)));
    if (missingYear || (later.length && best.coverage < MIN_LATER_YEAR_COVERAGE)) {
      return { answer: refusal(question, `It reports on events up to ${report.annexII.asAt}; what it says about ${later.join(" and ")} does not cover this.`), evidence };
    }
    if (questionKind(question).quantity && !HAS_NUMBER.test(best.sentence.text)) {
      return { answer: refusal(question, "It gives no figure for this."), evidence };
    }
    const extractive = composeExtractive(scored, subject);
    if (!deps.composer || !extractive.answered) return { answer: extractive, evidence };
    const cited = new Set(extractive.citations.map((c) => ("paragraph" in c ? c.paragraph : -1)));
    const paragraphs = topParagraphs.filter((p, i) => i < 4 || cited.has(p.number));
    return { answer: await deps.composer.compose({ question: resolved, paragraphs, extractive }), evidence };
  }

  return {
    async ask(request: AskRequest): Promise<AskResponse> {
      const conversationId = request.conversationId ?? newId();
      const previous = store.turns(conversationId).at(-1);
      const { resolved, followsUp } = resolveFollowUp(request.question, previous);
      const { answer, evidence } = await route(request.question, resolved, followsUp?.response.tool ?? previous?.response.tool, request.debug ?? false);
      const response: AskResponse = {
        answer: answer.answer,
        answered: answer.answered,
        citations: answer.citations,
        conversationId,
        answerId: newId(),
        ...(answer.tool ? { tool: answer.tool } : {}),
        ...(request.debug ? { evidence } : {}),
      };
      store.appendTurn(conversationId, {
        question: request.question,
        resolvedQuestion: resolved,
        response,
        createdAt: new Date().toISOString(),
      });
      return response;
    },
  };
}
