// One AskClient interface, two transports: the app in-process (app.request) and a running service (fetch).
// Both POST the public /v1/ask contract and validate the reply against AskResponseSchema.
import { AskResponseSchema, type AskRequest, type AskResponse } from "../answer/contract.js";

export type AskOutcome =
  | { ok: true; response: AskResponse; latencyMs: number }
  | { ok: false; error: string; status?: number; latencyMs: number };

export interface AskClient {
  ask(request: AskRequest): Promise<AskOutcome>;
  close?(): Promise<void> | void;
}

/** Anything that answers a fetch-style Request, e.g. a Hono app's `request` method or global fetch. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

export const ASK_PATH = "/v1/ask";

async function readOutcome(res: Response, started: number): Promise<AskOutcome> {
  const latencyMs = performance.now() - started;
  const body = await res.text();
  if (!res.ok) return { ok: false, status: res.status, error: `HTTP ${res.status}: ${body.slice(0, 300)}`, latencyMs };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, status: res.status, error: `response is not JSON: ${body.slice(0, 200)}`, latencyMs };
  }
  const parsed = AskResponseSchema.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { ok: false, status: res.status, error: `response breaks the AskResponse contract: ${why}`, latencyMs };
  }
  return { ok: true, response: parsed.data, latencyMs };
}

export class TransportAskClient implements AskClient {
  constructor(
    private readonly transport: Transport,
    private readonly url: string,
    private readonly onClose?: () => Promise<void> | void,
    /** Sent as `Authorization: Bearer …` (a service with API_KEYS set). */
    private readonly apiKey?: string,
  ) {}

  async ask(request: AskRequest): Promise<AskOutcome> {
    const started = performance.now();
    try {
      const res = await this.transport(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) },
        body: JSON.stringify(request),
      });
      return await readOutcome(res, started);
    } catch (err) {
      return { ok: false, error: `request failed: ${(err as Error).message}`, latencyMs: performance.now() - started };
    }
  }

  async close(): Promise<void> {
    await this.onClose?.();
  }
}

/** Calls a running service exactly as an outside evaluator would (with its API key, when it needs one). */
export function httpAskClient(baseUrl: string, options: { apiKey?: string } = {}): AskClient {
  // Relative resolution keeps a path prefix: http://host/sitrep -> http://host/sitrep/v1/ask.
  const url = new URL(ASK_PATH.slice(1), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString();
  return new TransportAskClient((u, init) => fetch(u, init), url, undefined, options.apiKey);
}

/** Minimal view of a Hono app: its in-process `request` method. */
export interface RequestHandler {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** Calls an app in this process through the same HTTP contract. */
export function inProcessAskClient(app: RequestHandler, close?: () => Promise<void> | void): AskClient {
  return new TransportAskClient(async (u, init) => app.request(u, init), ASK_PATH, close);
}
