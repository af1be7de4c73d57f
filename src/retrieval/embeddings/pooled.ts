// LangChain Embeddings over a pool of worker threads, one encoder each: embedDocuments spreads its
// batches over the threads (ingest embeds on every core), embedQuery runs on whichever thread is free.
import { availableParallelism } from "node:os";
import { Embeddings } from "@langchain/core/embeddings";
import { Piscina } from "piscina";
import { workerFile } from "../../serving/worker-file.js";
import type { EmbedTask } from "./embed-worker.js";
import type { EmbeddingsConfig } from "./provider.js";

export interface PooledEmbeddingsOptions {
  config: EmbeddingsConfig;
  /** Threads (default: the machine's cores). */
  threads?: number;
  /** Texts per task: small enough to balance the threads, large enough to keep the model busy. */
  batchSize?: number;
}

export class PooledEmbeddings extends Embeddings {
  readonly threads: number;
  private readonly pool: Piscina<EmbedTask, number[][]>;
  private readonly batchSize: number;

  constructor(options: PooledEmbeddingsOptions) {
    super({});
    this.threads = Math.max(1, options.threads ?? availableParallelism());
    this.batchSize = options.batchSize ?? 16;
    const worker = workerFile(import.meta.url, "embed-worker");
    this.pool = new Piscina({
      filename: worker.filename,
      minThreads: this.threads,
      maxThreads: this.threads,
      // Only plain config values cross the thread boundary.
      workerData: { ...worker.workerData, ...options.config },
    });
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) batches.push(texts.slice(i, i + this.batchSize));
    const results = await Promise.all(batches.map((batch) => this.pool.run({ texts: batch, kind: "documents" })));
    return results.flat();
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.pool.run({ texts: [text], kind: "query" });
    return vector!;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
