// The file planner: secret files from projected volumes mounted read-only, laid out so that files in a directory
// follow rotation, plus the plain env vars that hold a file's path (Flyte's `env_var` for FILE).
import { shown } from "../../flyte-encoding.ts";
import { FLYTE_SECRETS_DIR } from "../../secret-request.ts";
import { malformed } from "../refusal.ts";
import type { AssignmentOf, DesiredEnv, DesiredMount, DesiredVolume, Planner } from "./planner.ts";

/** The first projected volume of file secrets; further ones are `flyte-secrets-1`, `flyte-secrets-2`, ... */
export const SECRETS_VOLUME = "flyte-secrets";
/** Read-only for everyone: tasks often run as a non-root user that is neither the file's owner nor in its group. */
export const SECRETS_FILE_MODE = 0o444;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function parentDirectory(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}

interface Item {
  readonly key: string;
  readonly secret: string;
  /** The file's path inside its volume. */
  readonly path: string;
}

/**
 * The file layout. Each directory asked for gets a projected volume of its own, mounted there whole (no subPath), so
 * that its files follow rotation and it shows only its own files; a directory inside another one is served by the
 * outer directory's volume (no nested read-only mounts). Every path under Flyte's `/etc/flyte/secrets` is served
 * by one volume mounted there. Exact file paths outside every directory share one more volume, each mounted by
 * subPath with the file's absolute path (minus the leading `/`) as its path in the volume. Volumes are named in
 * order: directories sorted by path, then the exact files: `flyte-secrets`, `flyte-secrets-1`, ...
 */
function layout(targets: readonly AssignmentOf<"file">[]): {
  volumes: DesiredVolume[];
  mounts: DesiredMount[];
} {
  const directories = new Set<string>();
  for (const target of targets) {
    if (target.subPath) continue;
    directories.add(parentDirectory(target.path));
    if (target.path.startsWith(`${FLYTE_SECRETS_DIR}/`)) directories.add(FLYTE_SECRETS_DIR);
  }
  const outermost = [...directories]
    .filter((directory) => ![...directories].some((other) => directory.startsWith(`${other}/`)))
    .sort(byText);
  const groups = new Map<string, Item[]>();
  const exact: (Item & { mountPath: string })[] = [];
  for (const target of targets) {
    const directory = outermost.find((candidate) => target.path.startsWith(`${candidate}/`));
    const path = target.path.slice((directory ?? "").length + 1);
    if (path.startsWith("..")) {
      malformed(
        `cannot deliver secret ${target.key} at ${shown(target.path, 60)}: inside its volume the file would be ` +
          `${shown(path, 60)}, and Kubernetes reserves names starting with '..' there; rename that directory`,
      );
    }
    if (directory === undefined) {
      exact.push({ key: target.key, secret: target.secret, path, mountPath: target.path });
    } else {
      const group = groups.get(directory) ?? [];
      group.push({ key: target.key, secret: target.secret, path });
      groups.set(directory, group);
    }
  }
  const volumes: DesiredVolume[] = [];
  const mounts: DesiredMount[] = [];
  const nextName = (): string =>
    volumes.length === 0 ? SECRETS_VOLUME : `${SECRETS_VOLUME}-${volumes.length}`;
  const volume = (name: string, items: readonly Item[]): DesiredVolume => {
    const bySecret = new Map<string, { key: string; path: string }[]>();
    for (const item of [...items].sort((a, b) => byText(a.path, b.path))) {
      const list = bySecret.get(item.secret) ?? [];
      list.push({ key: item.key, path: item.path });
      bySecret.set(item.secret, list);
    }
    return {
      name,
      projected: {
        defaultMode: SECRETS_FILE_MODE,
        sources: [...bySecret.entries()]
          .sort(([a], [b]) => byText(a, b))
          .map(([secret, list]) => ({ secret: { name: secret, items: list } })),
      },
    };
  };
  for (const directory of outermost) {
    const name = nextName();
    volumes.push(volume(name, groups.get(directory) ?? []));
    mounts.push({ name, mountPath: directory, readOnly: true });
  }
  if (exact.length > 0) {
    const name = nextName();
    volumes.push(volume(name, exact));
    for (const file of [...exact].sort((a, b) => byText(a.mountPath, b.mountPath))) {
      mounts.push({ name, mountPath: file.mountPath, subPath: file.path, readOnly: true });
    }
  }
  return { volumes, mounts };
}

export const filePlanner: Planner<"file"> = {
  mechanism: "file",
  plan(assignments) {
    const { volumes, mounts } = layout(assignments);
    const env: DesiredEnv[] = assignments.flatMap(({ pathEnv }) =>
      (pathEnv ?? []).map(({ name, value }) => ({ name, value })),
    );
    const warnings = mounts
      .filter((mount) => mount.subPath !== undefined)
      .map(
        (mount) =>
          `the secret file ${mount.mountPath} is mounted by subPath and will not change when the secret is rotated ` +
          "until the pod restarts; mount a directory to follow rotation",
      );
    return { env, volumes, mounts, warnings };
  },
};
