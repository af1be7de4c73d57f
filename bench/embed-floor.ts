// The query-embedding floor: the same encoder the server loads, timed in this process, on the same
// questions the uncached phase asks (each once; the encoder has no cache of its own).
import { loadConfig } from "../src/config.js";
import { createEmbeddings } from "../src/retrieval/embeddings/provider.js";
import { summarize, type LatencySummary } from "./stats.js";

export interface EmbedFloor {
  encoder: string;
  loadMs: number;
  latency: LatencySummary;
}

export async function measureEmbedFloor(env: Record<string, string | undefined>, warmup: string[], questions: string[], maxMs: number): Promise<EmbedFloor> {
  const t0 = performance.now();
  const { embeddings, encoder } = await createEmbeddings(loadConfig(env));
  await embeddings.embedQuery("warm up the encoder");
  const loadMs = performance.now() - t0;
  for (const q of warmup) await embeddings.embedQuery(q);
  const deadline = performance.now() + maxMs;
  const times: number[] = [];
  for (const q of questions) {
    if (performance.now() > deadline) break;
    const e0 = performance.now();
    await embeddings.embedQuery(q);
    times.push(performance.now() - e0);
  }
  return { encoder: `${encoder.provider}/${encoder.name}`, loadMs, latency: summarize(times) };
}
