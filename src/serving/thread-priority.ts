// Lowers the scheduling priority of the calling thread alone (Linux: setpriority on the thread's own id,
// read from /proc/thread-self). An answer worker calls it once it is ready, so that on a machine whose
// cores it keeps busy, the main thread (HTTP, /health, the store, handing the next question to a free
// worker) runs as soon as it has work instead of waiting for a worker's time slice. The workers still
// get every cycle the main thread does not use. Elsewhere, or when it is not allowed, it does nothing.
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The niceness answer workers add to their own (higher is lower priority; 19 at most). */
export const ANSWER_WORKER_NICENESS = 10;

export function lowerThreadPriority(by: number): boolean {
  if (process.platform !== "linux") return false;
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, getPriority(tid) + by));
    return true;
  } catch {
    return false;
  }
}
