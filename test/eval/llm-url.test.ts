// The eval runner (`npm run eval -- --url … --api-key …`, the real CLI in a child process) against a
// running sitrep in LLM mode: the real app on a local port, its model a fake OpenAI-compatible server
// on 127.0.0.1 (a stand-in model that quotes the best-matching evidence sentence).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testKeys } from "../access/keys.js";
import { REPO_ROOT } from "../helpers/index-fixture.js";
import { startFakeOpenAI, type FakeOpenAIServer } from "../helpers/fake-openai-server.js";
import { copyingModel, llmSitrep, metric, type Sitrep } from "../helpers/llm-script.js";

const run = promisify(execFile);

const SUITE = [
  { id: "route", question: "When was the supply route through Niamey tested?", type: "text", expected: { must_contain: ["30 March"] }, citations: ["para. 47"] },
  { id: "mandate", question: "Under resolution 2295, until what date was the Mission's mandate renewed?", type: "text", expected: { must_contain: ["30 June 2017"] }, citations: ["para. 1"] },
];

let fake: FakeOpenAIServer;
let sitrep: Sitrep;
let server: ServerType;
let url = "";
let key = "";
let dir = "";

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond(copyingModel);
  const keys = await testKeys();
  key = keys.alice.key;
  sitrep = await llmSitrep(fake, { API_KEYS: keys.API_KEYS });
  vi.spyOn(console, "warn").mockImplementation(() => {});
  server = serve({ fetch: sitrep.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), "sitrep-llm-eval-"));
  await writeFile(join(dir, "suite.jsonl"), SUITE.map((c) => JSON.stringify(c)).join("\n") + "\n");
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  sitrep?.close();
  await fake?.close();
});

async function evalCli(args: string[]) {
  const json = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const out = await run(process.execPath, ["--import", "tsx", "src/eval/cli.ts", "--suite", join(dir, "suite.jsonl"), "--url", url, "--json", json, "--min-pass", "0", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SITREP_API_KEY: "" },
  }).catch((err: { stdout: string; stderr: string; code: number }) => err);
  return { ...out, report: JSON.parse(await readFile(json, "utf8")) as { target: string; results: { id: string; pass: boolean; turns: { outcome: { ok: boolean; error?: string } }[] }[] } };
}

describe("eval runner --url against an LLM-configured server (fake OpenAI-compatible model)", () => {
  it("asks every case through the service, its model answering, with the API key", async () => {
    const verified = await metric(sitrep.app, "sitrep_llm_answers_total", `outcome="verified"`, { authorization: `Bearer ${key}` });
    const { report, stdout } = await evalCli(["--api-key", key]);
    expect(report.target).toBe(url);
    expect(report.results.map((r) => r.id).sort()).toEqual(["mandate", "route"]);
    expect(JSON.stringify(report.results)).not.toMatch(/HTTP 401/);
    expect(fake.requests.length).toBeGreaterThanOrEqual(2 * SUITE.length);
    expect(await metric(sitrep.app, "sitrep_llm_answers_total", `outcome="verified"`, { authorization: `Bearer ${key}` })).toBeGreaterThan(verified);
    expect(report.results.find((r) => r.id === "route")?.pass).toBe(true);
    expect(stdout).toMatch(/RESULT: PASS/);
  }, 120_000);

  it("without the key the service refuses every case (401), and the run says so", async () => {
    const { report } = await evalCli([]);
    expect(JSON.stringify(report.results)).toMatch(/HTTP 401/);
    expect(report.results.every((r) => !r.pass)).toBe(true);
  }, 120_000);
});
