// The secret operations — create, update, get, list, delete of a secret (key + scope) — over a SecretStore, shared
// by the flyte CLI and the Flyte API. The checks, the order of writes that never leaves a half-made pair behind and
// never touches a Secret flyte did not create, and the retries on conflict live here; every answer a caller must act
// on is a typed outcome, never printed and never thrown. Only failures nobody expects (the API server refusing or
// unreachable: a StoreError from the store) are thrown.
import type { FlyteSecretObject, SecretType } from "../domain/api.ts";
import { type SecretStatus, secretStatusOf } from "../domain/conditions.ts";
import { flyteSecretNames } from "../domain/names.ts";
import { isOrganization, isScopeValue, SCOPE_VALUE_RULE, type Scope, scopeOf } from "../domain/scope.ts";
import { secretKeyProblem } from "../domain/secret-key.ts";
import { type ValueProblem, valueProblem } from "../domain/secret-value.ts";
import {
  atScope,
  flyteSecretManifest,
  hasCliLayout,
  isLeftoverFor,
  isOwnedBy,
  ownerReferenceTo,
  scopeOfSecret,
  scopesOfKey,
  secretData,
  sourceSecretManifest,
} from "./resources.ts";
import type { Owner, SecretStore } from "./store.ts";

/** A secret as the operations report it: its FlyteSecret, never its value. */
export interface SecretInfo {
  /** The FlyteSecret's name (its source Secret has the same name when flyte made it). */
  readonly name: string;
  readonly key: string;
  readonly scope: Scope;
  readonly type: SecretType;
  /** RFC 3339, as the API server set it; undefined when unknown. */
  readonly createdAt: string | undefined;
  readonly status: SecretStatus;
  readonly object: FlyteSecretObject;
}

/**
 * The value to write: text (UTF-8), bytes, or a function reading it. The function is called only once every check
 * that needs no value has passed, so nobody types a value into a prompt for a write that cannot happen.
 */
export type SecretValue = string | Uint8Array | (() => Promise<Uint8Array>);

export interface WriteRequest {
  readonly key: string;
  readonly scope: Scope;
  /** For create: the type (default Generic). For update: checked against the existing one when given. */
  readonly type?: SecretType | undefined;
  readonly value: SecretValue;
}

/** What is wrong with a request, for the caller to word. */
export type RequestProblem =
  /** `reason` follows the key, e.g. "is empty", "must not be '.' or start with '..'". */
  | { readonly kind: "key"; readonly key: string; readonly reason: string }
  | {
      readonly kind: "scope";
      readonly dimension: "project" | "domain";
      readonly value: string;
      readonly reason: string;
    }
  /** ImagePull secrets are organization-wide, as in Flyte. */
  | { readonly kind: "imagePullScoped" }
  | { readonly kind: "value"; readonly problem: ValueProblem };

type Invalid = { readonly kind: "invalid"; readonly problem: RequestProblem };
type NotFound = { readonly kind: "notFound"; readonly elsewhere: readonly Scope[] };
/** A Secret named `secret` exists that flyte did not create (or the FlyteSecret's own was replaced by one). */
type SourceNotOwned = {
  readonly kind: "sourceNotOwned";
  readonly secret: string;
  /** The FlyteSecret left behind when removing it after a failed create failed too. */
  readonly leftover?: string | undefined;
};
/** The Secret kept changing under every attempt. */
type Busy = { readonly kind: "busy"; readonly secret: string; readonly leftover?: string | undefined };

export type CreateOutcome =
  | { readonly kind: "created"; readonly secret: SecretInfo }
  | { readonly kind: "alreadyExists"; readonly scope: Scope }
  | Invalid
  | SourceNotOwned
  | Busy;

export type UpdateOutcome =
  | { readonly kind: "updated"; readonly secret: SecretInfo }
  | NotFound
  | { readonly kind: "typeMismatch"; readonly type: SecretType }
  /** The FlyteSecret takes its value from a Secret that does not exist and that flyte would not have made. */
  | { readonly kind: "sourceMissing"; readonly secret: string }
  | Invalid
  | SourceNotOwned
  | Busy;

export type GetOutcome = { readonly kind: "found"; readonly secret: SecretInfo } | NotFound | Invalid;

export interface ListFilter {
  readonly key?: string | undefined;
  readonly project?: string | undefined;
  readonly domain?: string | undefined;
}

export interface ListPage {
  readonly limit: number;
  readonly continueToken?: string | undefined;
}

export type ListOutcome =
  | {
      readonly kind: "listed";
      /** Sorted by key, project, domain, name. */
      readonly secrets: readonly SecretInfo[];
      /** With a page: present when more follow. */
      readonly continueToken?: string | undefined;
    }
  | Invalid;

export type DeleteOutcome =
  | {
      readonly kind: "deleted";
      /** The FlyteSecrets deleted (usually one; more when several conflicting ones held the scope). */
      readonly names: readonly string[];
      /**
       * Source Secrets owned by them that could not be read or deleted now (no permission, say): the garbage
       * collector removes them through their owner reference.
       */
      readonly leftToGarbageCollector: readonly string[];
    }
  | NotFound
  | Invalid;

/**
 * Thrown when a create failed after its FlyteSecret was written and removing that FlyteSecret failed too (`cause`:
 * the first failure; `cleanupCause`: the second). `leftover` names the FlyteSecret to delete by hand.
 */
export class IncompleteCreateError extends Error {
  override readonly name = "IncompleteCreateError";
  readonly leftover: string;
  readonly cleanupCause: unknown;

  constructor(leftover: string, options: { readonly cause: unknown; readonly cleanupCause: unknown }) {
    super(`creating the Secret of FlyteSecret ${leftover} failed, and removing that FlyteSecret failed too`, {
      cause: options.cause,
    });
    this.leftover = leftover;
    this.cleanupCause = options.cleanupCause;
  }
}

const ATTEMPTS = 3;

export function infoOf(object: FlyteSecretObject): SecretInfo {
  const created = object.metadata.creationTimestamp;
  return {
    name: object.metadata.name,
    key: object.spec.key,
    scope: scopeOfSecret(object),
    type: object.spec.type ?? "Generic",
    createdAt: created instanceof Date ? created.toISOString() : created,
    status: secretStatusOf(object),
    object,
  };
}

function ownerOf(object: FlyteSecretObject): Owner {
  return { name: object.metadata.name, uid: object.metadata.uid ?? "" };
}

/** A key and scope checked as the FlyteSecret schema would (crds/), so callers get a precise problem. */
export function requestProblem(key: string | undefined, scope: Scope): RequestProblem | undefined {
  const reason = key === undefined ? undefined : secretKeyProblem(key);
  if (key !== undefined && reason !== undefined) return { kind: "key", key, reason };
  for (const dimension of ["project", "domain"] as const) {
    const value = scope[dimension];
    if (value !== undefined && !isScopeValue(value)) {
      return { kind: "scope", dimension, value, reason: SCOPE_VALUE_RULE };
    }
  }
  return undefined;
}

function invalid(problem: RequestProblem): Invalid {
  return { kind: "invalid", problem };
}

async function bytesOf(value: SecretValue): Promise<Uint8Array> {
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  return value();
}

type SourceWrite = "written" | SourceNotOwned | Busy;

/** Writes the source Secret of a FlyteSecret just created, taking over a leftover of an earlier one of that name. */
async function writeNewSource(store: SecretStore, owner: Owner, value: Uint8Array): Promise<SourceWrite> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if ((await store.createSecret(sourceSecretManifest(owner, value))) === "created") return "written";
    const current = await store.readSecret(owner.name);
    if (current === undefined) continue; // removed meanwhile (the garbage collector): create it again
    if (!isLeftoverFor(current, owner.name, owner.uid)) return { kind: "sourceNotOwned", secret: owner.name };
    const takenOver = {
      ...current,
      metadata: { ...current.metadata, ownerReferences: [ownerReferenceTo(owner)] },
      data: secretData(value),
    };
    if ((await store.replaceSecret(takenOver)) === "replaced") return "written";
  }
  return { kind: "busy", secret: owner.name };
}

/**
 * Creates the secret: its FlyteSecret first, then the source Secret already owned by it. A failure in between
 * removes the FlyteSecret again, so neither a FlyteSecret without its value nor an ownerless Secret is left behind.
 */
export async function createSecret(store: SecretStore, request: WriteRequest): Promise<CreateOutcome> {
  const { key, scope } = request;
  const type = request.type ?? "Generic";
  const problem = requestProblem(key, scope);
  if (problem !== undefined) return invalid(problem);
  // Flyte keeps image pull secrets organization-wide; so does flyte-secrets, to behave the same.
  if (type === "ImagePull" && !isOrganization(scope)) return invalid({ kind: "imagePullScoped" });
  const objects = await store.listFlyteSecrets();
  if (atScope(objects, key, scope).length > 0) return { kind: "alreadyExists", scope };
  const value = await bytesOf(request.value);
  const badValue = valueProblem(type, value);
  if (badValue !== undefined) return invalid({ kind: "value", problem: badValue });

  // The readable name unless another key or scope holds it (or its Secret name is someone else's), then the fallback.
  const held = new Set(objects.map((o) => o.metadata.name));
  const names = flyteSecretNames(key, scope).filter((name) => !held.has(name));
  let outcome: CreateOutcome = { kind: "alreadyExists", scope };
  for (const [i, name] of names.entries()) {
    const last = i === names.length - 1;
    const created = await store.createFlyteSecret(flyteSecretManifest(key, scope, type, name));
    if (created.kind === "exists") {
      // Made meanwhile: by this key and scope (it exists), or by another one (try the next name).
      const holder = (await store.listFlyteSecrets()).find((o) => o.metadata.name === name);
      if (holder === undefined || atScope([holder], key, scope).length > 0) return outcome;
      continue;
    }
    const owner = ownerOf(created.object);
    let written: SourceWrite;
    try {
      written = await writeNewSource(store, owner, value);
    } catch (error) {
      await store.deleteFlyteSecret(owner).catch((cleanupCause: unknown) => {
        throw new IncompleteCreateError(owner.name, { cause: error, cleanupCause });
      });
      throw error;
    }
    if (written === "written") return { kind: "created", secret: infoOf(created.object) };
    const leftover = await store.deleteFlyteSecret(owner).then(
      () => undefined,
      () => owner.name,
    );
    outcome = { ...written, leftover };
    if (leftover !== undefined || written.kind === "busy" || last) return outcome;
  }
  return outcome;
}

/** Replaces the value of the secret at exactly this scope, in its source Secret (only one flyte made). */
export async function updateSecret(store: SecretStore, request: WriteRequest): Promise<UpdateOutcome> {
  const { key, scope } = request;
  const problem = requestProblem(key, scope);
  if (problem !== undefined) return invalid(problem);
  const objects = await store.listFlyteSecrets();
  const object = atScope(objects, key, scope)[0];
  if (object === undefined) return { kind: "notFound", elsewhere: scopesOfKey(objects, key) };
  const type = object.spec.type ?? "Generic";
  if (request.type !== undefined && request.type !== type) return { kind: "typeMismatch", type };
  const value = await bytesOf(request.value);
  const badValue = valueProblem(type, value);
  if (badValue !== undefined) return invalid({ kind: "value", problem: badValue });

  const owner = ownerOf(object);
  const ref = object.spec.valueFrom.secretKeyRef;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.readSecret(ref.name);
    if (current === undefined) {
      // Its own Secret went missing: write it again. A Secret named otherwise belongs to whoever set it up.
      if (!hasCliLayout(object)) return { kind: "sourceMissing", secret: ref.name };
      if ((await store.createSecret(sourceSecretManifest(owner, value))) === "created") {
        return { kind: "updated", secret: infoOf(object) };
      }
      continue;
    }
    if (!isOwnedBy(current, owner)) return { kind: "sourceNotOwned", secret: ref.name };
    if ((await store.replaceSecret({ ...current, data: secretData(value, ref.key) })) === "replaced") {
      return { kind: "updated", secret: infoOf(object) };
    }
  }
  return { kind: "busy", secret: ref.name };
}

/** The secret of `key` at exactly `scope`. */
export async function getSecret(store: SecretStore, key: string, scope: Scope): Promise<GetOutcome> {
  const problem = requestProblem(key, scope);
  if (problem !== undefined) return invalid(problem);
  const objects = await store.listFlyteSecrets();
  const object = atScope(objects, key, scope)[0];
  return object === undefined
    ? { kind: "notFound", elsewhere: scopesOfKey(objects, key) }
    : { kind: "found", secret: infoOf(object) };
}

const sortKey = (o: FlyteSecretObject): string[] => [
  o.spec.key,
  o.spec.project ?? "",
  o.spec.domain ?? "",
  o.metadata.name,
];

/** The FlyteSecrets matching every given part of the filter, sorted by key, then project, then domain, then name. */
export function selectSecrets(
  objects: readonly FlyteSecretObject[],
  filter: ListFilter,
): FlyteSecretObject[] {
  return objects
    .filter(
      (o) =>
        (filter.key === undefined || o.spec.key === filter.key) &&
        (filter.project === undefined || o.spec.project === filter.project) &&
        (filter.domain === undefined || o.spec.domain === filter.domain),
    )
    .sort((a, b) => {
      const [x, y] = [sortKey(a), sortKey(b)];
      for (let i = 0; i < x.length; i++) {
        const c = (x[i] ?? "").localeCompare(y[i] ?? "");
        if (c !== 0) return c;
      }
      return 0;
    });
}

/**
 * The secrets matching `filter` (each given part exactly: `project: "p"` keeps only secrets scoped to project p).
 * Without `page`, all of them; with it, those of one page of the API server's list (so a page may hold fewer than
 * `limit`, even none, while `continueToken` says more follow).
 */
export async function listSecrets(
  store: SecretStore,
  filter: ListFilter = {},
  page?: ListPage,
): Promise<ListOutcome> {
  const scope = scopeOf(filter.project, filter.domain);
  const problem = requestProblem(filter.key, scope);
  if (problem !== undefined) return invalid(problem);
  const exact = { ...filter, ...scope };
  if (page === undefined) {
    return { kind: "listed", secrets: selectSecrets(await store.listFlyteSecrets(), exact).map(infoOf) };
  }
  const listed = await store.listFlyteSecretPage({
    limit: page.limit,
    ...(page.continueToken === undefined ? {} : { continueToken: page.continueToken }),
  });
  return {
    kind: "listed",
    secrets: selectSecrets(listed.items, exact).map(infoOf),
    ...(listed.continueToken === undefined ? {} : { continueToken: listed.continueToken }),
  };
}

/**
 * Deletes every FlyteSecret of `key` at exactly `scope` (afterwards none is left to win the scope), and the source
 * Secret of each when that FlyteSecret owns it. The garbage collector removes such a source anyway through its owner
 * reference; removing it now as well lets a create right after succeed. A caller not allowed to read or delete
 * Secrets still deletes the secret: the source is then left to the garbage collector.
 */
export async function deleteSecret(store: SecretStore, key: string, scope: Scope): Promise<DeleteOutcome> {
  const problem = requestProblem(key, scope);
  if (problem !== undefined) return invalid(problem);
  const objects = await store.listFlyteSecrets();
  const found = atScope(objects, key, scope);
  if (found.length === 0) return { kind: "notFound", elsewhere: scopesOfKey(objects, key) };
  const names: string[] = [];
  const leftToGarbageCollector: string[] = [];
  for (const object of found) {
    const owner = ownerOf(object);
    if ((await store.deleteFlyteSecret(owner)) === "replaced") continue;
    names.push(owner.name);
    const ref = object.spec.valueFrom?.secretKeyRef;
    if (ref === undefined) continue;
    try {
      const source = await store.readSecret(ref.name);
      if (source !== undefined && isOwnedBy(source, owner)) {
        await store.deleteSecret({ name: ref.name, uid: source.metadata?.uid ?? "" });
      }
    } catch {
      // Not a failure of the delete: the FlyteSecret is gone, and the garbage collector removes the Secret it owned.
      leftToGarbageCollector.push(ref.name);
    }
  }
  return { kind: "deleted", names, leftToGarbageCollector };
}
