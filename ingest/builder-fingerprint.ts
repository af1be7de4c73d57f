// A hash of the code that shapes an index (the parsers, chunking, the lexical index, the report
// schema). The manifest records it, so re-running ingest after a parser change rebuilds instead of
// reporting a stale index as up to date.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT as ROOT } from "../src/bootstrap/project-root.js";

/** Folders whose every file shapes the index, and the retrieval files the build uses (query-time code is left out). */
const BUILDER_DIRS = ["ingest", "src/report", "src/glossary", "src/figures"];
const BUILDER_FILES = ["src/retrieval/chunk.ts", "src/retrieval/lexical.ts", "src/retrieval/manifest.ts"];

export async function builderFingerprint(root: string = ROOT): Promise<string> {
  const files = [...BUILDER_FILES];
  for (const dir of BUILDER_DIRS) {
    for (const file of await readdir(join(root, dir), { recursive: true })) if (/\.(?:ts|json)$/.test(file)) files.push(`${dir}/${file}`);
  }
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(`${file}\0`).update(await readFile(join(root, file)));
  return hash.digest("hex");
}
