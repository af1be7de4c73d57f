// Global setup of the workerd test project (runs in Node): the real index, the Worker's assets built
// from it with the widget, the dry-run deploy bundle, and a Slack Web API recorder on 127.0.0.1.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWidgetBundle } from "../../../scripts/build-widget.js";
import { buildWorkerAssets } from "../../../scripts/build-worker-assets.js";
import { buildTestIndex, REPO_ROOT } from "../../helpers/index-fixture.js";
import { startSlackRecorder } from "../../slack/recorder.js";

/** `wrangler deploy --dry-run` of the real wrangler.toml, its paths pointed at these assets. */
async function dryRunBundle(workDir: string, assetsDir: string): Promise<string> {
  const toml = (await readFile(join(REPO_ROOT, "wrangler.toml"), "utf8"))
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(REPO_ROOT, "src", "worker.ts"))}`)
    .replace(/^directory = .*$/m, `directory = ${JSON.stringify(assetsDir)}`)
    .replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(join(REPO_ROOT, "migrations"))}`);
  const config = join(workDir, "wrangler.toml");
  await writeFile(config, toml);
  const outDir = join(workDir, "bundle");
  const output = await new Promise<string>((resolve, reject) => {
    let text = "";
    const child = spawn(join(REPO_ROOT, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", outDir, "--config", config], {
      cwd: workDir,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr.on("data", (d: Buffer) => (text += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrangler deploy --dry-run failed (${code}):\n${text}`))));
  });
  if (!/--dry-run: exiting now/.test(output)) throw new Error(`unexpected dry-run output:\n${output}`);
  return join(outDir, "worker.js");
}

export default async function setup(project: TestProject) {
  const workDir = await mkdtemp(join(tmpdir(), "sitrep-workerd-pool-"));
  const widgetFile = join(workDir, "widget.js");
  await writeFile(widgetFile, await buildWidgetBundle());
  const assetsDir = join(workDir, "assets");
  await buildWorkerAssets({ indexDir: await buildTestIndex(), outDir: assetsDir, widgetFile });

  const recorder = await startSlackRecorder();
  const calls = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(recorder.calls)));
  await new Promise<void>((resolve) => calls.listen(0, "127.0.0.1", resolve));

  project.provide("workerAssetsDir", assetsDir);
  project.provide("workerBundleFile", await dryRunBundle(workDir, assetsDir));
  project.provide("slackApiUrl", recorder.apiUrl);
  project.provide("slackCallsUrl", `http://127.0.0.1:${(calls.address() as AddressInfo).port}/calls`);

  return async () => {
    await recorder.close();
    await new Promise((resolve) => calls.close(resolve));
    await rm(workDir, { recursive: true, force: true });
  };
}
