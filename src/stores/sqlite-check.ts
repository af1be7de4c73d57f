// The start-up check of the SQLite file. PRAGMA quick_check reads every page, so its cost grows with
// the database (about 130 ms for 80 MB here, on the main thread while the workers load). A small file is
// checked in full before the store opens; a large one only for truncation before (its header says how
// many pages it has), then in full on a thread of its own while the service already answers.
import Database from "better-sqlite3";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Up to this size the whole file is checked before start-up goes on (a few tens of milliseconds). */
export const FULL_CHECK_MAX_BYTES = 16 * 1024 * 1024;

export function quickCheck(db: Database.Database): string[] {
  return (db.pragma("quick_check") as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== "ok");
}

/** Why the file is shorter than its header says (a truncated copy), or undefined. Reads 100 bytes. */
export function truncationProblem(file: string): string | undefined {
  const header = Buffer.alloc(100);
  const fd = openSync(file, "r");
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100) return undefined; // a new, empty file, or not a database at all: SQLite says which
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const expected = pages * pageSize;
  const size = statSync(file).size;
  return size < expected ? `the file has ${size} bytes, its header says ${expected} (${pages} pages): it was truncated` : undefined;
}

const CHECK_THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  parentPort.postMessage(db.pragma("quick_check").map((r) => r.quick_check).filter((r) => r !== "ok"));
} catch (err) {
  parentPort.postMessage([String(err && err.message || err)]);
} finally {
  db.close();
}`;

export interface BackgroundCheck {
  /** Resolves with the problems found (empty when the file is intact). */
  problems: Promise<string[]>;
  stop(): Promise<void>;
}

/** quick_check on a read-only connection in a worker thread, so that the event loop never waits for it. */
export function quickCheckInBackground(file: string): BackgroundCheck {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(CHECK_THREAD, { eval: true, workerData: { file, driver } });
  worker.unref();
  const problems = new Promise<string[]>((resolve) => {
    worker.once("message", (found: string[]) => resolve(found));
    worker.once("error", (err) => resolve([err.message]));
    worker.once("exit", () => resolve([]));
  });
  return { problems, stop: async () => void (await worker.terminate()) };
}
