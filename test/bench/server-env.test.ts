// The bench's servers read the project's index but write their turns into a temporary database of their
// own, so `npm run bench` never grows data/sitrep.db.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { benchServerEnv, createBenchDataDir } from "../../bench/server-env.js";
import { loadConfig } from "../../src/config.js";
import { buildTestIndex } from "../helpers/index-fixture.js";

describe("the bench's data folder", () => {
  it("gives the server a DATA_DIR outside the project's data/, holding the project's index and no database yet", async () => {
    const index = await buildTestIndex();
    const project = mkdtempSync(join(tmpdir(), "sitrep-bench-project-"));
    mkdirSync(join(project, "data"));
    symlinkSync(index, join(project, "data", "index"), "dir");

    const data = createBenchDataDir(project);
    try {
      const config = loadConfig(benchServerEnv(data.dir, { DATA_DIR: "data", LLM_MODEL: "m", ANSWER_THREADS: "1" }));
      expect(resolve(config.DATA_DIR)).toBe(data.dir);
      expect(resolve(config.DATA_DIR).startsWith(join(project, "data"))).toBe(false);
      // The embedded defaults, whatever the shell exports.
      expect(config.LLM_MODEL).toBeUndefined();
      expect(config.ANSWER_THREADS).toBeUndefined();
      expect(readFileSync(join(config.DATA_DIR, "index", "manifest.json"), "utf8")).toBe(readFileSync(join(index, "manifest.json"), "utf8"));
      expect(existsSync(join(config.DATA_DIR, "sitrep.db"))).toBe(false);
    } finally {
      data.dispose();
    }
    expect(existsSync(data.dir)).toBe(false);
    expect(existsSync(join(index, "manifest.json"))).toBe(true); // the linked index survives
  });
});
