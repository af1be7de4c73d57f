// Adapts the hybrid retriever's ranked chunks to what the answering pipeline needs.
import type { HybridRetriever } from "../retrieval/hybrid.js";
import type { PassageRetriever } from "./pipeline.js";

export function asPassageRetriever(retriever: HybridRetriever): PassageRetriever {
  return {
    async search(query, options) {
      const hits = await retriever.search(query, { k: options?.k });
      return hits.map((hit) => ({ ref: hit.ref, score: hit.score, paragraph: hit.document.metadata.paragraph }));
    },
  };
}
