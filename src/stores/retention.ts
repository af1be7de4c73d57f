// RETENTION_DAYS: old turns, feedback and Slack event ids are deleted at start-up and then every hour.
import type { PruneResult, SitrepStore } from "./types.js";

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Retention {
  /** Prunes now; resolves with what was deleted. */
  runNow(): Promise<PruneResult>;
  stop(): void;
}

export interface RetentionOptions {
  intervalMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** Prunes once (awaited, so start-up reports a failure) and schedules the rest on a timer that never keeps Node alive. */
export async function startRetention(store: SitrepStore, days: number, options: RetentionOptions = {}): Promise<Retention> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.log(`[sitrep] ${message}`));
  const runNow = async () => {
    const result = await store.prune(new Date(now() - days * DAY_MS));
    const total = result.turns + result.feedback + result.conversations + result.slackEvents;
    if (total > 0) {
      log(`retention (${days} days): deleted ${result.turns} turns, ${result.feedback} feedback, ${result.conversations} conversations, ${result.slackEvents} Slack event ids`);
    }
    return result;
  };
  await runNow();
  const timer = setInterval(() => {
    runNow().catch((err: unknown) => console.error("[sitrep] retention prune failed:", err));
  }, options.intervalMs ?? RETENTION_INTERVAL_MS);
  (timer as { unref?: () => void }).unref?.();
  return { runNow, stop: () => clearInterval(timer) };
}
