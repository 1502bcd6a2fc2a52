// The temporary folders `npm start` makes (its control plane's, its webhook certificate's), each marked with the
// process that owns it, and the removal of stale ones a killed run left behind: only folders of ours (our prefix, our
// user, our marker file, not a symlink) whose owner process is gone (no such pid, or a pid reused by a newer process).
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const OWNER_FILE = ".flyte-secrets-owner.json";
export const FOLDER_PREFIXES = ["flyte-secrets-controlplane-", "flyte-secrets-tls-"] as const;

interface Owner {
  readonly pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where known. */
  readonly started?: string;
}

function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 (the command) is in parentheses and may hold spaces; the fields after it are space-separated.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function alive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is not gone.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const now = startTime(owner.pid);
  return owner.started === undefined || now === undefined || now === owner.started;
}

/** Writes the owner marker of `dir` (default owner: this process). */
export async function markOwner(dir: string, pid = process.pid): Promise<void> {
  const started = startTime(pid);
  await writeFile(join(dir, OWNER_FILE), JSON.stringify({ pid, ...(started ? { started } : {}) }));
}

/** A fresh folder `<tmp>/<prefix>XXXXXX` owned by this process. */
export async function claimFolder(prefix: (typeof FOLDER_PREFIXES)[number]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await markOwner(dir);
  return dir;
}

/** Removes the folders of earlier runs whose owner is gone; returns their paths. */
export async function removeStaleFolders(parent = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of readdirSync(parent)) {
    if (!FOLDER_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const dir = join(parent, name);
    try {
      const stat = lstatSync(dir);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), "utf8")) as Owner;
      if (typeof owner.pid !== "number" || owner.pid === process.pid || alive(owner)) continue;
    } catch {
      // No marker (a test run's folder, or not ours), or unreadable: leave it.
      continue;
    }
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
