// Validates the JSON files of an index folder (manifest, report, chunks, lexical) and checks they belong
// together. Node-free, so the Node loader (which reads files and adds HNSWLib) and the Worker (which
// fetches bundled assets) share one set of checks.
import { Document } from "@langchain/core/documents";
import { z } from "zod";
import { FiguresSchema, type Figures } from "../figures/schema.js";
import { GlossarySchema, LexiconSchema, type Glossary, type Lexicon } from "../glossary/schema.js";
import { StructuredReportSchema, type StructuredReport } from "../report/schema.js";
import { StoredChunksSchema, type ChunkMetadata } from "./chunk.js";
import { LexicalIndex } from "./lexical.js";
import { INDEX_FILES, IndexManifestSchema, type IndexManifest } from "./manifest.js";

export class IndexInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexInvalidError";
  }
}

/** The parsed (not yet validated) JSON files of an index folder. */
export interface RawIndexData {
  manifest: unknown;
  report: unknown;
  chunks: unknown;
  lexical: unknown;
  glossary: unknown;
  lexicon: unknown;
  figures: unknown;
}

/** The JSON files of an index folder, by the key validateIndexData reads them under. */
export const RAW_INDEX_FILES = ["manifest", "report", "chunks", "lexical", "glossary", "lexicon", "figures"] as const satisfies readonly (keyof RawIndexData & keyof typeof INDEX_FILES)[];

/** The raw index data, each file fetched by its name (from disk, from a bundle, from assets). */
export function rawIndexData(fileByName: (name: string) => unknown): RawIndexData {
  return Object.fromEntries(RAW_INDEX_FILES.map((key) => [key, fileByName(INDEX_FILES[key])])) as unknown as RawIndexData;
}

export interface IndexData {
  manifest: IndexManifest;
  report: StructuredReport;
  chunks: Document<ChunkMetadata>[];
  lexical: LexicalIndex;
  glossary: Glossary;
  lexicon: Lexicon;
  figures: Figures;
}

export function describeError(err: unknown): string {
  if (err instanceof z.ZodError) return err.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  return err instanceof Error ? err.message : String(err);
}

/**
 * @param where names a file for messages (a path on Node, an asset name in a Worker)
 * @param fix   what to do about an invalid index, appended to every message
 */
export function validateIndexData(raw: RawIndexData, where: (file: string) => string, fix: string): IndexData {
  const invalid = (message: string) => new IndexInvalidError(`${message} ${fix}`);
  const validated = <T extends z.ZodType>(file: string, schema: T, json: unknown): z.infer<T> => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw invalid(`${where(file)} is invalid (${describeError(parsed.error)}).`);
    return parsed.data;
  };
  const manifest = validated(INDEX_FILES.manifest, IndexManifestSchema, raw.manifest);
  const report = validated(INDEX_FILES.report, StructuredReportSchema, raw.report);
  if (report.seedSha256 !== manifest.seedSha256) throw invalid(`${where(INDEX_FILES.report)} does not belong to this manifest (seed hash differs).`);
  const stored = validated(INDEX_FILES.chunks, StoredChunksSchema, raw.chunks);
  if (stored.length !== manifest.chunkCount) {
    throw invalid(`${where(INDEX_FILES.chunks)} holds ${stored.length} chunks; the manifest says ${manifest.chunkCount}.`);
  }
  const chunks = stored.map((c) => new Document<ChunkMetadata>({ pageContent: c.pageContent, metadata: c.metadata }));
  let lexical: LexicalIndex;
  try {
    lexical = LexicalIndex.fromJSON(raw.lexical);
  } catch (err) {
    throw invalid(`${where(INDEX_FILES.lexical)} is invalid: ${describeError(err)}.`);
  }
  if (lexical.size !== chunks.length) throw invalid(`${where(INDEX_FILES.lexical)} does not match ${INDEX_FILES.chunks}.`);
  const glossary = validated(INDEX_FILES.glossary, GlossarySchema, raw.glossary);
  const lexicon = validated(INDEX_FILES.lexicon, LexiconSchema, raw.lexicon);
  const figures = validated(INDEX_FILES.figures, FiguresSchema, raw.figures);
  return { manifest, report, chunks, lexical, glossary, lexicon, figures };
}
