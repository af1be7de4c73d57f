// `npm run eval` on the in-process app: its report on stdout has no request logs between its lines
// unless the user asks for them with LOG_LEVEL, and its turns never go into the user's sitrep.db.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDataDir } from "../helpers/app.js";
import { REPO_ROOT } from "../helpers/index-fixture.js";

const CASES = [
  { id: "tiny-number", question: "How many peacekeepers were killed since June 2016?", type: "numeric", expected: { numbers: [8] }, citations: ["para. 17"] },
  { id: "tiny-refusal", question: "How many peacekeepers were deployed in Mali in 1990?", type: "refusal" },
];

let suite: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = await createTestDataDir();
  suite = join(await mkdtemp(join(tmpdir(), "sitrep-eval-cli-")), "tiny.jsonl");
  await writeFile(suite, CASES.map((c) => JSON.stringify(c)).join("\n") + "\n");
});

function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const { LOG_LEVEL: _, ...inherited } = process.env;
  const child = spawn(join(REPO_ROOT, "node_modules/.bin/tsx"), ["src/eval/cli.ts", "--suite", suite, "--min-pass", "0"], {
    cwd: REPO_ROOT,
    env: { ...inherited, DATA_DIR: dataDir, ANSWER_THREADS: "0", ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout })));
}

const requestLines = (stdout: string) => stdout.split("\n").filter((line) => /^\{.*"msg":"request"/.test(line));

describe("npm run eval (in-process app)", () => {
  it("prints the report with no request log lines when LOG_LEVEL is unset", async () => {
    const { code, stdout } = await runCli({});
    expect(code).toBe(0);
    expect(stdout).toContain("RESULT: PASS");
    expect(requestLines(stdout)).toEqual([]);
  });

  it("leaves no database in DATA_DIR: the run's turns went to one of its own", async () => {
    const { code } = await runCli({});
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, "sitrep.db"))).toBe(false);
  });

  it("prints the request log lines when the user sets LOG_LEVEL=info", async () => {
    const { code, stdout } = await runCli({ LOG_LEVEL: "info" });
    expect(code).toBe(0);
    expect(requestLines(stdout)).toHaveLength(CASES.length);
  });
});
