import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../ingest/build-index.js";
import { builderFingerprint } from "../../ingest/builder-fingerprint.js";
import { IndexManifestSchema } from "../../src/retrieval/manifest.js";
import { hashEmbeddingsBundle } from "../helpers/hash-embeddings.js";
import { SEED_FILE } from "../helpers/index-fixture.js";
import { leftovers, sandbox, snapshot } from "../helpers/ingest-sandbox.js";

// Plumbing tests use fast hash embeddings; the real encoder is exercised in test/retrieval.
let root: string;
let out: string;

beforeAll(async () => {
  root = await sandbox();
  out = join(root, "index");
  const progress: string[] = [];
  const summary = await buildIndex({
    input: SEED_FILE,
    out,
    embeddings: hashEmbeddingsBundle(),
    onProgress: (done, total) => progress.push(`${done}/${total}`),
  });
  expect(summary.status).toBe("built");
  expect(progress.at(-1)).toBe(`${summary.chunks}/${summary.chunks}`);
  expect(progress.length).toBeGreaterThan(2);
}, 120_000);

describe("buildIndex", () => {
  it("writes every file of the layout with a valid manifest, and leaves no temp folder", async () => {
    const manifest = IndexManifestSchema.parse(JSON.parse(await readFile(join(out, "manifest.json"), "utf8")));
    expect(manifest.counts.paragraphs).toBeGreaterThan(50);
    expect(manifest.counts.countries).toBeGreaterThan(40);
    expect(manifest.counts.warnings).toBeGreaterThanOrEqual(1);
    expect(manifest.encoder).toEqual({ provider: "test", name: "hash-bow", dimensions: 64 });
    for (const f of ["report.json", "chunks.json", "lexical.json", "hnswlib/args.json", "hnswlib/docstore.json", "hnswlib/hnswlib.index"]) {
      await expect(readFile(join(out, f))).resolves.toBeDefined();
    }
    expect(await leftovers(root)).toEqual([]);
  });

  it("is a fast no-op on an unchanged seed and encoder", async () => {
    const before = await snapshot(out);
    const summary = await buildIndex({ input: SEED_FILE, out, embeddings: hashEmbeddingsBundle() });
    expect(summary.status).toBe("up-to-date");
    expect(summary.seconds).toBeLessThan(1);
    expect(summary.warnings.length).toBeGreaterThanOrEqual(1);
    expect(await snapshot(out)).toBe(before);
  });

  it("rebuilds with force, and when the encoder changes", async () => {
    const before = await snapshot(out);
    const forced = await buildIndex({ input: SEED_FILE, out, embeddings: hashEmbeddingsBundle(), force: true });
    expect(forced.status).toBe("built");
    expect(await snapshot(out)).not.toBe(before);
    const other = hashEmbeddingsBundle();
    other.encoder = { ...other.encoder, name: "hash-bow-v2" };
    expect((await buildIndex({ input: SEED_FILE, out, embeddings: other })).status).toBe("built");
    expect(await leftovers(root)).toEqual([]);
  });

  it("rebuilds when the code that builds the index changed since (parser or chunking fixes)", async () => {
    const manifestFile = join(out, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Record<string, unknown>;
    await writeFile(manifestFile, JSON.stringify({ ...manifest, builderSha256: "0".repeat(64) }));
    expect((await buildIndex({ input: SEED_FILE, out, embeddings: hashEmbeddingsBundle() })).status).toBe("built");
    const rebuilt = IndexManifestSchema.parse(JSON.parse(await readFile(manifestFile, "utf8")));
    expect(rebuilt.builderSha256).toBe(await builderFingerprint());
  });

  it("rebuilds when the seed changes", async () => {
    const seed = join(root, "seed-edited.txt");
    await writeFile(seed, (await readFile(SEED_FILE, "utf8")) + "\n");
    expect((await buildIndex({ input: seed, out, embeddings: hashEmbeddingsBundle() })).status).toBe("built");
  });

  it("leaves the previous index intact when embedding fails half-way", async () => {
    const before = await snapshot(out);
    await expect(
      buildIndex({ input: SEED_FILE, out, embeddings: hashEmbeddingsBundle(3), force: true }),
    ).rejects.toThrow(/simulated encoder crash/);
    expect(await snapshot(out)).toBe(before);
    expect(await leftovers(root)).toEqual([]);
  });
});
