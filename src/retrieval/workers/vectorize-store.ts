// Dense retrieval through Workers bindings: query embeddings from Workers AI, nearest chunks from
// Vectorize, both through @langchain/cloudflare, ready for HybridRetriever's dense side.
import type { Ai, VectorizeIndex } from "@cloudflare/workers-types";
import { Document } from "@langchain/core/documents";
import { CloudflareVectorizeStore, CloudflareWorkersAIEmbeddings } from "@langchain/cloudflare";
import type { ChunkMetadata } from "../chunk.js";

/** Vectorize's ceiling on topK when a query returns neither values nor full metadata. */
export const VECTORIZE_MAX_TOP_K = 100;

/** The part of a Vectorize binding a search needs (V2 indexes and the beta one share it). */
export type VectorizeQueryBinding = Pick<VectorizeIndex, "query">;
/** The part of a Workers AI binding the embeddings call: `run(model, { text })` -> `{ data }`. */
export interface EmbeddingRunner {
  run(model: string, inputs: { text: string[] }): Promise<unknown>;
}

/**
 * CloudflareVectorizeStore asks for values and all metadata, which caps topK at 20. Vector ids are the
 * chunk ids (ingest writes them so), so ask for ids only: 100 deep, and less to transfer. Ids that are
 * not chunks of the bundled index (vectors left from an older build) are dropped.
 */
export class VectorizeChunkStore extends CloudflareVectorizeStore {
  chunkIds?: ReadonlySet<string>;

  override async similaritySearchVectorWithScore(query: number[], k: number, filter?: this["FilterType"]): Promise<[Document, number][]> {
    const { matches } = await this.index.query(query, {
      topK: Math.max(1, Math.min(k, VECTORIZE_MAX_TOP_K)),
      returnValues: false,
      returnMetadata: "none",
      ...(filter ? { filter } : {}),
    });
    const known = this.chunkIds;
    return (known ? matches.filter((m) => known.has(m.id)) : matches).map((m) => [new Document<Pick<ChunkMetadata, "id">>({ pageContent: "", metadata: { id: m.id } }), m.score]);
  }
}

export interface WorkersDense {
  embeddings: CloudflareWorkersAIEmbeddings;
  vectors: VectorizeChunkStore;
}

export function workersDense(ai: EmbeddingRunner, index: VectorizeQueryBinding, model: string, chunkIds?: Iterable<string>): WorkersDense {
  // The classes are typed with the full binding classes but call only run() and query().
  const embeddings = new CloudflareWorkersAIEmbeddings({ binding: ai as unknown as Ai, model, maxRetries: 1 });
  const vectors = new VectorizeChunkStore(embeddings, { index: index as VectorizeIndex });
  if (chunkIds) vectors.chunkIds = new Set(chunkIds);
  return { embeddings, vectors };
}
