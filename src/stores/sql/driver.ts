// The little a store needs from a SQL database, so one set of queries runs on better-sqlite3 (Node)
// and on D1 (Workers). Parameters are positional (`?`), as both drivers take them.
export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: readonly SqlValue[];
}

export interface SqlDriver {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  first<T>(sql: string, params?: readonly SqlValue[]): Promise<T | null>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /** Runs the statements atomically (one transaction), in order. */
  batch(statements: readonly SqlStatement[]): Promise<{ changes: number }[]>;
  close(): Promise<void>;
}

export const sql = (text: string, ...params: SqlValue[]): SqlStatement => ({ sql: text, params });
