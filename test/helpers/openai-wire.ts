// The OpenAI chat-completions wire format of a scripted reply, shared by the fakes of an
// OpenAI-compatible model: the node:http server on 127.0.0.1 (fake-openai-server.ts) and the
// intercepted fetch inside workerd (test/worker/workerd/fake-openai-fetch.ts).

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** The arguments as the model writes them: a JSON string (or not, for a broken call). */
  arguments: string;
}

export interface ScriptedReply {
  content?: string;
  toolCalls?: ScriptedToolCall[];
  /** Wait this long before replying (a slow model); the wait ends early if the client hangs up. */
  delayMs?: number;
  /** Streaming only: send this many characters of the content, then wait for `resume` before the rest. */
  pauseAfterChars?: number;
  resume?: Promise<void>;
  /** Characters of content per SSE chunk. */
  chunkChars?: number;
}

export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The reply as one JSON completion (a request without `stream: true`). */
export function completion(model: string, reply: ScriptedReply) {
  const toolCalls = reply.toolCalls?.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } }));
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: reply.content ?? null, ...(toolCalls?.length ? { tool_calls: toolCalls } : {}) }, finish_reason: toolCalls?.length ? "tool_calls" : "stop" }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/** One SSE frame of a streamed completion. */
export function chunkFrame(model: string, delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** The frames after the content: the tool calls in pieces, the finish reason, and [DONE]. */
export function closingFrames(model: string, reply: ScriptedReply): string[] {
  const frames: string[] = [];
  (reply.toolCalls ?? []).forEach((c, index) => {
    frames.push(chunkFrame(model, { tool_calls: [{ index, id: c.id, type: "function", function: { name: c.name, arguments: "" } }] }));
    for (const part of pieces(c.arguments, 12)) frames.push(chunkFrame(model, { tool_calls: [{ index, function: { arguments: part } }] }));
  });
  frames.push(chunkFrame(model, {}, reply.toolCalls?.length ? "tool_calls" : "stop"));
  frames.push("data: [DONE]\n\n");
  return frames;
}
