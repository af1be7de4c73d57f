// Writes a folder atomically: build in a temp sibling, then swap it over the target with renames.
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

export class OutputDirError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "OutputDirError";
  }
}

const TEMP_MARK = ".tmp-";
const BACKUP_MARK = ".bak-";

/** Creates `<target>.tmp-<pid>-<time>` next to target; clear error when the parent cannot be written. */
export async function createTempSibling(target: string): Promise<string> {
  const abs = resolve(target);
  const existing = await stat(abs).catch(() => null);
  if (existing && !existing.isDirectory()) throw new OutputDirError(`Output path ${abs} exists and is not a folder.`);
  const temp = `${abs}${TEMP_MARK}${process.pid}-${Date.now()}`;
  try {
    await mkdir(dirname(abs), { recursive: true });
    await mkdir(temp);
  } catch (err) {
    throw new OutputDirError(`Cannot write the index to ${abs}: ${describeFsError(err)}.`, err);
  }
  await removeStaleSiblings(abs);
  return temp;
}

/** Moves temp over target: target -> backup, temp -> target, delete backup (restores target on failure). */
export async function swapInto(temp: string, target: string): Promise<void> {
  const abs = resolve(target);
  const backup = `${abs}${BACKUP_MARK}${process.pid}-${Date.now()}`;
  const hadTarget = await stat(abs).then(() => true, () => false);
  try {
    if (hadTarget) await rename(abs, backup);
    try {
      await rename(temp, abs);
    } catch (err) {
      if (hadTarget) await rename(backup, abs);
      throw err;
    }
  } catch (err) {
    throw new OutputDirError(`Cannot replace the index at ${abs}: ${describeFsError(err)}.`, err);
  }
  if (hadTarget) await rm(backup, { recursive: true, force: true });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/** Deletes temp/backup siblings left by ingests whose process no longer exists. */
async function removeStaleSiblings(abs: string): Promise<void> {
  const name = basename(abs);
  const entries = await readdir(dirname(abs)).catch(() => [] as string[]);
  for (const entry of entries) {
    const mark = entry.startsWith(name + TEMP_MARK) ? TEMP_MARK : entry.startsWith(name + BACKUP_MARK) ? BACKUP_MARK : null;
    if (!mark) continue;
    const pid = Number(entry.slice(name.length + mark.length).split("-")[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await removeDir(join(dirname(abs), entry));
  }
}

/** True while a process with this pid exists (used to clear temp folders left by crashed runs). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOTDIR":
      return `a part of the path is a file, not a folder (${e.path ?? "?"})`;
    case "ENOSPC":
      return "no space left on the device";
    case "EEXIST":
      return `a part of the path is a file, not a folder (${e.path ?? "?"})`;
    default:
      return e?.message ?? String(err);
  }
}
