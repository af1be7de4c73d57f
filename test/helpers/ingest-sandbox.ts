// Temp folders, seed variants and folder snapshots for ingest tests.
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function sandbox(prefix = "sitrep-ingest-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Names in `dir` that look like ingest temp or backup folders. */
export async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => /\.(tmp|bak)-\d+-\d+$/.test(n));
}

/** A fingerprint of an index folder: file names, sizes and the manifest's builtAt. */
export async function snapshot(indexDir: string): Promise<string> {
  const entries: string[] = [];
  const walk = async (dir: string, rel: string) => {
    for (const name of (await readdir(dir)).sort()) {
      const s = await stat(join(dir, name));
      if (s.isDirectory()) await walk(join(dir, name), `${rel}${name}/`);
      else entries.push(`${rel}${name}:${s.size}`);
    }
  };
  await walk(indexDir, "");
  const manifest = JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8"));
  return `${manifest.builtAt}|${entries.join(",")}`;
}
