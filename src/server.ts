// Node entry point: build the app from env and serve it with @hono/node-server.
import { serve } from "@hono/node-server";
import { createNodeSitrep } from "./bootstrap/node.js";
import { ConfigError } from "./config.js";
import { EncoderMismatchError, IndexInvalidError, IndexMissingError } from "./retrieval/load-index.js";
import { StoreOpenError } from "./stores/sqlite.js";

const startedAt = performance.now();
try {
  const { app, deps, close } = await createNodeSitrep();
  const { PORT: port, HOST: hostname } = deps.config;
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    const ms = Math.round(performance.now() - startedAt);
    console.log(`sitrep ${deps.version} listening on http://${hostname}:${info.port} (ready in ${ms} ms; ${deps.manifest.chunkCount} chunks)`);
  });
  const shutdown = () => server.close(() => {
    close();
    process.exit(0);
  });
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (err) {
  const known = [ConfigError, IndexMissingError, IndexInvalidError, EncoderMismatchError, StoreOpenError].some((E) => err instanceof E);
  console.error(known ? `sitrep cannot start: ${(err as Error).message}` : err);
  process.exit(1);
}
