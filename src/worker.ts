// Cloudflare Worker entry: once per isolate, fetch the bundled data from static assets, check that D1
// has every migration applied, and build the same Hono app as Node; then serve every request with it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ExecutionContext } from "hono";
import { createWorkerSitrep, requireDb, WorkerConfigError, WorkerDataError, type WorkerBindings, type WorkerSitrep } from "./bootstrap/worker.js";
import { WORKER_ASSET_PATHS, WorkerDataBundleSchema } from "./bootstrap/worker-assets.js";
import { d1Driver } from "./stores/sql/d1-driver.js";
import { pendingMigrations } from "./stores/sql/pending-migrations.js";

interface AssetsBinding {
  fetch(input: Request | string): Promise<Response>;
}

export interface Env extends WorkerBindings {
  ASSETS: AssetsBinding;
}

async function asset(env: Env, path: string): Promise<Response | undefined> {
  const res = await env.ASSETS.fetch(new Request(`https://assets.invalid/${path}`));
  return res.ok ? res : undefined;
}

async function load(env: Env, requestCtx: AsyncLocalStorage<ExecutionContext>): Promise<WorkerSitrep> {
  const db = requireDb(env);
  const [dataRes, widgetRes] = await Promise.all([asset(env, WORKER_ASSET_PATHS.data), asset(env, WORKER_ASSET_PATHS.widget)]);
  if (!dataRes) throw new WorkerConfigError(`The worker asset ${WORKER_ASSET_PATHS.data} is missing: run \`npm run build:worker\` before deploying.`);
  const bundle = WorkerDataBundleSchema.safeParse(await dataRes.json());
  if (!bundle.success) throw new WorkerConfigError(`The worker asset ${WORKER_ASSET_PATHS.data} is invalid: run \`npm run build:worker\` again.`);
  const pending = await pendingMigrations(d1Driver(db), bundle.data.migrations);
  if (pending.length) {
    throw new WorkerConfigError(`D1 migrations not applied: ${pending.join(", ")}. Run \`npx wrangler d1 migrations apply DB --remote\` (--local for wrangler dev).`);
  }
  return createWorkerSitrep(
    env,
    { files: bundle.data.files, vectorize: bundle.data.vectorize, prompts: bundle.data.prompts, ...(widgetRes ? { widgetScript: await widgetRes.text() } : {}) },
    {
      version: bundle.data.version,
      waitUntil: (work) => {
        const logged = work.catch((err: unknown) => console.error("[sitrep] background work failed:", err));
        requestCtx.getStore()?.waitUntil(logged);
      },
    },
  );
}

/** One Worker: its own per-isolate app, built on the first request. The default export is one of these. */
export function createSitrepWorker() {
  // Background work started while serving a request belongs to that request's ctx.waitUntil.
  const requestCtx = new AsyncLocalStorage<ExecutionContext>();
  let sitrep: Promise<WorkerSitrep> | undefined;
  return {
    async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
      sitrep ??= load(env, requestCtx).catch((err: unknown) => {
        sitrep = undefined; // retry on the next request
        throw err;
      });
      let app: WorkerSitrep["app"];
      try {
        app = (await sitrep).app;
      } catch (err) {
        // Configuration problems name their fix; anything else stays generic (no internals in responses).
        const known = err instanceof WorkerConfigError || err instanceof WorkerDataError;
        console.error("[sitrep] cannot start:", known ? (err as Error).message : err);
        const message = known ? (err as Error).message : "The service is starting up or misconfigured.";
        return Response.json({ error: { code: "unavailable", message } }, { status: 503 });
      }
      return requestCtx.run(ctx, () => app.fetch(request, env, ctx));
    },
  };
}

export default createSitrepWorker();
