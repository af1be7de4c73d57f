// Wires the Node build: env config, the on-disk index, the local encoder, SQLite, and the Hono app.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Composer } from "../answer/pipeline.js";
import { loadConfig, type AppConfig } from "../config.js";
import { createReportAsker, createReportRetrieval } from "./asker.js";
import { buildApp } from "../http/app.js";
import type { AppDeps } from "../http/deps.js";
import { createEmbeddings } from "../retrieval/embeddings/provider.js";
import { loadIndex } from "../retrieval/load-index.js";
import { startRetention } from "../stores/retention.js";
import { openSqliteStore } from "../stores/sqlite.js";
import { createLlmComposerFromConfig } from "../answer/llm/from-config.js";
import { createReadiness } from "../http/readiness.js";

export interface NodeSitrepOptions {
  env?: Record<string, string | undefined>;
  /** Replaces the configured LLM composer (tests pass a fake chat model through this). */
  composer?: Composer;
}

const PROJECT_ROOT = resolve(import.meta.dirname, "../..");

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** Builds the widget from source when esbuild is installed (never stale); else serves `npm run build` output. */
async function loadWidgetScript(): Promise<string> {
  try {
    const { buildWidgetBundle } = await import("../../scripts/build-widget.js");
    return await buildWidgetBundle();
  } catch (err) {
    const built = join(PROJECT_ROOT, "dist", "widget.js");
    if (existsSync(built)) return readFileSync(built, "utf8");
    throw new Error(`The chat widget could not be built (${(err as Error).message}) and dist/widget.js is missing: run \`npm run build\`.`);
  }
}

export function indexDirFor(config: AppConfig): string {
  return join(resolve(config.DATA_DIR), "index");
}

export async function createNodeSitrep(options: NodeSitrepOptions = {}) {
  const config = loadConfig(options.env ?? process.env);
  const { embeddings, encoder } = await createEmbeddings(config);
  const index = await loadIndex(indexDirFor(config), embeddings, { encoder });
  // Load the encoder now, so the first question does not pay for it after the server says it is ready.
  await embeddings.embedQuery("warm-up");
  const retrieval = createReportRetrieval(index, { vectors: index.vectors, embeddings });
  const readiness = createReadiness();
  const store = await openSqliteStore(join(resolve(config.DATA_DIR), "sitrep.db"), {
    onFault: (reason) => readiness.fail("store", reason),
  });
  const retention = config.RETENTION_DAYS === undefined ? undefined : await startRetention(store, config.RETENTION_DAYS);
  const composer = options.composer ?? (await createLlmComposerFromConfig(config, index.report));
  const asker = createReportAsker(retrieval, store, composer, { historyTurns: config.HISTORY_TURNS });
  const deps: AppDeps = {
    config,
    asker,
    report: index.report,
    manifest: index.manifest,
    store,
    readiness,
    version: packageVersion(),
    waitUntil: (work) => {
      work.catch((err: unknown) => console.error("[sitrep] background work failed:", err));
    },
    widgetScript: await loadWidgetScript(),
    retrieval: "hybrid",
  };
  return {
    app: buildApp(deps),
    deps,
    close: () => {
      retention?.stop();
      return store.close();
    },
  };
}
