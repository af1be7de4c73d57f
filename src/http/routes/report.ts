// Read-only views of the structured report: paragraphs and annex tables.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.js";
import { ApiError } from "../errors.js";
import { AnnexIIResponse, AnnexIResponse, Paragraph, errorResponse, jsonResponse } from "../openapi-schemas.js";

const paragraphRoute = createRoute({
  method: "get",
  path: "/v1/paragraphs/{n}",
  summary: "One numbered paragraph: chapter, sub-section, text and sub-items",
  request: { params: z.object({ n: z.coerce.number().int().positive().openapi({ example: 17 }) }) },
  responses: { 200: jsonResponse(Paragraph, "The paragraph"), 404: errorResponse("No such paragraph") },
});

const annexIRoute = createRoute({
  method: "get",
  path: "/v1/annexes/I",
  summary: "Annex I: benchmarks and their state of implementation",
  responses: { 200: jsonResponse(AnnexIResponse, "The structured Annex I") },
});

const annexIIRoute = createRoute({
  method: "get",
  path: "/v1/annexes/II",
  summary: "Annex II: military and police strength by country, with data warnings",
  responses: { 200: jsonResponse(AnnexIIResponse, "The structured Annex II") },
});

export function reportRoutes({ report }: AppDeps) {
  const byNumber = new Map(report.paragraphs.map((p) => [p.number, p]));
  return new OpenAPIHono()
    .openapi(paragraphRoute, (c) => {
      const { n } = c.req.valid("param");
      const paragraph = byNumber.get(n);
      if (!paragraph) {
        throw new ApiError(404, "not_found", `The report has no paragraph ${n} (it has paragraphs 1 to ${report.paragraphs.length}).`);
      }
      return c.json(paragraph, 200);
    })
    .openapi(annexIRoute, (c) => c.json(report.annexI, 200))
    .openapi(annexIIRoute, (c) => c.json({ ...report.annexII, warnings: report.warnings }, 200));
}
