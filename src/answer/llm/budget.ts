// The model's share of the answer budget: what is left until the deadline minus a margin kept for the
// extractive fallback. Its signal aborts the model's HTTP call when that share is spent, or at once
// when the answer itself is abandoned (the request's budget or the client is gone).
export class BudgetExpiredError extends Error {
  constructor(ms: number) {
    super(`the model's budget of ${ms} ms was spent`);
    this.name = "BudgetExpiredError";
  }
}

export interface ModelBudget {
  /** Milliseconds the model was given (≤ 0: none). */
  ms: number;
  signal: AbortSignal;
  expired(): boolean;
  clear(): void;
}

export function modelBudget(deadline: number, marginMs: number, outer?: AbortSignal): ModelBudget {
  const ms = Math.floor(deadline - Date.now() - marginMs);
  const own = new AbortController();
  const timer = setTimeout(() => own.abort(new BudgetExpiredError(ms)), Math.max(0, ms));
  const signal = outer ? AbortSignal.any([outer, own.signal]) : own.signal;
  return { ms, signal, expired: () => own.signal.aborted, clear: () => clearTimeout(timer) };
}
