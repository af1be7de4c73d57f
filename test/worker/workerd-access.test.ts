// API keys and rate limits in the real Worker (workerd via `wrangler dev --local`), configured the way a
// deployment configures them: Worker vars. Skipped only when SITREP_SKIP_WORKERD=1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newApiKey, type NewKey } from "../../scripts/keys-new.js";
import { startWranglerDev, WRANGLER_READY_TIMEOUT_MS, type WranglerDev } from "./wrangler-dev.js";

describe.skipIf(process.env.SITREP_SKIP_WORKERD === "1")("Worker in workerd with API_KEYS and RATE_LIMIT_PER_MINUTE", () => {
  let worker: WranglerDev | undefined;
  let key: NewKey;
  beforeAll(async () => {
    key = await newApiKey("edge-client");
    worker = await startWranglerDev({ API_KEYS: key.entry, RATE_LIMIT_PER_MINUTE: "3" });
  }, WRANGLER_READY_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    await worker?.stop();
  }, 30_000);

  it("refuses a request without the key (401 JSON, WWW-Authenticate) and keeps /health open", async () => {
    const res = await fetch(`${worker!.url}/v1/paragraphs/17`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await fetch(`${worker!.url}/health`)).status).toBe(200);
  });

  it("answers with the key, then limits it: the 4th request in a minute gets 429 with Retry-After", async () => {
    const headers = { authorization: `Bearer ${key.key}` };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${worker!.url}/v1/paragraphs/17`, { headers });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(last!.headers.get("ratelimit")).toMatch(/^limit=3, remaining=0/);
    expect(last!.headers.get("cache-control")).toBe("no-store");
  });
});
