// The query-embedding floor: the same encoder the server loads, timed in this process.
import { loadConfig } from "../src/config.js";
import { createEmbeddings } from "../src/retrieval/embeddings/provider.js";
import { summarize, type LatencySummary } from "./stats.js";

export interface EmbedFloor {
  encoder: string;
  loadMs: number;
  latency: LatencySummary;
}

export async function measureEmbedFloor(
  env: Record<string, string | undefined>,
  questions: string[],
  warmup: number,
  requests: number,
  maxMs: number,
): Promise<EmbedFloor> {
  const t0 = performance.now();
  const { embeddings, encoder } = await createEmbeddings(loadConfig(env));
  await embeddings.embedQuery("warm up the encoder");
  const loadMs = performance.now() - t0;
  const deadline = performance.now() + maxMs;
  for (let i = 0; i < warmup && performance.now() < deadline; i++) await embeddings.embedQuery(questions[i % questions.length]!);
  const times: number[] = [];
  for (let i = 0; i < requests && performance.now() < deadline; i++) {
    const e0 = performance.now();
    await embeddings.embedQuery(questions[i % questions.length]!);
    times.push(performance.now() - e0);
  }
  return { encoder: `${encoder.provider}/${encoder.name}`, loadMs, latency: summarize(times) };
}
