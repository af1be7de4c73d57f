// A rate-limit hit counter over a SqlDriver (D1 on Workers, SQLite on Node), shaped like
// hono-rate-limiter's `Store`: fixed windows aligned to multiples of windowMs, one row per key, and
// one atomic upsert per hit, so concurrent isolates never lose a count.
import type { SqlDriver } from "./driver.js";

export interface RateLimitInfo {
  totalHits: number;
  resetTime?: Date;
}

/** The subset of hono-rate-limiter's Store this implements (structurally, without importing it). */
export interface SqlRateLimitStore {
  readonly localKeys: false;
  prefix?: string;
  init(options: { windowMs: number }): void;
  get(key: string): Promise<RateLimitInfo | undefined>;
  increment(key: string): Promise<RateLimitInfo>;
  decrement(key: string): Promise<void>;
  resetKey(key: string): Promise<void>;
  resetAll(): Promise<void>;
}

export interface SqlRateLimitOptions {
  /** Window length until the middleware calls init() with its own; defaults to one minute. */
  windowMs?: number;
  prefix?: string;
  now?: () => number;
}

export function sqlRateLimitStore(db: SqlDriver, options: SqlRateLimitOptions = {}): SqlRateLimitStore {
  let windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const key = (k: string) => (options.prefix ?? "") + k;
  const currentWindow = () => Math.floor(now() / windowMs) * windowMs;
  const info = (hits: number, start: number): RateLimitInfo => ({ totalHits: hits, resetTime: new Date(start + windowMs) });
  return {
    localKeys: false,
    ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
    init(config) {
      windowMs = config.windowMs;
    },
    async get(k) {
      const start = currentWindow();
      const row = await db.first<{ hits: number }>("SELECT hits FROM rate_limits WHERE key = ? AND window_start = ?", [key(k), start]);
      return row ? info(row.hits, start) : undefined;
    },
    async increment(k) {
      const start = currentWindow();
      const row = await db.first<{ hits: number; window_start: number }>(
        `INSERT INTO rate_limits (key, window_start, hits) VALUES (?, ?, 1)
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END,
           window_start = excluded.window_start
         RETURNING hits, window_start`,
        [key(k), start],
      );
      if (!row) throw new Error("rate_limits upsert returned no row");
      return info(row.hits, row.window_start);
    },
    async decrement(k) {
      await db.run("UPDATE rate_limits SET hits = MAX(hits - 1, 0) WHERE key = ? AND window_start = ?", [key(k), currentWindow()]);
    },
    async resetKey(k) {
      await db.run("DELETE FROM rate_limits WHERE key = ?", [key(k)]);
    },
    async resetAll() {
      await db.run("DELETE FROM rate_limits");
    },
  };
}
