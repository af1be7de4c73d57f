// Builds the real app in-process on the real index, each call with its own data folder (SQLite),
// unless a dataDir is passed (to restart the app on the same data).
import { mkdtemp, symlink } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNodeSitrep, type NodeSitrepOptions } from "../../src/bootstrap/node.js";
import { buildTestIndex } from "./index-fixture.js";

export interface TestSitrepOptions extends Omit<NodeSitrepOptions, "env"> {
  dataDir?: string;
}

export async function createTestDataDir(): Promise<string> {
  const index = await buildTestIndex();
  const dataDir = await mkdtemp(join(tmpdir(), "sitrep-data-"));
  await symlink(index, join(dataDir, "index"), "dir");
  return dataDir;
}

export async function createTestSitrep(env: Record<string, string> = {}, options: TestSitrepOptions = {}) {
  const dataDir = options.dataDir ?? (await createTestDataDir());
  if (!existsSync(join(dataDir, "index"))) await symlink(await buildTestIndex(), join(dataDir, "index"), "dir");
  // No rate limit unless a test asks for one: in-process requests have no client address, so every
  // request of a test file would count against one shared bucket. Answers on the test's own thread
  // unless the test asks for answer workers (ANSWER_THREADS).
  const sitrep = await createNodeSitrep({ ...options, env: { LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0", ANSWER_THREADS: "0", ...env, DATA_DIR: dataDir } });
  return { ...sitrep, dataDir };
}

/** POSTs JSON to the in-process app. */
export function postJson(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, path: string, body: unknown) {
  return app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
