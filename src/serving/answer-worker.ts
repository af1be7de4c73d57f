// An answer worker thread: loads the index and the encoder once, then answers one question per task.
// Stream events go back on the task's port; an `abort` on that port, or the deadline, stops the answer.
import { parentPort, receiveMessageOnPort, threadId, workerData } from "node:worker_threads";
import type { AnswerTurn } from "../answer/contract.js";
import { pastDeadline } from "./deadline.js";
import { BudgetExceededError } from "./errors.js";
import { passBaton, waitForTurn, type StartBaton } from "./start-baton.js";
import { ANSWER_WORKER_NICENESS, lowerThreadPriority } from "./thread-priority.js";
import { WORKER_READY, type AnswerTask, type MainToWorker, type WorkerReadyMessage, type WorkerToMain } from "./protocol.js";

export interface AnswerWorkerData {
  env: Record<string, string | undefined>;
  baton?: StartBaton;
}

export class AnswerAbortedError extends Error {
  constructor() {
    super("The answer was abandoned by its request.");
    this.name = "AnswerAbortedError";
  }
}

/** Asked once a worker is ready, so that the first real question finds the retrieval path's code compiled. */
const WARM_UP_QUESTION = "What attacks targeted MINUSMA camps in Timbuktu?";

export default (async () => {
  const { env, baton } = workerData as AnswerWorkerData;
  await waitForTurn(baton);
  // Imported only now: a worker that waits its turn does not compile the answering code meanwhile,
  // on the cores the eager workers are loading on.
  const [{ loadNodePipeline }, { loadConfig }] = await Promise.all([import("../bootstrap/node-pipeline.js"), import("../config.js")]);
  // The encoder's first inference is left to the warm-up question below, after "ready".
  const { pipeline, withoutLlm } = await loadNodePipeline(loadConfig(env), undefined, { warmEncoder: false });
  passBaton(baton);
  // Loaded at full priority (start-up waits for it); from now on the main thread goes first.
  lowerThreadPriority(ANSWER_WORKER_NICENESS);
  parentPort?.postMessage({ [WORKER_READY]: true, threadId } satisfies WorkerReadyMessage);
  // After "ready", not before: start-up is not held up, and a question that comes meanwhile waits
  // only for the rest of it (this thread does one thing at a time anyway).
  const warm = withoutLlm.answer({ question: WARM_UP_QUESTION, history: [] }).catch(() => undefined);

  return async function answer({ port, deadline, stream, runningOn, ...input }: AnswerTask): Promise<AnswerTurn> {
    await warm;
    Atomics.store(runningOn, 0, threadId);
    const send = (message: WorkerToMain) => port.postMessage(message);
    const controller = new AbortController();
    const stop = (reason: Error) => controller.abort(reason);
    // An abort posted while the task waited in the queue is already on the port: read it now.
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) if ((m.message as MainToWorker).type === "abort") stop(new AnswerAbortedError());
    port.on("message", (message: MainToWorker) => message.type === "abort" && stop(new AnswerAbortedError()));
    if (pastDeadline(deadline)) stop(new BudgetExceededError());
    const timer = deadline === undefined ? undefined : setTimeout(() => stop(new BudgetExceededError()), Math.max(0, deadline - Date.now()));
    try {
      controller.signal.throwIfAborted();
      return await pipeline.answer({
        ...input,
        ...(deadline !== undefined ? { deadline } : {}),
        signal: controller.signal,
        ...(stream ? { onEvent: (event) => send({ type: "event", event }) } : {}),
      });
    } finally {
      Atomics.store(runningOn, 0, 0);
      clearTimeout(timer);
      if (stream) send({ type: "end" });
      port.close();
    }
  };
})();
