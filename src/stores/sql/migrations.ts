// Applies migrations/NNNN_name.sql in order, recording each in d1_migrations, the table (and columns)
// `wrangler d1 migrations apply` uses: the Node store and D1 run the same files and agree on what ran.
import type { SqlDriver } from "./driver.js";

export interface Migration {
  /** File name, e.g. "0001_initial.sql". */
  name: string;
  sql: string;
}

const MIGRATION_NAME = /^\d{4}_[\w-]+\.sql$/;

export function sortMigrations(migrations: readonly Migration[]): Migration[] {
  for (const m of migrations) if (!MIGRATION_NAME.test(m.name)) throw new Error(`migration file name "${m.name}" is not NNNN_name.sql`);
  return [...migrations].sort((a, b) => a.name.localeCompare(b.name));
}

/** Splits a migration file into statements (none of ours has a ";" inside a literal or a trigger). */
export function statementsOf(sqlText: string): string[] {
  return sqlText
    .split("\n")
    .filter((line) => !/^\s*--/.test(line))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies the migrations not yet recorded; returns the names it applied. */
export async function applyMigrations(db: SqlDriver, migrations: readonly Migration[]): Promise<string[]> {
  await db.run(
    "CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)",
  );
  const done = new Set((await db.all<{ name: string }>("SELECT name FROM d1_migrations")).map((r) => r.name));
  const applied: string[] = [];
  for (const m of sortMigrations(migrations)) {
    if (done.has(m.name)) continue;
    await db.batch([
      ...statementsOf(m.sql).map((s) => ({ sql: s, params: [] })),
      { sql: "INSERT INTO d1_migrations (name) VALUES (?)", params: [m.name] },
    ]);
    applied.push(m.name);
  }
  return applied;
}
