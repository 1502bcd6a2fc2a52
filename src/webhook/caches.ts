// The webhook's view of the cluster, from informers only (no API call on the request path, no Secrets): the Ready
// FlyteSecrets of the control namespaces as a resolution catalog, and Namespaces for bindings. The caches keep only
// what the decision reads (`compactFlyteSecret`, `compactNamespace`): managedFields, annotations, descriptions and
// the other conditions were most of the webhook's memory with 10,000 FlyteSecrets (issue 14).
import type { V1Namespace } from "@kubernetes/client-node";
import type { Logger } from "pino";
import type { FlyteSecretStatus } from "../domain/api.ts";
import type { NamespaceFacts } from "../domain/binding.ts";
import { catalogOf, type ReadyCatalog } from "../domain/catalog.ts";
import type { ApiConnection } from "../kube/connection.ts";
import { Informer, type InformerOptions } from "../kube/informer.ts";
import { jsonFlyteSecretSource, jsonNamespaceSource } from "../kube/json-sources.ts";
import type { FlyteSecretResource } from "../kube/sources.ts";

type Metadata = NonNullable<FlyteSecretResource["metadata"]>;

/** The identity fields every cached object keeps: the informer keys by name/namespace and compares resourceVersions. */
function identity(metadata: Metadata | undefined): Metadata {
  const kept: Metadata = { name: metadata?.name ?? "" };
  if (metadata?.namespace !== undefined) kept.namespace = metadata.namespace;
  if (metadata?.resourceVersion !== undefined) kept.resourceVersion = metadata.resourceVersion;
  return kept;
}

/**
 * A FlyteSecret as the catalog reads it (`entryOf`, `isServable`, the not-Ready reason): identity, uid, generation,
 * creation and deletion timestamps, the spec's key, scope, type and source reference, the Ready condition's type,
 * status and reason, `status.blocked` (contract 1) and `status.secretName` (the Secret pods are pointed at).
 * Progress messages ("in 3 of 7 namespaces") are dropped, so the controller's status updates while it materializes
 * do not invalidate the catalog.
 */
export function compactFlyteSecret(object: FlyteSecretResource): FlyteSecretResource {
  const m = object.metadata;
  const metadata = identity(m);
  if (m?.uid !== undefined) metadata.uid = m.uid;
  if (m?.generation !== undefined) metadata.generation = m.generation;
  if (m?.creationTimestamp !== undefined) metadata.creationTimestamp = m.creationTimestamp;
  if (m?.deletionTimestamp !== undefined) metadata.deletionTimestamp = m.deletionTimestamp;
  const spec = object.spec ?? ({} as FlyteSecretResource["spec"]);
  const ref = spec.valueFrom?.secretKeyRef;
  const compactSpec: Record<string, unknown> = { key: spec.key };
  if (spec.project !== undefined) compactSpec.project = spec.project;
  if (spec.domain !== undefined) compactSpec.domain = spec.domain;
  if (spec.type !== undefined) compactSpec.type = spec.type;
  if (spec.valueFrom !== undefined)
    compactSpec.valueFrom = { secretKeyRef: ref === undefined ? ref : { name: ref.name, key: ref.key } };
  const compact: FlyteSecretResource = {
    metadata,
    spec: compactSpec as unknown as FlyteSecretResource["spec"],
  };
  const status = object.status as (FlyteSecretStatus & { blocked?: unknown }) | undefined;
  if (status !== undefined) {
    const ready = Array.isArray(status.conditions)
      ? status.conditions
          .filter((c) => c?.type === "Ready")
          .map((c) => ({
            type: c.type,
            status: c.status,
            ...(c.reason !== undefined ? { reason: c.reason } : {}),
          }))
      : undefined;
    const compactStatus: Record<string, unknown> = {};
    if (ready !== undefined) compactStatus.conditions = ready;
    if (status.blocked !== undefined) compactStatus.blocked = status.blocked;
    if (status.secretName !== undefined) compactStatus.secretName = status.secretName;
    compact.status = compactStatus as FlyteSecretStatus;
  }
  return compact;
}

/** Two compact FlyteSecrets the catalog cannot tell apart (they differ at most in resourceVersion). */
export function sameForCatalog(a: FlyteSecretResource, b: FlyteSecretResource): boolean {
  const withoutVersion = (o: FlyteSecretResource): string =>
    JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return withoutVersion(a) === withoutVersion(b);
}

/** A Namespace as bindings read it: identity and labels. */
export function compactNamespace(object: V1Namespace): V1Namespace {
  const metadata = identity(object.metadata);
  if (object.metadata?.labels !== undefined) metadata.labels = object.metadata.labels;
  return { metadata };
}

export class WebhookCaches {
  readonly flyteSecrets: Informer<FlyteSecretResource>;
  readonly namespaces: Informer<V1Namespace>;
  private readonly controlNamespaces: readonly string[];
  private catalog: ReadyCatalog | undefined;

  constructor(
    connection: ApiConnection,
    controlNamespaces: readonly string[],
    log: Logger,
    options: InformerOptions = {},
  ) {
    this.controlNamespaces = controlNamespaces;
    this.flyteSecrets = new Informer(jsonFlyteSecretSource(connection), log, options, compactFlyteSecret);
    this.namespaces = new Informer(jsonNamespaceSource(connection), log, options, compactNamespace);
    // The catalog is rebuilt lazily after a change it can see (a rebuild over 10,000 FlyteSecrets takes milliseconds,
    // on the request path), not on every request nor on updates that differ only in resourceVersion.
    this.flyteSecrets.on((event, object, old) => {
      if (event === "update" && old !== undefined && sameForCatalog(old, object)) return;
      this.catalog = undefined;
    });
  }

  start(): void {
    this.flyteSecrets.start();
    this.namespaces.start();
  }

  stop(): void {
    this.flyteSecrets.stop();
    this.namespaces.stop();
  }

  async waitForSync(timeoutMs?: number): Promise<void> {
    await Promise.all([this.flyteSecrets.waitForSync(timeoutMs), this.namespaces.waitForSync(timeoutMs)]);
  }

  notReadyReason(): string | undefined {
    const pending = [this.flyteSecrets, this.namespaces].filter((i) => !i.hasSynced()).map((i) => i.name);
    return pending.length === 0 ? undefined : `waiting for caches: ${pending.join(", ")}`;
  }

  /** Ready FlyteSecrets of the control namespaces (the controller has materialized them). */
  readyCatalog(): ReadyCatalog {
    if (this.catalog === undefined) {
      this.catalog = catalogOf(this.flyteSecrets.list(), this.controlNamespaces);
    }
    return this.catalog;
  }

  namespace(name: string): NamespaceFacts | undefined {
    const ns = this.namespaces.get(undefined, name);
    if (ns === undefined) return undefined;
    return { name, labels: ns.metadata?.labels ?? {} };
  }
}
