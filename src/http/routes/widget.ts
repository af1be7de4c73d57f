// GET /widget.js (the embeddable <sitrep-chat> bundle) and GET / (a page hosting it full size).
import { Hono } from "hono";
import type { AppDeps } from "../deps.js";
import { errorJson } from "../errors.js";

export function widgetRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  let etag: Promise<string> | undefined;

  app.get("/widget.js", async (c) => {
    const script = deps.widgetScript;
    if (script === undefined) {
      return errorJson(c, 404, "not_found", "widget bundle not built (run npm run build)");
    }
    etag ??= strongEtag(script);
    const tag = await etag;
    c.header("ETag", tag);
    // Short max-age: embedders always reference the same URL, so a release must reach them soon.
    c.header("Cache-Control", "public, max-age=300, must-revalidate");
    c.header("X-Content-Type-Options", "nosniff");
    if (c.req.header("If-None-Match") === tag) return c.body(null, 304);
    return c.body(script, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });

  app.get("/", (c) => {
    c.header("Content-Security-Policy", PAGE_CSP);
    c.header("Cache-Control", "no-cache");
    return c.html(page(deps.report.symbol, deps.report.title, deps.version));
  });

  return app;
}

const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

async function strongEtag(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest).slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(symbol: string, title: string, version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Sitrep: ask the ${escapeHtml(symbol)} report</title>
<style>
  html, body { margin: 0; height: 100%; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #f4f6f8; display: flex; flex-direction: column; }
  header { padding: 16px 24px 8px; max-width: 960px; width: 100%; box-sizing: border-box; margin: 0 auto; }
  h1 { font-size: 1.4rem; margin: 0 0 4px; }
  header p { margin: 0; color: #3d4650; }
  main { flex: 1; min-height: 0; padding: 8px 24px 24px; max-width: 960px; width: 100%; box-sizing: border-box; margin: 0 auto; display: flex; }
  sitrep-chat { flex: 1; min-height: 420px; }
  footer { text-align: center; font-size: 0.8rem; color: #4a545e; padding: 0 0 12px; }
</style>
</head>
<body>
<header>
  <h1>Ask the report</h1>
  <p>Questions are answered only from ${escapeHtml(symbol)}, <cite>${escapeHtml(title)}</cite>. Every answer cites the paragraphs or annex rows it relies on; select a citation to read the source.</p>
</header>
<main><sitrep-chat></sitrep-chat></main>
<footer>sitrep ${escapeHtml(version)}</footer>
<script src="/widget.js" defer></script>
</body>
</html>`;
}
