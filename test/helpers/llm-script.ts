// The real app configured to call the fake OpenAI-compatible server (fake-openai-server.ts), and the
// scripted replies for it (llm-replies.ts, shared with the workerd tests).
import type { AskResponse } from "../../src/answer/contract.js";
import { readSse, type SseEvent } from "../../src/widget/sse.js";
import { createTestSitrep, postJson } from "./app.js";
import type { FakeOpenAIServer, ScriptedReply } from "./fake-openai-server.js";
import { finalAnswer, noMoreTools } from "./llm-replies.js";

export { finalAnswer, noMoreTools, numbersCall, searchCall, shownText, toolRound } from "./llm-replies.js";

export type Sitrep = Awaited<ReturnType<typeof createTestSitrep>>;

/** The real app on the real index with LLM_BASE_URL pointing at the fake server. */
export function llmSitrep(fake: FakeOpenAIServer, env: Record<string, string> = {}): Promise<Sitrep> {
  return createTestSitrep({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: "fake-model", ANSWER_TIMEOUT_MS: "30000", ...env });
}

export async function ask(app: Sitrep["app"], question: string): Promise<AskResponse> {
  const res = await postJson(app, "/v1/ask", { question });
  if (res.status !== 200) throw new Error(`/v1/ask answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as AskResponse;
}

export interface ChatResult {
  events: SseEvent[];
  deltas: string[];
  replaces: string[];
  done: AskResponse;
  citations: unknown;
}

export async function chat(app: Sitrep["app"], question: string): Promise<ChatResult> {
  const res = await postJson(app, "/v1/chat", { question });
  if (res.status !== 200) throw new Error(`/v1/chat answered ${res.status}: ${await res.text()}`);
  const events: SseEvent[] = [];
  for await (const event of readSse(res.body!)) events.push(event);
  const data = (name: string) => events.filter((e) => e.event === name).map((e) => JSON.parse(e.data) as Record<string, unknown>);
  const last = events.at(-1);
  if (last?.event !== "done") throw new Error(`the stream ended on ${last?.event}: ${last?.data}`);
  return {
    events,
    deltas: data("delta").map((d) => d.text as string),
    replaces: data("replace").map((d) => d.answer as string),
    done: JSON.parse(last.data) as AskResponse,
    citations: data("citations")[0]?.citations,
  };
}

/** One counter's value from /metrics (with a full key's headers when API_KEYS is set). */
export async function metric(app: Sitrep["app"], name: string, labels: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await app.request("/metrics", { headers });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

/**
 * A stand-in model for runs over many questions: it calls no tool and answers with the evidence
 * sentence that shares the most words with the question, quoted verbatim and cited by its ref.
 */
export function copyingModel(body: { messages: { role: string; content?: unknown }[]; response_format?: unknown }): ScriptedReply {
  if (!body.response_format) return noMoreTools();
  const prompt = body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
  const question = /^Question: (.*)$/m.exec(prompt)?.[1] ?? "";
  const words = new Set(question.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const lines = [...prompt.matchAll(/^\[(para\. \d+(?: \([a-z]\))?)\] (.+)$/gm)].map((m) => ({ ref: m[1]!, text: m[2]!.trim() }));
  const overlap = (t: string) => (t.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => words.has(w)).length;
  const best = lines.sort((a, b) => overlap(b.text) - overlap(a.text))[0];
  if (!best) return finalAnswer({ answered: false, sentences: [] });
  return finalAnswer({ answered: true, sentences: [{ text: best.text, citations: [{ ref: best.ref, quote: best.text }], figures: [] }] });
}
