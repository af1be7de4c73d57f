// Fast deterministic bag-of-words embeddings for tests that exercise plumbing, not retrieval quality.
import { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsBundle } from "../../src/retrieval/embeddings/provider.js";
import { terms as tokenize } from "../../src/report/terms.js";

export class HashEmbeddings extends Embeddings {
  queryCalls = 0;
  documentCalls = 0;
  constructor(
    readonly dimensions = 64,
    /** Throw after this many embedDocuments calls (to simulate an interrupted ingest). */
    private readonly failAfterCalls = Infinity,
  ) {
    super({});
  }
  vector(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0);
    for (const t of tokenize(text)) v[[...t].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % this.dimensions, 7)]! += 1;
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (++this.documentCalls > this.failAfterCalls) throw new Error("simulated encoder crash");
    return texts.map((t) => this.vector(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    this.queryCalls++;
    return this.vector(text);
  }
}

export function hashEmbeddingsBundle(failAfterCalls = Infinity): EmbeddingsBundle & { embeddings: HashEmbeddings } {
  return { embeddings: new HashEmbeddings(64, failAfterCalls), encoder: { provider: "test", name: "hash-bow", dimensions: 64 } };
}
