// Bundles src/widget into one minified IIFE: dist/widget.js (npm run build).
// buildWidgetBundle() returns the same bundle in memory for the Node bootstrap and tests.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../src/bootstrap/project-root.js";

export const WIDGET_ENTRY = resolve(PROJECT_ROOT, "src/widget/index.ts");
export const WIDGET_OUTFILE = resolve(PROJECT_ROOT, "dist/widget.js");

export async function buildWidgetBundle(): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    format: "iife",
    minify: true,
    write: false,
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    platform: "browser",
    legalComments: "none",
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no output for the widget");
  return file.text;
}

async function main(): Promise<void> {
  const code = await buildWidgetBundle();
  await mkdir(dirname(WIDGET_OUTFILE), { recursive: true });
  await writeFile(WIDGET_OUTFILE, code);
  console.log(`wrote ${WIDGET_OUTFILE} (${(code.length / 1024).toFixed(1)} KiB)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
