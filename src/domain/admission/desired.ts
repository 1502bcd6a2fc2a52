// The desired pod: what every planner contributes for the placed secrets, the settings Flyte's in-task secrets API
// reads, and the record of what was injected (names only) for the `secrets.flyte.org/injected` annotation.
import { describeScope } from "../scope.ts";
import { FLYTE_ENV_PREFIX, FLYTE_SECRETS_DIR, FLYTE2_ENV_PREFIX, type FlyteForm } from "../secret-request.ts";
import type { Placed } from "./placement.ts";
import { envPlanner } from "./planners/env.ts";
import { filePlanner } from "./planners/file.ts";
import { imagePullPlanner } from "./planners/image-pull.ts";
import {
  type Assignment,
  type DesiredEnv,
  type DesiredMount,
  type DesiredVolume,
  groupByMechanism,
  type Planners,
} from "./planners/planner.ts";
import { malformed, unreachable } from "./refusal.ts";

type Setting = { readonly name: string; readonly value: string };

/** What Flyte's in-task secrets API reads to find secrets, set on pods of Flyte propeller's form. */
export const FLYTE_SECRETS_ENV: readonly Setting[] = [
  { name: "FLYTE_SECRETS_DEFAULT_DIR", value: FLYTE_SECRETS_DIR },
  { name: "FLYTE_SECRETS_FILE_PREFIX", value: "" },
  { name: "FLYTE_SECRETS_ENV_PREFIX", value: FLYTE_ENV_PREFIX },
];

/** The same settings as Flyte 2's executor sets them on its task pods: its env prefix is `_UNION_`. */
export const FLYTE2_SECRETS_ENV: readonly Setting[] = [
  { name: "FLYTE_SECRETS_DEFAULT_DIR", value: FLYTE_SECRETS_DIR },
  { name: "FLYTE_SECRETS_FILE_PREFIX", value: "" },
  { name: "FLYTE_SECRETS_ENV_PREFIX", value: FLYTE2_ENV_PREFIX },
];

function settingsOf(form: FlyteForm | undefined): readonly Setting[] {
  switch (form) {
    case undefined:
      return [];
    case "flyte1":
      return FLYTE_SECRETS_ENV;
    case "flyte2":
      return FLYTE2_SECRETS_ENV;
    default:
      return unreachable(form);
  }
}

/**
 * What the `secrets.flyte.org/injected` annotation holds, as compact JSON: one record per key, names only. `env`
 * lists the env vars holding the value, `files` the paths of the files, `pathEnv` the env vars holding a file's
 * path (Flyte's `env_var`); an ImagePull key has `imagePull: true` and its Secret in `imagePullSecrets`.
 */
export interface InjectedRecord {
  readonly key: string;
  /** `organization`, `project=p`, `domain=d` or `project=p,domain=d`. */
  readonly scope: string;
  /** The managed Secret the value comes from. */
  readonly secret: string;
  readonly imagePull?: true;
  readonly env?: readonly string[];
  readonly files?: readonly string[];
  readonly pathEnv?: readonly string[];
}

export interface Desired {
  readonly env: readonly DesiredEnv[];
  readonly volumes: readonly DesiredVolume[];
  readonly mounts: readonly DesiredMount[];
  readonly pullSecrets: readonly string[];
  readonly records: readonly InjectedRecord[];
  readonly warnings: readonly string[];
}

const planners: Planners = { env: envPlanner, file: filePlanner, imagePull: imagePullPlanner };

function recordOf({ request, scope, secret, assignments }: Placed): InjectedRecord {
  let imagePull = false;
  const env: string[] = [];
  const files: string[] = [];
  const pathEnv: string[] = [];
  for (const assignment of assignments) {
    switch (assignment.mechanism) {
      case "env":
        env.push(assignment.name);
        break;
      case "file":
        files.push(assignment.path);
        pathEnv.push(...(assignment.pathEnv ?? []).map(({ name }) => name));
        break;
      case "imagePull":
        imagePull = true;
        break;
      default:
        unreachable(assignment);
    }
  }
  return {
    key: request.key,
    scope: describeScope(scope),
    secret,
    ...(imagePull ? { imagePull: true } : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(files.length > 0 ? { files } : {}),
    ...(pathEnv.length > 0 ? { pathEnv } : {}),
  };
}

/** `flyteForm`: the form of the pod's Flyte requests, when it has any. */
export function desire(placed: readonly Placed[], flyteForm: FlyteForm | undefined): Desired {
  const assignments: Assignment[] = placed.flatMap((p) => [...p.assignments]);
  const groups = groupByMechanism(assignments);
  const env = planners.env.plan(groups.env);
  const file = planners.file.plan(groups.file);
  const imagePull = planners.imagePull.plan(groups.imagePull);
  const reserved = settingsOf(flyteForm);
  const settings: DesiredEnv[] = reserved.map(({ name, value }) => ({ name, value }));
  const all = [...settings, ...(env.env ?? []), ...(file.env ?? []), ...(imagePull.env ?? [])];
  for (const setting of reserved) {
    if (all.filter((entry) => entry.name === setting.name).length > 1) {
      malformed(
        `environment variable ${setting.name} is set by flyte-secrets for pods of Flyte's form; ` +
          "deliver the secret under another name",
      );
    }
  }
  const contributions = [env, file, imagePull];
  return {
    env: all,
    volumes: contributions.flatMap((c) => c.volumes ?? []),
    mounts: contributions.flatMap((c) => c.mounts ?? []),
    pullSecrets: [...new Set(contributions.flatMap((c) => c.pullSecrets ?? []))],
    records: placed.map(recordOf),
    warnings: contributions.flatMap((c) => c.warnings ?? []),
  };
}
