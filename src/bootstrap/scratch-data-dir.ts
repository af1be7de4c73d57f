// A DATA_DIR for runs that must not write into the user's database (the bench's servers, the eval's
// in-process app): a temporary folder whose `index` links to a real index, and whose sitrep.db starts
// empty and goes away with the folder.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface ScratchDataDir {
  dir: string;
  /** Deletes the folder and the database in it (never the linked index). */
  dispose(): void;
}

export function createScratchDataDir(indexDir: string, prefix: string): ScratchDataDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(resolve(indexDir), join(dir, "index"), "dir");
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
