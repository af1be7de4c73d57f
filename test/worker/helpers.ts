// Helpers for the Worker tests: read an index folder as Worker data, and an env.ASSETS stand-in over a folder.
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, normalize } from "node:path";
import type { WorkerIndexData } from "../../src/bootstrap/worker.js";
import { INDEX_FILES } from "../../src/retrieval/manifest.js";

export async function readIndexData(indexDir: string): Promise<WorkerIndexData> {
  const read = async (name: string) => JSON.parse(await readFile(join(indexDir, name), "utf8")) as unknown;
  return {
    manifest: await read(INDEX_FILES.manifest),
    report: await read(INDEX_FILES.report),
    chunks: await read(INDEX_FILES.chunks),
    lexical: await read(INDEX_FILES.lexical),
    glossary: await read(INDEX_FILES.glossary),
    lexicon: await read(INDEX_FILES.lexicon),
    figures: await read(INDEX_FILES.figures),
  };
}

/** Serves files from `dir` the way the Workers static-assets binding does (404 when missing). */
export function folderAssets(dir: string) {
  const requested: string[] = [];
  return {
    requested,
    async fetch(input: Request | string): Promise<Response> {
      const path = decodeURIComponent(new URL(typeof input === "string" ? input : input.url).pathname);
      requested.push(path);
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir)) return new Response("forbidden", { status: 403 });
      try {
        return new Response(await readFile(file));
      } catch {
        return new Response("not found", { status: 404 });
      }
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const askJson = (question: string) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ question }),
});
