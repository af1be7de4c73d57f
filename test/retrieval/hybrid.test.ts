import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { describe, expect, it } from "vitest";
import { buildChunks } from "../../ingest/chunks.js";
import { HybridRetriever } from "../../src/retrieval/hybrid.js";
import { LexicalIndex } from "../../src/retrieval/lexical.js";
import { HashEmbeddings } from "../helpers/hash-embeddings.js";
import { syntheticReport } from "../helpers/synthetic-report.js";

async function setup() {
  const chunks = buildChunks(syntheticReport(), 600);
  const lexical = LexicalIndex.build(chunks.map((c) => ({ id: c.metadata.id, text: c.pageContent })));
  const embeddings = new HashEmbeddings();
  const vectors = await HNSWLib.fromDocuments(chunks, embeddings);
  return { chunks, lexical, embeddings, vectors };
}

describe("HybridRetriever", () => {
  it("fuses both sides, folds split paragraphs into one unit, and embeds once per search", async () => {
    const { chunks, lexical, embeddings, vectors } = await setup();
    const retriever = new HybridRetriever({ chunks, lexical, vectors, embeddings });
    const results = await retriever.search("convoy escorts and fuel deliveries", { k: 10 });
    expect(results[0]?.ref).toBe("para. 3");
    expect(results.filter((r) => r.ref === "para. 3")).toHaveLength(1);
    expect(results[0]!.document.metadata.text).toBe(syntheticReport().paragraphs[2]!.text);
    expect(results[0]!.lexicalRank).toBe(1);
    expect(results[0]!.denseRank).toBeDefined();
    expect(embeddings.queryCalls).toBe(1);
    expect(retriever.lastTimings?.totalMs).toBeGreaterThanOrEqual(0);
  });

  it("answers paraphrases through stemming and synonyms", async () => {
    const { chunks, lexical, vectors } = await setup();
    const retriever = new HybridRetriever({ chunks, lexical, vectors });
    expect((await retriever.search("how many peacekeepers got hurt"))[0]?.ref).toBe("para. 2");
    expect((await retriever.search("how much money is still owed"))[0]?.ref).toBe("para. 4");
  });

  it("filters by kind", async () => {
    const { chunks, lexical, vectors } = await setup();
    const retriever = new HybridRetriever({ chunks, lexical, vectors });
    const results = await retriever.search("Ivory Coast personnel", { kinds: ["annex-ii"] });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.document.metadata.kind === "annex-ii")).toBe(true);
    expect(results[0]?.ref).toBe("Annex II Côte d’Ivoire");
  });

  it("works lexical-only (no encoder) and as a LangChain retriever via invoke()", async () => {
    const { chunks, lexical } = await setup();
    const retriever = HybridRetriever.lexicalOnly(chunks, lexical);
    const results = await retriever.search("schools closed");
    expect(results[0]?.ref).toBe("para. 5");
    expect(results[0]?.denseRank).toBeUndefined();
    const docs = await retriever.invoke("mandate extended");
    expect(docs[0]?.metadata.ref).toBe("para. 1");
  });
});
