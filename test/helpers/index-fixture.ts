// Shared test helper: the real seed's index, built once and shared by every test process of a run.
// The folder is keyed by a hash of the seed and of the code that shapes the index (ingest/, src/retrieval/,
// src/report/), so a code change gets a fresh build; a lock file makes concurrent test processes build it once.
// Treat the folder as read-only: copy it before corrupting anything.
import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive } from "../../ingest/atomic-dir.js";
import { builderFingerprint } from "../../ingest/builder-fingerprint.js";
import { runIngest } from "../../ingest/cli.js";
import type { EmbeddingsBundle } from "../../src/retrieval/embeddings/provider.js";
import { UseLiteEmbeddings, USE_LITE_ENCODER } from "../../src/retrieval/embeddings/use-lite.js";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SEED_FILE = join(REPO_ROOT, "seeds", "S-2017-478.txt");

let sharedEmbeddings: EmbeddingsBundle | undefined;
let built: Promise<string> | undefined;

/** One USE-lite encoder per test process (the model loads once). */
export function testEmbeddings(): EmbeddingsBundle {
  sharedEmbeddings ??= { embeddings: new UseLiteEmbeddings(), encoder: USE_LITE_ENCODER };
  return sharedEmbeddings;
}

/** Builds the index of the real seed (once per code version; cached per process) and returns its folder. */
export function buildTestIndex(): Promise<string> {
  built ??= (async () => {
    const dir = join(tmpdir(), `sitrep-test-index-${await sourceHash()}`);
    await mkdir(dir, { recursive: true });
    const out = join(dir, "index");
    await withLock(join(dir, "build.lock"), async () => {
      // A no-op ("index up to date") when another process already built it.
      const result = await runIngest({ input: SEED_FILE, out, embeddings: testEmbeddings(), env: {}, stdout: () => {}, stderr: () => {}, progress: false });
      if (result.exitCode !== 0) throw new Error(`buildTestIndex: ingest failed: ${result.error}`);
    });
    return out;
  })();
  built.catch(() => (built = undefined));
  return built;
}

/** The seed plus the code that shapes the index: a changed parser gets a fresh shared index. */
async function sourceHash(): Promise<string> {
  const seed = createHash("sha256").update(await readFile(SEED_FILE)).digest("hex");
  return createHash("sha256").update(seed).update(await builderFingerprint()).digest("hex").slice(0, 16);
}

async function withLock<T>(lockFile: string, work: () => Promise<T>, timeoutMs = 600_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(await readFile(lockFile, "utf8").catch(() => ""));
      if (owner && !isAlive(owner)) await rm(lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`buildTestIndex: timed out waiting for ${lockFile}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

