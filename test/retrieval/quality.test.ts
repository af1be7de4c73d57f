// Retrieval quality on paraphrased staff questions: measures four recipes and asserts the tuned one.
import { beforeAll, describe, expect, it } from "vitest";
import { buildKnowledge } from "../../src/answer/knowledge/knowledge.js";
import { expandText, type WeightedTerm } from "../../src/glossary/expand.js";
import { HybridRetriever, type HybridTuning, type RetrievalMode } from "../../src/retrieval/hybrid.js";
import { loadIndex, type LoadedIndex } from "../../src/retrieval/load-index.js";
import { buildTestIndex, testEmbeddings } from "../helpers/index-fixture.js";
import { GOLDEN_QUESTIONS } from "./golden.js";

interface Metrics {
  hit1: number;
  hit5: number;
  mrr: number;
  misses: string[];
}

let index: LoadedIndex;
let expand: (query: string) => WeightedTerm[];
const vectors = new Map<string, number[]>();

beforeAll(async () => {
  index = await loadIndex(await buildTestIndex(), testEmbeddings().embeddings);
  // The production retriever expands queries through the report's glossary and lexicon.
  const knowledge = buildKnowledge(index);
  expand = (query) => expandText(query, knowledge.glossary, (term) => knowledge.sentences.vocabulary.has(term)).terms;
  // One embedQuery per question, exactly as a live search would embed it.
  for (const q of GOLDEN_QUESTIONS) vectors.set(q.question, await testEmbeddings().embeddings.embedQuery(q.question));
}, 300_000);

async function measure(mode: RetrievalMode, tuning: Partial<HybridTuning> = {}): Promise<Metrics> {
  const retriever = new HybridRetriever({ chunks: index.chunks, lexical: index.lexical, vectors: index.vectors, mode, tuning, expand });
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  const misses: string[] = [];
  for (const q of GOLDEN_QUESTIONS) {
    const results = await retriever.search(q.question, { k: 10, queryVector: vectors.get(q.question) });
    const rank = results.findIndex((r) => q.targets.includes(r.ref)) + 1;
    if (rank === 1) hit1++;
    if (rank >= 1 && rank <= 5) hit5++;
    if (rank > 0) mrr += 1 / rank;
    if (rank !== 1) misses.push(`  rank ${rank || ">10"}: ${q.question} -> ${results.slice(0, 3).map((r) => r.ref).join(", ")}`);
  }
  const n = GOLDEN_QUESTIONS.length;
  return { hit1: hit1 / n, hit5: hit5 / n, mrr: mrr / n, misses };
}

describe(`retrieval quality (${GOLDEN_QUESTIONS.length} paraphrased questions)`, () => {
  it("measures BM25, dense, fused and fused+rerank; the tuned recipe reaches the measured level", async () => {
    const recipes: [string, Promise<Metrics>][] = [
      ["BM25 only", measure("lexical")],
      ["dense only", measure("dense")],
      ["fused (weighted RRF)", measure("hybrid", { rerankWeight: 0 })],
      ["fused + rerank (default)", measure("hybrid")],
    ];
    const table: Record<string, Metrics> = {};
    for (const [name, p] of recipes) table[name] = await p;
    const lines = Object.entries(table).map(
      ([name, m]) => `${name.padEnd(26)} hit@1 ${m.hit1.toFixed(2)}  hit@5 ${m.hit5.toFixed(2)}  MRR ${m.mrr.toFixed(3)}`,
    );
    console.log(`retrieval quality:\n${lines.join("\n")}\nmisses of the default recipe:\n${table["fused + rerank (default)"]!.misses.join("\n")}`);

    const best = table["fused + rerank (default)"]!;
    // Measured on this seed: 0.81 / 0.98 / 0.875 with query expansion from the glossary and WordNet
    // alone. (The earlier 0.88 / 1.00 / 0.927 came from a hand-written synonym list tuned on these
    // very questions, which is gone.) Thresholds allow one question of slack.
    expect(best.hit5).toBeGreaterThanOrEqual(0.95);
    expect(best.hit1).toBeGreaterThanOrEqual(0.78);
    expect(best.mrr).toBeGreaterThanOrEqual(0.85);
    expect(best.mrr).toBeGreaterThanOrEqual(table["BM25 only"]!.mrr);
    expect(best.mrr).toBeGreaterThan(table["dense only"]!.mrr);
  });
});
