// Smoke test in real workerd: `wrangler dev --local` on a temp config whose assets folder holds the
// real index, then POST /v1/ask over loopback. Skipped only when SITREP_SKIP_WORKERD=1.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkerAssets } from "../../scripts/build-worker-assets.js";
import { buildTestIndex, REPO_ROOT } from "../helpers/index-fixture.js";
import { askJson, freePort } from "./helpers.js";

const READY_TIMEOUT_MS = 150_000;
let child: ChildProcess | undefined;
let workDir: string | undefined;
let baseUrl = "";
let output = "";

/** Kills wrangler and the workerd it spawned (its own process group). */
function killTree(proc: ChildProcess | undefined): Promise<void> {
  if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => {
      try {
        process.kill(-proc.pid!, "SIGKILL");
      } catch {}
      resolve();
    }, 5000);
    proc.once("exit", () => {
      clearTimeout(hard);
      try {
        process.kill(-proc.pid!, "SIGKILL"); // stragglers (workerd) in the group
      } catch {}
      resolve();
    });
    try {
      process.kill(-proc.pid!, "SIGTERM");
    } catch {
      clearTimeout(hard);
      resolve();
    }
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev not ready after ${READY_TIMEOUT_MS} ms:\n${output.slice(-3000)}`);
}

describe.skipIf(process.env.SITREP_SKIP_WORKERD === "1")("Worker in workerd (wrangler dev --local)", () => {
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "sitrep-workerd-"));
    const assets = join(workDir, "assets");
    await buildWorkerAssets({ indexDir: await buildTestIndex(), outDir: assets, widgetFile: join(REPO_ROOT, "dist", "widget.js") });
    // The real wrangler.toml with its entry made absolute and the assets folder pointed at the temp copy.
    const config = join(workDir, "wrangler.toml");
    const toml = (await readFile(join(REPO_ROOT, "wrangler.toml"), "utf8"))
      .replace(/^main = .*$/m, `main = ${JSON.stringify(join(REPO_ROOT, "src", "worker.ts"))}`)
      .replace(/^directory = .*$/m, `directory = ${JSON.stringify(assets)}`);
    expect(toml).toContain(assets);
    await writeFile(config, toml);
    const [port, inspector] = [await freePort(), await freePort()];
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(
      join(REPO_ROOT, "node_modules", ".bin", "wrangler"),
      ["dev", "--config", config, "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector),
        "--persist-to", join(workDir, "state"), "--show-interactive-dev-session=false", "--log-level", "warn"],
      {
        cwd: workDir,
        detached: true, // own process group, so workerd dies with it
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
      },
    );
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    await waitForHealth(baseUrl, Date.now() + READY_TIMEOUT_MS);
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await killTree(child);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }, 30_000);

  it("answers with citations from the bundled index", async () => {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { status: string; composer: string };
    expect(health).toMatchObject({ status: "ok", composer: "extractive" });

    const res = await fetch(`${baseUrl}/v1/ask`, askJson("How many Malian stakeholders attended the conference for national harmony?"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answered: boolean; answer: string; citations: { paragraph?: number }[] };
    expect(body.answered).toBe(true);
    expect(body.citations.some((c) => c.paragraph === 2)).toBe(true);

    const numeric = (await (await fetch(`${baseUrl}/v1/ask`, askJson("How many Senegalese soldiers serve with the Mission?"))).json()) as {
      answer: string;
      citations: { annex?: string }[];
    };
    expect(numeric.answer).toMatch(/576/);
    expect(numeric.citations.some((c) => c.annex === "II")).toBe(true);
  }, 60_000);
});
