// FlyteSecret status (DESIGN §3 and the status contract): the Ready condition in metav1.Condition shape, whose
// lastTransitionTime moves only when its status changes; the counts (`namespaces` holding the key now,
// `expectedNamespaces` that should); `blocked` copies; the comparison that keeps status writes to real changes; and
// which transitions deserve an Event. Ready=True means "servable": Materialized only when every namespace that should
// hold the key holds it.
import {
  type BlockedEntry,
  type BlockedReason,
  type Condition,
  type FlyteSecretStatus,
  labels,
  MAX_BLOCKED_ENTRIES,
} from "./api.ts";
import type { Assessment } from "./catalog.ts";
import { describeScope, type Scope } from "./scope.ts";

export interface StatusFacts {
  readonly assessment: Assessment;
  readonly key: string;
  readonly scope: Scope;
  readonly generation: number;
  /** Namespaces holding the controller's verified copy of the key now. */
  readonly holding: number;
  /** Participating namespaces whose pods may ask for the key (0 when the FlyteSecret is not Ready). */
  readonly expected: number;
  /** Namespaces where a Secret with the managed name is not the controller's (sorted; any number). */
  readonly blocked: readonly BlockedEntry[];
  /** How long a brand-new FlyteSecret waits for its source before SourceNotFound is reported. */
  readonly pendingGraceMs: number;
  /** Age of the FlyteSecret. */
  readonly ageMs: number;
}

export interface StatusDecision {
  readonly status: FlyteSecretStatus;
  /** Decide again after this long (the end of the Pending grace period). */
  readonly recheckAfterMs?: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

const fixOf: Record<BlockedReason, string> = {
  NotManaged:
    "a Secret with the managed name exists there without this installation's labels; delete it so the controller can write its own",
  OtherInstallation:
    "it belongs to another flyte-secrets installation; give the installations disjoint namespaceSelectors",
  Modified:
    "its content was changed by someone else and could not be restored; see the controller log and delete the Secret so it is recreated",
};

/** One sentence naming blocked namespaces and Secrets (the first few) and the fix. */
export function describeBlocked(blocked: readonly BlockedEntry[]): string {
  const shown = blocked
    .slice(0, 3)
    .map((b) => `Secret ${b.namespace}/${b.secret} (${b.reason}: ${fixOf[b.reason]})`);
  const more =
    blocked.length > shown.length ? `; and ${blocked.length - shown.length} more (see status.blocked)` : "";
  return `${shown.join("; ")}${more}`;
}

function readyParts(facts: StatusFacts): {
  status: Condition["status"];
  reason: string;
  message: string;
  recheck?: number;
} {
  const { assessment, key } = facts;
  if (!assessment.ready) {
    if (assessment.reason === "SourceNotFound" && facts.ageMs < facts.pendingGraceMs) {
      return {
        status: "Unknown",
        reason: "Pending",
        message: `waiting for the source Secret named in spec.valueFrom.secretKeyRef (flyte create secret writes it right after the FlyteSecret); ${assessment.message}`,
        recheck: facts.pendingGraceMs - facts.ageMs,
      };
    }
    return { status: "False", reason: assessment.reason, message: assessment.message };
  }
  if (facts.expected === 0) {
    return {
      status: "True",
      reason: "NoNamespaces",
      message: `no participating namespace can see scope ${describeScope(facts.scope)}, so key ${key} is in no namespace yet; label a namespace ${labels.project}=<project> and/or ${labels.domain}=<domain>, or ${labels.shared}=true`,
    };
  }
  if (facts.blocked.length > 0) {
    return {
      status: "True",
      reason: "Blocked",
      message: `key ${key} is in ${facts.holding} of ${plural(facts.expected, "namespace")}; pods in ${plural(facts.blocked.length, "namespace")} are refused because the copy there is not the controller's: ${describeBlocked(facts.blocked)}`,
    };
  }
  if (facts.holding < facts.expected) {
    return {
      status: "True",
      reason: "Materializing",
      message: `key ${key} is in ${facts.holding} of ${plural(facts.expected, "namespace")}`,
    };
  }
  return {
    status: "True",
    reason: "Materialized",
    message: `key ${key} is available in ${plural(facts.expected, "namespace")}`,
  };
}

/** The status the controller writes, given the facts it gathered and the previous status. */
export function decideStatus(
  facts: StatusFacts,
  previous: FlyteSecretStatus | undefined,
  now: Date,
): StatusDecision {
  const parts = readyParts(facts);
  const old = previous?.conditions?.find((c) => c.type === "Ready");
  const ready: Condition = {
    type: "Ready",
    status: parts.status,
    reason: parts.reason,
    message: parts.message,
    lastTransitionTime:
      old !== undefined && old.status === parts.status ? old.lastTransitionTime : now.toISOString(),
    observedGeneration: facts.generation,
  };
  const others = (previous?.conditions ?? []).filter((c) => c.type !== "Ready");
  // Where the key is placed; while it is not Ready, where it was (it returns there: `placeKeys`).
  const secretName = facts.assessment.ready ? facts.assessment.secretName : previous?.secretName;
  const status: FlyteSecretStatus = {
    observedGeneration: facts.generation,
    namespaces: facts.holding,
    expectedNamespaces: facts.expected,
    blocked: facts.blocked.slice(0, MAX_BLOCKED_ENTRIES),
    ...(secretName !== undefined ? { secretName } : {}),
    conditions: [...others, ready],
  };
  return parts.recheck === undefined ? { status } : { status, recheckAfterMs: parts.recheck };
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

function sameBlocked(
  a: readonly BlockedEntry[] | undefined,
  b: readonly BlockedEntry[] | undefined,
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return (
    x.length === y.length &&
    x.every(
      (e, i) => e.namespace === y[i]?.namespace && e.secret === y[i]?.secret && e.reason === y[i]?.reason,
    )
  );
}

/**
 * Whether a status write may wait: it would only report progress (Ready=True, Materializing, a count on the way)
 * while copies are still being made (`namespaceWorkPending`), and it has waited less than `maxDeferMs`. The next
 * namespaces would change the count again: in a burst (a first convergence, an organization key added on 1,000
 * namespaces) each FlyteSecret's status is then written once, at its final count, instead of at every step. A
 * status that says more than progress (Materialized, any failure, Blocked) is never deferred here.
 */
export function mayDeferStatus(
  next: FlyteSecretStatus,
  namespaceWorkPending: boolean,
  deferredForMs: number,
  maxDeferMs: number,
): boolean {
  const ready = next.conditions?.find((c) => c.type === "Ready");
  return (
    namespaceWorkPending &&
    deferredForMs < maxDeferMs &&
    ready?.status === "True" &&
    ready.reason === "Materializing" &&
    (next.blocked ?? []).length === 0
  );
}

export function sameStatus(a: FlyteSecretStatus | undefined, b: FlyteSecretStatus | undefined): boolean {
  const ca = a?.conditions ?? [];
  const cb = b?.conditions ?? [];
  return (
    a?.observedGeneration === b?.observedGeneration &&
    (a?.namespaces ?? 0) === (b?.namespaces ?? 0) &&
    (a?.expectedNamespaces ?? 0) === (b?.expectedNamespaces ?? 0) &&
    a?.secretName === b?.secretName &&
    sameBlocked(a?.blocked, b?.blocked) &&
    ca.length === cb.length &&
    ca.every((c) =>
      sameCondition(
        c,
        cb.find((d) => d.type === c.type),
      ),
    )
  );
}

export interface StatusEvent {
  readonly type: "Normal" | "Warning";
  readonly reason: string;
  readonly message: string;
}

/**
 * An Event worth recording for a status change. Normal use raises no Warning: Pending (a brand-new FlyteSecret whose
 * source is about to be written) and Materializing record nothing; Materialized and NoNamespaces are Normal, recorded
 * when reached, with the exact count (not again when newly labelled namespaces were filled in); Blocked (including a new blocked namespace) and every Ready=False reason are
 * Warnings.
 */
export function statusEvent(
  previous: FlyteSecretStatus | undefined,
  next: FlyteSecretStatus,
): StatusEvent | undefined {
  const before = previous?.conditions?.find((c) => c.type === "Ready");
  const after = next.conditions?.find((c) => c.type === "Ready");
  if (after === undefined) return undefined;
  const changed = before === undefined || before.status !== after.status || before.reason !== after.reason;
  if (after.reason === "Blocked") {
    const known = new Set((previous?.blocked ?? []).map((b) => `${b.namespace}/${b.secret}/${b.reason}`));
    const fresh = (next.blocked ?? []).filter((b) => !known.has(`${b.namespace}/${b.secret}/${b.reason}`));
    if (!changed && fresh.length === 0) return undefined;
    return {
      type: "Warning",
      reason: "Blocked",
      message: `pods are refused this key in ${plural((next.blocked ?? []).length, "namespace")}: ${describeBlocked(fresh.length > 0 ? fresh : (next.blocked ?? []))}`,
    };
  }
  if (!changed) return undefined;
  if (after.reason === "Pending" || after.reason === "Materializing") return undefined;
  // Back to Materialized after new namespaces were filled in (it was already delivered): nothing new to say.
  if (
    after.reason === "Materialized" &&
    before?.status === "True" &&
    before.reason === "Materializing" &&
    (previous?.namespaces ?? 0) > 0
  )
    return undefined;
  if (after.status === "True") return { type: "Normal", reason: after.reason, message: after.message };
  return { type: "Warning", reason: after.reason, message: after.message };
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
