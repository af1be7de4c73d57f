// Browser-test plumbing: the real service on a real port, static host pages on other ports,
// and Debian's Chromium driven by playwright-core.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
import { buildWidgetBundle } from "../../scripts/build-widget.js";
import { createTestSitrep, type TestSitrepOptions } from "../helpers/app.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/**
 * Without Chromium the browser tests are skipped on a developer's machine, with a warning. In CI
 * (CI=true) a missing browser is a failure: the test file throws before it defines any test.
 */
export function requireChromiumInCi(): void {
  if (HAS_CHROMIUM) return;
  const hint = `no Chromium at ${CHROMIUM_PATH}. Install it (npm run setup:browser, or apt-get install -y chromium) or set CHROMIUM_PATH.`;
  if (/^(1|true)$/i.test(process.env.CI ?? "")) throw new Error(`[widget] CI=true and ${hint}`);
  console.warn(`[widget] SKIPPING browser tests: ${hint}`);
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh Chromium with its own temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

function listening(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    const ready = () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    if (server.listening) ready();
    else server.once("listening", ready);
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The real app on the real index, served on 127.0.0.1 with a freshly built widget bundle. */
export async function startService(env: Record<string, string> = {}, options: TestSitrepOptions = {}) {
  const sitrep = await createTestSitrep(env, options);
  // Never serve a stale dist/widget.js: tests check the source in src/widget.
  sitrep.deps.widgetScript = await buildWidgetBundle();
  const server = serve({ fetch: sitrep.app.fetch, hostname: "127.0.0.1", port: 0 }) as Server;
  const url = await listening(server);
  return {
    ...sitrep,
    url,
    async stop() {
      await closeServer(server);
      sitrep.close();
    },
  };
}

/** A "host site" on its own origin, serving whatever HTML is put in `pages` (keyed by path). */
export async function startHostSite() {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://x").pathname);
    res.writeHead(html === undefined ? 404 : 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html ?? "not found");
  });
  server.listen(0, "127.0.0.1");
  const origin = await listening(server);
  return { origin, pages, stop: () => closeServer(server) };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await listening(server);
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}
