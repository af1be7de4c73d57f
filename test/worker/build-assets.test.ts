// Which index files the Worker bundles: every data file the manifest lists (in any of the shapes a file
// list may take) or, without a list, every top-level file; never hnswlib/. Then
// scripts/build-worker-assets.ts over real index folders: an extra data file beside the core files,
// vectorize.json when it fits the index, the migration names the Worker checks D1 for, the LLM prompt
// templates of prompts/.
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkerAssets } from "../../scripts/build-worker-assets.js";
import { WORKER_ASSET_PATHS, WorkerDataBundleSchema, workerIndexFiles, type WorkerDataBundle } from "../../src/bootstrap/worker-assets.js";
import type { IndexManifest } from "../../src/retrieval/manifest.js";
import type { VectorizeManifest } from "../../src/retrieval/workers/vectorize-manifest.js";
import { readMigrations } from "../../src/stores/sqlite.js";
import { PROMPT_FILES } from "../../src/answer/llm/prompts.js";
import { buildTestIndex, REPO_ROOT } from "../helpers/index-fixture.js";

let sourceIndex: string;
beforeAll(async () => {
  sourceIndex = await buildTestIndex();
});

const sha256 = async (file: string) => createHash("sha256").update(await readFile(file)).digest("hex");

/** A copy of the real index with an extra data file beside it, and its manifest rewritten by `edit`. */
async function indexCopy(edit: (manifest: IndexManifest, dir: string) => object | Promise<object> = (m) => m): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), "sitrep-assets-index-")), "index");
  await cp(sourceIndex, dir, { recursive: true });
  await writeFile(join(dir, "terms.json"), JSON.stringify({ terms: { MINUSMA: "United Nations Multidimensional Integrated Stabilization Mission in Mali" } }));
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as IndexManifest;
  await writeFile(join(dir, "manifest.json"), JSON.stringify(await edit(manifest, dir)));
  return dir;
}

/** The manifest's `files` as ingest records them (SHA-256 by path, the vector store's files included), plus the extra file. */
async function listingExtra(manifest: IndexManifest, dir: string): Promise<IndexManifest & { files: Record<string, string> }> {
  const recorded = (manifest as { files?: Record<string, string> }).files ?? {};
  const files: Record<string, string> = { ...recorded };
  for (const name of [...CORE.filter((f) => f !== "manifest.json"), "terms.json", "hnswlib/args.json"]) files[name] ??= await sha256(join(dir, name));
  files["terms.json"] = await sha256(join(dir, "terms.json"));
  return { ...manifest, files };
}

async function build(indexDir: string, vectorizeDir?: string): Promise<{ bundle: WorkerDataBundle; result: Awaited<ReturnType<typeof buildWorkerAssets>> }> {
  const outDir = join(await mkdtemp(join(tmpdir(), "sitrep-assets-out-")), "assets");
  const result = await buildWorkerAssets({ indexDir, outDir, version: "1.2.3", ...(vectorizeDir ? { vectorizeDir } : {}) });
  const bundle = WorkerDataBundleSchema.parse(JSON.parse(await readFile(join(outDir, WORKER_ASSET_PATHS.data), "utf8")));
  return { bundle, result };
}

const CORE = ["chunks.json", "lexical.json", "manifest.json", "report.json"];
/** What a real index holds besides the core files. */
const ANSWERING = ["figures.json", "glossary.json", "lexicon.json"];

describe("which index files the Worker takes (workerIndexFiles)", () => {
  const listed = ["report.json", "chunks.json", "lexical.json", "terms.json", "hnswlib/args.json", "hnswlib/hnswlib.index"];
  const expected = ["chunks.json", "lexical.json", "manifest.json", "report.json", "terms.json"];
  it.each([
    ["names", listed],
    ["objects with a name and a SHA-256", listed.map((name) => ({ name, sha256: "0".repeat(64) }))],
    ["objects with a path", listed.map((path) => ({ path }))],
    ["a map from path to SHA-256", Object.fromEntries(listed.map((name) => [name, "0".repeat(64)]))],
  ])("takes what the manifest lists, as %s, the manifest itself, and never the vector store", (_shape, files) => {
    expect(workerIndexFiles({ files }, ["stray.json", "manifest.json"])).toEqual(expected);
  });

  it("takes every top-level file of the folder when the manifest lists none, and nothing that climbs out of it", () => {
    expect(workerIndexFiles({}, ["report.json", "chunks.json", "lexical.json", "manifest.json", "lexicon.json"])).toEqual([...CORE, "lexicon.json"].sort());
    expect(workerIndexFiles({ files: ["../secret.json", "/etc/passwd", "report.json"] }, [])).toEqual(["manifest.json", "report.json"]);
  });
});

describe("build-worker-assets", () => {
  it("bundles every data file the manifest lists (an extra one too), never hnswlib/, with the version and the migration names", async () => {
    const { bundle, result } = await build(await indexCopy(listingExtra));
    expect(Object.keys(bundle.files).sort()).toEqual([...CORE, ...ANSWERING, "terms.json"].sort());
    expect(result.indexFiles.some((f) => f.startsWith("hnswlib"))).toBe(false);
    expect(bundle.files["terms.json"]).toEqual({ terms: { MINUSMA: expect.stringContaining("Stabilization Mission") } });
    expect(bundle.version).toBe("1.2.3");
    expect(bundle.migrations).toEqual(readMigrations().map((m) => m.name).sort());
  });

  it("bundles the LLM prompt templates exactly as prompts/ holds them", async () => {
    const { bundle } = await build(await indexCopy());
    for (const [key, file] of Object.entries(PROMPT_FILES)) {
      expect(bundle.prompts[key as keyof typeof PROMPT_FILES]).toBe(await readFile(join(REPO_ROOT, "prompts", file), "utf8"));
    }
  });

  it("fails on a listed file that is missing, naming it", async () => {
    const dir = await indexCopy(async (m, d) => {
      const listed = await listingExtra(m, d);
      return { ...listed, files: { ...listed.files, "thesaurus.json": "0".repeat(64) } };
    });
    await expect(build(dir)).rejects.toThrow(/lists thesaurus\.json/);
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
