import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/retrieval/hybrid.js";
import { EncoderMismatchError, IndexInvalidError, IndexMissingError, loadIndex, type LoadedIndex } from "../../src/retrieval/load-index.js";
import { buildTestIndex, testEmbeddings } from "../helpers/index-fixture.js";

let indexDir: string;
let loaded: LoadedIndex;
let scratch: string;

beforeAll(async () => {
  indexDir = await buildTestIndex();
  loaded = await loadIndex(indexDir, testEmbeddings().embeddings);
  scratch = await mkdtemp(join(tmpdir(), "sitrep-roundtrip-"));
}, 300_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function copyIndex(name: string): Promise<string> {
  const dir = join(scratch, name);
  await cp(indexDir, dir, { recursive: true });
  return dir;
}

describe("index round trip on the real seed", () => {
  it("loads every part, consistent with the manifest", () => {
    const { manifest, report, chunks, lexical } = loaded;
    expect(manifest.encoder).toEqual({ provider: "use-lite", name: "universal-sentence-encoder-lite", dimensions: 512 });
    expect(report.paragraphs.length).toBe(manifest.counts.paragraphs);
    expect(chunks.length).toBe(manifest.chunkCount);
    expect(lexical.size).toBe(chunks.length);
    expect(new Set(chunks.map((c) => c.metadata.ref))).toContain("para. 47");
    expect(new Set(chunks.map((c) => c.metadata.ref))).toContain("Annex II Senegal");
  });

  it('retrieves para. 47 first for "How is the new supply route through Niamey going?"', async () => {
    const retriever = new HybridRetriever({ chunks: loaded.chunks, lexical: loaded.lexical, vectors: loaded.vectors });
    const results = await retriever.search("How is the new supply route through Niamey going?");
    expect(results[0]?.ref).toBe("para. 47");
    const docs = await retriever.invoke("How is the new supply route through Niamey going?");
    expect(docs[0]?.metadata.paragraph).toBe(47);
  });

  it("says to run npm run ingest when the index is missing", async () => {
    await expect(loadIndex(join(scratch, "nowhere"), testEmbeddings().embeddings)).rejects.toThrow(IndexMissingError);
    await expect(loadIndex(join(scratch, "nowhere"), testEmbeddings().embeddings)).rejects.toThrow(/npm run ingest/);
  });

  it("rejects a corrupted report.json (zod)", async () => {
    const dir = await copyIndex("corrupt-report");
    const report = JSON.parse(await readFile(join(dir, "report.json"), "utf8"));
    report.paragraphs[0].number = "one";
    await writeFile(join(dir, "report.json"), JSON.stringify(report));
    await expect(loadIndex(dir, testEmbeddings().embeddings)).rejects.toThrow(IndexInvalidError);
    await expect(loadIndex(dir, testEmbeddings().embeddings)).rejects.toThrow(/report\.json is invalid \(paragraphs\.0\.number/);
  });

  it("rejects truncated JSON and a corrupted manifest", async () => {
    const dir = await copyIndex("corrupt-chunks");
    await writeFile(join(dir, "chunks.json"), "[{");
    await expect(loadIndex(dir, testEmbeddings().embeddings)).rejects.toThrow(/chunks\.json is not valid JSON/);
    const dir2 = await copyIndex("corrupt-manifest");
    await writeFile(join(dir2, "manifest.json"), JSON.stringify({ formatVersion: 99 }));
    await expect(loadIndex(dir2, testEmbeddings().embeddings)).rejects.toThrow(/manifest\.json is invalid/);
  });

  it("refuses an index built with another encoder", async () => {
    const other = { provider: "openai", name: "text-embedding-3-small", dimensions: 1536 };
    await expect(loadIndex(indexDir, testEmbeddings().embeddings, { encoder: other })).rejects.toThrow(EncoderMismatchError);
    await expect(loadIndex(indexDir, testEmbeddings().embeddings, { encoder: other })).rejects.toThrow(/built with encoder use-lite/);
  });
});
