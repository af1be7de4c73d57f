// Starts the real Worker in workerd (`wrangler dev --local`) on a temp copy of wrangler.toml whose assets
// folder holds the real index, with extra Worker vars; stops it and everything it spawned.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkerAssets } from "../../scripts/build-worker-assets.js";
import { buildTestIndex, REPO_ROOT } from "../helpers/index-fixture.js";
import { freePort } from "./helpers.js";

export const WRANGLER_READY_TIMEOUT_MS = 150_000;

export interface WranglerDev {
  url: string;
  stop(): Promise<void>;
}

export async function startWranglerDev(vars: Record<string, string>): Promise<WranglerDev> {
  const workDir = await mkdtemp(join(tmpdir(), "sitrep-workerd-"));
  const assets = join(workDir, "assets");
  await buildWorkerAssets({ indexDir: await buildTestIndex(), outDir: assets, widgetFile: join(REPO_ROOT, "dist", "widget.js") });
  const config = join(workDir, "wrangler.toml");
  const toml = (await readFile(join(REPO_ROOT, "wrangler.toml"), "utf8"))
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(REPO_ROOT, "src", "worker.ts"))}`)
    .replace(/^directory = .*$/m, `directory = ${JSON.stringify(assets)}`)
    .replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(join(REPO_ROOT, "migrations"))}`);
  await writeFile(config, toml);
  // The Worker refuses to start on an unmigrated D1: migrate the local database first, as `npm run dev:worker` does.
  await migrateLocalD1(config, join(workDir, "state"), workDir);
  const [port, inspector] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(
    join(REPO_ROOT, "node_modules", ".bin", "wrangler"),
    [
      "dev", "--config", config, "--local", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector),
      "--persist-to", join(workDir, "state"), "--show-interactive-dev-session=false", "--log-level", "warn",
      ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
    ],
    { cwd: workDir, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" } },
  );
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    await killTree(child);
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

function migrateLocalD1(config: string, state: string, cwd: string): Promise<void> {
  return new Promise((resolveDone, reject) => {
    let output = "";
    const child = spawn(join(REPO_ROOT, "node_modules", ".bin", "wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--config", config, "--persist-to", state], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
    });
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolveDone() : reject(new Error(`wrangler d1 migrations apply failed (${code}):\n${output.slice(-2000)}`))));
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + WRANGLER_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output().slice(-3000)}`);
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev not ready after ${WRANGLER_READY_TIMEOUT_MS} ms:\n${output().slice(-3000)}`);
}

/** Kills wrangler and the workerd it spawned (its own process group). */
function killTree(proc: ChildProcess): Promise<void> {
  if (!proc.pid || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
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
        process.kill(-proc.pid!, "SIGKILL");
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
