// What the secret operations need from the API server: FlyteSecrets and Secrets in one control namespace. Answers an
// operation acts on (already exists, not found, changed meanwhile) come back as values; any other failure is thrown,
// by the client-node implementation (src/kube/secret-store.ts) as a StoreError that keeps the client's error as cause.
import type { FlyteSecretObject } from "../domain/api.ts";

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

/** The parts of a Secret the operations look at or write. */
export interface SourceSecret {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly uid?: string;
    readonly resourceVersion?: string;
    readonly ownerReferences?: readonly OwnerReference[];
    readonly [field: string]: unknown;
  };
  readonly type?: string;
  readonly data?: Readonly<Record<string, string>>;
}

/** An object by name and uid: deletes and ownership checks name exactly this one. */
export interface Owner {
  readonly name: string;
  readonly uid: string;
}

/** One page of FlyteSecrets, as the API server pages a list (`limit`, `continue`). */
export interface FlyteSecretPage {
  readonly items: readonly FlyteSecretObject[];
  /** Present when more items follow: pass it back to get the next page. */
  readonly continueToken?: string;
}

export interface SecretStore {
  /** The control namespace every call acts in. */
  readonly namespace: string;
  /** Every FlyteSecret of the namespace (all pages). */
  listFlyteSecrets(): Promise<FlyteSecretObject[]>;
  /** One page of at most `limit` FlyteSecrets, from `continueToken` on. */
  listFlyteSecretPage(page: {
    readonly limit: number;
    readonly continueToken?: string;
  }): Promise<FlyteSecretPage>;
  createFlyteSecret(
    body: object,
  ): Promise<{ readonly kind: "created"; readonly object: FlyteSecretObject } | { readonly kind: "exists" }>;
  /** Deletes the FlyteSecret if it is still the one with this uid. */
  deleteFlyteSecret(owner: Owner): Promise<"deleted" | "gone" | "replaced">;
  readSecret(name: string): Promise<SourceSecret | undefined>;
  createSecret(body: SourceSecret): Promise<"created" | "exists">;
  /** Replaces a Secret read before (its resourceVersion guards against a concurrent change). */
  replaceSecret(body: SourceSecret): Promise<"replaced" | "conflict" | "gone">;
  /** Deletes the Secret if it is still the one with this uid. */
  deleteSecret(target: Owner): Promise<"deleted" | "gone" | "replaced">;
}

export type StoreVerb = "create" | "get" | "list" | "update" | "delete";

/** The API call that failed. */
export interface StoreCall {
  readonly verb: StoreVerb;
  /** Plural resource name: `flytesecrets` or `secrets`. */
  readonly resource: string;
  readonly namespace: string;
  readonly name?: string;
  /** The API server's URL. */
  readonly server: string;
}

/**
 * An API call that failed in a way no operation expects (forbidden, unreachable, invalid, ...). The message names
 * the call and the HTTP status, never a response body (which could echo what was sent); `cause` is the client's error.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
  readonly call: StoreCall;
  /** The HTTP status, when the API server answered. */
  readonly status: number | undefined;

  constructor(call: StoreCall, status: number | undefined, options: { readonly cause: unknown }) {
    const target = call.name === undefined ? call.resource : `${call.resource}/${call.name}`;
    super(
      `${call.verb} ${target} in namespace ${call.namespace} at ${call.server} failed` +
        (status === undefined ? "" : ` with HTTP ${status}`),
      options,
    );
    this.call = call;
    this.status = status;
  }
}
