// A hash of the code that shapes an index (the parsers, chunking, the lexical index, the report
// schema). The manifest records it, so re-running ingest after a parser change rebuilds instead of
// reporting a stale index as up to date.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
export const BUILDER_SOURCE_DIRS = ["ingest", "src/retrieval", "src/report"] as const;

export async function builderFingerprint(root: string = ROOT): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of BUILDER_SOURCE_DIRS) {
    const files = (await readdir(join(root, dir), { recursive: true })).filter((f) => f.endsWith(".ts")).sort();
    for (const file of files) hash.update(`${dir}/${file}\0`).update(await readFile(join(root, dir, file)));
  }
  return hash.digest("hex");
}
