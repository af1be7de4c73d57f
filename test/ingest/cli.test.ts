import { spawnSync } from "node:child_process";
import { chmod, cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseIngestArgs, runIngest, type IngestOptions } from "../../ingest/cli.js";
import { createTestDataDir } from "../helpers/app.js";
import { hashEmbeddingsBundle } from "../helpers/hash-embeddings.js";
import { REPO_ROOT, SEED_FILE } from "../helpers/index-fixture.js";
import { leftovers, sandbox, snapshot } from "../helpers/ingest-sandbox.js";

let root: string;
let previous: string; // a complete index every failing run targets
let seedText: string;

async function ingest(options: IngestOptions) {
  const stdout: string[] = [];
  let stderr = "";
  const result = await runIngest({
    embeddings: hashEmbeddingsBundle(),
    env: {},
    progress: false,
    ...options,
    stdout: (l) => stdout.push(l),
    stderr: (t) => (stderr += t),
  });
  return { ...result, stdout: stdout.join("\n"), stderr };
}

beforeAll(async () => {
  root = await sandbox("sitrep-cli-");
  previous = join(root, "index");
  seedText = await readFile(SEED_FILE, "utf8");
  const first = await ingest({ input: SEED_FILE, out: previous });
  expect(first.exitCode).toBe(0);
}, 120_000);

async function writeSeed(name: string, text: string): Promise<string> {
  const path = join(root, name);
  await writeFile(path, text);
  return path;
}

/** Runs a failing ingest against the previous index and checks nothing was touched. */
async function expectFailure(input: string, message: RegExp, out = previous) {
  const before = await snapshot(previous);
  const result = await ingest({ input, out, force: true });
  expect(result.exitCode).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(await snapshot(previous)).toBe(before);
  expect(await leftovers(root)).toEqual([]);
  return result;
}

describe("ingest CLI", () => {
  it("prints the data warnings, the summary and the time", async () => {
    const result = await ingest({ input: SEED_FILE, out: join(root, "fresh") });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/warning: .*Niger/);
    expect(result.stdout).toMatch(/index built: .*\n\s+\d+ paragraphs, \d+ Annex I indicators, \d+ Annex II countries, \d+ chunks, 1 data warnings/);
    expect(result.stdout).toMatch(/done in \d+\.\d\d s/);
  });

  it('says "index up to date" on an unchanged seed, and --force rebuilds', async () => {
    const again = await ingest({ input: SEED_FILE, out: previous });
    expect(again.stdout).toMatch(/index up to date/);
    expect(again.summary?.seconds).toBeLessThan(1);
    const before = await snapshot(previous);
    const forced = await ingest({ input: SEED_FILE, out: previous, force: true });
    expect(forced.stdout).toMatch(/index built/);
    expect(await snapshot(previous)).not.toBe(before);
  });

  it("defaults the output folder to DATA_DIR/index", async () => {
    const dataDir = join(root, "data");
    const result = await ingest({ input: SEED_FILE, env: { DATA_DIR: dataDir } });
    expect(result.exitCode).toBe(0);
    expect(result.summary?.outDir).toBe(join(dataDir, "index"));
  });

  it("fails clearly on a missing input file", async () => {
    await expectFailure(join(root, "nope.txt"), /Input file not found: .*nope\.txt/);
  });

  it("fails clearly on an empty input file", async () => {
    await expectFailure(await writeSeed("empty.txt", "  \n\n"), /Input file is empty/);
  });

  it("fails clearly when the text has no numbered paragraphs", async () => {
    const text = "Report of the Secretary-General\n\nNo numbered paragraphs here.\n\n Annex I \n\n Annex II \n";
    await expectFailure(await writeSeed("no-paras.txt", text), /NO_PARAGRAPHS.*No numbered paragraph/);
  });

  it("fails clearly, naming row and column, when an annex table cannot be reconciled", async () => {
    const edited = seedText.replace("Total 10 756 201 10 957", "Total 10 756 301 11 057");
    expect(edited).not.toBe(seedText);
    await expectFailure(await writeSeed("bad-annex.txt", edited), /ANNEX_UNRECONCILED.*row "Total", column "Military component \/ Women"/);
  });

  it("fails clearly when the output folder cannot be written (path under a regular file)", async () => {
    const file = await writeSeed("a-file", "x");
    await expectFailure(SEED_FILE, /Cannot write the index to .*a-file\/index: a part of the path is a file/, join(file, "index"));
  });

  it("fails clearly when the output folder is read-only", async () => {
    // Root ignores file modes, so as root the unwritable place is sysfs, where even root may not create folders.
    if (process.getuid?.() === 0) {
      await expectFailure(SEED_FILE, /Cannot write the index to .*(permission denied|read-only)/, "/sys/sitrep-test-index");
      return;
    }
    const ro = join(root, "readonly");
    await mkdir(ro);
    await chmod(ro, 0o555);
    try {
      await expectFailure(SEED_FILE, /Cannot write the index to .*permission denied/, join(ro, "index"));
    } finally {
      await chmod(ro, 0o755);
    }
  });

  it("refuses an output path that is a file", async () => {
    const file = await writeSeed("index-file", "x");
    await expectFailure(SEED_FILE, /exists and is not a folder/, file);
  });

  it("removes temp folders left behind by a killed ingest", async () => {
    const stale = join(root, "index.tmp-999999-1");
    await cp(previous, stale, { recursive: true });
    const result = await ingest({ input: SEED_FILE, out: previous, force: true });
    expect(result.exitCode).toBe(0);
    expect(await leftovers(root)).toEqual([]);
  });

  it("parses its arguments", () => {
    expect(parseIngestArgs(["--input", "a.txt", "--out", "dir", "--force"])).toEqual({ input: "a.txt", out: "dir", force: true });
    expect(parseIngestArgs([])).toEqual({ input: undefined, out: undefined, force: false });
    expect(() => parseIngestArgs(["--bogus"])).toThrow();
  });

  it("exits non-zero without a stack trace as a real process", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "ingest/cli.ts", "--input", join(root, "missing.txt"), "--out", join(root, "proc-index")], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: root },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ingest failed: Input file not found/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const bad = spawnSync(process.execPath, ["--import", "tsx", "ingest/cli.ts", "--bogus"], { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage: npm run ingest/);
  });

  it("runs compiled through npm, and an unchanged index is a no-op", async () => {
    const dataDir = await createTestDataDir(); // the real seed's index, built with the local encoder
    const run = spawnSync("npm", ["run", "ingest", "--silent"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, DATA_DIR: dataDir }, timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/index up to date: .*index \(same seed, ingest code, encoder and format/);
    expect(run.stdout).toMatch(/warning: .*Niger/);
  });
});
