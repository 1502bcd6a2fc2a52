// The desired managed Secrets of one namespace (DESIGN §4): one Secret per visible scope holding every Ready Generic
// key of that scope, one dockerconfigjson Secret per Ready ImagePull key, each labelled with its scope and annotated
// with a content version derived from object identities and versions, never from values.
import { createHash } from "node:crypto";
import { annotations, labels, MANAGED_BY } from "./api.ts";
import { bindingSees, type NamespaceBinding } from "./binding.ts";
import { type CatalogEntry, compareAge } from "./catalog.ts";
import { imagePullSecretName, managedSecretNameOf, scopeSecretName } from "./names.ts";
import { type Scope, scopeKind } from "./scope.ts";

export type ManagedSecretType = "Opaque" | "kubernetes.io/dockerconfigjson";

export interface DesiredSecret {
  readonly name: string;
  readonly type: ManagedSecretType;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Base64 values, exactly as in the source Secrets' `data`. */
  readonly data: Readonly<Record<string, string>>;
}

/** A Ready entry's value and a version of its source that changes whenever the value may have changed. */
export interface SourceValue {
  readonly data: string;
  /** E.g. the source Secret's uid and resourceVersion; must not be derived from the value. */
  readonly version: string;
}

export function managedLabels(scope: Scope): Record<string, string> {
  const result: Record<string, string> = {
    [labels.managedBy]: MANAGED_BY,
    [labels.scopeKind]: scopeKind(scope),
  };
  if (scope.project !== undefined) result[labels.scopeProject] = scope.project;
  if (scope.domain !== undefined) result[labels.scopeDomain] = scope.domain;
  return result;
}

/** Selects the Secrets the controller manages, for its informer and its clean-up. */
export const managedSelector = `${labels.managedBy}=${MANAGED_BY}`;

/** A version of content from identities and versions of its sources, never from values. */
export function contentVersion(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex").slice(0, 16);
}

/**
 * The Secrets a namespace with `binding` should hold, sorted by name. `ready` holds the Ready, winning entries;
 * `sourceValue` gives each one's value (entries without a value are left out).
 */
export function desiredSecrets(
  binding: NamespaceBinding,
  ready: readonly CatalogEntry[],
  sourceValue: (entry: CatalogEntry) => SourceValue | undefined,
): DesiredSecret[] {
  const generic = new Map<
    string,
    { scope: Scope; entries: Array<{ entry: CatalogEntry; value: SourceValue }> }
  >();
  const result: DesiredSecret[] = [];
  for (const entry of [...ready].sort(compareAge)) {
    if (!bindingSees(binding, entry.scope)) continue;
    const value = sourceValue(entry);
    if (value === undefined) continue;
    if (entry.type === "ImagePull") {
      result.push({
        name: imagePullSecretName(entry.scope, entry.key),
        type: "kubernetes.io/dockerconfigjson",
        labels: managedLabels(entry.scope),
        annotations: { [annotations.contentVersion]: contentVersion([entry.uid, entry.key, value.version]) },
        data: { ".dockerconfigjson": value.data },
      });
      continue;
    }
    const name = scopeSecretName(entry.scope);
    const group = generic.get(name) ?? { scope: entry.scope, entries: [] };
    group.entries.push({ entry, value });
    generic.set(name, group);
  }
  for (const [name, group] of generic) {
    const sorted = [...group.entries].sort((a, b) => (a.entry.key < b.entry.key ? -1 : 1));
    const data: Record<string, string> = {};
    for (const { entry, value } of sorted) data[entry.key] = value.data;
    result.push({
      name,
      type: "Opaque",
      labels: managedLabels(group.scope),
      annotations: {
        [annotations.contentVersion]: contentVersion(
          sorted.flatMap(({ entry, value }) => [entry.uid, entry.key, value.version]),
        ),
      },
      data,
    });
  }
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface LiveSecret {
  readonly type?: string | undefined;
  readonly data?: Readonly<Record<string, string>> | undefined;
  readonly labels?: Readonly<Record<string, string>> | undefined;
  readonly annotations?: Readonly<Record<string, string>> | undefined;
}

/**
 * True when a live managed Secret already is what is desired, so no write is needed: same type and exactly the same
 * data; our labels and annotations present (others a user added are left alone).
 */
export function secretMatches(actual: LiveSecret, desired: DesiredSecret): boolean {
  const data = actual.data ?? {};
  const includesAll = (
    have: Readonly<Record<string, string>> | undefined,
    want: Readonly<Record<string, string>>,
  ) => Object.entries(want).every(([k, v]) => have?.[k] === v);
  return (
    (actual.type ?? "Opaque") === desired.type &&
    Object.keys(data).length === Object.keys(desired.data).length &&
    includesAll(data, desired.data) &&
    includesAll(actual.labels, desired.labels) &&
    includesAll(actual.annotations, desired.annotations)
  );
}

/** A managed Secret as the controller's cache holds it: where it is, its name, and which data keys it has. */
export interface ManagedSecretFacts {
  readonly namespace: string;
  readonly name: string;
  readonly dataKeys: readonly string[];
}

/**
 * The namespaces holding an entry's key right now (for `status.namespaces`), sorted: those whose managed Secret of
 * that entry exists and, for a Generic key, carries the key.
 */
export function namespacesHolding(
  entry: Pick<CatalogEntry, "type" | "scope" | "key">,
  managed: readonly ManagedSecretFacts[],
): string[] {
  const name = managedSecretNameOf(entry);
  const holding = managed
    .filter((s) => s.name === name && (entry.type === "ImagePull" || s.dataKeys.includes(entry.key)))
    .map((s) => s.namespace);
  return [...new Set(holding)].sort();
}

/** The namespaces that should hold a secret of `scope` (for `status.expectedNamespaces`), sorted. */
export function namespacesExpecting(
  scope: Scope,
  namespaces: readonly { readonly name: string; readonly binding: NamespaceBinding }[],
): string[] {
  return namespaces
    .filter((n) => bindingSees(n.binding, scope))
    .map((n) => n.name)
    .sort();
}
