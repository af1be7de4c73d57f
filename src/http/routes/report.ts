// Read-only views of the structured report: paragraphs and annex tables.
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.js";
import { ApiError } from "../errors.js";
import { AnnexIIResponse, AnnexIResponse, Paragraph, accessErrors, errorResponse, jsonResponse, v1Security } from "../openapi-schemas.js";

const paragraphRoute = createRoute({
  method: "get",
  path: "/v1/paragraphs/{n}",
  security: v1Security,
  summary: "One numbered paragraph: chapter, sub-section, text and sub-items",
  // Digits only: "0x11", "1e1" and "17.0" are not paragraph numbers, whatever Number() makes of them.
  request: { params: z.object({ n: z.string().regex(/^\d{1,6}$/, "n must be a paragraph number (digits only)").openapi({ example: "17" }) }) },
  responses: {
    200: jsonResponse(Paragraph, "The paragraph"),
    400: errorResponse("n is not a paragraph number"),
    404: errorResponse("No such paragraph"),
    ...accessErrors,
  },
});

const annexIRoute = createRoute({
  method: "get",
  path: "/v1/annexes/I",
  security: v1Security,
  summary: "Annex I: benchmarks and their state of implementation",
  responses: { 200: jsonResponse(AnnexIResponse, "The structured Annex I"), ...accessErrors },
});

const annexIIRoute = createRoute({
  method: "get",
  path: "/v1/annexes/II",
  security: v1Security,
  summary: "Annex II: military and police strength by country, with data warnings",
  responses: { 200: jsonResponse(AnnexIIResponse, "The structured Annex II"), ...accessErrors },
});

export function reportRoutes({ report }: AppDeps) {
  const byNumber = new Map(report.paragraphs.map((p) => [p.number, p]));
  return new OpenAPIHono()
    .openapi(paragraphRoute, (c) => {
      const n = Number(c.req.valid("param").n);
      if (n < 1) throw new ApiError(400, "invalid_request", "n: paragraphs are numbered from 1.");
      const paragraph = byNumber.get(n);
      if (!paragraph) {
        throw new ApiError(404, "not_found", `The report has no paragraph ${n} (it has paragraphs 1 to ${report.paragraphs.length}).`);
      }
      return c.json(paragraph, 200);
    })
    .openapi(annexIRoute, (c) => c.json(report.annexI, 200))
    .openapi(annexIIRoute, (c) => c.json({ ...report.annexII, warnings: report.warnings }, 200));
}
