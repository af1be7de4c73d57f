// Where the bench's servers keep their data: the index is the user's (data/index, read-only), but the
// database is a fresh one in a temporary folder, so that bench runs never write into data/sitrep.db.
import { join } from "node:path";
import { createScratchDataDir, type ScratchDataDir } from "../src/bootstrap/scratch-data-dir.js";

/** DATA_DIR for the bench's servers: `index` links to the project's index, `sitrep.db` starts empty. */
export function createBenchDataDir(root: string): ScratchDataDir {
  return createScratchDataDir(join(root, "data", "index"), "sitrep-bench-data-");
}

/** The server's env: the embedded defaults (local encoder, extractive composer, no Slack), loopback only. */
export function benchServerEnv(dataDir: string, base: NodeJS.ProcessEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!/^(LLM_|EMBEDDINGS_|SLACK_|ANSWER_|QUERY_CACHE)/.test(key)) env[key] = value;
  // No keys and no rate limit: the load test is one client sending far more than 60 requests a minute.
  return { ...env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", API_KEYS: "", RATE_LIMIT_PER_MINUTE: "0", ...extra };
}
