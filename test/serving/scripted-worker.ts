// A scripted answer worker for the pool's own tests: it speaks the real worker protocol (task port,
// events, abort, ready message) but answers from a script instead of the report, so the tests can
// hold a task, spin in synchronous code, or stream on cue. The real worker is tested through HTTP.
import { parentPort, receiveMessageOnPort, threadId } from "node:worker_threads";
import type { AnswerTurn } from "../../src/answer/contract.js";
import { BudgetExceededError } from "../../src/serving/errors.js";
import { WORKER_READY, type AnswerTask, type MainToWorker, type WorkerToMain } from "../../src/serving/protocol.js";

const ran: string[] = [];

function turn(answer: string): AnswerTurn {
  return { answer, answered: true, citations: [], resolvedQuestion: answer, route: "retrieval" };
}

parentPort!.postMessage({ [WORKER_READY]: true, threadId });

export default async function answer({ port, question, deadline, runningOn }: AnswerTask): Promise<AnswerTurn> {
  Atomics.store(runningOn, 0, threadId);
  const send = (message: WorkerToMain) => port.postMessage(message);
  const aborted = () => {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) if ((m.message as MainToWorker).type === "abort") return true;
    return false;
  };
  try {
    if (aborted() || (deadline !== undefined && Date.now() >= deadline)) throw new Error(`dropped ${question}`);
    ran.push(question);
    if (question === "over budget") throw new BudgetExceededError();
    if (question === "whoami") return turn(JSON.stringify({ threadId, ran }));
    if (question === "stream") {
      for (const text of ["one ", "two ", "three"]) send({ type: "event", event: { type: "delta", text } });
      return turn("one two three");
    }
    if (question.startsWith("hold until aborted")) {
      send({ type: "event", event: { type: "delta", text: "started" } });
      // Polls its port the way a pipeline checks its signal between steps.
      for (let i = 0; i < 500 && !aborted(); i++) await new Promise((r) => setTimeout(r, 10));
      return turn("stopped");
    }
    if (question === "spin") {
      send({ type: "event", event: { type: "delta", text: "started" } });
      const until = Date.now() + 20_000; // synchronous: no message can be read until it ends
      while (Date.now() < until);
      return turn("spun");
    }
    return turn(question);
  } finally {
    Atomics.store(runningOn, 0, 0);
    send({ type: "end" });
    port.close();
  }
}
