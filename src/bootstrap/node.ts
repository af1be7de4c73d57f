// Wires the Node build: env config, the on-disk index, the answer workers (or the main thread), SQLite,
// logs, metrics and the Hono app. With a pool, the main thread reads only the manifest and the report
// (for /health and the report routes); each worker loads the index and the encoder itself.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pino, type Logger } from "pino";
import type { AnswerPipeline } from "../answer/contract.js";
import type { Composer } from "../answer/pipeline.js";
import { createConversationAsker } from "../conversations/conversation-asker.js";
import { buildApp } from "../http/app.js";
import type { AppDeps } from "../http/deps.js";
import { createMetrics } from "../http/middleware/metrics.js";
import { knownEncoder } from "../retrieval/embeddings/encoder-info.js";
import { guardDeadline } from "../serving/deadline.js";
import { startRetention } from "../stores/retention.js";
import { openSqliteStore } from "../stores/sqlite.js";
import { readIndexSummary } from "./index-summary.js";
import { indexDirFor } from "./index-dir.js";
import { startAnswerWorkers, type StartedWorkers } from "./node-workers.js";
import { PROJECT_ROOT, RUNNING_COMPILED } from "./project-root.js";

export { indexDirFor };

export interface NodeSitrepOptions {
  env?: Record<string, string | undefined>;
  /** Replaces the configured LLM composer (tests pass a fake chat model through this); answers on the main thread. */
  composer?: Composer;
  /** Wraps the pipeline (tests inject a slow one around the real one); answers on the main thread. */
  wrapPipeline?: (pipeline: AnswerPipeline) => AnswerPipeline;
  /** Where logs go (default: pino to stdout at LOG_LEVEL). */
  logger?: Logger;
  /** Workers already started by the entry point (startAnswerWorkers); otherwise started here. */
  workers?: StartedWorkers;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** Compiled (npm start): the bundle the same build wrote. From source: built now, so never stale. */
async function loadWidgetScript(): Promise<string> {
  const built = join(PROJECT_ROOT, "dist", "widget.js");
  if (RUNNING_COMPILED && existsSync(built)) return readFileSync(built, "utf8");
  try {
    const { buildWidgetBundle } = await import("../../scripts/build-widget.js");
    return await buildWidgetBundle();
  } catch (err) {
    if (existsSync(built)) return readFileSync(built, "utf8");
    throw new Error(`The chat widget could not be built (${(err as Error).message}) and dist/widget.js is missing: run \`npm run build\`.`);
  }
}

/** Promise.all that waits for every part, then undoes the ones that succeeded when one failed. */
async function settleAll<const T extends readonly unknown[]>(
  parts: T,
  undo: (done: { -readonly [K in keyof T]: Awaited<T[K]> | undefined }) => Promise<unknown>,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(parts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  const values = settled.map((s) => (s.status === "fulfilled" ? s.value : undefined)) as { -readonly [K in keyof T]: Awaited<T[K]> };
  if (failed) {
    await undo(values).catch(() => {});
    throw failed.reason;
  }
  return values;
}

export async function createNodeSitrep(options: NodeSitrepOptions = {}) {
  // The workers first: they load the encoder and the index while this thread does its part.
  const workers = options.workers ?? startAnswerWorkers({ ...(options.env ? { env: options.env } : {}), inProcess: Boolean(options.composer || options.wrapPipeline) });
  const { config, readiness, threads, pool } = workers;
  // Logging never blocks the event loop (asynchronous writes; pino flushes them on exit).
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { service: "sitrep" } }, pino.destination({ dest: 1, sync: false }));
  workers.logErrorsWith((err) => logger.error({ err }, "answer worker failed"));
  try {
    const encoder = knownEncoder(config) ?? (await (await import("../retrieval/embeddings/provider.js")).createEmbeddings(config)).encoder;
    const [local, store, widgetScript] = await settleAll(
      [
        pool
          ? readIndexSummary(indexDirFor(config), encoder).then((summary) => ({ ...summary, pipeline: pool.pipeline }))
          : // The whole answering stack loads on this thread only when it answers here.
            import("./node-pipeline.js")
              .then(({ loadNodePipeline }) => loadNodePipeline(config, options.composer))
              .then(({ pipeline, index }) => ({ ...index, pipeline })),
        openSqliteStore(join(resolve(config.DATA_DIR), "sitrep.db"), { onFault: (reason) => readiness.fail("store", reason) }),
        loadWidgetScript(),
        pool?.ready,
      ] as const,
      // Whatever did open is closed again when another part fails.
      async ([, opened]) => opened?.close(),
    );
    const retention = config.RETENTION_DAYS === undefined ? undefined : await startRetention(store, config.RETENTION_DAYS);
    const pipeline = options.wrapPipeline ? options.wrapPipeline(local.pipeline) : local.pipeline;
    const asker = createConversationAsker({ pipeline: guardDeadline(pipeline), store, historyTurns: config.HISTORY_TURNS });
    const deps: AppDeps = {
      config,
      asker,
      report: local.report,
      manifest: local.manifest,
      store,
      readiness,
      version: packageVersion(),
      waitUntil: (work) => {
        work.catch((err: unknown) => logger.error({ err }, "background work failed"));
      },
      widgetScript,
      retrieval: "hybrid",
      logger,
      metrics: createMetrics(pool),
    };
    return {
      app: buildApp(deps),
      deps,
      logger,
      answerThreads: threads,
      async close() {
        retention?.stop();
        const closed = await pool?.close();
        if (closed?.abandoned) logger.warn({ abandoned: closed.abandoned }, `answer pool closed: ${closed.abandoned} questions still queued or running were abandoned`);
        await store.close();
      },
    };
  } catch (err) {
    await pool?.close();
    throw err;
  }
}
