// Inside workerd: what a deployment that is not set up right gets. Each case is a fresh Worker
// (createSitrepWorker, as a new isolate would build it) over the real assets with one thing wrong.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createSitrepWorker, type Env } from "../../../src/worker.js";
import { ORIGIN } from "./helpers.js";

async function health(overrides: Partial<Env>): Promise<{ status: number; body: { error?: { code: string; message: string }; status?: string } }> {
  const worker = createSitrepWorker();
  const res = await worker.fetch(new Request(`${ORIGIN}/health`), { ...(env as unknown as Env), ...overrides }, createExecutionContext());
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe("Worker start-up checks", () => {
  it("without the DB binding: 503 naming the binding to add", async () => {
    const { status, body } = await health({ DB: undefined });
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: "unavailable", message: expect.stringMatching(/D1 binding "DB" is missing/) });
  });

  it("on a D1 database without the migrations: 503 naming the command that applies them", async () => {
    const { status, body } = await health({ DB: env.UNMIGRATED_DB });
    expect(status).toBe(503);
    expect(body.error?.message).toMatch(/D1 migrations not applied: 0001_initial\.sql, .*wrangler d1 migrations apply DB/);
  });

  it("without the data bundle in its assets: 503 saying to run build:worker", async () => {
    const { status, body } = await health({ ASSETS: { fetch: async () => new Response("not found", { status: 404 }) } });
    expect(status).toBe(503);
    expect(body.error?.message).toMatch(/npm run build:worker/);
  });

  it("recovers once the problem is fixed, without a new isolate", async () => {
    const worker = createSitrepWorker();
    const ctx = createExecutionContext();
    const base = env as unknown as Env;
    expect((await worker.fetch(new Request(`${ORIGIN}/health`), { ...base, DB: undefined }, ctx)).status).toBe(503);
    expect((await worker.fetch(new Request(`${ORIGIN}/health`), base, ctx)).status).toBe(200);
  });
});
