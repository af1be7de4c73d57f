// The asker both runtimes build: the answering pipeline (the report's sentence index, the retriever, the
// numeric tool) behind the conversation store.
import { answerNumericQuestion, answerParagraphArithmetic } from "../answer/numeric/index.js";
import { createAnswerPipeline, type Composer } from "../answer/pipeline.js";
import { createConversationAsker } from "../conversations/conversation-asker.js";
import { asPassageRetriever } from "../answer/retriever-adapter.js";
import { buildSentenceIndex } from "../answer/sentence-index.js";
import type { StructuredReport } from "../report/schema.js";
import type { HybridRetriever } from "../retrieval/hybrid.js";
import type { SitrepStore } from "../stores/types.js";

export function createReportAsker(report: StructuredReport, retriever: HybridRetriever, store: SitrepStore, composer?: Composer) {
  const pipeline = createAnswerPipeline({
    report,
    sentences: buildSentenceIndex(report),
    retriever: asPassageRetriever(retriever),
    numeric: { answerNumericQuestion, answerParagraphArithmetic },
    ...(composer ? { composer } : {}),
  });
  return createConversationAsker({ pipeline, store });
}
