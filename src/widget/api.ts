// The widget's HTTP client: streamed answers, paragraph look-ups, feedback.
import type { AskResponse, Citation } from "../answer/contract.js";
import type { Paragraph } from "../report/schema.js";
import { readSse } from "./sse.js";

// Lets the service tag stored feedback with source "widget" (allowed by its CORS config).
const CLIENT = { "X-Sitrep-Client": "widget" };

/** Where the service is, and the (widget) API key from data-key when the service requires keys. */
export interface Service {
  api: string;
  key?: string | undefined;
}

const auth = (service: Service): Record<string, string> => (service.key ? { Authorization: `Bearer ${service.key}` } : {});

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface ChatHandlers {
  meta(meta: { conversationId: string; answerId: string }): void;
  delta(text: string): void;
  /** The text streamed so far is replaced by this answer (the service's checks rejected it). */
  replace(answer: string): void;
  citations(citations: Citation[]): void;
}

/** Posts a question to /v1/chat and reports the stream; resolves with the `done` response. */
export async function streamChat(
  service: Service,
  request: { question: string; conversationId?: string },
  signal: AbortSignal,
  on: ChatHandlers,
): Promise<AskResponse> {
  const res = await call(`${service.api}/v1/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream", ...CLIENT, ...auth(service) },
    body: JSON.stringify(request),
    signal,
  });
  if (!res.body) throw new ApiError("The service sent an empty reply.", "empty");
  for await (const { event, data } of readSse(res.body)) {
    const payload = JSON.parse(data) as Record<string, unknown>;
    if (event === "meta") on.meta(payload as { conversationId: string; answerId: string });
    else if (event === "delta") on.delta(String(payload.text ?? ""));
    else if (event === "replace") on.replace(String(payload.answer ?? ""));
    else if (event === "citations") on.citations(payload.citations as Citation[]);
    else if (event === "done") return payload as unknown as AskResponse;
    else if (event === "error") throw new ApiError(String(payload.message ?? "The service could not answer."), String(payload.code ?? "error"));
  }
  throw new ApiError("The answer was cut off. Please try again.", "incomplete");
}

export async function fetchParagraph(service: Service, paragraph: number): Promise<Paragraph> {
  const res = await call(`${service.api}/v1/paragraphs/${paragraph}`, { headers: { Accept: "application/json", ...auth(service) } });
  return (await res.json()) as Paragraph;
}

export async function postFeedback(service: Service, answerId: string, rating: "up" | "down"): Promise<void> {
  await call(`${service.api}/v1/feedback`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...CLIENT, ...auth(service) },
    body: JSON.stringify({ answerId, rating }),
  });
}

/** fetch that turns network failures and non-2xx replies into ApiErrors (aborts pass through). */
async function call(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if (init.signal?.aborted) throw err;
    throw new ApiError("Can't reach the Sitrep service. Check your connection and try again.", "unreachable");
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = body?.error?.code ?? `http_${res.status}`;
  const message = body?.error?.message ?? `The service replied with an error (HTTP ${res.status}).`;
  throw new ApiError(message, code);
}
