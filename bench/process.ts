// Spawns `node --import tsx <entry>` and times spawn -> the first stdout line matching a pattern.
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

export function spawnTsx(entry: string, options: SpawnOptions): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
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
      void stop(child).finally(() => reject(new Error(`${entry}: ${why}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`)));
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
      resolve({ child, readyMs, match });
    });
    child.once("error", (err) => fail(err.message));
    child.once("exit", (code, signal) => fail(`exited (${code ?? signal}) before it was ready`));
  });
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
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
