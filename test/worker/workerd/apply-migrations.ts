// Setup file (inside workerd): applies migrations/ to the local D1 the way `wrangler d1 migrations
// apply` does (the same reader and the same d1_migrations table), before any test file runs.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
