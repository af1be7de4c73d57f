// A worker thread holding one encoder (loaded once, as configured): embeds batches of texts.
import { workerData } from "node:worker_threads";
import { createEmbeddings, type EmbeddingsConfig } from "./provider.js";

export interface EmbedTask {
  texts: string[];
  kind: "documents" | "query";
}

export default (async () => {
  const { embeddings } = await createEmbeddings(workerData as EmbeddingsConfig);
  await embeddings.embedQuery("warm-up");
  return async ({ texts, kind }: EmbedTask): Promise<number[][]> =>
    kind === "query" ? [await embeddings.embedQuery(texts[0] ?? "")] : embeddings.embedDocuments(texts);
})();
