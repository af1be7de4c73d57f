// The index folder's manifest: what was built, from which seed, with which encoder.
import { z } from "zod";

export const INDEX_FORMAT_VERSION = 3;

/** A path inside the index folder, "/"-separated, with no ".." or absolute part. */
const IndexFilePath = z.string().regex(/^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/);

export const IndexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  seedFile: z.string(),
  seedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Hash of the code that built the index (ingest/builder-fingerprint.ts). */
  builderSha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoder: z.object({ provider: z.string(), name: z.string(), dimensions: z.number().int().positive() }),
  chunkCount: z.number().int().positive(),
  counts: z.object({
    paragraphs: z.number().int().nonnegative(),
    indicators: z.number().int().nonnegative(),
    countries: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
  }),
  builtAt: z.string(),
  /** SHA-256 (hex) of every other file in the folder, by relative path; the loader checks them all. */
  files: z.record(IndexFilePath, z.string().regex(/^[0-9a-f]{64}$/)).refine((f) => Object.keys(f).length > 0, "lists no files"),
});
export type IndexManifest = z.infer<typeof IndexManifestSchema>;

/**
 * Layout of the index folder written by ingest (DATA_DIR/index by default):
 *   manifest.json  IndexManifest
 *   report.json    StructuredReport (src/report/schema.ts)
 *   chunks.json    the chunks as LangChain Document objects (pageContent + metadata)
 *   lexical.json   the BM25 index over the same chunks (MiniSearch)
 *   glossary.json  abbreviations the report defines, UN terminology, countries (src/glossary/schema.ts)
 *   lexicon.json   WordNet links from question words to the report's terms
 *   figures.json   every figure of the paragraphs, described (src/figures/schema.ts)
 *   hnswlib/       HNSWLib.save() output (args.json, docstore.json, hnswlib.index)
 * The manifest's `files` records the SHA-256 of each of them (and of any file a later format adds).
 */
export const INDEX_FILES = {
  manifest: "manifest.json",
  report: "report.json",
  chunks: "chunks.json",
  lexical: "lexical.json",
  glossary: "glossary.json",
  lexicon: "lexicon.json",
  figures: "figures.json",
  vectors: "hnswlib",
} as const;
