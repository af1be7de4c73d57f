// better-sqlite3 behind the async SqlDriver interface (Node only). Statements are prepared once.
import type Database from "better-sqlite3";
import type { SqlDriver, SqlValue } from "./driver.js";

export function sqliteDriver(db: Database.Database): SqlDriver {
  const prepared = new Map<string, Database.Statement>();
  const statement = (text: string) => {
    let s = prepared.get(text);
    if (!s) prepared.set(text, (s = db.prepare(text)));
    return s;
  };
  const params = (values: readonly SqlValue[] | undefined) => [...(values ?? [])];
  // One transaction function for every batch (better-sqlite3 builds a wrapper per call to db.transaction).
  const runBatch = db.transaction((statements: Parameters<SqlDriver["batch"]>[0]) =>
    statements.map((s) => ({ changes: statement(s.sql).run(...s.params).changes })),
  );
  return {
    all: async <T>(text: string, values?: readonly SqlValue[]) => statement(text).all(...params(values)) as T[],
    first: async <T>(text: string, values?: readonly SqlValue[]) => (statement(text).get(...params(values)) as T | undefined) ?? null,
    run: async (text, values) => ({ changes: statement(text).run(...params(values)).changes }),
    batch: async (statements) => runBatch(statements),
    close: async () => {
      db.close();
    },
  };
}
