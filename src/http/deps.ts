// Everything the Hono app needs, passed in so the same app runs on Node, in a Worker, and in tests.
import type { Store as RateLimitStore } from "hono-rate-limiter";
import type { Asker } from "../answer/contract.js";
import type { AppConfig } from "../config.js";
import type { StructuredReport } from "../report/schema.js";
import type { EncoderInfo } from "../retrieval/embeddings/provider.js";
import type { IndexManifest } from "../retrieval/manifest.js";
import type { SitrepStore } from "../stores/types.js";
import type { AppMetrics } from "./middleware/metrics.js";
import type { AppLogger } from "./middleware/request-log.js";
import type { Readiness } from "./readiness.js";

export interface AppDeps {
  config: AppConfig;
  asker: Asker;
  report: StructuredReport;
  manifest: IndexManifest;
  store: SitrepStore;
  /** Run-time health of the parts (store, pool); /health reports it. */
  readiness: Readiness;
  version: string;
  /** "hybrid" (BM25 + vectors) or "lexical" (BM25 only: a Worker without AI and Vectorize bindings). */
  retrieval: "hybrid" | "lexical";
  /** The encoder of the dense side when it is not the manifest's (a Worker queries Workers AI + Vectorize). */
  denseEncoder?: EncoderInfo;
  /** Workers pass ctx.waitUntil; Node runs the promise detached and logs failures. */
  waitUntil?: (work: Promise<unknown>) => void;
  /** Where rate-limit hits are counted (per key, address or Slack workspace); in-memory when absent. */
  rateLimitStore?: RateLimitStore;
  /** The widget bundle (built from src/widget), served at /widget.js. */
  widgetScript?: string;
  /** Structured logs (pino on Node): one line per request. Without it, requests are not logged. */
  logger?: AppLogger;
  /** Prometheus metrics (Node), served at /metrics. */
  metrics?: AppMetrics;
}
