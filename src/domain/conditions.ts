// FlyteSecret status (DESIGN §3): the Ready condition in metav1.Condition shape, whose lastTransitionTime moves only
// when its status changes, and the comparison that keeps status writes to real changes.
import type { Condition, FlyteSecretStatus } from "./api.ts";
import type { Assessment } from "./catalog.ts";

export function readyCondition(
  assessment: Assessment,
  namespaces: number,
  key: string,
  generation: number,
  previous: readonly Condition[] | undefined,
  now: Date,
): Condition {
  const status = assessment.ready ? "True" : "False";
  const message = assessment.ready
    ? `key ${key} is available in ${namespaces} namespace${namespaces === 1 ? "" : "s"}`
    : assessment.message;
  const old = previous?.find((c) => c.type === "Ready");
  return {
    type: "Ready",
    status,
    reason: assessment.reason,
    message,
    lastTransitionTime:
      old !== undefined && old.status === status ? old.lastTransitionTime : now.toISOString(),
    observedGeneration: generation,
  };
}

export function desiredStatus(
  assessment: Assessment,
  namespaces: number,
  key: string,
  generation: number,
  previous: FlyteSecretStatus | undefined,
  now: Date,
): FlyteSecretStatus {
  const ready = readyCondition(assessment, namespaces, key, generation, previous?.conditions, now);
  const others = (previous?.conditions ?? []).filter((c) => c.type !== "Ready");
  return { observedGeneration: generation, namespaces, conditions: [...others, ready] };
}

function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.type === b.type &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.observedGeneration === b.observedGeneration &&
    Date.parse(a.lastTransitionTime) === Date.parse(b.lastTransitionTime)
  );
}

export function sameStatus(a: FlyteSecretStatus | undefined, b: FlyteSecretStatus | undefined): boolean {
  const ca = a?.conditions ?? [];
  const cb = b?.conditions ?? [];
  return (
    a?.observedGeneration === b?.observedGeneration &&
    (a?.namespaces ?? 0) === (b?.namespaces ?? 0) &&
    ca.length === cb.length &&
    ca.every((c) =>
      sameCondition(
        c,
        cb.find((d) => d.type === c.type),
      ),
    )
  );
}

/** A transition worth an Event: the Ready status or reason changed. */
export function readyTransition(
  previous: FlyteSecretStatus | undefined,
  next: FlyteSecretStatus,
): Condition | undefined {
  const before = previous?.conditions?.find((c) => c.type === "Ready");
  const after = next.conditions?.find((c) => c.type === "Ready");
  if (after === undefined) return undefined;
  if (before === undefined || before.status !== after.status || before.reason !== after.reason) return after;
  return undefined;
}

/** Where a FlyteSecret stands, from its Ready condition, for the CLI's STATUS column and the Flyte API. */
export type SecretStatus =
  /** Ready=True for the current generation: pods may resolve to it (reason Materialized, Materializing, ...). */
  | { readonly state: "ready"; readonly reason: string; readonly message: string }
  /** Ready is False or Unknown for the current generation: `reason` says why (SourceNotFound, Conflict, ...). */
  | { readonly state: "notReady"; readonly status: string; readonly reason: string; readonly message: string }
  /** The operator has not yet reported on this generation. */
  | { readonly state: "pending" }
  /** Deletion has begun. */
  | { readonly state: "deleting" };

export interface ConditionHolder {
  readonly metadata: { readonly generation?: number; readonly deletionTimestamp?: string | Date };
  readonly status?: { readonly conditions?: readonly Condition[] };
}

export function secretStatusOf(object: ConditionHolder): SecretStatus {
  if (object.metadata.deletionTimestamp !== undefined) return { state: "deleting" };
  const ready = object.status?.conditions?.find((c) => c.type === "Ready");
  if (ready === undefined) return { state: "pending" };
  const generation = object.metadata.generation;
  if (
    ready.observedGeneration !== undefined &&
    generation !== undefined &&
    ready.observedGeneration < generation
  ) {
    return { state: "pending" };
  }
  if (ready.status === "True") return { state: "ready", reason: ready.reason, message: ready.message };
  return { state: "notReady", status: ready.status, reason: ready.reason, message: ready.message };
}
