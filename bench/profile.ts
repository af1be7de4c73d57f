// `npx tsx bench/profile.ts`: where /v1/ask spends its time, in-process, stage by stage, over the
// same questions as the bench (hybrid as on Node, then lexical-only as in the Worker).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAnswerPipeline } from "../src/answer/pipeline.js";
import { createReportRetrieval } from "../src/bootstrap/asker.js";
import { loadConfig } from "../src/config.js";
import { createConversationAsker } from "../src/conversations/conversation-asker.js";
import { createEmbeddings } from "../src/retrieval/embeddings/provider.js";
import { loadIndex, type LoadedIndex } from "../src/retrieval/load-index.js";
import { openSqliteStore } from "../src/stores/sqlite.js";
import type { SitrepStore } from "../src/stores/types.js";
import { loadQuestions } from "./questions.js";
import { summarize } from "./stats.js";

const ROOT = resolve(import.meta.dirname, "..");
const REQUESTS = Number(process.argv[2] ?? 300);

type Stage = "ask" | "store" | "retrieve" | "embed" | "lexical" | "dense" | "rerank";

async function profile(label: string, index: LoadedIndex, dense: boolean, questions: string[]) {
  const samples = new Map<Stage, number[]>();
  const add = (stage: Stage, ms: number) => samples.set(stage, [...(samples.get(stage) ?? []), ms]);
  const timedAsync = <A extends unknown[], R>(stage: Stage, fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    const t0 = performance.now();
    const out = await fn(...args);
    add(stage, performance.now() - t0);
    return out;
  };
  const sqlite = await openSqliteStore(join(mkdtempSync(join(tmpdir(), "sitrep-profile-")), "sitrep.db"));
  const store: SitrepStore = { ...sqlite, recentTurns: timedAsync("store", sqlite.recentTurns), appendTurn: timedAsync("store", sqlite.appendTurn) };
  const { embeddings } = await createEmbeddings(loadConfig({}));
  const retrieval = createReportRetrieval(index, dense ? { vectors: index.vectors, embeddings } : undefined);
  const retriever = {
    invoke: async (query: string) => {
      const t0 = performance.now();
      const docs = await retrieval.retriever.invoke(query);
      add("retrieve", performance.now() - t0);
      const t = retrieval.retriever.lastTimings!;
      add("embed", t.embedMs), add("lexical", t.lexicalMs), add("dense", t.denseMs), add("rerank", t.rerankMs);
      return docs;
    },
  };
  const asker = createConversationAsker({ pipeline: createAnswerPipeline({ knowledge: retrieval.knowledge, retriever }), store });
  for (const q of questions.slice(0, 30)) await asker.ask({ question: q }); // warm-up
  samples.clear();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await asker.ask({ question: questions[i % questions.length]! });
    add("ask", performance.now() - t0);
  }
  const total = (samples.get("ask") ?? []).reduce((a, b) => a + b, 0);
  console.log(`\n${label}: ${REQUESTS} asks`);
  console.log("stage        calls   mean ms    p50 ms    p95 ms   share of ask time");
  for (const [stage, list] of samples) {
    const s = summarize(list);
    const sum = list.reduce((a, b) => a + b, 0);
    console.log(`${stage.padEnd(11)} ${String(s.n).padStart(6)} ${s.mean.toFixed(2).padStart(9)} ${s.p50.toFixed(2).padStart(9)} ${s.p95.toFixed(2).padStart(9)} ${((100 * sum) / total).toFixed(1).padStart(8)} %`);
  }
  await sqlite.close();
}

const { questions, source } = loadQuestions(join(ROOT, "test", "golden", "dev", "golden.jsonl"));
console.log(`questions: ${questions.length} from ${source}`);
const { embeddings } = await createEmbeddings(loadConfig({}));
const index = await loadIndex(join(ROOT, "data", "index"), embeddings);
await profile("hybrid (Node default)", index, true, questions);
await profile("lexical-only (Worker)", index, false, questions);
