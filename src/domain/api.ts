// The names of DESIGN §2 and the shape of the FlyteSecret resource (DESIGN §3), shared by every part of the program.

export const GROUP = "secrets.flyte.org";
export const VERSION = "v1alpha1";
export const API_VERSION = `${GROUP}/${VERSION}`;
export const KIND = "FlyteSecret";
export const PLURAL = "flytesecrets";
export const PREFIX = `${GROUP}/`;

export const labels = {
  /** Namespace label binding it to one project. */
  project: `${PREFIX}project`,
  /** Namespace label binding it to one domain. */
  domain: `${PREFIX}domain`,
  /** Namespace label `"true"`: pods of any project and domain run here. */
  shared: `${PREFIX}shared`,
  /** Pod label opting in to native-form injection. */
  inject: `${PREFIX}inject`,
  /** Flyte propeller's pod label for its own annotation form. */
  flyteInject: "inject-flyte-secrets",
  managedBy: "app.kubernetes.io/managed-by",
  /** On managed Secrets: which scope they hold (`organization`, `project`, `domain`, `project-domain`). */
  scopeKind: `${PREFIX}scope`,
  scopeProject: `${PREFIX}scope-project`,
  scopeDomain: `${PREFIX}scope-domain`,
  /** On managed Secrets: which installation (controller) owns them; see `installation` in the config. */
  installation: `${PREFIX}installation`,
} as const;

export const MANAGED_BY = "flyte-secrets";

export const annotations = {
  /** Native pod annotation: the list of requested secrets. */
  secrets: `${PREFIX}secrets`,
  /** Written by the webhook: what it injected, names only. */
  injected: `${PREFIX}injected`,
  /** On managed Secrets: a version of the content that reveals nothing about the values. */
  contentVersion: `${PREFIX}content-version`,
  /** Flyte propeller's per-secret annotations are `flyte.secrets/s0`, `s1`, ... */
  flytePrefix: "flyte.secrets/s",
} as const;

export type SecretType = "Generic" | "ImagePull";

export interface SecretKeyReference {
  readonly name: string;
  readonly key: string;
}

export interface FlyteSecretSpec {
  readonly key: string;
  readonly project?: string;
  readonly domain?: string;
  readonly type?: SecretType;
  readonly valueFrom: { readonly secretKeyRef: SecretKeyReference };
  readonly description?: string;
}

export type ReadyReason =
  | "Materialized"
  | "Materializing"
  | "NoNamespaces"
  | "Blocked"
  | "Pending"
  | "SourceNotFound"
  | "SourceKeyNotFound"
  | "Conflict"
  | "TooLarge"
  | "InvalidSpec"
  | "NotInControlNamespace";

export interface Condition {
  readonly type: string;
  readonly status: "True" | "False" | "Unknown";
  readonly reason: string;
  readonly message: string;
  readonly lastTransitionTime: string;
  readonly observedGeneration?: number;
}

/** Why a namespace's copy of a managed Secret is not pointed at (status.blocked). */
export type BlockedReason = "NotManaged" | "OtherInstallation" | "Modified";

export interface BlockedEntry {
  readonly namespace: string;
  readonly secret: string;
  readonly reason: BlockedReason;
}

/** status.blocked holds at most this many entries. */
export const MAX_BLOCKED_ENTRIES = 50;

export interface FlyteSecretStatus {
  readonly observedGeneration?: number;
  /** Namespaces holding the key now. */
  readonly namespaces?: number;
  /** Namespaces that should hold it. */
  readonly expectedNamespaces?: number;
  readonly blocked?: readonly BlockedEntry[];
  /**
   * The managed Secret holding the key in every namespace that sees it (its scope's `flyte-secrets...`, a `.s.<n>`
   * one when the scope's keys are spread over several, or its own ImagePull Secret). Written by the controller with
   * the Ready condition; pods are pointed at it.
   */
  readonly secretName?: string;
  readonly conditions?: readonly Condition[];
}

export interface FlyteSecretObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly uid?: string;
    readonly generation?: number;
    readonly resourceVersion?: string;
    readonly creationTimestamp?: string | Date;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly deletionTimestamp?: string | Date;
  };
  readonly spec: FlyteSecretSpec;
  readonly status?: FlyteSecretStatus;
}

/**
 * A FlyteSecret as it may come from the wire (informers, lists): any field may be missing. The catalog, the webhook's
 * servable entries and the CLI read this; `FlyteSecretObject` is the same resource as the API server returns it.
 */
export interface FlyteSecretLike {
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly uid?: string;
    readonly generation?: number;
    readonly creationTimestamp?: string | Date;
    readonly deletionTimestamp?: string | Date;
  };
  readonly spec?: Partial<FlyteSecretSpec>;
  /** `blocked` (contract 1) and `secretName` are read leniently by the catalog's `entryOf`. */
  readonly status?: ReadyStatusLike & { readonly blocked?: unknown; readonly secretName?: unknown };
}

/** The status fields servability is decided from (DESIGN §3, contract 1 of COORDINATION). */
export interface ReadyStatusLike {
  readonly conditions?: readonly {
    readonly type: string;
    readonly status: string;
    readonly reason?: string;
  }[];
}
