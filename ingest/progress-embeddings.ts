// Wraps an Embeddings so that embedDocuments runs in batches and reports progress as each one ends.
// The batches are all requested at once: an in-process encoder runs them one after another. A pooled
// encoder gets the whole list (it balances it over its threads) and reports progress itself.
import { Embeddings } from "@langchain/core/embeddings";

export type ProgressSink = (done: number, total: number) => void;

interface ReportsProgress {
  embedDocumentsWithProgress(texts: string[], onProgress: (done: number) => void): Promise<number[][]>;
}

const reportsProgress = (e: Embeddings): e is Embeddings & ReportsProgress =>
  typeof (e as Partial<ReportsProgress>).embedDocumentsWithProgress === "function";

export class ProgressEmbeddings extends Embeddings {
  constructor(
    private readonly inner: Embeddings,
    private readonly onProgress: ProgressSink,
    private readonly batchSize = 16,
  ) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    let done = 0;
    this.onProgress(0, texts.length);
    if (reportsProgress(this.inner)) return this.inner.embedDocumentsWithProgress(texts, (n) => this.onProgress(n, texts.length));
    const batches: Promise<number[][]>[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      batches.push(
        this.inner.embedDocuments(batch).then((vectors) => {
          done += batch.length;
          this.onProgress(done, texts.length);
          return vectors;
        }),
      );
    }
    return (await Promise.all(batches)).flat();
  }

  embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}
