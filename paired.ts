import { spawn } from "node:child_process";
import { UseLiteEmbeddings } from "./src/retrieval/embeddings/use-lite.ts";
import { benchQuestions, BUILTIN_QUESTIONS } from "./bench/questions.ts";
const qs = benchQuestions("/work/wt-serving").questions;
const child = spawn(process.execPath, ["scripts/run-compiled.mjs", "server"], { cwd: "/work/wt-serving", env: { ...process.env, PORT: "0", QUERY_CACHE_SIZE: "0", ANSWER_THREADS: process.env.T ?? "2", LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise<string>((resolve) => { let b = ""; child.stdout!.on("data", (d) => { b += d; const m = b.match(/listening on (http:\/\/[^\s"]+)/); if (m) resolve(m[1]!); }); });
const ask = async (q: string) => { const t0 = performance.now(); const r = await fetch(url + "/v1/ask", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: q, debug: false }) }); const b = await r.json() as any; return { ms: performance.now() - t0, tool: !!b.tool, answered: b.answered }; };
const e = new UseLiteEmbeddings();
for (let i = 0; i < 300; i++) { const q = BUILTIN_QUESTIONS[i % BUILTIN_QUESTIONS.length]!; await Promise.all([ask(q), ask(q)]); await e.embedQuery(q); }
const rows: { ask: number; emb: number; tool: boolean }[] = [];
for (const q of qs) { const a = await ask(q); const t0 = performance.now(); await e.embedQuery(q); rows.push({ ask: a.ms, emb: performance.now() - t0, tool: a.tool }); }
const p50 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log("all: ask p50", p50(rows.map((r) => r.ask)).toFixed(1), "floor p50", p50(rows.map((r) => r.emb)).toFixed(1), "ratio", (p50(rows.map((r) => r.ask)) / p50(rows.map((r) => r.emb))).toFixed(2));
const nt = rows.filter((r) => !r.tool);
console.log("non-tool: overhead p50 (ask - emb same question)", p50(nt.map((r) => r.ask - r.emb)).toFixed(1), "ms");
console.log("tool: ask p50", p50(rows.filter((r) => r.tool).map((r) => r.ask)).toFixed(1));
child.kill("SIGTERM");
