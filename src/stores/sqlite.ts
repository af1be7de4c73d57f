// SQLite-backed store in DATA_DIR: conversations, answers, feedback and Slack event ids survive restarts.
// The schema comes from migrations/, the same files D1 applies.
import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { SitrepStore } from "./types.js";
import { applyMigrations, type Migration } from "./sql/migrations.js";
import { sqlSitrepStore } from "./sql/sitrep-queries.js";
import { sqliteDriver } from "./sql/sqlite-driver.js";

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../migrations");

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .map((name) => ({ name, sql: readFileSync(join(dir, name), "utf8") }));
}

export async function openSqliteStore(file: string): Promise<SitrepStore> {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  // WAL + NORMAL never corrupts the file; a power cut may lose only the last few turns, not an fsync per request.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  const driver = sqliteDriver(db);
  try {
    await applyMigrations(driver, readMigrations());
  } catch (err) {
    db.close();
    throw err;
  }
  return sqlSitrepStore(driver);
}
