// `npm run ingest -- --target vectorize`: embeds every chunk of the index with a Workers AI model and
// writes what `wrangler vectorize upsert --file` takes (one {id, values, metadata} per line), plus
// vectorize.json, which the Worker bundles to query with the same model.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CloudflareWorkersAIEmbeddings } from "@langchain/cloudflare";
import type { Ai } from "@cloudflare/workers-types";
import type { Document } from "@langchain/core/documents";
import type { ChunkMetadata } from "../../src/retrieval/chunk.js";
import { rawIndexData, RAW_INDEX_FILES, validateIndexData } from "../../src/retrieval/index-data.js";
import { INDEX_FILES, type IndexManifest } from "../../src/retrieval/manifest.js";
import type { EmbeddingRunner } from "../../src/retrieval/workers/vectorize-store.js";
import {
  VECTORIZE_FILES,
  VECTORIZE_FORMAT_VERSION,
  VectorizeManifestSchema,
  vectorizeMismatch,
  type VectorizeManifest,
} from "../../src/retrieval/workers/vectorize-manifest.js";

/** Vectorize's limit on a vector id. */
const MAX_ID_BYTES = 64;

export interface BuildVectorsOptions {
  indexDir: string;
  outDir: string;
  model: string;
  runner: EmbeddingRunner;
  force?: boolean;
}

export interface BuildVectorsResult {
  status: "built" | "up-to-date";
  manifest: VectorizeManifest;
  vectorsFile: string;
  count: number;
}

/** The metadata stored with each vector: the citable unit, never the text (the Worker bundles that). */
export function vectorMetadata(m: ChunkMetadata): Record<string, string | number> {
  return {
    ref: m.ref,
    kind: m.kind,
    ...(m.paragraph !== undefined ? { paragraph: m.paragraph } : {}),
    ...(m.annex !== undefined ? { annex: m.annex } : {}),
    ...(m.rowKey !== undefined ? { rowKey: m.rowKey } : {}),
    part: m.part,
  };
}

async function readIndex(indexDir: string) {
  const read = async (name: string) => JSON.parse(await readFile(join(indexDir, name), "utf8")) as unknown;
  const names = RAW_INDEX_FILES.map((key) => INDEX_FILES[key]);
  const files = new Map<string, unknown>(await Promise.all(names.map(async (name) => [name, await read(name)] as const)));
  return validateIndexData(rawIndexData((name) => files.get(name)), (file) => join(indexDir, file), "Rebuild it with `npm run ingest -- --force`.");
}

async function current(outDir: string, index: IndexManifest, model: string): Promise<VectorizeManifest | null> {
  try {
    const manifest = VectorizeManifestSchema.parse(JSON.parse(await readFile(join(outDir, VECTORIZE_FILES.manifest), "utf8")));
    if (vectorizeMismatch(manifest, index) || manifest.encoder.name !== model) return null;
    const lines = (await readFile(join(outDir, VECTORIZE_FILES.vectors), "utf8")).split("\n").filter(Boolean);
    return lines.length === index.chunkCount ? manifest : null;
  } catch {
    return null;
  }
}

export async function buildVectors(options: BuildVectorsOptions): Promise<BuildVectorsResult> {
  const outDir = resolve(options.outDir);
  const vectorsFile = join(outDir, VECTORIZE_FILES.vectors);
  const { manifest: index, chunks } = await readIndex(resolve(options.indexDir));
  if (!options.force) {
    const existing = await current(outDir, index, options.model);
    if (existing) return { status: "up-to-date", manifest: existing, vectorsFile, count: index.chunkCount };
  }
  for (const c of chunks) {
    if (new TextEncoder().encode(c.metadata.id).length > MAX_ID_BYTES) throw new Error(`chunk id "${c.metadata.id}" is over Vectorize's ${MAX_ID_BYTES}-byte id limit`);
  }

  const embeddings = new CloudflareWorkersAIEmbeddings({ binding: options.runner as unknown as Ai, model: options.model, maxRetries: 2 });
  const values = await embeddings.embedDocuments(chunks.map((c: Document<ChunkMetadata>) => c.pageContent));
  const dimensions = values[0]?.length ?? 0;
  if (values.length !== chunks.length || dimensions === 0 || values.some((v) => v.length !== dimensions)) {
    throw new Error(`Workers AI returned ${values.length} embeddings of uneven or zero width for ${chunks.length} chunks`);
  }
  const lines = chunks.map((c, i) => JSON.stringify({ id: c.metadata.id, values: values[i], metadata: vectorMetadata(c.metadata) }));
  const manifest: VectorizeManifest = VectorizeManifestSchema.parse({
    formatVersion: VECTORIZE_FORMAT_VERSION,
    index: { seedSha256: index.seedSha256, builderSha256: index.builderSha256, chunkCount: index.chunkCount },
    encoder: { provider: "workers-ai", name: options.model, dimensions },
    metric: "cosine",
    builtAt: new Date().toISOString(),
  });

  // Vectors first, manifest last (each renamed into place): a manifest always describes the file beside it.
  await mkdir(outDir, { recursive: true });
  await writeAtomically(vectorsFile, lines.join("\n") + "\n");
  await writeAtomically(join(outDir, VECTORIZE_FILES.manifest), JSON.stringify(manifest, null, 2) + "\n");
  return { status: "built", manifest, vectorsFile, count: lines.length };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  await rename(temp, file);
}
