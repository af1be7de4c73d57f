// The Worker as a developer runs it: `npm run check:worker` (the dry-run deploy), then `npm run
// dev:worker` (build, local D1 migrations, wrangler dev) stopped and started again on the same local
// state, and one question asked through the chat page in headless Chromium. DATA_DIR points at the
// shared test index, so ingest finds it up to date; the build writes dist/ as the scripts do.
// Skipped only when SITREP_SKIP_WORKERD=1.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResponse } from "../../src/answer/contract.js";
import type { StoredAnswer } from "../../src/stores/types.js";
import { buildTestIndex, REPO_ROOT } from "../helpers/index-fixture.js";
import { HAS_CHROMIUM, launchChromium } from "../widget/harness.js";
import { askJson, freePort } from "./helpers.js";

const READY_TIMEOUT_MS = 180_000;

interface Running {
  child: ChildProcess;
  output: () => string;
}

let workDir: string;
let env: NodeJS.ProcessEnv;

/** Runs `npm run <script> -- <args>` in its own process group (so wrangler and workerd stop with it). */
function npmRun(script: string, args: string[] = []): Running {
  let output = "";
  const child = spawn("npm", ["run", script, ...(args.length ? ["--", ...args] : [])], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

function exited(run: Running): Promise<number> {
  return new Promise((resolve) => {
    if (run.child.exitCode !== null) resolve(run.child.exitCode);
    else run.child.once("exit", (code) => resolve(code ?? 1));
  });
}

/** Stops the whole process group, as Ctrl-C in a terminal would, and waits for it. */
async function stop(run: Running | undefined): Promise<void> {
  if (!run?.child.pid || run.child.exitCode !== null || run.child.signalCode !== null) return;
  const group = -run.child.pid;
  const done = exited(run);
  try {
    process.kill(group, "SIGINT");
  } catch {}
  const hard = setTimeout(() => {
    try {
      process.kill(group, "SIGKILL");
    } catch {}
  }, 10_000);
  await done;
  clearTimeout(hard);
  try {
    process.kill(group, "SIGKILL"); // stragglers (workerd) in the group
  } catch {}
}

async function waitForHealth(run: Running, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`dev:worker exited (${run.child.exitCode}):\n${run.output().slice(-4000)}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`dev:worker not ready after ${READY_TIMEOUT_MS} ms:\n${run.output().slice(-4000)}`);
}

async function startDevWorker(state: string): Promise<{ run: Running; url: string }> {
  const [port, inspector] = [await freePort(), await freePort()];
  const run = npmRun("dev:worker", [
    "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector),
    "--persist-to", state, "--show-interactive-dev-session=false", "--log-level", "warn",
  ]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(run, url);
  return { run, url };
}

async function ask(url: string, question: string, conversationId?: string): Promise<AskResponse> {
  const res = await fetch(`${url}/v1/ask`, askJson(question, conversationId));
  expect(res.status).toBe(200);
  return (await res.json()) as AskResponse;
}

describe.skipIf(process.env.SITREP_SKIP_WORKERD === "1")("npm run check:worker and npm run dev:worker", () => {
  let current: { run: Running; url: string } | undefined;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "sitrep-dev-worker-"));
    await symlink(await buildTestIndex(), join(workDir, "index"), "dir");
    env = { ...process.env, DATA_DIR: workDir, WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" };
  });

  afterAll(async () => {
    await stop(current?.run);
    await rm(workDir, { recursive: true, force: true });
  }, 30_000);

  it("check:worker builds what it needs and bundles the Worker as a deploy would (dry run)", async () => {
    const run = npmRun("check:worker");
    const code = await exited(run);
    expect(code, run.output().slice(-4000)).toBe(0);
    expect(run.output()).toMatch(/index up to date/);
    expect(run.output()).toMatch(/env\.DB \(sitrep\)\s+D1 Database/);
    const size = run.output().match(/Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/);
    expect(size).not.toBeNull();
    console.log(`[check:worker] bundle ${size![1]}, gzip ${size![2]}`);
  }, 240_000);

  it("a follow-up resolves after wrangler dev is stopped and started again on the same local D1", async () => {
    const state = join(workDir, "state");
    let dev = (current = await startDevWorker(state));
    const first = await ask(dev.url, "How many peacekeepers were killed since June 2016?");
    expect(first.answer).toMatch(/Eight peacekeepers were killed/);
    await stop(dev.run);

    dev = current = await startDevWorker(state);
    const followUp = await ask(dev.url, "And in the previous mandate period?", first.conversationId);
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.answer).toContain("28 killed");
    const stored = (await (await fetch(`${dev.url}/v1/answers/${first.answerId}`)).json()) as StoredAnswer;
    expect(stored.question).toBe("How many peacekeepers were killed since June 2016?");
  }, 2 * READY_TIMEOUT_MS + 60_000);

  it.skipIf(!HAS_CHROMIUM)("answers one question asked through the widget on the Worker's chat page (headless Chromium)", async () => {
    if (!current || current.run.child.exitCode !== null) current = await startDevWorker(join(workDir, "state"));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (err) => errors.push(String(err)));
      await page.goto(`${current.url}/`);
      const input = page.getByLabel("Your question about the report");
      await input.fill("How many military personnel did Senegal contribute?");
      await input.press("Enter");
      const turn = page.locator("sitrep-chat .turn").first();
      await turn.locator(".feedback").waitFor({ timeout: 60_000 });
      expect(await turn.locator(".answer-text").textContent()).toMatch(/Senegal[\s\S]*\d/);
      expect(await turn.locator(".chip").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, READY_TIMEOUT_MS + 60_000);
});
