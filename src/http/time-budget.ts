// Every answer runs under ANSWER_TIMEOUT_MS; past it the caller gets 504 at once, and the work is
// told to stop (its AbortSignal fires), so nothing is stored for an answer the client never got.
import type { AskContext, AskRequest, AskResponse } from "../answer/contract.js";
import type { AppDeps } from "./deps.js";
import { ApiError } from "./errors.js";

export interface BudgetOptions extends Omit<AskContext, "signal"> {
  /** Aborts the answer early too, e.g. when the client disconnects. */
  signal?: AbortSignal;
}

export async function answerWithinBudget(deps: AppDeps, request: AskRequest, options: BudgetOptions = {}): Promise<AskResponse> {
  const budget = deps.config.ANSWER_TIMEOUT_MS;
  const controller = new AbortController();
  const timeoutError = new ApiError(504, "timeout", `The answer took longer than ${budget} ms. Please try again.`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timeoutError);
      reject(timeoutError);
    }, budget);
  });
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const { signal: _callerSignal, ...context } = options;
  try {
    const deadline = Date.now() + budget;
    return await Promise.race([deps.asker.ask(request, { ...context, signal: controller.signal, deadline }), timeout]);
  } catch (err) {
    // The pipeline noticed the abort before the timer's rejection won the race.
    if (controller.signal.aborted && controller.signal.reason === timeoutError) throw timeoutError;
    throw err;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}
