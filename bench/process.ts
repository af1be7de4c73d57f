// Spawns a node process as `npm start` would run it and times spawn -> the first stdout line matching
// a pattern (the server's "listening" log line).
import { spawn, type ChildProcess } from "node:child_process";

export interface Started {
  child: ChildProcess;
  /** Milliseconds from spawn() to the matching stdout line. */
  readyMs: number;
  match: RegExpMatchArray;
}

export interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  ready: RegExp;
  timeoutMs: number;
}

/** Children still running, so a watchdog can end them (and only them) before exiting. */
const live = new Set<ChildProcess>();

export function killLiveChildren(): void {
  for (const child of live) child.kill("SIGKILL");
}

/** `node <args…>` (no tsx: what `npm start` runs is compiled JavaScript). */
export function spawnNode(args: string[], options: SpawnOptions): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  child.once("exit", () => live.delete(child));
  let stdout = "";
  let stderr = "";
  let settled = false;
  return new Promise<Started>((resolve, reject) => {
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop(child).finally(() => reject(new Error(`${args.join(" ")}: ${why}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`)));
    };
    const timer = setTimeout(() => fail(`not ready after ${options.timeoutMs} ms`), options.timeoutMs);
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on("data", (d: Buffer) => {
      if (settled) return;
      const readyMs = performance.now() - t0;
      stdout += d.toString();
      const match = stdout.match(options.ready);
      if (!match) return;
      settled = true;
      clearTimeout(timer);
      // Keep draining stdout (request logs) so the child never blocks on a full pipe.
      child.stdout!.resume();
      resolve({ child, readyMs, match });
    });
    child.once("error", (err) => fail(err.message));
    child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  });
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export function stop(child: ChildProcess, graceMs = 12_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Wall time of a command run to its end (`npm run ingest …`), with its exit code and output. */
export function timeCommand(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }) {
  return new Promise<{ ms: number; code: number | null; stdout: string; stderr: string }>((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ ms: performance.now() - t0, code, stdout, stderr });
    });
  });
}
