// The asker both runtimes build: the answering pipeline over the report's knowledge (glossary,
// lexicon, figures, sentences) and the retriever, behind the conversation store.
import type { AnswerPipeline } from "../answer/contract.js";
import { buildKnowledge, type ReportKnowledge } from "../answer/knowledge/knowledge.js";
import { createAnswerPipeline, type Composer } from "../answer/pipeline.js";
import { createConversationAsker } from "../conversations/conversation-asker.js";
import { expandText } from "../glossary/expand.js";
import type { IndexData } from "../retrieval/index-data.js";
import { HybridRetriever } from "../retrieval/hybrid.js";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { guardDeadline } from "../serving/deadline.js";
import type { SitrepStore } from "../stores/types.js";

export type ReportData = Pick<IndexData, "report" | "glossary" | "lexicon" | "figures" | "chunks" | "lexical">;

export interface ReportRetrieval {
  knowledge: ReportKnowledge;
  retriever: HybridRetriever;
}

/** The retriever expands queries through the same glossary and lexicon as the question frame. */
export function createReportRetrieval(data: ReportData, dense?: { vectors: VectorStoreInterface; embeddings: EmbeddingsInterface }): ReportRetrieval {
  const knowledge = buildKnowledge(data);
  const expand = (query: string) => expandText(query, knowledge.glossary, (term) => knowledge.sentences.vocabulary.has(term)).terms;
  const retriever = dense
    ? new HybridRetriever({ chunks: data.chunks, lexical: data.lexical, vectors: dense.vectors, embeddings: dense.embeddings, expand })
    : HybridRetriever.lexicalOnly(data.chunks, data.lexical, { expand });
  return { knowledge, retriever };
}

/** The answering pipeline over one report: what a worker thread holds, and what the main thread asks through. */
export function createReportPipeline(retrieval: ReportRetrieval, composer?: Composer): AnswerPipeline {
  return createAnswerPipeline({ knowledge: retrieval.knowledge, retriever: retrieval.retriever, ...(composer ? { composer } : {}) });
}

export interface ReportAskerOptions {
  /** Earlier turns the pipeline sees (HISTORY_TURNS); storage keeps them all. */
  historyTurns?: number;
}

export function createReportAsker(retrieval: ReportRetrieval, store: SitrepStore, composer?: Composer, options: ReportAskerOptions = {}) {
  return createConversationAsker({
    // The deadline check makes the budget hold even for work that keeps this thread busy until it ends.
    pipeline: guardDeadline(createReportPipeline(retrieval, composer)),
    store,
    ...(options.historyTurns !== undefined ? { historyTurns: options.historyTurns } : {}),
  });
}
