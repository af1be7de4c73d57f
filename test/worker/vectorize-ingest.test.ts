// `npm run ingest -- --target vectorize` against a local HTTP server on 127.0.0.1 standing in for
// Workers AI's REST API (Cloudflare is out of reach offline): the exact requests it sends, the ndjson
// `wrangler vectorize upsert` takes, vectorize.json, and what the Worker's assets then bundle.
import { mkdtemp, readFile, symlink } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../ingest/cli.js";
import { buildWorkerAssets } from "../../scripts/build-worker-assets.js";
import type { ChunkMetadata } from "../../src/retrieval/chunk.js";
import { VectorizeManifestSchema } from "../../src/retrieval/workers/vectorize-manifest.js";
import { HashEmbeddings } from "../helpers/hash-embeddings.js";
import { buildTestIndex, SEED_FILE, testEmbeddings } from "../helpers/index-fixture.js";

interface Seen {
  method: string;
  path: string;
  authorization?: string;
  contentType?: string;
  body: { text: string[] };
}

/** A FAKE Workers AI REST API on 127.0.0.1: records each request, answers with hash embeddings (or `status`). */
async function fakeWorkersAi(options: { status?: number } = {}) {
  const seen: Seen[] = [];
  const hash = new HashEmbeddings(8);
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", () => resolve(raw));
  });
  const server = createServer(async (req, res) => {
    const body = JSON.parse(await read(req)) as { text: string[] };
    seen.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, contentType: req.headers["content-type"], body });
    res.setHeader("content-type", "application/json");
    if (options.status) {
      res.writeHead(options.status).end(JSON.stringify({ success: false, result: null, errors: [{ code: 10000, message: "Authentication error" }], messages: [] }));
      return;
    }
    const data = body.text.map((t) => hash.vector(t));
    res.writeHead(200).end(JSON.stringify({ success: true, result: { shape: [data.length, 8], data }, errors: [], messages: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    seen,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`,
    close: () => {
      server.closeAllConnections(); // keep-alive sockets would hold close() for seconds
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

let indexDir: string;
let api: Awaited<ReturnType<typeof fakeWorkersAi>>;

beforeAll(async () => {
  indexDir = await buildTestIndex();
  api = await fakeWorkersAi();
});
afterAll(() => api?.close());

/** A data folder whose index is the shared test index (ingest finds it up to date and leaves it alone). */
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sitrep-vectorize-"));
  await symlink(indexDir, join(dir, "index"), "dir");
  return dir;
}

async function ingest(data: string, env: Record<string, string>, extra: { force?: boolean } = {}) {
  const lines: string[] = [];
  const errors: string[] = [];
  const result = await runIngest({
    input: SEED_FILE,
    target: "vectorize",
    ...extra,
    env: { DATA_DIR: data, ...env },
    embeddings: testEmbeddings(),
    stdout: (l) => lines.push(l),
    stderr: (t) => errors.push(t),
    progress: false,
  });
  return { ...result, out: lines.join("\n"), err: errors.join("") };
}

const credentials = () => ({ CLOUDFLARE_ACCOUNT_ID: "acc-123", CLOUDFLARE_API_TOKEN: "tok-456", CLOUDFLARE_API_BASE_URL: api.baseUrl });

describe("ingest --target vectorize (Workers AI REST API replaced by a local server on 127.0.0.1)", () => {
  it("sends every chunk to /accounts/{id}/ai/run/{model} with the bearer token, in batches, and writes the ndjson and vectorize.json", async () => {
    const data = await dataDir();
    const before = api.seen.length;
    const run = await ingest(data, credentials());
    expect(run.exitCode, run.err).toBe(0);

    const requests = api.seen.slice(before);
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) {
      expect(r).toMatchObject({ method: "POST", path: "/client/v4/accounts/acc-123/ai/run/@cf/baai/bge-base-en-v1.5", authorization: "Bearer tok-456", contentType: "application/json" });
      expect(r.body.text.length).toBeLessThanOrEqual(50);
    }
    const chunks = JSON.parse(await readFile(join(indexDir, "chunks.json"), "utf8")) as { pageContent: string; metadata: ChunkMetadata }[];
    expect(requests.flatMap((r) => r.body.text).sort()).toEqual(chunks.map((c) => c.pageContent.replace(/\n/g, " ")).sort());

    const lines = (await readFile(join(data, "vectorize", "vectors.ndjson"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { id: string; values: number[]; metadata: Record<string, unknown> });
    expect(lines.map((l) => l.id)).toEqual(chunks.map((c) => c.metadata.id));
    expect(lines.every((l) => l.values.length === 8)).toBe(true);
    const para47 = lines.find((l) => l.id === "p47")!;
    expect(para47.metadata).toMatchObject({ ref: "para. 47", kind: "paragraph", paragraph: 47 });
    const senegal = lines.find((l) => l.metadata.rowKey === "Senegal")!;
    expect(senegal.metadata).toMatchObject({ ref: "Annex II Senegal", kind: "annex-ii", annex: "II" });

    const manifest = VectorizeManifestSchema.parse(JSON.parse(await readFile(join(data, "vectorize", "vectorize.json"), "utf8")));
    const index = JSON.parse(await readFile(join(indexDir, "manifest.json"), "utf8")) as { seedSha256: string; chunkCount: number };
    expect(manifest.encoder).toEqual({ provider: "workers-ai", name: "@cf/baai/bge-base-en-v1.5", dimensions: 8 });
    expect(manifest.index).toMatchObject({ seedSha256: index.seedSha256, chunkCount: index.chunkCount });
    expect(run.out).toMatch(/wrangler vectorize upsert sitrep --file .*vectors\.ndjson/);

    // The Worker's assets now carry vectorize.json, so a Worker with AI and VECTORIZE bound goes hybrid.
    const assets = await buildWorkerAssets({ indexDir: join(data, "index"), vectorizeDir: join(data, "vectorize"), outDir: join(data, "assets") });
    expect(assets.vectorize).toBe(true);

    // Run again: up to date, nothing sent. --force embeds again.
    const again = api.seen.length;
    expect((await ingest(data, credentials())).out).toMatch(/vectors up to date/);
    expect(api.seen.length).toBe(again);
    expect((await ingest(data, credentials(), { force: true })).exitCode).toBe(0);
    expect(api.seen.length).toBeGreaterThan(again);
  });

  it("--model picks another Workers AI model, in the URL and in vectorize.json", async () => {
    const data = await dataDir();
    const lines: string[] = [];
    const before = api.seen.length;
    const result = await runIngest({ input: SEED_FILE, target: "vectorize", model: "@cf/baai/bge-small-en-v1.5", env: { DATA_DIR: data, ...credentials() }, embeddings: testEmbeddings(), stdout: (l) => lines.push(l), stderr: () => {}, progress: false });
    expect(result.exitCode).toBe(0);
    expect(api.seen.slice(before).every((r) => r.path.endsWith("/ai/run/@cf/baai/bge-small-en-v1.5"))).toBe(true);
    expect(JSON.parse(await readFile(join(data, "vectorize", "vectorize.json"), "utf8")).encoder.name).toBe("@cf/baai/bge-small-en-v1.5");
  });

  it("without CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN: exits 1 naming both, and sends nothing", async () => {
    const before = api.seen.length;
    const run = await ingest(await dataDir(), { CLOUDFLARE_API_BASE_URL: api.baseUrl });
    expect(run.exitCode).toBe(1);
    expect(run.err).toMatch(/CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN/);
    expect(api.seen.length).toBe(before);
  });

  it("a refused token (401) fails at once with Cloudflare's message, without retrying, and writes nothing", async () => {
    const refusing = await fakeWorkersAi({ status: 401 });
    try {
      const data = await dataDir();
      const run = await ingest(data, { ...credentials(), CLOUDFLARE_API_BASE_URL: refusing.baseUrl });
      expect(run.exitCode).toBe(1);
      expect(run.err).toMatch(/answered 401: Authentication error/);
      expect(refusing.seen.length).toBeLessThanOrEqual(Math.ceil(147 / 50)); // one try per batch, no retries
      await expect(readFile(join(data, "vectorize", "vectors.ndjson"))).rejects.toThrow();
    } finally {
      await refusing.close();
    }
  });
});
