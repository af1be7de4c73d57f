// Reading recorded Slack messages in tests.
import type { RecordedCall } from "./recorder.js";

export interface PostedBlock {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
}

export function blocksOf(call: RecordedCall): PostedBlock[] {
  return (call.body.blocks ?? []) as PostedBlock[];
}

export function answerText(call: RecordedCall): string {
  return blocksOf(call).find((b) => b.block_id === "sitrep_answer" || b.block_id === "sitrep_notice")?.text?.text ?? "";
}

export function sourcesText(call: RecordedCall): string | undefined {
  const block = blocksOf(call).find((b) => b.block_id === "sitrep_sources");
  const el = block?.elements?.[0]?.text;
  return typeof el === "string" ? el : undefined;
}

export function feedbackValue(call: RecordedCall): string | undefined {
  return blocksOf(call).find((b) => b.type === "actions")?.elements?.find((e) => e.action_id === "feedback_up")?.value;
}

export const isThreadReply = (channel: string, threadTs: string) => (call: RecordedCall) =>
  call.method === "chat.postMessage" && call.body.channel === channel && call.body.thread_ts === threadTs;

/** Waits for every lazy listener scheduled so far (Workers-style tracked ExecutionContext). */
export async function settle(lazyWork: Promise<unknown>[]): Promise<void> {
  let seen = -1;
  while (seen !== lazyWork.length) {
    seen = lazyWork.length;
    await Promise.allSettled(lazyWork);
  }
}
