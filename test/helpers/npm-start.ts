// The real start command, `npm start` (compiled JavaScript, run with node), spawned as a user or a
// process manager would: its JSON log lines are collected, and `logged` waits for one.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, expect } from "vitest";
import { createTestDataDir } from "./app.js";
import { REPO_ROOT } from "./index-fixture.js";

export interface Started {
  npm: ChildProcess;
  dataDir: string;
  url: string;
  port: number;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  /** Resolves when a log line with this message (a substring) appears. */
  logged(message: string): Promise<Record<string, unknown>>;
  /** What the server wrote to stderr so far. */
  stderr(): string;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts `npm start` on a new data folder, or on `dataDir` (to restart on the same database). */
export async function npmStart(env: Record<string, string> = {}, dataDir?: string): Promise<Started> {
  dataDir ??= await createTestDataDir();
  const npm = spawn("npm", ["start"], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", ANSWER_THREADS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(npm);
  const logs: Record<string, unknown>[] = [];
  const waiters: { message: string; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stdout = "";
  let stderr = "";
  npm.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  npm.stdout!.on("data", (d: Buffer) => {
    stdout += d.toString();
    const lines = stdout.split("\n");
    stdout = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith("{")) continue; // npm's own banner
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      for (const w of [...waiters]) if (String(entry.msg).includes(w.message)) waiters.splice(waiters.indexOf(w), 1), w.resolve(entry);
    }
  });
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const logged = (message: string) => {
    const seen = logs.find((l) => String(l.msg).includes(message));
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      waiters.push({ message, resolve });
      void exited.then((code) => reject(new Error(`npm start exited (${code}) before logging "${message}"\n${stderr}`)));
    });
  };
  const ready = await logged("listening on");
  const url = String(ready.msg).match(/listening on (http:\/\/\S+)/)![1]!;
  return { npm, dataDir, url, port: Number(new URL(url).port), logs, exited, logged, stderr: () => stderr };
}

/** The pid of npm's child: the process `npm start` runs. */
export function childOf(pid: number): { pid: number; cmdline: string } {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).map(Number);
  expect(children).toHaveLength(1);
  const child = children[0]!;
  return { pid: child, cmdline: readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0").join(" ").trim() };
}

