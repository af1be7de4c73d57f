// Cloudflare Worker entry: fetch the bundled index data from static assets once per isolate, build the
// same Hono app as Node (lexical-only retrieval, in-memory store), and serve every request with it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ExecutionContext } from "hono";
import { createWorkerSitrep, WORKER_ASSET_FILES, type WorkerSitrep } from "./bootstrap/worker.js";

interface AssetsBinding {
  fetch(input: Request | string): Promise<Response>;
}

export interface Env {
  ASSETS: AssetsBinding;
  [key: string]: unknown;
}

// Background work started while serving a request belongs to that request's ctx.waitUntil.
const requestCtx = new AsyncLocalStorage<ExecutionContext>();
let sitrep: Promise<WorkerSitrep> | undefined;

async function asset(env: Env, path: string, required: boolean): Promise<string | undefined> {
  const res = await env.ASSETS.fetch(new Request(`https://assets.invalid/${path}`));
  if (res.ok) return res.text();
  if (required) throw new Error(`worker asset ${path} is missing (${res.status}); run scripts/build-worker-assets.ts`);
  return undefined;
}

async function load(env: Env): Promise<WorkerSitrep> {
  const json = async (path: string) => JSON.parse((await asset(env, path, true))!) as unknown;
  const [build, manifest, report, chunks, lexical, glossary, lexicon, figures, widgetScript] = await Promise.all([
    json(WORKER_ASSET_FILES.build) as Promise<{ version?: string }>,
    json(WORKER_ASSET_FILES.manifest),
    json(WORKER_ASSET_FILES.report),
    json(WORKER_ASSET_FILES.chunks),
    json(WORKER_ASSET_FILES.lexical),
    json(WORKER_ASSET_FILES.glossary),
    json(WORKER_ASSET_FILES.lexicon),
    json(WORKER_ASSET_FILES.figures),
    asset(env, WORKER_ASSET_FILES.widget, false),
  ]);
  return createWorkerSitrep(
    env,
    { manifest, report, chunks, lexical, glossary, lexicon, figures, ...(widgetScript !== undefined ? { widgetScript } : {}) },
    {
      ...(build.version !== undefined ? { version: build.version } : {}),
      waitUntil: (work) => {
        const logged = work.catch((err: unknown) => console.error("[sitrep] background work failed:", err));
        requestCtx.getStore()?.waitUntil(logged);
      },
    },
  );
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    sitrep ??= load(env).catch((err: unknown) => {
      sitrep = undefined; // retry on the next request
      throw err;
    });
    let app: WorkerSitrep["app"];
    try {
      app = (await sitrep).app;
    } catch (err) {
      console.error("[sitrep] cannot start:", err);
      return Response.json({ error: { code: "unavailable", message: "The service is starting up or misconfigured." } }, { status: 503 });
    }
    return requestCtx.run(ctx, () => app.fetch(request, env, ctx));
  },
};
