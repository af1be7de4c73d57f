// Runs a suite's cases with bounded concurrency and reports progress as each case finishes.
import type { AskClient } from "./client.js";
import type { GoldenCase } from "./golden-schema.js";
import { mapWithConcurrency } from "./pool.js";
import { runCase, type CaseResult } from "./run-case.js";

export interface RunOptions {
  concurrency?: number;
  /** Called once per finished case with the count done so far. */
  onCaseDone?: (result: CaseResult, done: number, total: number) => void;
}

export const DEFAULT_CONCURRENCY = 4;

export async function runSuite(client: AskClient, cases: GoldenCase[], lines: number[] = [], options: RunOptions = {}): Promise<CaseResult[]> {
  let done = 0;
  return mapWithConcurrency(cases, options.concurrency ?? DEFAULT_CONCURRENCY, async (c, i) => {
    const result = await runCase(client, c, lines[i]);
    done += 1;
    options.onCaseDone?.(result, done, cases.length);
    return result;
  });
}

export function progressLine(result: CaseResult, done: number, total: number): string {
  const width = String(total).length;
  const status = result.pass ? "pass" : `FAIL (${result.failures[0] ?? "failed"})`;
  return `[${String(done).padStart(width)}/${total}] ${result.id} ${status}`;
}
