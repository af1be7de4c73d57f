// Runs one case: the question, then its follow-ups in the same conversation, one after another.
import type { AskClient } from "./client.js";
import { caseTurns, type GoldenCase } from "./golden-schema.js";
import { failedTurn, gradeTurn, type TurnResult } from "./grade.js";

export interface CaseResult {
  id: string;
  tags: string[];
  /** Line in the suite file. */
  line?: number;
  pass: boolean;
  turns: TurnResult[];
  /** Every turn's failures, prefixed with the turn when it is a follow-up. */
  failures: string[];
  latencyMs: number;
}

export async function runCase(client: AskClient, c: GoldenCase, line?: number): Promise<CaseResult> {
  const turns: TurnResult[] = [];
  let conversationId: string | undefined;
  let broken = false;
  for (const turn of caseTurns(c)) {
    if (broken) {
      turns.push(failedTurn(turn, "skipped: the previous turn returned no conversation to follow up in"));
      continue;
    }
    const outcome = await client.ask({ question: turn.question, debug: true, ...(conversationId ? { conversationId } : {}) });
    const result = gradeTurn(turn, outcome);
    turns.push(result);
    if (outcome.ok) conversationId = outcome.response.conversationId;
    else broken = true;
  }
  const failures = turns.flatMap((t) => t.failures.map((f) => (t.index === 0 ? f : `follow-up ${t.index}: ${f}`)));
  return {
    id: c.id,
    tags: c.tags,
    ...(line !== undefined ? { line } : {}),
    pass: turns.every((t) => t.pass),
    turns,
    failures,
    latencyMs: turns.reduce((s, t) => s + (t.latencyMs ?? 0), 0),
  };
}
