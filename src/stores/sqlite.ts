// SQLite-backed store in DATA_DIR: conversations, answers, feedback and Slack event ids survive restarts.
// The schema comes from migrations/, the same files D1 applies. The file is checked at start-up
// (PRAGMA quick_check; see sqlite-check.ts for large files), and a database failure at run time is
// reported through `onFault`.
import Database from "better-sqlite3";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { StoreUnavailableError, type SitrepStore } from "./types.js";
import type { SqlDriver, SqlValue } from "./sql/driver.js";
import { applyMigrations, type Migration } from "./sql/migrations.js";
import { sqlSitrepStore } from "./sql/sitrep-queries.js";
import { sqliteDriver } from "./sql/sqlite-driver.js";
import { FULL_CHECK_MAX_BYTES, quickCheck, quickCheckInBackground, truncationProblem, type BackgroundCheck } from "./sqlite-check.js";

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../migrations");

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .map((name) => ({ name, sql: readFileSync(join(dir, name), "utf8") }));
}

/** The database file cannot be used: damaged, or not openable. Its message says what to do. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreOpenError";
  }
}

export interface SqliteStoreOptions {
  /** Called when the database fails at run time (damage, I/O, disk full); e.g. marks readiness failed. */
  onFault?: (reason: string) => void;
  /** A larger file is checked in full after it opens, not before (default FULL_CHECK_MAX_BYTES). */
  fullCheckMaxBytes?: number;
}

const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;
/** Failures of the database itself, not of a query: the service cannot work until someone fixes them. */
const FAULT = /^SQLITE_(CORRUPT|NOTADB|IOERR|FULL|READONLY|CANTOPEN|PERM)/;
/** Transient: another connection holds a lock. The request fails; the service stays ready. */
const BUSY = /^SQLITE_(BUSY|LOCKED)/;

const sqliteCode = (err: unknown): string => (err instanceof Database.SqliteError ? err.code : "");

export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<SitrepStore> {
  const onFault = options.onFault ?? (() => {});
  const onDisk = file !== ":memory:";
  if (onDisk) mkdirSync(dirname(file), { recursive: true });
  const checkLater = onDisk && existsSync(file) && statSync(file).size > (options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES);
  let db: Database.Database | undefined;
  let background: BackgroundCheck | undefined;
  try {
    const truncated = checkLater ? truncationProblem(file) : undefined;
    if (truncated) throw new StoreOpenError(damagedMessage(file, truncated));
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    // WAL + NORMAL never corrupts the file; a power cut may lose only the last few turns, not an fsync per request.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Reads every page: a truncated file or a damaged page stops start-up here, not as 500s later.
    const problems = checkLater ? [] : quickCheck(db);
    if (problems.length > 0) throw new StoreOpenError(damagedMessage(file, problems.slice(0, 3).join("; ")));
    await applyMigrations(sqliteDriver(db), readMigrations());
    if (checkLater) {
      background = quickCheckInBackground(file);
      void background.problems.then((found) => found.length > 0 && onFault(damagedMessage(file, found.slice(0, 3).join("; "))));
    }
  } catch (err) {
    db?.close();
    if (err instanceof StoreOpenError) throw err;
    const code = sqliteCode(err);
    if (DAMAGE.test(code)) throw new StoreOpenError(damagedMessage(file, `${code}: ${(err as Error).message}`), { cause: err });
    if (FAULT.test(code)) {
      throw new StoreOpenError(`Cannot use the database ${file} (${code}: ${(err as Error).message}). Check that DATA_DIR is writable and the disk is not full.`, { cause: err });
    }
    throw err;
  }
  const driver = reportingFaults(sqliteDriver(db), file, onFault);
  return sqlSitrepStore({ ...driver, close: async () => (await background?.stop(), driver.close()) });
}

function damagedMessage(file: string, detail: string): string {
  return (
    `The database ${file} is damaged (${detail}). Stop sitrep and move the file aside, with its -wal and -shm files ` +
    `if present; keep them, since \`sqlite3 ${file} .recover\` can usually save the conversations. ` +
    "Then restore a backup there, or start sitrep again to create an empty database."
  );
}

/** Database failures become StoreUnavailableError (503) and are reported to onFault; query bugs pass through. */
function reportingFaults(driver: SqlDriver, file: string, onFault: (reason: string) => void): SqlDriver {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      const code = sqliteCode(err);
      if (FAULT.test(code)) {
        onFault(`${file}: ${code}: ${(err as Error).message}`);
        throw new StoreUnavailableError(`${code}: ${(err as Error).message}`, { cause: err });
      }
      if (BUSY.test(code)) throw new StoreUnavailableError(`${code}: ${(err as Error).message}`, { cause: err });
      throw err;
    }
  };
  return {
    all: <T>(sql: string, params?: readonly SqlValue[]) => guard(() => driver.all<T>(sql, params)),
    first: <T>(sql: string, params?: readonly SqlValue[]) => guard(() => driver.first<T>(sql, params)),
    run: (sql, params) => guard(() => driver.run(sql, params)),
    batch: (statements) => guard(() => driver.batch(statements)),
    close: () => driver.close(),
  };
}
