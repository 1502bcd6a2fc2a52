// What every managed Secret shares (DESIGN §4): its shape, its labels, and a content version derived from object
// identities and versions, never from values. What each namespace holds is computed in scope-secrets.ts.
import { createHash } from "node:crypto";
import { labels, MANAGED_BY } from "./api.ts";
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
