// The query-embedding floor: the same encoder the server loads, in this process, timed on the same
// questions as the uncached asks, each right after its ask (so both see the same machine).
import { loadConfig } from "../src/config.js";
import { createEmbeddings } from "../src/retrieval/embeddings/provider.js";
import { summarize, type LatencySummary } from "./stats.js";

export interface EmbedFloor {
  encoder: string;
  loadMs: number;
  latency: LatencySummary;
}

export async function createEmbedFloor(env: Record<string, string | undefined>, warmup: string[]) {
  const t0 = performance.now();
  const { embeddings, encoder } = await createEmbeddings(loadConfig(env));
  await embeddings.embedQuery("warm up the encoder");
  const loadMs = performance.now() - t0;
  for (const q of warmup) await embeddings.embedQuery(q);
  const times: number[] = [];
  return {
    async time(question: string): Promise<void> {
      const e0 = performance.now();
      await embeddings.embedQuery(question);
      times.push(performance.now() - e0);
    },
    result: (): EmbedFloor => ({ encoder: `${encoder.provider}/${encoder.name}`, loadMs, latency: summarize(times) }),
  };
}
