// Requests per minute on /v1/*, with hono-rate-limiter: per API key, or per client address when keys are
// off. Widget keys are public (they sit in web pages), so each client address gets its own budget under
// them. Over the limit: 429 JSON with Retry-After and the standard RateLimit / RateLimit-Policy headers.
import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter, type Store } from "hono-rate-limiter";
import type { AppConfig } from "../config.js";
import { callerOf } from "./auth.js";
import { clientAddress } from "./client-address.js";
import { errorJson } from "./errors.js";

export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitOptions {
  config: AppConfig;
  /** Where hits are counted; in-memory by default (one process). Workers can pass a shared store. */
  store?: Store | undefined;
  /** The bucket a request counts against; requests without one are not limited. */
  key: (c: Context) => string | Promise<string>;
  /** The response over the limit (default: 429 JSON). */
  exceeded?: (c: Context) => Response | Promise<Response>;
}

/** A per-minute limiter of RATE_LIMIT_PER_MINUTE; a no-op when it is 0. */
export function perMinuteLimit(options: RateLimitOptions): MiddlewareHandler {
  const limit = options.config.RATE_LIMIT_PER_MINUTE;
  if (limit === 0) return async (_c, next) => next();
  const exceeded = options.exceeded ?? tooManyRequests(limit);
  return rateLimiter({
    windowMs: RATE_LIMIT_WINDOW_MS,
    limit,
    standardHeaders: "draft-7",
    keyGenerator: options.key,
    ...(options.store ? { store: options.store } : {}),
    handler: async (c) => exceeded(c),
  });
}

export function tooManyRequests(limit: number) {
  return (c: Context) => {
    const retryAfter = c.res.headers.get("retry-after") ?? "60";
    return errorJson(c, 429, "rate_limited", `Too many requests: the limit is ${limit} a minute. Try again in ${retryAfter} s.`);
  };
}

/** The /v1/* limiter: runs after authentication, so it knows the key. */
export function apiRateLimit(config: AppConfig, store?: Store): MiddlewareHandler {
  return perMinuteLimit({
    config,
    store,
    key: (c) => {
      const { key } = callerOf(c);
      if (!key) return `ip:${clientAddress(c, config.TRUST_PROXY)}`;
      return key.widget ? `key:${key.name}@${clientAddress(c, config.TRUST_PROXY)}` : `key:${key.name}`;
    },
  });
}
