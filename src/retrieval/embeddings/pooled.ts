// LangChain Embeddings over a pool of worker threads, one encoder each: embedDocuments spreads its
// batches over the threads (ingest embeds on every core), embedQuery runs on whichever thread is free.
//
// Documents: every thread gets the whole list of batches and takes the next one from a shared counter
// as it finishes one, so the threads end together and none waits for the main thread to hand it work
// (ingest keeps the main thread busy with synchronous building meanwhile). Batches are formed longest
// texts first (a text costs about its length), so the last ones taken are the shortest.
import { availableParallelism } from "node:os";
import { Embeddings } from "@langchain/core/embeddings";
import { Piscina } from "piscina";
import { workerFile } from "../../serving/worker-file.js";
import { TEXTS_DONE, type EmbedResult, type EmbedTask } from "./embed-task.js";
import type { EmbeddingsConfig } from "./provider.js";

export interface PooledEmbeddingsOptions {
  config: EmbeddingsConfig;
  /** Threads (default: the machine's cores). */
  threads?: number;
  /** Texts per batch: small enough to balance the threads, large enough to keep the model busy. */
  batchSize?: number;
}

export class PooledEmbeddings extends Embeddings {
  readonly threads: number;
  private readonly pool: Piscina<EmbedTask, EmbedResult>;
  private readonly batchSize: number;

  constructor(options: PooledEmbeddingsOptions) {
    super({});
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.batchSize = options.batchSize ?? 4;
    const worker = workerFile(import.meta.url, "embed-worker");
    this.pool = new Piscina({
      filename: worker.filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      // Only plain config values cross the thread boundary.
      workerData: { ...worker.workerData, ...options.config },
    });
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedDocumentsWithProgress(texts, () => {});
  }

  /** embedDocuments, telling `onProgress` how many texts are done as the threads go (and at the end). */
  async embedDocumentsWithProgress(texts: string[], onProgress: (done: number) => void): Promise<number[][]> {
    if (texts.length === 0) return [];
    const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length || a - b);
    const positions: number[][] = [];
    for (let i = 0; i < order.length; i += this.batchSize) positions.push(order.slice(i, i + this.batchSize));
    const batches = positions.map((batch) => batch.map((p) => texts[p]!));
    const progress = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    const shared = new Int32Array(progress);
    let reported = 0;
    const report = () => {
      const done = Atomics.load(shared, TEXTS_DONE);
      if (done !== reported) onProgress((reported = done));
    };
    const timer = setInterval(report, 100);
    timer.unref();
    try {
      const parts = await Promise.all(
        Array.from({ length: Math.min(this.threads, batches.length) }, () => this.pool.run({ kind: "documents", batches, progress })),
      );
      const out: number[][] = new Array(texts.length);
      for (const part of parts as { index: number; vectors: number[][] }[][]) {
        for (const { index, vectors } of part) positions[index]!.forEach((p, j) => (out[p] = vectors[j]!));
      }
      report();
      return out;
    } finally {
      clearInterval(timer);
    }
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.pool.run({ kind: "query", text })) as number[];
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
