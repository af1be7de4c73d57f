// Types for the runtime modules the workerd tests import. @cloudflare/vitest-pool-workers provides
// the modules; its own declarations assume the global Workers types, which clash with this project's
// DOM lib, so the little the tests use is declared here.
declare module "cloudflare:workers" {
  export const env: import("./test-env.js").WorkerdTestEnv;
}

declare module "cloudflare:test" {
  import type { D1Database } from "@cloudflare/workers-types";
  import type { ExecutionContext } from "hono";

  export interface D1Migration {
    name: string;
    queries: string[];
  }
  export function applyD1Migrations(db: D1Database, migrations: D1Migration[], migrationsTableName?: string): Promise<void>;
  export function createExecutionContext(): ExecutionContext;
  /** Waits for every ctx.waitUntil() promise of a context from createExecutionContext(). */
  export function waitOnExecutionContext(ctx: ExecutionContext): Promise<void>;
  /** The Worker under test (src/worker.ts), as a service binding. */
  export const SELF: import("./test-env.js").FetchBinding;
}
