// A deadline check around any pipeline: a turn that is ready only after its deadline is not returned
// (so the conversation asker stores nothing), even when no timer could fire in between (CPU-bound
// work on the calling thread keeps timers from running).
import type { AnswerInput, AnswerPipeline, AnswerTurn } from "../answer/contract.js";
import { BudgetExceededError } from "./errors.js";

export function pastDeadline(deadline: number | undefined): boolean {
  return deadline !== undefined && Date.now() >= deadline;
}

export function guardDeadline(pipeline: AnswerPipeline): AnswerPipeline {
  return {
    async answer(input: AnswerInput): Promise<AnswerTurn> {
      if (pastDeadline(input.deadline)) throw new BudgetExceededError();
      const turn = await pipeline.answer(input);
      if (pastDeadline(input.deadline)) throw new BudgetExceededError();
      return turn;
    },
  };
}
