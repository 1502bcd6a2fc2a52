// The objects the secret operations write (DESIGN §3): a FlyteSecret per (key, scope) and its source Secret, of the
// same name, holding the value under `value` and owned by the FlyteSecret so the garbage collector removes it with its
// owner. Also which FlyteSecrets an operation is about, and whether a Secret is one flyte made. Pure.
import { API_VERSION, type FlyteSecretObject, GROUP, KIND, type SecretType } from "../domain/api.ts";
import { flyteSecretName, flyteSecretNames } from "../domain/names.ts";
import { type Scope, sameScope, scopeOf } from "../domain/scope.ts";
import type { Owner, OwnerReference, SourceSecret } from "./store.ts";

export type { Owner, OwnerReference, SourceSecret } from "./store.ts";

/** The data key of the source Secrets the CLI creates. */
export const SOURCE_KEY = "value";

export function scopeOfSecret(object: FlyteSecretObject): Scope {
  return scopeOf(object.spec.project, object.spec.domain);
}

/** A new FlyteSecret, with project/domain only when given. */
export function flyteSecretManifest(
  key: string,
  scope: Scope,
  type: SecretType,
  name: string = flyteSecretName(key, scope),
) {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name },
    spec: {
      key,
      ...(scope.project === undefined ? {} : { project: scope.project }),
      ...(scope.domain === undefined ? {} : { domain: scope.domain }),
      type,
      valueFrom: { secretKeyRef: { name, key: SOURCE_KEY } },
    },
  };
}

/**
 * An owner reference that lets the garbage collector delete the Secret with its FlyteSecret. Not a controller
 * reference, and no blockOwnerDeletion (which would need permission to update the FlyteSecret's finalizers).
 */
export function ownerReferenceTo(owner: Owner): OwnerReference {
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    name: owner.name,
    uid: owner.uid,
    controller: false,
    blockOwnerDeletion: false,
  };
}

/** The Secret's data: the value base64-encoded under `key`, so any bytes round-trip exactly. */
export function secretData(value: Uint8Array, key = SOURCE_KEY): Record<string, string> {
  return { [key]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
}

/** A new source Secret for `owner`'s value (Opaque for both types: `value` is not `.dockerconfigjson`). */
export function sourceSecretManifest(owner: Owner, value: Uint8Array): SourceSecret {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: owner.name, ownerReferences: [ownerReferenceTo(owner)] },
    type: "Opaque",
    data: secretData(value),
  };
}

/** True when `secret` carries an owner reference to exactly this FlyteSecret (any version of the API group). */
export function isOwnedBy(secret: SourceSecret, owner: Owner): boolean {
  return (secret.metadata?.ownerReferences ?? []).some(
    (ref) =>
      ref.kind === KIND &&
      ref.apiVersion.split("/")[0] === GROUP &&
      ref.name === owner.name &&
      ref.uid === owner.uid,
  );
}

/**
 * True when `secret` is a source Secret the CLI made for a FlyteSecret named `name` that no longer exists (its owner
 * reference names another uid): left over while the garbage collector has not yet removed it.
 */
export function isLeftoverFor(secret: SourceSecret, name: string, liveUid: string): boolean {
  const refs = (secret.metadata?.ownerReferences ?? []).filter(
    (ref) => ref.kind === KIND && ref.apiVersion.split("/")[0] === GROUP,
  );
  return refs.length > 0 && refs.every((ref) => ref.name === name && ref.uid !== liveUid);
}

/** True when the FlyteSecret reads its value the way the CLI sets it up: a Secret of its own name, key `value`. */
export function hasCliLayout(object: FlyteSecretObject): boolean {
  const ref = object.spec.valueFrom?.secretKeyRef;
  return ref?.name === object.metadata.name && ref.key === SOURCE_KEY;
}

/**
 * The FlyteSecrets of `key` at exactly `scope`, the CLI-named one first. Usually one; more when several were made
 * (for example with kubectl) and conflict.
 */
export function atScope(
  objects: readonly FlyteSecretObject[],
  key: string,
  scope: Scope,
): FlyteSecretObject[] {
  const names = flyteSecretNames(key, scope);
  const rank = (o: FlyteSecretObject): number => {
    const i = names.indexOf(o.metadata.name);
    return i === -1 ? names.length : i;
  };
  return objects
    .filter((o) => o.spec?.key === key && sameScope(scopeOfSecret(o), scope))
    .sort((a, b) => rank(a) - rank(b) || a.metadata.name.localeCompare(b.metadata.name));
}

/** The scopes in which `key` exists, for a "not found here, but there" hint. */
export function scopesOfKey(objects: readonly FlyteSecretObject[], key: string): Scope[] {
  return objects.filter((o) => o.spec?.key === key).map(scopeOfSecret);
}
