// GET /health: readiness, what index is loaded, and which optional integrations are on.
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
  responses: { 200: jsonResponse(Health, "Ready") },
});

export function healthRoutes({ config, manifest, report, version, retrieval, denseEncoder }: AppDeps, slackMounted: boolean) {
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
  return new OpenAPIHono().openapi(route, (c) => c.json(body, 200));
}
