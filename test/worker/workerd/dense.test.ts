// Inside workerd: dense retrieval when the AI and VECTORIZE bindings exist. Workers AI and Vectorize
// are remote services, out of reach offline, so both are replaced by FAKES here (hash bag-of-words
// embeddings; an in-memory cosine index over the same chunks): the test checks the wiring (what the
// Worker asks them, how their answers are fused, what /health says), not retrieval quality.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../../src/answer/contract.js";
import { WORKER_ASSET_PATHS, type WorkerDataBundle } from "../../../src/bootstrap/worker-assets.js";
import { createWorkerSitrep, type WorkerBindings } from "../../../src/bootstrap/worker.js";
import type { ChunkMetadata } from "../../../src/retrieval/chunk.js";
import type { IndexManifest } from "../../../src/retrieval/manifest.js";
import type { VectorizeManifest } from "../../../src/retrieval/workers/vectorize-manifest.js";
import { HashEmbeddings } from "../../helpers/hash-embeddings.js";
import { askJson } from "../helpers.js";

const MODEL = "@cf/test/hash-bow-fake";
const hash = new HashEmbeddings(64);

/** FAKE Workers AI binding: records run() calls, embeds with hash bag-of-words. */
function fakeAi() {
  const calls: { model: string; text: string[] }[] = [];
  return {
    calls,
    async run(model: string, inputs: { text: string[] }) {
      calls.push({ model, text: inputs.text });
      return { shape: [inputs.text.length, hash.dimensions], data: inputs.text.map((t) => hash.vector(t)) };
    },
  };
}

/** FAKE Vectorize binding: cosine over the given vectors, recording each query's options. */
function fakeVectorize(vectors: { id: string; values: number[] }[]) {
  const queries: Record<string, unknown>[] = [];
  return {
    queries,
    async query(vector: number[], options: Record<string, unknown> = {}) {
      queries.push(options);
      const dot = (v: number[]) => v.reduce((sum, x, i) => sum + x * vector[i]!, 0);
      const matches = vectors.map((v) => ({ id: v.id, score: dot(v.values) })).sort((a, b) => b.score - a.score).slice(0, Number(options.topK ?? 5));
      return { matches, count: matches.length };
    },
  };
}

let bundle: WorkerDataBundle;
let chunkVectors: { id: string; values: number[] }[];
let vectorize: VectorizeManifest;

beforeAll(async () => {
  bundle = (await (await env.ASSETS.fetch(`https://assets.invalid/${WORKER_ASSET_PATHS.data}`)).json()) as WorkerDataBundle;
  const chunks = bundle.files["chunks.json"] as { pageContent: string; metadata: ChunkMetadata }[];
  chunkVectors = chunks.map((c) => ({ id: c.metadata.id, values: hash.vector(c.pageContent) }));
  const index = bundle.files["manifest.json"] as IndexManifest;
  vectorize = {
    formatVersion: 1,
    index: { seedSha256: index.seedSha256, builderSha256: index.builderSha256, chunkCount: index.chunkCount },
    encoder: { provider: "workers-ai", name: MODEL, dimensions: hash.dimensions },
    metric: "cosine",
    builtAt: new Date().toISOString(),
  };
});

/** A Worker app over the bundled data and the real local D1, with these bindings and this vectorize.json. */
async function sitrep(bindings: Partial<WorkerBindings>, data: { vectorize?: unknown } = { vectorize }) {
  const notes: string[] = [];
  const built = await createWorkerSitrep({ ...(env as unknown as WorkerBindings), ...bindings }, { files: bundle.files, vectorize: data.vectorize }, { log: (m) => notes.push(m) });
  return { ...built, notes };
}

describe("dense retrieval through the AI and VECTORIZE bindings (both FAKES, offline)", () => {
  it("reports hybrid retrieval on /health with the Workers AI model that made the vectors", async () => {
    const { app } = await sitrep({ AI: fakeAi(), VECTORIZE: fakeVectorize(chunkVectors) });
    const health = (await (await app.request("/health")).json()) as Record<string, unknown>;
    expect(health.retrieval).toBe("hybrid");
    expect(health.dense).toEqual({ provider: "workers-ai", name: MODEL, dimensions: 64 });
  });

  it("embeds the question with that model, asks Vectorize for ids only (100 deep), and answers with citations", async () => {
    const ai = fakeAi();
    const index = fakeVectorize(chunkVectors);
    const { app, retriever } = await sitrep({ AI: ai, VECTORIZE: index });
    const question = "When was the Niamey supply route tested?";
    const body = (await (await app.request("/v1/ask", askJson(question))).json()) as AskResponse;
    expect(body.answered).toBe(true);
    expect(body.citations.length).toBeGreaterThan(0);
    expect(ai.calls).toContainEqual({ model: MODEL, text: [question] });
    expect(index.queries[0]).toMatchObject({ topK: 100, returnValues: false, returnMetadata: "none" });

    const hits = await retriever.search(question, { k: 10 });
    expect(hits.some((h) => h.denseRank !== undefined)).toBe(true);
    expect(hits.some((h) => h.lexicalRank !== undefined)).toBe(true);
  });

  it("drops Vectorize ids that are not chunks of the bundled index (vectors left from an older build)", async () => {
    const stale = chunkVectors.map((v) => ({ id: `old-${v.id}`, values: v.values }));
    const { retriever } = await sitrep({ AI: fakeAi(), VECTORIZE: fakeVectorize([...stale, ...chunkVectors]) });
    const hits = await retriever.search("Niamey supply route", { k: 20 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => !h.ref.startsWith("old-"))).toBe(true);
  });

  it("falls back to lexical retrieval, and says why, when the dense side cannot serve this index", async () => {
    const cases: [Partial<WorkerBindings>, { vectorize?: unknown }, RegExp][] = [
      [{ AI: fakeAi() }, { vectorize }, /needs both the AI and VECTORIZE bindings; only AI is bound/],
      [{ AI: fakeAi(), VECTORIZE: fakeVectorize(chunkVectors) }, {}, /no vectorize\.json/],
      [{ AI: fakeAi(), VECTORIZE: fakeVectorize(chunkVectors) }, { vectorize: { ...vectorize, index: { ...vectorize.index, builderSha256: "0".repeat(64) } } }, /another ingest build/],
    ];
    for (const [bindings, data, why] of cases) {
      const { app, notes } = await sitrep(bindings, data);
      const health = (await (await app.request("/health")).json()) as Record<string, unknown>;
      expect(health.retrieval).toBe("lexical");
      expect(notes.join("\n")).toMatch(why);
    }
  });
});
