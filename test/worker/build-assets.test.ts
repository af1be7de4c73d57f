// scripts/build-worker-assets.ts over real index folders: every data file the manifest lists (in any
// of the shapes a file list may take) or, without a list, every top-level file; never hnswlib/;
// vectorize.json when it fits the index; the migration names the Worker checks D1 for.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkerAssets } from "../../scripts/build-worker-assets.js";
import { WORKER_ASSET_PATHS, WorkerDataBundleSchema, type WorkerDataBundle } from "../../src/bootstrap/worker-assets.js";
import type { IndexManifest } from "../../src/retrieval/manifest.js";
import type { VectorizeManifest } from "../../src/retrieval/workers/vectorize-manifest.js";
import { readMigrations } from "../../src/stores/sqlite.js";
import { buildTestIndex } from "../helpers/index-fixture.js";

let sourceIndex: string;
beforeAll(async () => {
  sourceIndex = await buildTestIndex();
});

/** A copy of the real index with a glossary beside it, and the manifest's file list rewritten by `edit`. */
async function indexCopy(edit: (manifest: IndexManifest) => object = (m) => m): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "sitrep-assets-index-")), "index");
  await cp(sourceIndex, dir, { recursive: true });
  await writeFile(join(dir, "glossary.json"), JSON.stringify({ terms: { MINUSMA: "United Nations Multidimensional Integrated Stabilization Mission in Mali" } }));
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as IndexManifest;
  await writeFile(join(dir, "manifest.json"), JSON.stringify(edit(manifest)));
  return dir;
}

async function build(indexDir: string, vectorizeDir?: string): Promise<{ bundle: WorkerDataBundle; result: Awaited<ReturnType<typeof buildWorkerAssets>> }> {
  const outDir = join(await mkdtemp(join(tmpdir(), "sitrep-assets-out-")), "assets");
  const result = await buildWorkerAssets({ indexDir, outDir, version: "1.2.3", ...(vectorizeDir ? { vectorizeDir } : {}) });
  const bundle = WorkerDataBundleSchema.parse(JSON.parse(await readFile(join(outDir, WORKER_ASSET_PATHS.data), "utf8")));
  return { bundle, result };
}

const CORE = ["chunks.json", "lexical.json", "manifest.json", "report.json"];

describe("build-worker-assets", () => {
  it("without a file list in the manifest, bundles every top-level data file of the index, and never hnswlib/", async () => {
    const { bundle, result } = await build(await indexCopy());
    expect(Object.keys(bundle.files).sort()).toEqual([...CORE, "glossary.json"].sort());
    expect(result.indexFiles).not.toContain("hnswlib");
    expect(bundle.files["glossary.json"]).toEqual({ terms: { MINUSMA: expect.stringContaining("Stabilization Mission") } });
    expect(bundle.version).toBe("1.2.3");
    expect(bundle.migrations).toEqual(readMigrations().map((m) => m.name).sort());
  });

  it.each([
    ["names", (names: string[]) => names],
    ["objects with a name and a SHA-256", (names: string[]) => names.map((name) => ({ name, sha256: "0".repeat(64) }))],
    ["a map keyed by file name", (names: string[]) => Object.fromEntries(names.map((name) => [name, { sha256: "0".repeat(64) }]))],
  ])("takes exactly the files the manifest lists, as %s", async (_shape, list) => {
    // The manifest lists the glossary and the vector store but not lexical.json's neighbour "stray.json".
    const dir = await indexCopy((m) => ({ ...m, files: list([...CORE.filter((f) => f !== "manifest.json"), "glossary.json", "hnswlib/args.json"]) }));
    await writeFile(join(dir, "stray.json"), "{}");
    const { bundle } = await build(dir);
    expect(Object.keys(bundle.files).sort()).toEqual(["chunks.json", "glossary.json", "lexical.json", "manifest.json", "report.json"]);
  });

  it("fails on a listed file that is missing, naming it", async () => {
    const dir = await indexCopy((m) => ({ ...m, files: [...CORE, "lexicon.json"] }));
    await expect(build(dir)).rejects.toThrow(/lists lexicon\.json/);
  });

  it("bundles vectorize.json when it was made from this index, and leaves a stale one out with the reason", async () => {
    const dir = await indexCopy();
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as IndexManifest;
    const vectorize: VectorizeManifest = {
      formatVersion: 1,
      index: { seedSha256: manifest.seedSha256, builderSha256: manifest.builderSha256, chunkCount: manifest.chunkCount },
      encoder: { provider: "workers-ai", name: "@cf/baai/bge-base-en-v1.5", dimensions: 768 },
      metric: "cosine",
      builtAt: "2026-01-01T00:00:00.000Z",
    };
    const vectorizeDir = await mkdtemp(join(tmpdir(), "sitrep-assets-vectorize-"));
    await writeFile(join(vectorizeDir, "vectorize.json"), JSON.stringify(vectorize));
    const fits = await build(dir, vectorizeDir);
    expect(fits.bundle.vectorize).toEqual(vectorize);

    await writeFile(join(vectorizeDir, "vectorize.json"), JSON.stringify({ ...vectorize, index: { ...vectorize.index, seedSha256: "f".repeat(64) } }));
    const stale = await build(dir, vectorizeDir);
    expect(stale.bundle.vectorize).toBeUndefined();
    expect(stale.result.vectorizeNote).toMatch(/another seed/);
  });

  it("refuses an index whose files do not belong together", async () => {
    const dir = await indexCopy((m) => ({ ...m, chunkCount: 1 }));
    await expect(build(dir)).rejects.toThrow(/chunks/);
  });
});
