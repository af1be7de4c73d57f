// Why an answer did not come back, as the HTTP layer maps it (Node-free: the Worker build imports it).
/** Also how the pool recognises one thrown in a worker (a thread boundary keeps an error's message, not its class or name). */
export const BUDGET_EXCEEDED_MESSAGE = "The answer's time budget is spent.";

export class BudgetExceededError extends Error {
  constructor() {
    super(BUDGET_EXCEEDED_MESSAGE);
    this.name = "BudgetExceededError";
  }
}

export class PoolBusyError extends Error {
  constructor() {
    super("Every answer worker is busy and the queue is full.");
    this.name = "PoolBusyError";
  }
}

/** The pool was closed (shutdown) while the question waited or ran. */
export class PoolClosedError extends Error {
  constructor() {
    super("The service is shutting down.");
    this.name = "PoolClosedError";
  }
}
