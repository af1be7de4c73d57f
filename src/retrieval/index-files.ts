// SHA-256 of every file in an index folder: ingest records them in the manifest, the Node loader checks
// them, so an index edited or damaged after it was built (even one that is still valid JSON) stops
// start-up instead of being served. Node only: the Worker's bundled assets are re-serialised copies.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { IndexInvalidError } from "./index-data.js";
import { INDEX_FILES, type IndexManifest } from "./manifest.js";

/** Every file under `dir` except the manifest, by path relative to it ("/"-separated), sorted. */
async function indexFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((path) => path !== INDEX_FILES.manifest)
    .sort();
}

const sha256 = async (path: string) => createHash("sha256").update(await readFile(path)).digest("hex");

/** What the manifest's `files` records for a freshly written folder. */
export async function hashIndexFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await indexFilesIn(dir)) files[path] = await sha256(join(dir, path));
  return files;
}

/** Throws IndexInvalidError unless the folder holds exactly the manifest's files, each with its recorded hash. */
export async function verifyIndexFiles(dir: string, manifest: IndexManifest, fix: string): Promise<void> {
  const listed = manifest.files;
  for (const path of await indexFilesIn(dir)) {
    if (!(path in listed)) throw new IndexInvalidError(`${join(dir, path)} is not part of the index its manifest describes. ${fix}`);
  }
  for (const [path, expected] of Object.entries(listed)) {
    let actual: string;
    try {
      actual = await sha256(join(dir, path));
    } catch {
      throw new IndexInvalidError(`${join(dir, path)} is missing (the manifest lists it). ${fix}`);
    }
    if (actual !== expected) {
      throw new IndexInvalidError(`${join(dir, path)} has changed since the index was built (its SHA-256 is not the one in the manifest). ${fix}`);
    }
  }
}
