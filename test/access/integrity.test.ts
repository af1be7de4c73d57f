// Damaged data files, made by corrupting copies of real ones: an index file edited after it was built
// (even into valid JSON), a truncated SQLite file, a page of garbage in the middle of one, and damage
// that appears while the service runs. Start-up stops with a message that says what to do, never a stack;
// damage at run time gets 503 and /health reports not ready.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, openSync, statSync, truncateSync, writeSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../ingest/build-index.js";
import { IndexInvalidError, loadIndex } from "../../src/retrieval/load-index.js";
import { openSqliteStore, StoreOpenError } from "../../src/stores/sqlite.js";
import { quickCheckInBackground } from "../../src/stores/sqlite-check.js";
import type { StoredTurn } from "../../src/stores/types.js";
import { createTestSitrep } from "../helpers/app.js";
import { buildTestIndex, REPO_ROOT, SEED_FILE, testEmbeddings } from "../helpers/index-fixture.js";

let indexDir: string;
let scratch: string;
beforeAll(async () => {
  indexDir = await buildTestIndex();
  scratch = await mkdtemp(join(tmpdir(), "sitrep-integrity-"));
}, 300_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function copyIndex(name: string): Promise<string> {
  const dir = join(scratch, name, "index");
  await cp(indexDir, dir, { recursive: true });
  return dir;
}

/** `npm start` on a data folder, as a user runs it. */
function start(dataDir: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stderr: run.stderr };
}

function expectNoStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/node_modules/);
}

/** A valid but edited report: paragraph 17 says something the report never said. */
async function editReport(dir: string) {
  const file = join(dir, "report.json");
  const report = JSON.parse(await readFile(file, "utf8")) as { paragraphs: { number: number; text: string }[] };
  const p17 = report.paragraphs.find((p) => p.number === 17)!;
  const edited = p17.text.replace("Eight peacekeepers were killed", "Eighty peacekeepers were killed");
  expect(edited).not.toBe(p17.text);
  p17.text = edited;
  await writeFile(file, JSON.stringify(report));
}

describe("index files are checked against the SHA-256 in the manifest", () => {
  it("records every file of the folder", async () => {
    const manifest = JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).sort()).toEqual(["chunks.json", "figures.json", "glossary.json", "hnswlib/args.json", "hnswlib/docstore.json", "hnswlib/hnswlib.index", "lexical.json", "lexicon.json", "report.json"]);
  });

  it("refuses a report.json edited after the build, even though it is still valid", async () => {
    const dir = await copyIndex("edited-report");
    await editReport(dir);
    const loading = loadIndex(dir, testEmbeddings().embeddings);
    await expect(loading).rejects.toThrow(IndexInvalidError);
    await expect(loadIndex(dir, testEmbeddings().embeddings)).rejects.toThrow(/report\.json has changed since the index was built.*npm run ingest -- --force/);
  });

  it("refuses a damaged vector index before hnswlib reads it", async () => {
    const dir = await copyIndex("damaged-vectors");
    const file = join(dir, "hnswlib", "hnswlib.index");
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, Math.floor(statSync(file).size / 2));
    closeSync(fd);
    await expect(loadIndex(dir, testEmbeddings().embeddings)).rejects.toThrow(/hnswlib\.index has changed since the index was built/);
  });

  it("refuses a folder with a listed file missing, or with a file the manifest does not list", async () => {
    const missing = await copyIndex("missing-file");
    await rm(join(missing, "hnswlib", "docstore.json"));
    await expect(loadIndex(missing, testEmbeddings().embeddings)).rejects.toThrow(/docstore\.json is missing \(the manifest lists it\)/);
    const extra = await copyIndex("extra-file");
    await writeFile(join(extra, "notes.json"), "{}");
    await expect(loadIndex(extra, testEmbeddings().embeddings)).rejects.toThrow(/notes\.json is not part of the index/);
  });

  it("stops `npm start` with the friendly message, no stack", async () => {
    const dir = await copyIndex("edited-report-start");
    await editReport(dir);
    const { code, stderr } = start(join(dir, ".."));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sitrep cannot start: .*report\.json has changed since the index was built \(.*\)\. Rebuild it with `npm run ingest -- --force`\./m);
    expectNoStack(stderr);
  });

  it("is repaired by a plain `npm run ingest` (an index that no longer matches is not 'up to date')", async () => {
    const dir = await copyIndex("repair");
    await editReport(dir);
    const summary = await buildIndex({ input: SEED_FILE, out: dir, embeddings: testEmbeddings() });
    expect(summary.status).toBe("built");
    const loaded = await loadIndex(dir, testEmbeddings().embeddings);
    const p17 = loaded.report.paragraphs.find((p) => p.number === 17)!.text;
    expect(p17).toContain("Eight peacekeepers were killed");
    expect(p17).not.toContain("Eighty");
  }, 120_000);
});

function turn(i: number): StoredTurn {
  const conversationId = `c${i % 40}`;
  return {
    question: `Question ${i}: ${"how many troops ".repeat(20)}`,
    resolvedQuestion: `Question ${i}`,
    response: { answer: `Answer ${i}: ${"the report says ".repeat(50)}`, answered: true, citations: [], conversationId, answerId: `a${i}` },
    createdAt: new Date().toISOString(),
  };
}

/** A real database of `turns` turns (about 1 KB each), closed and checkpointed into one file. */
async function makeDatabase(file: string, turns: number): Promise<void> {
  const store = await openSqliteStore(file);
  for (let i = 0; i < turns; i++) await store.appendTurn(turn(i).response.conversationId, "anonymous", turn(i));
  await store.close();
}

/** Overwrites pages [from, to) of a SQLite file (4 KB pages) with garbage. */
function garblePages(file: string, from: number, to: number) {
  const fd = openSync(file, "r+");
  for (let page = from; page < to; page++) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
  closeSync(fd);
}

describe("SQLite damage at start-up (PRAGMA quick_check)", () => {
  let good: string;
  let pages: number;
  beforeAll(async () => {
    good = join(scratch, "good.db");
    await makeDatabase(good, 2500);
    pages = statSync(good).size / 4096;
    expect(pages).toBeGreaterThan(100);
  });

  async function dataDirWith(name: string, damage: (file: string) => void): Promise<{ dataDir: string; file: string }> {
    const dataDir = join(scratch, name);
    await rm(dataDir, { recursive: true, force: true });
    await cp(indexDir, join(dataDir, "index"), { recursive: true });
    const file = join(dataDir, "sitrep.db");
    copyFileSync(good, file);
    damage(file);
    return { dataDir, file };
  }

  it.each([
    ["truncated to half", (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ["truncated inside the first page", (file: string) => truncateSync(file, 50)],
    ["a page of garbage in the middle", (file: string) => garblePages(file, Math.floor(statSync(file).size / 8192), Math.floor(statSync(file).size / 8192) + 1)],
  ])("%s: the store refuses to open, naming the file and what to do", async (name, damage) => {
    const { file } = await dataDirWith(`db-${name.replace(/\W+/g, "-")}`, damage);
    const opening = openSqliteStore(file);
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    const message = await opening.catch((err: Error) => err.message);
    expect(message).toContain(`The database ${file} is damaged`);
    expect(message).toMatch(/move the file aside.*\.recover.*restore a backup.*start sitrep again/s);
  });

  it.each([
    ["truncated", (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ["damaged in the middle", (file: string) => garblePages(file, Math.floor(statSync(file).size / 8192), Math.floor(statSync(file).size / 8192) + 1)],
  ])("%s: `npm start` stops with that message and no stack", async (name, damage) => {
    const { dataDir, file } = await dataDirWith(`start-${name}`, damage);
    const { code, stderr } = start(dataDir);
    expect(code).toBe(1);
    expect(stderr).toContain(`sitrep cannot start: The database ${file} is damaged`);
    expectNoStack(stderr);
  });

  describe("a file over the size checked in full before start-up goes on", () => {
    const large = { fullCheckMaxBytes: 0 };

    it("truncated: still refuses to open (its header says how many pages it should have)", async () => {
      const { file } = await dataDirWith("large-truncated", (f) => truncateSync(f, Math.floor(statSync(f).size / 2)));
      const message = await openSqliteStore(file, large).then(
        () => "opened",
        (err: Error) => err.message,
      );
      expect(message).toContain(`The database ${file} is damaged`);
      expect(message).toMatch(/truncated/);
    });

    it("a page of garbage in the middle: opens, then the check on its own thread reports the damage as a fault", async () => {
      const { file } = await dataDirWith("large-garbled", (f) => garblePages(f, Math.floor(statSync(f).size / 8192), Math.floor(statSync(f).size / 8192) + 1));
      let reported!: (reason: string) => void;
      const fault = new Promise<string>((resolve) => (reported = resolve));
      const store = await openSqliteStore(file, { ...large, onFault: (reason) => reported(reason) });
      try {
        expect(await fault).toContain(`The database ${file} is damaged`);
      } finally {
        await store.close();
      }
    });

    it("intact: the check on its own thread finds nothing", async () => {
      const { file } = await dataDirWith("large-intact", () => {});
      expect(await quickCheckInBackground(file).problems).toEqual([]);
      const store = await openSqliteStore(file, large);
      expect(await store.recentTurns("c7", 1000)).not.toHaveLength(0);
      await store.close();
    });
  });

  it("an intact copy opens and keeps every turn", async () => {
    const { file } = await dataDirWith("db-intact", () => {});
    const store = await openSqliteStore(file);
    expect(await store.recentTurns("c7", 1000)).toHaveLength(Array.from({ length: 2500 }, (_, i) => i % 40).filter((c) => c === 7).length);
    await store.close();
  });
});

describe("SQLite damage at run time", () => {
  it("gets 503 store_unavailable, never 500, and /health reports the store not ready", async () => {
    const dataDir = join(scratch, "runtime");
    await cp(indexDir, join(dataDir, "index"), { recursive: true });
    const file = join(dataDir, "sitrep.db");
    await makeDatabase(file, 2500);
    const sitrep = await createTestSitrep({}, { dataDir });
    try {
      expect((await sitrep.app.request("/health")).status).toBe(200);
      expect((await sitrep.app.request("/v1/answers/a2400")).status).toBe(200);
      // The disk goes bad under the running service: the second half of the file becomes garbage.
      // Another connection's write makes the service's connection drop its page cache and read the disk.
      const pages = statSync(file).size / 4096;
      garblePages(file, Math.floor(pages / 2), pages);
      const other = new Database(file);
      other.pragma("user_version = 1");
      other.close();

      const statuses = new Set<number>();
      for (let i = 0; i < 2500; i += 100) {
        const response = await sitrep.app.request(`/v1/answers/a${i}`);
        statuses.add(response.status);
        if (response.status !== 200) expect(await response.json()).toMatchObject({ error: { code: "store_unavailable" } });
      }
      expect(statuses).toContain(503);
      expect(statuses).not.toContain(500);

      const health = await sitrep.app.request("/health");
      expect(health.status).toBe(503);
      const body = (await health.json()) as { status: string; problems: { component: string; reason: string }[] };
      expect(body.status).toBe("not ready");
      expect(body.problems).toEqual([expect.objectContaining({ component: "store", reason: expect.stringMatching(/SQLITE_CORRUPT/) })]);
    } finally {
      sitrep.close();
    }
  });

  it("a record that no longer decodes is 503 for that answer, not 500", async () => {
    const sitrep = await createTestSitrep();
    try {
      const asked = (await (await sitrep.app.request("/v1/ask", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "What does paragraph 17 say?" }),
      })).json()) as { answerId: string };
      const db = new Database(join(sitrep.dataDir, "sitrep.db"));
      db.prepare("UPDATE turns SET response_json = ? WHERE answer_id = ?").run('{"answer": "trunc', asked.answerId);
      db.close();
      const response = await sitrep.app.request(`/v1/answers/${asked.answerId}`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: "store_unavailable" } });
    } finally {
      sitrep.close();
    }
  });
});
