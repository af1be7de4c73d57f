// The route an answer took (reference, tool, retrieval, refusal), noted for the request's log line and
// the answers metric. Passed to the asker as its onTurn hook.
import type { Context } from "hono";
import type { AnswerTurn } from "../answer/contract.js";
import type { AppDeps } from "./deps.js";

export function noteAnswerRoute(c: Context, deps: Pick<AppDeps, "metrics">) {
  return (turn: AnswerTurn) => {
    c.set("answerRoute", turn.route);
    deps.metrics?.answered(turn.route);
    if (turn.llm) deps.metrics?.llm(turn.llm);
  };
}
