// A worker thread holding one encoder (loaded once, as configured): embeds a query, or takes batches
// of documents from a list shared by every thread until none is left (see PooledEmbeddings).
import { workerData } from "node:worker_threads";
import { NEXT_BATCH, TEXTS_DONE, type EmbedResult, type EmbedTask } from "./embed-task.js";
import { createEmbeddings, type EmbeddingsConfig } from "./provider.js";

export default (async () => {
  const { embeddings } = await createEmbeddings(workerData as EmbeddingsConfig);
  await embeddings.embedQuery("warm-up");
  return async (task: EmbedTask): Promise<EmbedResult> => {
    if (task.kind === "query") return embeddings.embedQuery(task.text);
    const shared = new Int32Array(task.progress);
    const taken: { index: number; vectors: number[][] }[] = [];
    for (let index = Atomics.add(shared, NEXT_BATCH, 1); index < task.batches.length; index = Atomics.add(shared, NEXT_BATCH, 1)) {
      const batch = task.batches[index]!;
      taken.push({ index, vectors: await embeddings.embedDocuments(batch) });
      Atomics.add(shared, TEXTS_DONE, batch.length);
    }
    return taken;
  };
})();
