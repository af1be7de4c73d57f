// Wires the Cloudflare Worker build: bundled index data (no encoder, no vector store), lexical-only
// retrieval, an in-memory store, and the same Hono app and asker as Node. Nothing here may import
// Node-only modules (node:fs, better-sqlite3, hnswlib-node, esbuild).
// First on purpose: @hono/zod-openapi must extend zod before report/schema.ts and answer/contract.ts
// create their schemas, or src/http/openapi-schemas.ts finds no .openapi() on them at load time.
import "@hono/zod-openapi";
import { Document } from "@langchain/core/documents";
import { z } from "zod";
import { createAsker } from "../answer/pipeline.js";
import { answerNumericQuestion, answerParagraphArithmetic } from "../answer/numeric/index.js";
import { asPassageRetriever } from "../answer/retriever-adapter.js";
import { buildSentenceIndex } from "../answer/sentence-index.js";
import { loadConfig } from "../config.js";
import { buildApp } from "../http/app.js";
import type { AppDeps } from "../http/deps.js";
import { StructuredReportSchema } from "../report/schema.js";
import { StoredChunksSchema, type ChunkMetadata } from "../retrieval/chunk.js";
import { HybridRetriever } from "../retrieval/hybrid.js";
import { LexicalIndex } from "../retrieval/lexical.js";
import { INDEX_FILES, IndexManifestSchema } from "../retrieval/manifest.js";
import { createMemoryStore } from "../stores/memory.js";

/** Where scripts/build-worker-assets.ts puts the data inside the assets directory (fetched via env.ASSETS). */
export const WORKER_ASSET_FILES = {
  /** { version } of the package the assets were built from. */
  build: "sitrep-data/build.json",
  manifest: `sitrep-data/${INDEX_FILES.manifest}`,
  report: `sitrep-data/${INDEX_FILES.report}`,
  chunks: `sitrep-data/${INDEX_FILES.chunks}`,
  lexical: `sitrep-data/${INDEX_FILES.lexical}`,
  widget: "widget.js",
} as const;

/** The parsed (not yet validated) JSON files of an index folder, plus the widget bundle when built. */
export interface WorkerIndexData {
  manifest: unknown;
  report: unknown;
  chunks: unknown;
  lexical: unknown;
  widgetScript?: string;
}

export interface WorkerSitrepOptions {
  version?: string;
  /** Schedules work past the response (the Worker routes it to the current request's ctx.waitUntil). */
  waitUntil?: (work: Promise<unknown>) => void;
}

export class WorkerDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerDataError";
  }
}

/** String vars only (bindings such as ASSETS are objects); the LLM composer is not wired in the Worker yet. */
function configEnv(env: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === "string" && !key.startsWith("LLM_")) out[key] = value;
  }
  return out;
}

function validated<T extends z.ZodType>(file: string, schema: T, json: unknown): z.infer<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new WorkerDataError(`${file} is invalid (${issues.join("; ")}). Rebuild the index and the worker assets.`);
}

export function createWorkerSitrep(env: Record<string, unknown>, data: WorkerIndexData, options: WorkerSitrepOptions = {}) {
  const config = loadConfig(configEnv(env));
  // The same schemas and cross-checks as src/retrieval/load-index.ts (which reads files and loads HNSWLib).
  const manifest = validated(INDEX_FILES.manifest, IndexManifestSchema, data.manifest);
  const report = validated(INDEX_FILES.report, StructuredReportSchema, data.report);
  if (report.seedSha256 !== manifest.seedSha256) throw new WorkerDataError(`${INDEX_FILES.report} does not belong to this manifest (seed hash differs).`);
  const stored = validated(INDEX_FILES.chunks, StoredChunksSchema, data.chunks);
  if (stored.length !== manifest.chunkCount) {
    throw new WorkerDataError(`${INDEX_FILES.chunks} holds ${stored.length} chunks; the manifest says ${manifest.chunkCount}.`);
  }
  const chunks = stored.map((c) => new Document<ChunkMetadata>({ pageContent: c.pageContent, metadata: c.metadata }));
  let lexical: LexicalIndex;
  try {
    lexical = LexicalIndex.fromJSON(data.lexical);
  } catch (err) {
    throw new WorkerDataError(`${INDEX_FILES.lexical} is invalid: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (lexical.size !== chunks.length) throw new WorkerDataError(`${INDEX_FILES.lexical} does not match ${INDEX_FILES.chunks}.`);

  // No encoder in a Worker: BM25 only. The manifest keeps the encoder the index was built with.
  const retriever = HybridRetriever.lexicalOnly(chunks, lexical);
  // Per-isolate memory: conversations survive only while this isolate lives. D1 would be the durable option.
  const store = createMemoryStore();
  const asker = createAsker({
    report,
    sentences: buildSentenceIndex(report),
    retriever: asPassageRetriever(retriever),
    numeric: { answerNumericQuestion, answerParagraphArithmetic },
    store,
  });
  const deps: AppDeps = {
    config,
    asker,
    report,
    manifest,
    store,
    version: options.version ?? "0.0.0",
    waitUntil:
      options.waitUntil ??
      ((work) => {
        work.catch((err: unknown) => console.error("[sitrep] background work failed:", err));
      }),
    ...(data.widgetScript !== undefined ? { widgetScript: data.widgetScript } : {}),
  };
  return { app: buildApp(deps), deps, retriever };
}

export type WorkerSitrep = ReturnType<typeof createWorkerSitrep>;
