// Answer quality of the Worker against the Node service, side by side: starts `npm start` and `npm run
// dev:worker` (local workerd, local D1) on free loopback ports, runs the golden-question eval over HTTP
// on every suite in test/golden/{dev,heldout}/, and prints one markdown table (also written to
// artifacts/worker-vs-node.json). Offline the Worker has no AI/Vectorize bindings, so this compares
// Worker BM25 + numeric tool against the Node service's hybrid retrieval. Rate limits are off for both:
// an evaluator asks far more than a client's budget.
// Usage: npm run eval:worker [-- --suite FILE ...]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { evaluate } from "../src/eval/evaluate.js";
import type { Summary } from "../src/eval/metrics.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

interface Service {
  name: string;
  url: string;
  child: ChildProcess;
  log: () => string;
}

async function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<Service> {
  let log = "";
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${log.slice(-3000)}`);
    const up = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
    if (up) return { name, url, child, log: () => log };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} not ready:\n${log.slice(-3000)}`);
}

async function stop(service: Service | undefined): Promise<void> {
  if (!service?.child.pid || service.child.exitCode !== null) return;
  const exited = new Promise((r) => service.child.once("exit", r));
  try {
    process.kill(-service.child.pid, "SIGINT");
  } catch {}
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  try {
    process.kill(-service.child.pid, "SIGKILL");
  } catch {}
}

const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}`);
const row = (s: Summary) =>
  [`${s.passed}/${s.cases} (${pct(s.passRate)}%)`, pct(s.citations.precision), pct(s.citations.recall), pct(s.retrieval.hit5), s.retrieval.mrr?.toFixed(3) ?? "–", pct(s.numericExact.rate), pct(s.refusal.accuracy.rate)];

async function suites(): Promise<string[]> {
  const out: string[] = [];
  for (const dir of ["test/golden/dev", "test/golden/heldout"]) {
    for (const name of (await readdir(join(ROOT, dir))).sort()) if (name.endsWith(".jsonl")) out.push(join(dir, name));
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { suite: { type: "string", multiple: true } } });
  const files = values.suite?.length ? values.suite : await suites();
  const state = await mkdtemp(join(tmpdir(), "sitrep-eval-worker-"));
  const [nodePort, workerPort, inspector] = [await freePort(), await freePort(), await freePort()];
  let node: Service | undefined;
  let worker: Service | undefined;
  // The Node service reads the same index (DATA_DIR/index) but keeps its SQLite file in the temp folder.
  await mkdir(join(state, "node-data"));
  await symlink(resolve(ROOT, process.env.DATA_DIR ?? "data", "index"), join(state, "node-data", "index"), "dir");
  try {
    node = await start("node", join(ROOT, "node_modules", ".bin", "tsx"), ["src/server.ts"], { PORT: String(nodePort), HOST: "127.0.0.1", DATA_DIR: join(state, "node-data"), RATE_LIMIT_PER_MINUTE: "0" }, `http://127.0.0.1:${nodePort}`);
    worker = await start(
      "worker",
      "npm",
      ["run", "dev:worker", "--", "--ip", "127.0.0.1", "--port", String(workerPort), "--inspector-port", String(inspector), "--persist-to", join(state, "wrangler"), "--var", "RATE_LIMIT_PER_MINUTE:0", "--show-interactive-dev-session=false", "--log-level", "warn"],
      { WRANGLER_SEND_METRICS: "false", CI: "1", NO_COLOR: "1" },
      `http://127.0.0.1:${workerPort}`,
    );
    const results: { suite: string; node: Summary; worker: Summary; onlyNodePasses: string[]; onlyWorkerPasses: string[] }[] = [];
    for (const suite of files) {
      const [n, w] = [await evaluate({ suite, url: node.url, minPass: 0 }), await evaluate({ suite, url: worker.url, minPass: 0 })];
      const passed = (r: typeof n) => new Set(r.results.filter((c) => c.pass).map((c) => c.id));
      const [np, wp] = [passed(n), passed(w)];
      results.push({ suite, node: n.summary, worker: w.summary, onlyNodePasses: [...np].filter((id) => !wp.has(id)), onlyWorkerPasses: [...wp].filter((id) => !np.has(id)) });
      process.stderr.write(`${suite}: node ${pct(n.summary.passRate)}%, worker ${pct(w.summary.passRate)}%\n`);
    }
    const header = "| suite | runtime | pass | citation P | citation R | hit@5 | MRR | numeric exact | refusal acc. |";
    const lines = [header, "|---|---|---|---|---|---|---|---|---|"];
    for (const r of results) {
      lines.push(`| ${basename(r.suite)} | Node (hybrid) | ${row(r.node).join(" | ")} |`);
      lines.push(`| | Worker (lexical) | ${row(r.worker).join(" | ")} |`);
    }
    console.log(lines.join("\n"));
    for (const r of results) {
      if (r.onlyNodePasses.length || r.onlyWorkerPasses.length) {
        console.log(`${basename(r.suite)}: only Node passes ${r.onlyNodePasses.join(", ") || "none"}; only the Worker passes ${r.onlyWorkerPasses.join(", ") || "none"}`);
      }
    }
    await mkdir(join(ROOT, "artifacts"), { recursive: true });
    await writeFile(join(ROOT, "artifacts", "worker-vs-node.json"), JSON.stringify(results, null, 2) + "\n");
  } finally {
    await stop(worker);
    await stop(node);
    await rm(state, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`eval:worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
