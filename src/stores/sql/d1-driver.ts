// Cloudflare D1 behind the async SqlDriver interface (Workers). `batch` is D1Database.batch, which D1
// runs as one transaction: either every statement applies or none does.
import type { D1Database } from "@cloudflare/workers-types";
import type { SqlDriver, SqlValue } from "./driver.js";

export function d1Driver(db: D1Database): SqlDriver {
  const statement = (text: string, values?: readonly SqlValue[]) => db.prepare(text).bind(...(values ?? []));
  return {
    all: async <T>(text: string, values?: readonly SqlValue[]) => (await statement(text, values).all<T>()).results,
    first: async <T>(text: string, values?: readonly SqlValue[]) => (await statement(text, values).first<T>()) ?? null,
    run: async (text, values) => ({ changes: (await statement(text, values).run()).meta.changes }),
    batch: async (statements) => {
      if (statements.length === 0) return [];
      const results = await db.batch(statements.map((s) => statement(s.sql, s.params)));
      return results.map((r) => ({ changes: r.meta.changes }));
    },
    // A binding is not a connection: there is nothing to close.
    close: async () => {},
  };
}
