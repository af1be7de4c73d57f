// What a rate-limit store must do, whatever SQL database holds the counters; run on SQLite (Node) and
// on D1 (workerd). The clock is injected, so windows roll over without waiting.
import { expect, it } from "vitest";
import type { SqlDriver } from "../../src/stores/sql/driver.js";
import { sqlRateLimitStore } from "../../src/stores/sql/rate-limit-queries.js";

export function rateLimitStoreContract(open: () => Promise<SqlDriver>): void {
  it("counts hits per key within a window, and starts again in the next one", async () => {
    let now = 1_000_000;
    const store = sqlRateLimitStore(await open(), { now: () => now });
    store.init({ windowMs: 60_000 });
    expect(await store.get("key-a")).toBeUndefined();
    expect((await store.increment("key-a")).totalHits).toBe(1);
    expect((await store.increment("key-a")).totalHits).toBe(2);
    expect((await store.increment("key-b")).totalHits).toBe(1);
    const info = await store.get("key-a");
    expect(info?.totalHits).toBe(2);
    expect(info?.resetTime?.getTime()).toBe(1_020_000); // the window [960000, 1020000) ends there

    now += 60_000;
    expect(await store.get("key-a")).toBeUndefined();
    expect((await store.increment("key-a")).totalHits).toBe(1);
  });

  it("decrements (never below zero) and resets one key or all", async () => {
    const store = sqlRateLimitStore(await open(), { windowMs: 60_000, now: () => 5_000_000 });
    await store.increment("key-c");
    await store.increment("key-c");
    await store.decrement("key-c");
    expect((await store.get("key-c"))?.totalHits).toBe(1);
    await store.decrement("key-c");
    await store.decrement("key-c");
    expect((await store.get("key-c"))?.totalHits).toBe(0);
    await store.increment("key-d");
    await store.resetKey("key-d");
    expect(await store.get("key-d")).toBeUndefined();
    await store.increment("key-e");
    await store.resetAll();
    expect(await store.get("key-e")).toBeUndefined();
  });

  it("loses no hit when many arrive at once (one atomic upsert each)", async () => {
    const store = sqlRateLimitStore(await open(), { windowMs: 60_000, now: () => 9_000_000 });
    const results = await Promise.all(Array.from({ length: 20 }, () => store.increment("key-burst")));
    expect(results.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
}
