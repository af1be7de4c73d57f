// Wraps an Embeddings so that embedDocuments runs in batches and reports progress after each one.
import { Embeddings } from "@langchain/core/embeddings";

export type ProgressSink = (done: number, total: number) => void;

export class ProgressEmbeddings extends Embeddings {
  constructor(
    private readonly inner: Embeddings,
    private readonly onProgress: ProgressSink,
    private readonly batchSize = 16,
  ) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    this.onProgress(0, texts.length);
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.inner.embedDocuments(texts.slice(i, i + this.batchSize))));
      this.onProgress(out.length, texts.length);
    }
    return out;
  }

  embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}
