// The answering pipeline on one Node thread: the configured encoder (behind the query cache), the
// on-disk index, hybrid retrieval and the optional LLM composer. Each answer worker holds one; without
// a pool the main thread does.
import type { AnswerPipeline } from "../answer/contract.js";
import { createLlmComposerFromConfig } from "../answer/llm/from-config.js";
import { loadAnswerPrompts } from "../answer/llm/prompt-files.js";
import type { Composer } from "../answer/pipeline.js";
import type { AppConfig } from "../config.js";
import { withQueryCache } from "../retrieval/embeddings/cached.js";
import { createEmbeddings } from "../retrieval/embeddings/provider.js";
import { UseLiteEmbeddings } from "../retrieval/embeddings/use-lite.js";
import { loadIndex, type LoadedIndex } from "../retrieval/load-index.js";
import { createReportPipeline, createReportRetrieval } from "./asker.js";
import { indexDirFor } from "./index-dir.js";

export interface NodePipeline {
  pipeline: AnswerPipeline;
  /** The same pipeline without the LLM stage: warming a worker up must not call the model. */
  withoutLlm: AnswerPipeline;
  index: LoadedIndex;
}

export interface LoadNodePipelineOptions {
  /**
   * Run the local encoder once before returning (default), so that the first question does not pay for
   * its first inference. An answer worker passes false: it asks its warm-up question right after it says
   * it is ready, and that question's embedding is the first inference.
   */
  warmEncoder?: boolean;
}

export async function loadNodePipeline(config: AppConfig, composer?: Composer, options: LoadNodePipelineOptions = {}): Promise<NodePipeline> {
  const { embeddings: encoder, encoder: info } = await createEmbeddings(config);
  const embeddings = withQueryCache(encoder, config.QUERY_CACHE_SIZE);
  // Load the encoder now, so the first question does not pay for it after the service says it is ready.
  // Started first: its wasm compiles and its weights are read off this thread while the index loads.
  // Without warmEncoder the local model is only loaded: its first inference (~0.1 s of kernel set-up and
  // JIT) is left to the caller's warm-up question.
  const warm = options.warmEncoder === false && encoder instanceof UseLiteEmbeddings ? encoder.warmUp() : encoder.embedQuery("warm-up");
  warm.catch(() => {}); // awaited below; an index that fails to load is the error to report
  const index = await loadIndex(indexDirFor(config), embeddings, { encoder: info });
  const retrieval = createReportRetrieval(index, { vectors: index.vectors, embeddings });
  const llm = composer ?? (await createLlmComposerFromConfig(config, { prompts: () => loadAnswerPrompts(), report: index.report, retriever: retrieval.retriever }));
  const pipeline = createReportPipeline(retrieval, llm);
  await warm;
  return { pipeline, withoutLlm: llm ? createReportPipeline(retrieval) : pipeline, index };
}
