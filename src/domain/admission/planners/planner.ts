// One planner per delivery mechanism behind one small interface, as Flyte's SecretsInjector has one injector per
// secret manager: each turns the assignments of its mechanism into its part of the desired pod. `planners` is a
// record over every mechanism and `groupByMechanism` switches exhaustively, so a new mechanism that is not handled
// does not compile.
import type { LiteralEnv } from "../../secret-request.ts";
import { unreachable } from "../refusal.ts";

export type Mechanism = "env" | "file" | "imagePull";

/** How one key reaches the pod; `secret` is the managed Secret the value comes from. */
export type Assignment =
  /** An env var with `valueFrom.secretKeyRef {name: secret, key}` in every container and init container. */
  | { readonly mechanism: "env"; readonly key: string; readonly secret: string; readonly name: string }
  /**
   * A file at an absolute `path` from a projected volume; `subPath` when the user named that exact file. `pathEnv`:
   * plain env vars that hold a path of the key's file (Flyte's `env_var` for FILE), on the key's first file only.
   */
  | {
      readonly mechanism: "file";
      readonly key: string;
      readonly secret: string;
      readonly path: string;
      readonly subPath: boolean;
      readonly pathEnv?: readonly LiteralEnv[];
    }
  /** The key's own dockerconfigjson Secret in `spec.imagePullSecrets`: it serves the kubelet, not the task. */
  | { readonly mechanism: "imagePull"; readonly key: string; readonly secret: string };

export type AssignmentOf<M extends Mechanism> = Extract<Assignment, { readonly mechanism: M }>;

export type DesiredEnv =
  | {
      readonly name: string;
      readonly valueFrom: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
    }
  | { readonly name: string; readonly value: string };

export interface DesiredMount {
  readonly name: string;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly readOnly: true;
}

export interface DesiredVolume {
  readonly name: string;
  readonly projected: {
    readonly defaultMode: number;
    readonly sources: readonly {
      readonly secret: { readonly name: string; readonly items: readonly { key: string; path: string }[] };
    }[];
  };
}

/** What one mechanism adds to the pod. Env vars go to every container and init container. */
export interface Contribution {
  readonly env?: readonly DesiredEnv[];
  readonly volumes?: readonly DesiredVolume[];
  readonly mounts?: readonly DesiredMount[];
  readonly pullSecrets?: readonly string[];
  /** Things the user may not expect, said once on the pass that changes the pod. */
  readonly warnings?: readonly string[];
}

export interface Planner<M extends Mechanism> {
  readonly mechanism: M;
  /** Plans every assignment of this mechanism, in the order given; deterministic; refuses by throwing `Refused`. */
  plan(assignments: readonly AssignmentOf<M>[]): Contribution;
}

export type Planners = { readonly [M in Mechanism]: Planner<M> };

export type ByMechanism = { readonly [M in Mechanism]: readonly AssignmentOf<M>[] };

export function groupByMechanism(assignments: readonly Assignment[]): ByMechanism {
  const env: AssignmentOf<"env">[] = [];
  const file: AssignmentOf<"file">[] = [];
  const imagePull: AssignmentOf<"imagePull">[] = [];
  for (const assignment of assignments) {
    switch (assignment.mechanism) {
      case "env":
        env.push(assignment);
        break;
      case "file":
        file.push(assignment);
        break;
      case "imagePull":
        imagePull.push(assignment);
        break;
      default:
        unreachable(assignment);
    }
  }
  return { env, file, imagePull };
}
