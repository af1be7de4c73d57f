// Every answer runs under ANSWER_TIMEOUT_MS; past it the caller gets 504 instead of a hung request.
import type { AskRequest, AskResponse } from "../answer/contract.js";
import type { AppDeps } from "./deps.js";
import { ApiError } from "./errors.js";

export async function answerWithinBudget(deps: AppDeps, request: AskRequest): Promise<AskResponse> {
  const budget = deps.config.ANSWER_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApiError(504, "timeout", `The answer took longer than ${budget} ms. Please try again.`)),
      budget,
    );
  });
  try {
    return await Promise.race([deps.asker.ask(request), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
