// Every answer runs under ANSWER_TIMEOUT_MS; past it the caller gets 504 at once, and the work is
// told to stop (its AbortSignal fires; in the pool the worker is asked to stop, and replaced if it
// cannot), so nothing is stored for an answer the client never got.
import type { AskRequest, AskResponse } from "../answer/contract.js";
import type { ConversationAskContext } from "../conversations/conversation-asker.js";
import { BudgetExceededError, PoolBusyError, PoolClosedError } from "../serving/errors.js";
import type { AppDeps } from "./deps.js";
import { ApiError } from "./errors.js";

export interface BudgetOptions extends Omit<ConversationAskContext, "signal" | "deadline"> {
  /** Aborts the answer early too, e.g. when the client disconnects. */
  signal?: AbortSignal;
}

export async function answerWithinBudget(deps: AppDeps, request: AskRequest, options: BudgetOptions = {}): Promise<AskResponse> {
  const budget = deps.config.ANSWER_TIMEOUT_MS;
  const deadline = Date.now() + budget;
  const controller = new AbortController();
  // Made only when needed: an Error captures a stack trace, which every fast answer would pay for.
  let timeoutError: ApiError | undefined;
  const timedOut = () => (timeoutError ??= new ApiError(504, "timeout", `The answer took longer than ${budget} ms. Please try again.`));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timedOut());
      reject(timedOut());
    }, budget);
  });
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const { signal: _callerSignal, ...hooks } = options;
  const context: ConversationAskContext = { ...hooks, signal: controller.signal, deadline };
  try {
    return await Promise.race([deps.asker.ask(request, context), timeout]);
  } catch (err) {
    // The work noticed the deadline before the timer's rejection won the race.
    if (err instanceof BudgetExceededError || (controller.signal.aborted && controller.signal.reason === timeoutError)) throw timedOut();
    if (err instanceof PoolBusyError) throw new ApiError(503, "overloaded", "The service is busy. Please try again in a moment.");
    if (err instanceof PoolClosedError) throw new ApiError(503, "shutting_down", "The service is shutting down. Please try again in a moment.");
    throw err;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}
