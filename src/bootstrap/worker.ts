// Wires the Cloudflare Worker build: bundled index data, the store in D1 (binding DB, required), dense
// retrieval through Workers AI + Vectorize when both bindings exist (lexical otherwise), the LLM stage
// when LLM_BASE_URL and LLM_MODEL are set (the prompts come with the bundled data), and the same Hono
// app and asker as Node. Nothing here may import Node-only modules (node:fs, better-sqlite3,
// hnswlib-node, esbuild).
import type { D1Database } from "@cloudflare/workers-types";
import { createLlmComposerFromConfig } from "../answer/llm/from-config.js";
import { answerPrompts, AnswerPromptTextsSchema } from "../answer/llm/prompts.js";
import { loadConfig } from "../config.js";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { VectorStoreInterface } from "@langchain/core/vectorstores";
import { createReportAsker, createReportRetrieval } from "./asker.js";
import { logLlmOutcomes } from "./worker-llm-outcomes.js";
import { buildApp } from "../http/app.js";
import type { AppDeps } from "../http/deps.js";
import { createReadiness } from "../http/readiness.js";
import type { EncoderInfo } from "../retrieval/embeddings/provider.js";
import { IndexInvalidError, rawIndexData, validateIndexData, type IndexData } from "../retrieval/index-data.js";
import { INDEX_FILES } from "../retrieval/manifest.js";
import { VectorizeManifestSchema, vectorizeMismatch } from "../retrieval/workers/vectorize-manifest.js";
import { workersDense, type EmbeddingRunner, type VectorizeQueryBinding } from "../retrieval/workers/vectorize-store.js";
import { d1Driver } from "../stores/sql/d1-driver.js";
import { sqlRateLimitStore, type SqlRateLimitStore } from "../stores/sql/rate-limit-queries.js";
import { sqlSitrepStore } from "../stores/sql/sitrep-queries.js";

/** The bindings the Worker reads (wrangler.toml); every other string in env is configuration. */
export interface WorkerBindings {
  /** D1: conversations, turns, feedback, Slack event ids and rate-limit counters. Required. */
  DB?: D1Database;
  /** Workers AI and a Vectorize index: dense retrieval when both are bound. */
  AI?: EmbeddingRunner;
  VECTORIZE?: VectorizeQueryBinding;
  [key: string]: unknown;
}

/** The data the Worker bundles (scripts/build-worker-assets.ts), parsed but not yet validated. */
export interface WorkerIndexData {
  /** Every data file of the index folder by name, JSON parsed: manifest, report, chunks, lexical and any other the index holds. */
  files: Record<string, unknown>;
  /** vectorize.json from `npm run ingest -- --target vectorize`: the model that made the Vectorize vectors. */
  vectorize?: unknown;
  /** The answer prompt templates (prompts/*.md), needed only when an LLM is configured. */
  prompts?: unknown;
  widgetScript?: string;
}

/** Invalid bundled data: the same error the Node loader throws for an invalid index folder. */
export const WorkerDataError = IndexInvalidError;

/** A deployment problem the operator must fix (a missing binding, migrations not applied). */
export class WorkerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerConfigError";
  }
}

const REBUILD_ASSETS = "Rebuild the index and the worker assets (`npm run ingest && npm run build:worker`).";

export interface WorkerSitrepOptions {
  version?: string;
  /** Schedules work past the response (the Worker routes it to the current request's ctx.waitUntil). */
  waitUntil?: (work: Promise<unknown>) => void;
  log?: (message: string) => void;
}

/** String vars and secrets only (bindings are objects). */
function configEnv(env: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === "string") out[key] = value;
  }
  return out;
}

function bundledPrompts(prompts: unknown) {
  const texts = AnswerPromptTextsSchema.safeParse(prompts);
  if (!texts.success) throw new WorkerConfigError(`LLM_BASE_URL and LLM_MODEL are set, but the worker assets carry no valid prompt templates. ${REBUILD_ASSETS}`);
  return answerPrompts(texts.data);
}

export function requireDb(env: WorkerBindings): D1Database {
  if (!env.DB) throw new WorkerConfigError('The D1 binding "DB" is missing: add [[d1_databases]] with binding = "DB" to wrangler.toml (see the README, Deploy).');
  return env.DB;
}

interface Retrieval {
  /** The dense side, when the bindings give one. */
  dense?: { vectors: VectorStoreInterface; embeddings: EmbeddingsInterface };
  mode: "hybrid" | "lexical";
  denseEncoder?: EncoderInfo;
  /** Why the Worker runs lexical-only although a binding is set. */
  note?: string;
}

function chooseRetrieval(env: WorkerBindings, index: IndexData, vectorizeJson: unknown): Retrieval {
  const lexical = (note?: string): Retrieval => ({ mode: "lexical", ...(note ? { note } : {}) });
  if (!env.AI && !env.VECTORIZE) return lexical();
  if (!env.AI || !env.VECTORIZE) return lexical(`dense retrieval needs both the AI and VECTORIZE bindings; only ${env.AI ? "AI" : "VECTORIZE"} is bound`);
  if (vectorizeJson === undefined) return lexical("no vectorize.json in the worker assets: run `npm run ingest -- --target vectorize`, upload the vectors, then `npm run build:worker`");
  const vectorize = VectorizeManifestSchema.safeParse(vectorizeJson);
  if (!vectorize.success) return lexical("the bundled vectorize.json is invalid: run `npm run ingest -- --target vectorize --force`");
  const mismatch = vectorizeMismatch(vectorize.data, index.manifest);
  if (mismatch) return lexical(`the Vectorize vectors do not fit this index (${mismatch}): run \`npm run ingest -- --target vectorize\` and upload them again`);
  const { embeddings, vectors } = workersDense(env.AI, env.VECTORIZE, vectorize.data.encoder.name, index.chunks.map((c) => c.metadata.id));
  return { dense: { vectors, embeddings }, mode: "hybrid", denseEncoder: vectorize.data.encoder };
}

/** The rate-limit counters in D1, shaped like hono-rate-limiter's Store, for the access-control middleware. */
export function createWorkerRateLimitStore(env: WorkerBindings): SqlRateLimitStore {
  return sqlRateLimitStore(d1Driver(requireDb(env)));
}

export async function createWorkerSitrep(env: WorkerBindings, data: WorkerIndexData, options: WorkerSitrepOptions = {}) {
  const config = loadConfig(configEnv(env));
  const file = (name: string) => data.files[name];
  const index = validateIndexData(
    rawIndexData(file),
    (name) => `worker asset ${name}`,
    REBUILD_ASSETS,
  );
  const db = d1Driver(requireDb(env));
  const store = sqlSitrepStore(db);
  const retrieval = chooseRetrieval(env, index, data.vectorize);
  const log = (message: string) => (options.log ?? console.warn)(`[sitrep] ${message}`);
  if (retrieval.note) log(`lexical retrieval: ${retrieval.note}`);
  const reportRetrieval = createReportRetrieval(index, retrieval.dense);
  const rateLimitStore = sqlRateLimitStore(db);
  const llm = await createLlmComposerFromConfig(config, {
    prompts: () => bundledPrompts(data.prompts),
    report: index.report,
    retriever: reportRetrieval.retriever,
    log,
  });
  const asker = createReportAsker(reportRetrieval, store, llm && logLlmOutcomes(llm), { historyTurns: config.HISTORY_TURNS });
  const deps: AppDeps = {
    config,
    asker,
    report: index.report,
    manifest: index.manifest,
    store,
    rateLimitStore,
    readiness: createReadiness(),
    version: options.version ?? "0.0.0",
    retrieval: retrieval.mode,
    ...(retrieval.denseEncoder ? { denseEncoder: retrieval.denseEncoder } : {}),
    waitUntil:
      options.waitUntil ??
      ((work) => {
        work.catch((err: unknown) => console.error("[sitrep] background work failed:", err));
      }),
    ...(data.widgetScript !== undefined ? { widgetScript: data.widgetScript } : {}),
  };
  return { app: buildApp(deps), deps, retriever: reportRetrieval.retriever, rateLimitStore };
}

export type WorkerSitrep = Awaited<ReturnType<typeof createWorkerSitrep>>;
