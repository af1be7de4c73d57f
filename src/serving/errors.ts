// Why an answer did not come back, as the HTTP layer maps it (Node-free: the Worker build imports it).
export class BudgetExceededError extends Error {
  constructor() {
    super("The answer's time budget is spent.");
    this.name = "BudgetExceededError";
  }
}

export class PoolBusyError extends Error {
  constructor() {
    super("Every answer worker is busy and the queue is full.");
    this.name = "PoolBusyError";
  }
}
