// The answering pipeline: resolve follow-ups, route (direct reference, numeric tool, retrieval),
// compose, check support. It takes the conversation's history and returns the turn; it stores nothing.
import type { Paragraph, StructuredReport } from "../report/schema.js";
import type { AnswerPipeline, AnswerTurn, Evidence, PriorTurn, ToolTrace } from "./contract.js";
import { answerAnnexOverview, answerParagraphReference } from "./direct.js";
import { resolveFollowUp } from "./followup.js";
import type { ComposedAnswer } from "./numeric/types.js";
import { findDirectReference } from "./references.js";
import { refusal } from "./refusal.js";
import type { SentenceIndex } from "./sentence-index.js";
import { answerFromPassages } from "./passage-route.js";
import { refuseBeforeRetrieval, supportContext } from "./support.js";
import { followUpSubject } from "./question-terms.js";

export interface RetrievedChunk {
  ref: string;
  score: number;
  paragraph?: number;
}

export interface PassageRetriever {
  search(query: string, options?: { k?: number }): Promise<RetrievedChunk[]>;
}

export interface NumericAnswerers {
  answerNumericQuestion(
    question: string,
    report: StructuredReport,
    context?: { previous?: ToolTrace; previousQuestion?: string },
  ): ComposedAnswer | null;
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
  composer?: Composer;
}

const RETRIEVE_K = 8;

export function createAnswerPipeline(deps: AskerDeps): AnswerPipeline {
  const { report, sentences, retriever, numeric } = deps;
  const support = supportContext(report);
  const byNumber = new Map(report.paragraphs.map((p) => [p.number, p]));
  const passageDeps = { report, sentences, numeric, support, byNumber, composer: deps.composer };

  async function route(question: string, resolved: string, previous: PriorTurn | undefined, debug: boolean) {
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
    const tableAnswer = numeric.answerNumericQuestion(question, report, {
      previous: previous?.response.tool,
      previousQuestion: previous?.resolvedQuestion,
    });
    if (tableAnswer) return routed(tableAnswer, tableAnswer.citations.map((c) => ("annex" in c ? `Annex ${c.annex}` : c.ref)));
    if (reference?.kind === "annex") return routed(answerAnnexOverview(reference.annex, report), [`Annex ${reference.annex}`]);

    const subject = followUpSubject(question, resolved, sentences);
    const early = refuseBeforeRetrieval(question, subject, support);
    if (early) return routed(refusal(question, early, report.symbol), []);

    const hits = await retrieve();
    return { answer: await answerFromPassages({ question, resolved, subject, hits }, passageDeps), evidence };
  }

  return {
    async answer({ question, history, debug, signal }): Promise<AnswerTurn> {
      signal?.throwIfAborted();
      const previous = history.at(-1);
      const { resolved } = resolveFollowUp(question, previous);
      const { answer, evidence } = await route(question, resolved, previous, debug ?? false);
      signal?.throwIfAborted();
      return {
        answer: answer.answer,
        answered: answer.answered,
        citations: answer.citations,
        ...(answer.tool ? { tool: answer.tool } : {}),
        ...(debug ? { evidence } : {}),
        resolvedQuestion: resolved,
        route: !answer.answered ? "refusal" : answer.tool ? "tool" : "retrieval",
      };
    },
  };
}
