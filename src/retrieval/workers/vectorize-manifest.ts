// What `npm run ingest -- --target vectorize` writes beside the ndjson it produces, and what the Worker
// bundles to know which Workers AI model made the vectors in its Vectorize index (queries must use it too).
import { z } from "zod";
import type { IndexManifest } from "../manifest.js";

export const VECTORIZE_FORMAT_VERSION = 1;
export const VECTORIZE_FILES = { manifest: "vectorize.json", vectors: "vectors.ndjson" } as const;
/** 768 dimensions, cosine; the model `wrangler vectorize create --preset @cf/baai/bge-base-en-v1.5` sets up for. */
export const DEFAULT_WORKERS_AI_MODEL = "@cf/baai/bge-base-en-v1.5";

export const VectorizeManifestSchema = z.object({
  formatVersion: z.literal(VECTORIZE_FORMAT_VERSION),
  /** The index build the vectors were made from: one vector per chunk, its id the chunk id. */
  index: z.object({
    seedSha256: z.string().regex(/^[0-9a-f]{64}$/),
    builderSha256: z.string().regex(/^[0-9a-f]{64}$/),
    chunkCount: z.number().int().positive(),
  }),
  encoder: z.object({ provider: z.literal("workers-ai"), name: z.string().min(1), dimensions: z.number().int().positive() }),
  metric: z.literal("cosine"),
  builtAt: z.string(),
});
export type VectorizeManifest = z.infer<typeof VectorizeManifestSchema>;

/** Why these vectors cannot serve this index, or null when they were made from it. */
export function vectorizeMismatch(vectors: VectorizeManifest, index: IndexManifest): string | null {
  if (vectors.index.seedSha256 !== index.seedSha256) return "they were made from another seed";
  if (vectors.index.builderSha256 !== index.builderSha256) return "they were made by another ingest build (chunks may differ)";
  if (vectors.index.chunkCount !== index.chunkCount) return `they cover ${vectors.index.chunkCount} chunks, the index has ${index.chunkCount}`;
  return null;
}
