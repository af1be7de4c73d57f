-- Request counters for rate limits per API key (or client), one fixed window per key: the store behind
-- hono-rate-limiter on Workers (D1), where isolates share no memory. window_start is ms since the epoch.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  hits INTEGER NOT NULL
);
