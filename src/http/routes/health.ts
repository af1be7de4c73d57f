// GET /health (liveness): the process answers HTTP; what index is loaded and which integrations are on.
// It never looks at dependencies, so a busy or degraded server is not restarted by its liveness probe.
// GET /ready (readiness): whether the service should get traffic now (deps.readiness: the answer
// workers, the store, shutdown); 503 with the problems when not.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.js";
import { jsonResponse } from "../openapi-schemas.js";

const Health = z
  .object({
    status: z.literal("ok"),
    version: z.string(),
    index: z.object({
      seedSha256: z.string(),
      encoder: z.object({ provider: z.string(), name: z.string(), dimensions: z.number() }),
      chunkCount: z.number(),
      builtAt: z.string(),
    }),
    report: z.object({ symbol: z.string(), paragraphs: z.number(), indicators: z.number(), countries: z.number(), warnings: z.number() }),
    retrieval: z.enum(["hybrid", "lexical"]),
    composer: z.enum(["extractive", "llm"]),
    slack: z.enum(["enabled", "not configured"]),
  })
  .meta({ id: "Health" });

const route = createRoute({
  method: "get",
  path: "/health",
  summary: "Liveness and the loaded index manifest",
  responses: { 200: jsonResponse(Health, "Alive") },
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

export function healthRoutes({ config, manifest, report, version, retrieval, readiness }: AppDeps, slackMounted: boolean) {
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
    composer: config.LLM_BASE_URL && config.LLM_MODEL ? ("llm" as const) : ("extractive" as const),
    slack: slackMounted ? ("enabled" as const) : ("not configured" as const),
  };
  return new OpenAPIHono()
    .openapi(route, (c) => c.json(body, 200))
    .openapi(readyRoute, (c) =>
      readiness.ready() ? c.json({ status: "ready" as const, problems: [] }, 200) : c.json({ status: "not ready" as const, problems: readiness.problems() }, 503),
    );
}
