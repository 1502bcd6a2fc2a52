// The managed Secrets of one scope, computed once per scope rather than once per namespace: a scope's Secret holds the
// same keys and values in every namespace that sees the scope. And the checks the controller makes from a managed
// Secret's metadata alone (labels, content version, who wrote its data), so it never has to cache values.
import { annotations, labels, MANAGED_BY } from "./api.ts";
import { bindingSees, type NamespaceBinding } from "./binding.ts";
import { type CatalogEntry, compareAge } from "./catalog.ts";
import { contentVersion, type DesiredSecret, managedLabels, type SourceValue } from "./materialize.ts";
import { imagePullSecretName, scopeSecretName } from "./names.ts";
import { type Scope, sameScope } from "./scope.ts";

/**
 * The Secrets a namespace with `binding` should hold (DESIGN §4), sorted by name: the Secrets of every scope it sees.
 * The controller composes the same `scopeSecrets` per scope (caching each scope's); this is the whole-namespace view
 * its tests check against an oracle.
 */
export function desiredSecrets(
  binding: NamespaceBinding,
  ready: readonly CatalogEntry[],
  sourceValue: (entry: CatalogEntry) => SourceValue | undefined,
  installation: string,
): ScopeSecret[] {
  const scopes: Scope[] = [];
  for (const entry of ready)
    if (bindingSees(binding, entry.scope) && !scopes.some((s) => sameScope(s, entry.scope)))
      scopes.push(entry.scope);
  return scopes
    .flatMap((scope) =>
      scopeSecrets(
        scope,
        ready.filter((e) => sameScope(e.scope, scope)),
        sourceValue,
        installation,
      ),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A desired Secret and which entries' keys it holds (for status counting by content version). */
export interface ScopeSecret extends DesiredSecret {
  readonly keys: readonly string[];
}

/**
 * The Secrets a namespace seeing `scope` should hold for it: the scope's Generic keys in the Secrets `placement`
 * names (`placeKeys`; by default all in the scope's first), one per ImagePull key. `ready` holds the scope's Ready,
 * winning entries; entries without a value are left out. Labelled with the scope and `installation`.
 */
export function scopeSecrets(
  scope: Scope,
  ready: readonly CatalogEntry[],
  sourceValue: (entry: CatalogEntry) => SourceValue | undefined,
  installation: string,
  placement: (entry: CatalogEntry) => string | undefined = () => scopeSecretName(scope),
): ScopeSecret[] {
  const secretLabels = { ...managedLabels(scope), [labels.installation]: installation };
  const result: ScopeSecret[] = [];
  const generic: Array<{ entry: CatalogEntry; value: SourceValue }> = [];
  for (const entry of [...ready].sort(compareAge)) {
    const value = sourceValue(entry);
    if (value === undefined) continue;
    if (entry.type === "ImagePull") {
      result.push({
        name: imagePullSecretName(scope, entry.key),
        type: "kubernetes.io/dockerconfigjson",
        labels: secretLabels,
        annotations: { [annotations.contentVersion]: contentVersion([entry.uid, entry.key, value.version]) },
        data: { ".dockerconfigjson": value.data },
        keys: [entry.key],
      });
    } else generic.push({ entry, value });
  }
  const byName = new Map<string, Array<{ entry: CatalogEntry; value: SourceValue }>>();
  for (const item of generic) {
    const name = placement(item.entry);
    if (name === undefined) continue;
    const held = byName.get(name);
    if (held === undefined) byName.set(name, [item]);
    else held.push(item);
  }
  for (const [name, held] of byName) {
    held.sort((a, b) => (a.entry.key < b.entry.key ? -1 : 1));
    const data: Record<string, string> = {};
    for (const { entry, value } of held) data[entry.key] = value.data;
    result.push({
      name,
      type: "Opaque",
      labels: secretLabels,
      annotations: {
        [annotations.contentVersion]: contentVersion(
          held.flatMap(({ entry, value }) => [entry.uid, entry.key, value.version]),
        ),
      },
      data,
      keys: held.map((g) => g.entry.key),
    });
  }
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface ManagedField {
  readonly manager?: string;
  readonly fieldsV1?: unknown;
}

const contentFields = ["f:data", "f:stringData", "f:type", "f:immutable"];

/** Managers other than `self` that own content fields of a Secret, from its managedFields. */
export function otherContentWriters(
  managedFields: readonly ManagedField[] | undefined,
  self: string,
): string[] {
  const writers = new Set<string>();
  for (const field of managedFields ?? []) {
    if ((field.manager ?? "") === self) continue;
    const owned = field.fieldsV1 as Record<string, unknown> | undefined;
    if (owned !== undefined && contentFields.some((f) => f in owned)) writers.add(field.manager ?? "");
  }
  return [...writers].sort();
}

/** Whose a Secret with a managed name is, from its labels. */
export type Ownership = "ours" | "legacy" | "otherInstallation" | "notManaged";

/**
 * `ours`: our managed-by and installation labels; `legacy`: our managed-by label and no installation label (written
 * before installations were labelled; adopted); `otherInstallation`: another installation's; `notManaged`: anything
 * else (a user's Secret, or ours with the managed-by label removed).
 */
export function ownershipOf(
  secretLabels: Readonly<Record<string, string>> | undefined,
  installation: string,
): Ownership {
  const l = secretLabels ?? {};
  if (l[labels.managedBy] !== MANAGED_BY) return "notManaged";
  const owner = l[labels.installation];
  if (owner === undefined || owner === "") return "legacy";
  return owner === installation ? "ours" : "otherInstallation";
}

/**
 * True when a live managed Secret, seen through its metadata, already is `desired`: our labels present and the same
 * content version. Whether its data was changed by someone else is a separate question (`otherWriters`).
 */
export function metadataMatches(
  live: {
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  },
  desired: DesiredSecret,
): boolean {
  const includesAll = (have: Readonly<Record<string, string>>, want: Readonly<Record<string, string>>) =>
    Object.entries(want).every(([k, v]) => have[k] === v);
  return includesAll(live.labels, desired.labels) && includesAll(live.annotations, desired.annotations);
}
