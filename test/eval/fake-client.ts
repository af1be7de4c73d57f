// A fake AskClient for unit tests: canned responses keyed by question, no app, no index.
import type { AskRequest, AskResponse, Citation } from "../../src/answer/contract.js";
import type { AskClient, AskOutcome } from "../../src/eval/client.js";

export interface CannedReply {
  answer?: string;
  answered?: boolean;
  citations?: Citation[];
  evidence?: string[];
  latencyMs?: number;
  /** Makes the request fail with this error instead. */
  error?: string;
}

export function para(paragraph: number, subItem?: string): Citation {
  return { ref: subItem ? `para. ${paragraph} (${subItem})` : `para. ${paragraph}`, paragraph, ...(subItem ? { subItem } : {}), quote: "…" };
}

export function annex(annexId: "I" | "II", rows: string[] = []): Citation {
  return { ref: `Annex ${annexId}`, annex: annexId, rows };
}

export class FakeAskClient implements AskClient {
  readonly requests: AskRequest[] = [];
  private next = 0;

  constructor(private readonly replies: Record<string, CannedReply>) {}

  async ask(request: AskRequest): Promise<AskOutcome> {
    this.requests.push(request);
    const reply = this.replies[request.question];
    const latencyMs = reply?.latencyMs ?? 10;
    if (!reply) return { ok: false, error: `fake client has no reply for ${JSON.stringify(request.question)}`, latencyMs };
    if (reply.error) return { ok: false, error: reply.error, latencyMs };
    const response: AskResponse = {
      answer: reply.answer ?? "",
      answered: reply.answered ?? true,
      citations: reply.citations ?? [],
      conversationId: request.conversationId ?? `conv-${++this.next}`,
      answerId: `ans-${this.requests.length}`,
      ...(reply.evidence ? { evidence: reply.evidence.map((ref, i) => ({ ref, score: 1 / (i + 1) })) } : {}),
    };
    return { ok: true, response, latencyMs };
  }
}
