// `npx tsx bench/cpu-profile.ts [asks]`: a V8 CPU profile of the answering pipeline without the encoder
// (each question's embedding is computed once beforehand), summarised by self time per function, so that
// the work around the embedding shows up. Writes artifacts/pipeline.cpuprofile.
import { writeFileSync, mkdirSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { createAnswerPipeline } from "../src/answer/pipeline.js";
import { createReportRetrieval } from "../src/bootstrap/asker.js";
import { loadConfig } from "../src/config.js";
import { withQueryCache } from "../src/retrieval/embeddings/cached.js";
import { createEmbeddings } from "../src/retrieval/embeddings/provider.js";
import { loadIndex } from "../src/retrieval/load-index.js";
import { benchQuestions } from "./questions.js";

const ROOT = resolve(import.meta.dirname, "..");
const ASKS = Number(process.argv[2] ?? 3000);

const { questions } = benchQuestions(ROOT);
const embeddings = withQueryCache((await createEmbeddings(loadConfig({}))).embeddings, 100_000);
const index = await loadIndex(join(ROOT, "data", "index"), embeddings);
const retrieval = createReportRetrieval(index, { vectors: index.vectors, embeddings });
const pipeline = createAnswerPipeline({ knowledge: retrieval.knowledge, retriever: retrieval.retriever });
// Twice over: the second pass finds every retrieval text's embedding in the cache.
for (let pass = 0; pass < 2; pass++) for (const q of questions) await pipeline.answer({ question: q, history: [] });

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 100 });
await session.post("Profiler.start");
const t0 = performance.now();
for (let i = 0; i < ASKS; i++) await pipeline.answer({ question: questions[i % questions.length]!, history: [] });
const ms = performance.now() - t0;
const { profile } = await session.post("Profiler.stop");
mkdirSync(join(ROOT, "artifacts"), { recursive: true });
writeFileSync(join(ROOT, "artifacts", "pipeline.cpuprofile"), JSON.stringify(profile));

const self = new Map<string, number>();
const byFile = new Map<string, number>();
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
for (const node of profile.nodes) {
  const t = dt.get(node.id) ?? 0;
  const f = node.callFrame;
  const file = f.url.replace(/^file:\/\//, "").replace(ROOT + "/", "");
  const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
  const shortFile = file.replace(/node_modules\/([^/]+(\/[^/]+)?)\/.*/, "node_modules/$1") || f.functionName;
  byFile.set(shortFile, (byFile.get(shortFile) ?? 0) + t);
}
console.log(`${ASKS} asks without the encoder: ${(ms / ASKS).toFixed(3)} ms each`);
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${(t / 1000 / ASKS).toFixed(3)} ms  ${k}`).join("\n");
console.log("\nby file (self time):\n" + top(byFile, 25));
console.log("\nby function (self time):\n" + top(self, 40));

// Inclusive time: each sample counts once for every distinct function on its stack.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const keyOf = (id: number) => {
  const f = nodeById.get(id)!.callFrame;
  return `${f.functionName || "(anonymous)"} ${f.url.replace(/^file:\/\//, "").replace(ROOT + "/", "").replace(/node_modules\/([^/]+(\/[^/]+)?)\/.*/, "node_modules/$1")}`;
};
const inclusive = new Map<string, number>();
for (const [id, t] of dt) {
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(keyOf(n));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + t);
}
const ours = new Map([...inclusive].filter(([k]) => / src\//.test(k) || /node_modules/.test(k)));
console.log("\nby function (inclusive time):\n" + top(ours, 45));
