// Which migrations a database still lacks, read from d1_migrations (where `wrangler d1 migrations apply`
// and applyMigrations record them). The Worker never migrates D1 itself; it refuses to serve on an
// old schema and says which command fixes it.
import type { SqlDriver } from "./driver.js";

export async function pendingMigrations(db: SqlDriver, expected: readonly string[]): Promise<string[]> {
  let applied: Set<string>;
  try {
    applied = new Set((await db.all<{ name: string }>("SELECT name FROM d1_migrations")).map((r) => r.name));
  } catch (err) {
    if (/no such table/i.test(err instanceof Error ? err.message : String(err))) return [...expected];
    throw err;
  }
  return expected.filter((name) => !applied.has(name));
}
