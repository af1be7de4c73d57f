// Loads and validates the index folder written by ingest.
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { z } from "zod";
import { StructuredReportSchema, type StructuredReport } from "../report/schema.js";
import { StoredChunksSchema, type ChunkMetadata } from "./chunk.js";
import type { EncoderInfo } from "./embeddings/provider.js";
import { LexicalIndex } from "./lexical.js";
import { INDEX_FILES, IndexManifestSchema, type IndexManifest } from "./manifest.js";

export class IndexMissingError extends Error {
  constructor(readonly indexDir: string) {
    super(`No index found at ${indexDir}. Build it first with \`npm run ingest\`.`);
    this.name = "IndexMissingError";
  }
}

export class IndexInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexInvalidError";
  }
}

export class EncoderMismatchError extends Error {
  constructor(indexDir: string, built: EncoderInfo, configured: EncoderInfo) {
    super(
      `The index at ${indexDir} was built with encoder ${show(built)}, but ${show(configured)} is configured. ` +
        "Rebuild it with `npm run ingest -- --force` or set EMBEDDINGS_PROVIDER/EMBEDDINGS_MODEL to match.",
    );
    this.name = "EncoderMismatchError";
  }
}

const show = (e: EncoderInfo) => `${e.provider}/${e.name} (${e.dimensions} dims)`;

export interface LoadedIndex {
  manifest: IndexManifest;
  report: StructuredReport;
  chunks: Document<ChunkMetadata>[];
  lexical: LexicalIndex;
  vectors: HNSWLib;
}

export interface LoadIndexOptions {
  /** The configured encoder; defaults to `embeddings.encoder` when the embeddings carry one. */
  encoder?: EncoderInfo;
}

export async function loadIndex(indexDir: string, embeddings: Embeddings, options: LoadIndexOptions = {}): Promise<LoadedIndex> {
  const dir = resolve(indexDir);
  const manifestPath = join(dir, INDEX_FILES.manifest);
  if (!(await stat(manifestPath).then((s) => s.isFile(), () => false))) throw new IndexMissingError(dir);

  const manifest = await readValidated(dir, INDEX_FILES.manifest, IndexManifestSchema);
  const configured = options.encoder ?? (embeddings as { encoder?: EncoderInfo }).encoder;
  if (configured && !sameEncoder(manifest.encoder, configured)) throw new EncoderMismatchError(dir, manifest.encoder, configured);

  const report = await readValidated(dir, INDEX_FILES.report, StructuredReportSchema);
  if (report.seedSha256 !== manifest.seedSha256) throw new IndexInvalidError(`${join(dir, INDEX_FILES.report)} does not belong to this manifest (seed hash differs).`);
  const stored = await readValidated(dir, INDEX_FILES.chunks, StoredChunksSchema);
  if (stored.length !== manifest.chunkCount) {
    throw new IndexInvalidError(`${join(dir, INDEX_FILES.chunks)} holds ${stored.length} chunks; the manifest says ${manifest.chunkCount}.`);
  }
  const chunks = stored.map((c) => new Document<ChunkMetadata>({ pageContent: c.pageContent, metadata: c.metadata }));
  const lexicalJson = await readJson(dir, INDEX_FILES.lexical);
  let lexical: LexicalIndex;
  try {
    lexical = LexicalIndex.fromJSON(lexicalJson);
  } catch (err) {
    throw new IndexInvalidError(`${join(dir, INDEX_FILES.lexical)} is invalid: ${summarize(err)}`);
  }
  if (lexical.size !== chunks.length) throw new IndexInvalidError(`${join(dir, INDEX_FILES.lexical)} does not match chunks.json.`);

  let vectors: HNSWLib;
  try {
    vectors = await HNSWLib.load(join(dir, INDEX_FILES.vectors), embeddings);
  } catch (err) {
    throw new IndexInvalidError(`Cannot load ${join(dir, INDEX_FILES.vectors)}: ${summarize(err)}`);
  }
  if (vectors.args.numDimensions !== undefined && vectors.args.numDimensions !== manifest.encoder.dimensions) {
    throw new IndexInvalidError(`${join(dir, INDEX_FILES.vectors)} has ${vectors.args.numDimensions} dimensions; the manifest says ${manifest.encoder.dimensions}.`);
  }
  return { manifest, report, chunks, lexical, vectors };
}

function sameEncoder(a: EncoderInfo, b: EncoderInfo): boolean {
  return a.provider === b.provider && a.name === b.name && a.dimensions === b.dimensions;
}

async function readJson(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new IndexInvalidError(`Cannot read ${path}: ${summarize(err)}. Rebuild with \`npm run ingest -- --force\`.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IndexInvalidError(`${path} is not valid JSON: ${summarize(err)}. Rebuild with \`npm run ingest -- --force\`.`);
  }
}

async function readValidated<T extends z.ZodType>(dir: string, name: string, schema: T): Promise<z.infer<T>> {
  const json = await readJson(dir, name);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new IndexInvalidError(`${join(dir, name)} is invalid (${issues.join("; ")}). Rebuild with \`npm run ingest -- --force\`.`);
  }
  return parsed.data;
}

function summarize(err: unknown): string {
  if (err instanceof z.ZodError) return err.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  return err instanceof Error ? err.message : String(err);
}
