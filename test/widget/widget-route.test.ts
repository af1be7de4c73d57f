// GET /widget.js and GET / (in-process), and the bundle itself.
import { beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../../src/http/deps.js";
import { widgetRoutes } from "../../src/http/routes/widget.js";
import { buildWidgetBundle } from "../../scripts/build-widget.js";

let bundle: string;
beforeAll(async () => {
  bundle = await buildWidgetBundle();
});

function routes(widgetScript: string | undefined) {
  const deps = {
    report: { symbol: "S/2017/478", title: "Report of the Secretary-General on the situation in Mali <b>" },
    version: "9.9.9",
    widgetScript,
  } as unknown as AppDeps;
  return widgetRoutes(deps);
}

describe("widget bundle", () => {
  it("is one minified IIFE that defines <sitrep-chat>", () => {
    expect(bundle.length).toBeGreaterThan(1000);
    expect(bundle.trimStart()).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(bundle).toContain('"sitrep-chat"');
    expect(bundle).not.toMatch(/^\s*import\s/m);
  });

  it("never parses strings as HTML", () => {
    expect(bundle).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
  });
});

describe("GET /widget.js", () => {
  it("serves the bundle as JavaScript with cache validators", async () => {
    const app = routes(bundle);
    const res = await app.request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe(bundle);

    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await app.request("/widget.js", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("is a JSON 404 when no bundle was built", async () => {
    const res = await routes(undefined).request("/widget.js");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("GET /", () => {
  it("is a page hosting the widget full size, with escaped report metadata", async () => {
    const res = await routes(bundle).request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain("<title>");
    expect(html).toContain("<sitrep-chat></sitrep-chat>");
    expect(html).toContain('<script src="/widget.js" defer></script>');
    expect(html).toContain("situation in Mali &#60;b&#62;");
    expect(html).not.toContain("Mali <b>");
  });
});
