// Node entry point: build the app from env and serve it with @hono/node-server. `npm start` runs the
// compiled form of this file (dist/node/src/server.js) as its own process, so signals reach it.
import type { Server } from "node:http";
import { startAnswerWorkers } from "./bootstrap/node-workers.js";
import { ConfigError } from "./config.js";

const startedAt = performance.now();
try {
  // The workers start before the app is even imported: they load on the other cores meanwhile.
  const workers = startAnswerWorkers();
  const [{ serve }, { createNodeSitrep }, { installGracefulShutdown }, { handleClientErrors }] = await Promise.all([
    import("@hono/node-server"),
    import("./bootstrap/node.js"),
    import("./serving/shutdown.js"),
    import("./serving/client-errors.js"),
  ]);
  const { app, deps, logger, answerThreads, close } = await createNodeSitrep({ workers });
  const { PORT: port, HOST: hostname } = deps.config;
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    const ms = Math.round(performance.now() - startedAt);
    logger.info(
      { port: info.port, readyMs: ms, answerThreads, chunks: deps.manifest.chunkCount },
      `sitrep ${deps.version} listening on http://${hostname}:${info.port} (ready in ${ms} ms; ${deps.manifest.chunkCount} chunks; ${answerThreads || "no"} answer threads)`,
    );
  }) as Server;
  handleClientErrors(server, logger);
  installGracefulShutdown({ server, graceMs: deps.config.SHUTDOWN_GRACE_MS, logger, readiness: deps.readiness, release: close });
} catch (err) {
  // By name: the index loader's module (and the vector store it imports) stays out of the main thread.
  const known = err instanceof ConfigError || (err instanceof Error && ["IndexMissingError", "IndexInvalidError", "EncoderMismatchError", "StoreOpenError"].includes(err.name));
  console.error(known ? `sitrep cannot start: ${(err as Error).message}` : err);
  process.exit(1);
}
