import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { describe, expect, it } from "vitest";
import { buildChunks } from "../../ingest/chunks.js";
import { HybridRetriever } from "../../src/retrieval/hybrid.js";
import { LexicalIndex } from "../../src/retrieval/lexical.js";
import { buildGlossary } from "../../ingest/glossary/build-glossary.js";
import { buildLexicon } from "../../ingest/glossary/lexicon.js";
import { lexiconTexts } from "../../ingest/glossary/lexicon-texts.js";
import { expandText } from "../../src/glossary/expand.js";
import { createGlossaryIndex } from "../../src/glossary/glossary.js";
import { terms } from "../../src/report/terms.js";
import { HashEmbeddings } from "../helpers/hash-embeddings.js";
import { syntheticReport } from "../helpers/synthetic-report.js";

async function setup() {
  const report = syntheticReport();
  const chunks = buildChunks(report, 600);
  const lexical = LexicalIndex.build(chunks.map((c) => ({ id: c.metadata.id, text: c.pageContent })));
  const embeddings = new HashEmbeddings();
  const vectors = await HNSWLib.fromDocuments(chunks, embeddings);
  // The same query expansion the service builds: the report's glossary and WordNet lexicon.
  const glossary = createGlossaryIndex(buildGlossary(report), buildLexicon(lexiconTexts(report)));
  const vocabulary = new Set(chunks.flatMap((c) => terms(c.pageContent)));
  const expand = (query: string) => expandText(query, glossary, (term) => vocabulary.has(term)).terms;
  return { chunks, lexical, embeddings, vectors, expand };
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
    const { chunks, lexical, vectors, expand } = await setup();
    const retriever = new HybridRetriever({ chunks, lexical, vectors, expand });
    expect((await retriever.search("how many peacekeepers got hurt"))[0]?.ref).toBe("para. 2");
    expect((await retriever.search("how much money is still owed"))[0]?.ref).toBe("para. 4");
  });

  it("filters by kind", async () => {
    const { chunks, lexical, vectors, expand } = await setup();
    const retriever = new HybridRetriever({ chunks, lexical, vectors, expand });
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
