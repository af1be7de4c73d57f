// Where the bench's servers keep their data: the index is the user's (data/index, read-only), but the
// database is a fresh one in a temporary folder, so that bench runs never write into data/sitrep.db.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface BenchDataDir {
  /** DATA_DIR for the bench's servers: `index` links to the project's index, `sitrep.db` starts empty. */
  dir: string;
  /** Deletes the folder and the database in it (never the linked index). */
  dispose(): void;
}

export function createBenchDataDir(root: string): BenchDataDir {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-data-"));
  symlinkSync(resolve(root, "data", "index"), join(dir, "index"), "dir");
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The server's env: the embedded defaults (local encoder, extractive composer, no Slack), loopback only. */
export function benchServerEnv(dataDir: string, base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!/^(LLM_|EMBEDDINGS_|SLACK_|ANSWER_|QUERY_CACHE)/.test(key)) env[key] = value;
  // No keys and no rate limit: the load test is one client sending far more than 60 requests a minute.
  return { ...env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", API_KEYS: "", RATE_LIMIT_PER_MINUTE: "0", ...extra };
}
