// Sequential /v1/ask latency as a client sees it (one request in flight, keep-alive): each question
// of the list once, in order.
import { summarize, type LatencySummary } from "./stats.js";

export interface SequentialResult {
  requests: number;
  latency: LatencySummary;
  /** Answer mix, to show the run exercised every route. */
  answered: number;
  refused: number;
  withTool: number;
  failed: number;
  /** The slowest questions, to point at the expensive routes. */
  slowest: { question: string; ms: number }[];
}

interface AskBody {
  answered?: boolean;
  tool?: unknown;
}

export async function ask(baseUrl: string, question: string) {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/v1/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  const body = (await res.json()) as AskBody;
  return { ms: performance.now() - t0, ok: res.ok, body };
}

/**
 * Stops at `maxMs` (the bench has a hard time bound); `requests` in the result is what actually ran.
 * `after` runs after each answer (the embedding floor times the same question there).
 */
export async function askEach(baseUrl: string, questions: string[], maxMs: number, after?: (question: string) => Promise<void>): Promise<SequentialResult> {
  const deadline = performance.now() + maxMs;
  const times: { question: string; ms: number }[] = [];
  const result = { answered: 0, refused: 0, withTool: 0, failed: 0 };
  for (const question of questions) {
    if (performance.now() > deadline) break;
    const { ms, ok, body } = await ask(baseUrl, question);
    times.push({ question, ms });
    if (!ok) result.failed++;
    else if (body.answered) result.answered++;
    else result.refused++;
    if (ok && body.tool) result.withTool++;
    await after?.(question);
  }
  const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 3);
  return { requests: times.length, latency: summarize(times.map((t) => t.ms)), ...result, slowest };
}
