// GET /health: what index is loaded and which integrations are on; 503 with the problems when a part
// is failing (deps.readiness). GET /ready: readiness alone (the answer workers, the store, shutdown).
// GET /live: liveness, which never looks at the parts, so a busy or degraded server is not restarted
// by its liveness probe.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.js";
import { jsonResponse } from "../openapi-schemas.js";

const Health = z
  .object({
    status: z.enum(["ok", "not ready"]),
    /** What is failing at run time (e.g. the store after a SQLite error); present only when not ready. */
    problems: z.array(z.object({ component: z.string(), reason: z.string(), since: z.string() })).optional(),
    version: z.string(),
    index: z.object({
      seedSha256: z.string(),
      encoder: z.object({ provider: z.string(), name: z.string(), dimensions: z.number() }),
      chunkCount: z.number(),
      builtAt: z.string(),
    }),
    report: z.object({ symbol: z.string(), paragraphs: z.number(), indicators: z.number(), countries: z.number(), warnings: z.number() }),
    retrieval: z.enum(["hybrid", "lexical"]),
    /** The encoder behind the dense side, present when retrieval is hybrid. */
    dense: z.object({ provider: z.string(), name: z.string(), dimensions: z.number() }).optional(),
    composer: z.enum(["extractive", "llm"]),
    slack: z.enum(["enabled", "not configured"]),
  })
  .meta({ id: "Health" });

const route = createRoute({
  method: "get",
  path: "/health",
  summary: "Readiness and the loaded index manifest",
  responses: { 200: jsonResponse(Health, "Ready"), 503: jsonResponse(Health, "Not ready: a part (such as the store) is failing") },
});

const Ready = z
  .object({
    status: z.enum(["ready", "not ready"]),
    problems: z.array(z.object({ component: z.string(), reason: z.string(), since: z.string() })),
  })
  .meta({ id: "Ready" });

const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  summary: "Readiness: whether the service can take traffic now",
  responses: { 200: jsonResponse(Ready, "Ready"), 503: jsonResponse(Ready, "Not ready (starting, degraded or shutting down)") },
});

const liveRoute = createRoute({
  method: "get",
  path: "/live",
  summary: "Liveness: the process answers HTTP (never looks at its parts)",
  responses: { 200: jsonResponse(z.object({ status: z.literal("alive") }).meta({ id: "Live" }), "Alive") },
});

export function healthRoutes({ config, manifest, report, version, retrieval, denseEncoder, readiness }: AppDeps, slackMounted: boolean) {
  const body = {
    status: "ok" as const,
    version,
    index: {
      seedSha256: manifest.seedSha256,
      encoder: manifest.encoder,
      chunkCount: manifest.chunkCount,
      builtAt: manifest.builtAt,
    },
    report: {
      symbol: report.symbol,
      paragraphs: report.paragraphs.length,
      indicators: report.annexI.indicators.length,
      countries: report.annexII.rows.length,
      warnings: report.warnings.length,
    },
    retrieval,
    ...(retrieval === "hybrid" ? { dense: denseEncoder ?? manifest.encoder } : {}),
    composer: config.LLM_BASE_URL && config.LLM_MODEL ? ("llm" as const) : ("extractive" as const),
    slack: slackMounted ? ("enabled" as const) : ("not configured" as const),
  };
  return new OpenAPIHono()
    .openapi(route, (c) =>
      readiness.ready() ? c.json(body, 200) : c.json({ ...body, status: "not ready" as const, problems: readiness.problems() }, 503),
    )
    .openapi(readyRoute, (c) =>
      readiness.ready() ? c.json({ status: "ready" as const, problems: [] }, 200) : c.json({ status: "not ready" as const, problems: readiness.problems() }, 503),
    )
    .openapi(liveRoute, (c) => c.json({ status: "alive" as const }, 200));
}
