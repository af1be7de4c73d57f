// The Worker build in Node: createWorkerSitrep over a real index (lexical-only retrieval, memory store),
// and the src/worker.ts entry over assets written by scripts/build-worker-assets.ts.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkerAssets } from "../../scripts/build-worker-assets.js";
import { createWorkerSitrep, WorkerDataError, type WorkerIndexData } from "../../src/bootstrap/worker.js";
import worker from "../../src/worker.js";
import { buildTestIndex } from "../helpers/index-fixture.js";
import { askJson, folderAssets, readIndexData } from "./helpers.js";

interface AskBody {
  answer: string;
  answered: boolean;
  citations: { ref: string; paragraph?: number; annex?: string; rows?: string[] }[];
  tool?: { name: string; result: number };
}

let indexDir: string;
let data: WorkerIndexData;

beforeAll(async () => {
  indexDir = await buildTestIndex();
  data = await readIndexData(indexDir);
});

describe("createWorkerSitrep", () => {
  it("serves /health from the bundled manifest, with the extractive composer and lexical-only retrieval", async () => {
    const { app, retriever } = createWorkerSitrep({}, data, { version: "9.9.9" });
    expect(retriever.mode).toBe("lexical");
    const res = await app.request("/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; composer: string; index: { chunkCount: number; encoder: { provider: string } } };
    expect(body).toMatchObject({ status: "ok", version: "9.9.9", composer: "extractive", retrieval: "lexical" });
    expect(body.index.chunkCount).toBe((data.manifest as { chunkCount: number }).chunkCount);
    expect(body.index.encoder.provider).toBe("use-lite"); // the manifest's encoder stays as built
  });

  it("answers a text question with a paragraph citation (BM25 only)", async () => {
    const { app } = createWorkerSitrep({}, data);
    const res = await app.request("/v1/ask", askJson("How many Malian stakeholders attended the conference for national harmony?"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as AskBody;
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/1,000/);
    expect(body.citations.some((c) => c.paragraph === 2)).toBe(true);
  });

  it("answers an Annex II question with the numeric tool", async () => {
    const { app } = createWorkerSitrep({}, data);
    const res = await app.request("/v1/ask", askJson("How many Senegalese soldiers serve with the Mission?"));
    const body = (await res.json()) as AskBody;
    expect(body.answered).toBe(true);
    expect(body.answer).toMatch(/576/);
    expect(body.citations.some((c) => c.annex === "II")).toBe(true);
    expect(body.tool?.result).toBe(576);
  });

  it("ignores LLM settings (no composer in the Worker yet) and rejects inconsistent data", () => {
    const { deps } = createWorkerSitrep({ LLM_BASE_URL: "http://127.0.0.1:9/v1", LLM_MODEL: "m", ASSETS: {} }, data);
    expect(deps.config.LLM_BASE_URL).toBeUndefined();
    const manifest = { ...(data.manifest as object), chunkCount: 1 };
    expect(() => createWorkerSitrep({}, { ...data, manifest })).toThrow(WorkerDataError);
    expect(() => createWorkerSitrep({}, { ...data, report: { ...(data.report as object), seedSha256: "0".repeat(64) } })).toThrow(/seed hash/);
    expect(() => createWorkerSitrep({}, { ...data, lexical: { nope: true } })).toThrow(WorkerDataError);
  });
});

describe("src/worker.ts over built assets", () => {
  it("loads the data through env.ASSETS once and serves cited answers", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "sitrep-worker-assets-")), "assets");
    await buildWorkerAssets({ indexDir, outDir: out, version: "1.2.3", widgetFile: join(out, "no-widget.js") });
    const assets = folderAssets(out);
    const env = { ASSETS: assets };
    const background: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => void background.push(p), passThroughOnException() {}, props: {} };

    const health = await worker.fetch(new Request("http://worker.test/health"), env, ctx);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { version: string }).version).toBe("1.2.3");
    const res = await worker.fetch(new Request("http://worker.test/v1/ask", askJson("How many peacekeepers were killed?")), env, ctx);
    expect(res.status).toBe(200);
    const body = (await res.json()) as AskBody;
    expect(body.answered).toBe(true);
    expect(body.citations.length).toBeGreaterThan(0);
    const widget = await worker.fetch(new Request("http://worker.test/widget.js"), env, ctx);
    expect(widget.status).toBe(404); // no bundle was built into these assets

    const fetchedOnce = assets.requested.filter((p) => p.endsWith("/manifest.json"));
    expect(fetchedOnce).toHaveLength(1);
  });
});
