// Start-up failures of the real Node entry point (src/server.ts), run as a user would run `npm start`.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/index-fixture.js";

function start(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr };
}

describe("src/server.ts start-up", () => {
  it("stops with the command to run when the index is missing", () => {
    const { code, stderr } = start({ DATA_DIR: mkdtempSync(join(tmpdir(), "sitrep-empty-")), PORT: "0" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/No index found at .*index\. Build it first with `npm run ingest`/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("stops with a message naming the variable when config is invalid", () => {
    const { code, stderr } = start({ PORT: "not-a-port" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration:\s+PORT: .*"not-a-port"/);
  });

  it("names every invalid variable at once", () => {
    const { code, stderr } = start({ PORT: "70000", ANSWER_TIMEOUT_MS: "-5", EMBEDDINGS_PROVIDER: "word2vec", ANSWER_THREADS: "-1", QUERY_CACHE_SIZE: "lots", SHUTDOWN_GRACE_MS: "soon" });
    expect(code).toBe(1);
    for (const name of ["PORT", "ANSWER_TIMEOUT_MS", "EMBEDDINGS_PROVIDER", "ANSWER_THREADS", "QUERY_CACHE_SIZE", "SHUTDOWN_GRACE_MS"]) expect(stderr).toContain(`${name}:`);
  });
});
