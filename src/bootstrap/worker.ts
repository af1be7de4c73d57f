// Wires the Cloudflare Worker build: bundled index data (no encoder, no vector store), lexical-only
// retrieval, an in-memory store, and the same Hono app and asker as Node. Nothing here may import
// Node-only modules (node:fs, better-sqlite3, hnswlib-node, esbuild).
import { loadConfig } from "../config.js";
import { createReportAsker, createReportRetrieval } from "./asker.js";
import { buildApp } from "../http/app.js";
import type { AppDeps } from "../http/deps.js";
import { IndexInvalidError, validateIndexData, type RawIndexData } from "../retrieval/index-data.js";
import { INDEX_FILES } from "../retrieval/manifest.js";
import { createMemoryStore } from "../stores/memory.js";
import { createReadiness } from "../http/readiness.js";

/** Where scripts/build-worker-assets.ts puts the data inside the assets directory (fetched via env.ASSETS). */
export const WORKER_ASSET_FILES = {
  /** { version } of the package the assets were built from. */
  build: "sitrep-data/build.json",
  manifest: `sitrep-data/${INDEX_FILES.manifest}`,
  report: `sitrep-data/${INDEX_FILES.report}`,
  chunks: `sitrep-data/${INDEX_FILES.chunks}`,
  lexical: `sitrep-data/${INDEX_FILES.lexical}`,
  glossary: `sitrep-data/${INDEX_FILES.glossary}`,
  lexicon: `sitrep-data/${INDEX_FILES.lexicon}`,
  figures: `sitrep-data/${INDEX_FILES.figures}`,
  widget: "widget.js",
} as const;

/** The parsed (not yet validated) JSON files of an index folder, plus the widget bundle when built. */
export interface WorkerIndexData extends RawIndexData {
  widgetScript?: string;
}

/** Invalid bundled data: the same error the Node loader throws for an invalid index folder. */
export const WorkerDataError = IndexInvalidError;
const REBUILD_ASSETS = "Rebuild the index and the worker assets (`npm run ingest && npm run build:worker`).";

export interface WorkerSitrepOptions {
  version?: string;
  /** Schedules work past the response (the Worker routes it to the current request's ctx.waitUntil). */
  waitUntil?: (work: Promise<unknown>) => void;
}

/** String vars only (bindings such as ASSETS are objects); the LLM composer is not wired in the Worker yet. */
function configEnv(env: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === "string" && !key.startsWith("LLM_")) out[key] = value;
  }
  return out;
}

export function createWorkerSitrep(env: Record<string, unknown>, data: WorkerIndexData, options: WorkerSitrepOptions = {}) {
  const config = loadConfig(configEnv(env));
  const index = validateIndexData(data, (file) => `worker asset ${file}`, REBUILD_ASSETS);
  const { manifest, report } = index;

  // No encoder in a Worker: BM25 only. The manifest keeps the encoder the index was built with.
  const retrieval = createReportRetrieval(index);
  const retriever = retrieval.retriever;
  // Per-isolate memory: conversations survive only while this isolate lives. D1 would be the durable option.
  const store = createMemoryStore();
  const asker = createReportAsker(retrieval, store, undefined, { historyTurns: config.HISTORY_TURNS });
  const deps: AppDeps = {
    config,
    asker,
    report,
    manifest,
    store,
    readiness: createReadiness(),
    version: options.version ?? "0.0.0",
    retrieval: "lexical",
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
