// Sequential /v1/ask latency as a client sees it (one request in flight, keep-alive).
import { summarize, type LatencySummary } from "./stats.js";

export interface SequentialResult {
  warmup: number;
  requests: number;
  latency: LatencySummary;
  /** Answer mix, to show the run exercised every route. */
  answered: number;
  refused: number;
  withTool: number;
  failed: number;
  /** The slowest questions (mean ms), to point at the expensive routes. */
  slowest: { question: string; meanMs: number }[];
}

interface AskBody {
  answered?: boolean;
  tool?: unknown;
}

/** Warm-up plus samples stop at `maxMs` (the bench has a hard time bound); `requests` in the result is what actually ran. */
export async function askSequentially(baseUrl: string, questions: string[], warmup: number, requests: number, maxMs: number): Promise<SequentialResult> {
  const ask = async (question: string) => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/v1/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question }),
    });
    const body = (await res.json()) as AskBody;
    return { ms: performance.now() - t0, ok: res.ok, body };
  };

  const deadline = performance.now() + maxMs;
  for (let i = 0; i < warmup && performance.now() < deadline; i++) await ask(questions[i % questions.length]!);

  const times: number[] = [];
  const perQuestion = new Map<string, number[]>();
  const result = { answered: 0, refused: 0, withTool: 0, failed: 0 };
  for (let i = 0; i < requests && performance.now() < deadline; i++) {
    const question = questions[i % questions.length]!;
    const { ms, ok, body } = await ask(question);
    times.push(ms);
    perQuestion.set(question, [...(perQuestion.get(question) ?? []), ms]);
    if (!ok) result.failed++;
    else if (body.answered) result.answered++;
    else result.refused++;
    if (ok && body.tool) result.withTool++;
  }
  const slowest = [...perQuestion]
    .map(([question, ms]) => ({ question, meanMs: ms.reduce((a, b) => a + b, 0) / ms.length }))
    .sort((a, b) => b.meanMs - a.meanMs)
    .slice(0, 5);
  return { warmup, requests: times.length, latency: summarize(times), ...result, slowest };
}
