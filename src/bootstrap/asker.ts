// The asker both runtimes build: the answering pipeline (the report's sentence index, the retriever, the
// numeric tool) behind the conversation store.
import { answerNumericQuestion, answerParagraphArithmetic } from "../answer/numeric/index.js";
import { createAnswerPipeline, type Composer } from "../answer/pipeline.js";
import { createConversationAsker } from "../conversations/conversation-asker.js";
import type { AnswerPipeline } from "../answer/contract.js";
import { asPassageRetriever } from "../answer/retriever-adapter.js";
import { buildSentenceIndex } from "../answer/sentence-index.js";
import type { StructuredReport } from "../report/schema.js";
import type { HybridRetriever } from "../retrieval/hybrid.js";
import { guardDeadline } from "../serving/deadline.js";
import type { SitrepStore } from "../stores/types.js";

/** The answering pipeline over one report: what a worker thread holds, and what the main thread asks through. */
export function createReportPipeline(report: StructuredReport, retriever: HybridRetriever, composer?: Composer): AnswerPipeline {
  return createAnswerPipeline({
    report,
    sentences: buildSentenceIndex(report),
    retriever: asPassageRetriever(retriever),
    numeric: { answerNumericQuestion, answerParagraphArithmetic },
    ...(composer ? { composer } : {}),
  });
}

export function createReportAsker(report: StructuredReport, retriever: HybridRetriever, store: SitrepStore, composer?: Composer) {
  // The deadline check makes the budget hold even for work that keeps this thread busy until it ends.
  return createConversationAsker({ pipeline: guardDeadline(createReportPipeline(report, retriever, composer)), store });
}
