// Inside workerd: rate limits per client hold across isolates, because the Worker counts hits in D1
// (createWorkerRateLimitStore) rather than in each isolate's memory. Two Workers built from scratch
// share only the D1 database here. Runs once the access controls (RATE_LIMIT_PER_MINUTE, AppDeps'
// rateLimitStore) are merged; skipped before that, saying so.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../../src/config.js";
import { createSitrepWorker, type Env } from "../../../src/worker.js";
import { ORIGIN } from "./helpers.js";

const accessControlsMerged = "RATE_LIMIT_PER_MINUTE" in ConfigSchema.shape;

describe.skipIf(!accessControlsMerged)("rate limits across isolates (D1 counters; runs once access controls are merged)", () => {
  it("a client over its limit on one isolate is refused by another", async () => {
    const limited = { ...(env as unknown as Env), RATE_LIMIT_PER_MINUTE: "1" };
    const request = () => new Request(`${ORIGIN}/v1/paragraphs/17`, { headers: { "cf-connecting-ip": "203.0.113.17" } });
    const [first, second] = [createSitrepWorker(), createSitrepWorker()];
    expect((await first.fetch(request(), limited, createExecutionContext())).status).toBe(200);
    const refused = await second.fetch(request(), limited, createExecutionContext());
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
