// The catalog of FlyteSecrets and the one resolution function (DESIGN §3–4): which FlyteSecret wins a (key, scope)
// when several claim it, whether each one is Ready, and which scope serves a task of (project, domain) asking for a
// key. The controller and the webhook both decide through this module.
import type { FlyteSecretLike, ReadyReason, ReadyStatusLike, SecretType } from "./api.ts";
import { dockerConfigProblem } from "./docker-config.ts";
import { type KeyToPlace, placeKeys } from "./key-placement.ts";
import { managedSecretNameOf, mayHold } from "./names.ts";
import { describeScope, resolutionOrder, type Scope, sameScope, scopeOf } from "./scope.ts";
import { SECRET_KEY_MAX_LENGTH, secretKeyProblem } from "./secret-key.ts";

export interface CatalogEntry {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly generation: number;
  /** ISO 8601; conflicts go to the oldest. */
  readonly createdAt: string;
  readonly key: string;
  readonly scope: Scope;
  readonly type: SecretType;
  readonly source: { readonly name: string; readonly key: string };
  /**
   * Namespaces where the managed Secret serving this entry is not the controller's own (`status.blocked`, written by
   * the controller): the webhook points no pod there at it. Absent when there are none.
   */
  readonly blocked?: readonly BlockedCopy[];
  /**
   * The managed Secret the controller placed the key in (`status.secretName`); for a servable entry whose status
   * names none (written before keys were spread over several Secrets), its scope's first Secret. Absent otherwise.
   */
  readonly secretName?: string;
}

/** Why a namespace's copy is not the controller's: contract 1 of the status; other values are read as they come. */
export type BlockedReason = "NotManaged" | "OtherInstallation" | "Modified";

/** One `status.blocked` entry: in `namespace`, the managed `secret` is not the controller's own. */
export interface BlockedCopy {
  readonly namespace: string;
  readonly secret: string;
  readonly reason: BlockedReason | (string & {});
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** `status.blocked` read leniently (it comes from the wire): entries without a namespace are dropped. */
function blockedOf(value: unknown): BlockedCopy[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): BlockedCopy[] => {
    if (typeof item !== "object" || item === null) return [];
    const { namespace, secret, reason } = item as Record<string, unknown>;
    return text(namespace) === ""
      ? []
      : [{ namespace: text(namespace), secret: text(secret), reason: text(reason) }];
  });
}

export function entryOf(object: FlyteSecretLike): CatalogEntry {
  const created = object.metadata?.creationTimestamp;
  const blocked = blockedOf(object.status?.blocked);
  const recorded = text(object.status?.secretName);
  const entry: CatalogEntry = {
    name: object.metadata?.name ?? "",
    namespace: object.metadata?.namespace ?? "",
    uid: object.metadata?.uid ?? "",
    generation: object.metadata?.generation ?? 0,
    createdAt: created instanceof Date ? created.toISOString() : (created ?? ""),
    key: object.spec?.key ?? "",
    scope: scopeOf(object.spec?.project, object.spec?.domain),
    type: object.spec?.type ?? "Generic",
    source: {
      name: object.spec?.valueFrom?.secretKeyRef?.name ?? "",
      key: object.spec?.valueFrom?.secretKeyRef?.key ?? "",
    },
    ...(blocked.length > 0 ? { blocked } : {}),
  };
  if (recorded !== "") return { ...entry, secretName: recorded };
  return isServable(object.status) ? { ...entry, secretName: managedSecretNameOf(entry) } : entry;
}

/**
 * The managed Secret pods are pointed at for a servable entry: the one its status names, when that is a Secret
 * which may hold its key (`mayHold`); undefined for any other name, which the webhook refuses to point a pod at.
 */
export function servingSecretName(entry: CatalogEntry): string | undefined {
  const name = entry.secretName ?? managedSecretNameOf(entry);
  return mayHold(entry, name) ? name : undefined;
}

/** Servable: Ready=True, whatever its reason (Materialized, Materializing, NoNamespaces, Blocked). */
export function isServable(status: ReadyStatusLike | undefined): boolean {
  return status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;
}

/**
 * The entries pods may resolve to: FlyteSecrets in a control namespace, not being deleted, servable. The webhook
 * builds its resolution catalog from these; so does the CLI's effective view.
 */
export function servableEntries(
  objects: readonly FlyteSecretLike[],
  controlNamespaces: readonly string[],
): CatalogEntry[] {
  return objects
    .filter(
      (o) =>
        controlNamespaces.includes(o.metadata?.namespace ?? "") &&
        !o.metadata?.deletionTimestamp &&
        isServable(o.status),
    )
    .map(entryOf);
}

export function entryId(entry: CatalogEntry): string {
  return `${entry.namespace}/${entry.name}`;
}

// Date.parse is costly and a sort calls it twice per comparison: remember each timestamp's value (timestamps repeat
// little and are small; the memo is cleared when it grows past a bound).
const parsedTimes = new Map<string, number>();
function timeOf(iso: string): number {
  let t = parsedTimes.get(iso);
  if (t === undefined) {
    if (parsedTimes.size > 100_000) parsedTimes.clear();
    t = Date.parse(iso);
    parsedTimes.set(iso, t);
  }
  return t;
}

/** Older first; ties broken by namespace/name so the order is total and deterministic. */
export function compareAge(a: CatalogEntry, b: CatalogEntry): number {
  const byTime = timeOf(a.createdAt) - timeOf(b.createdAt);
  if (Number.isFinite(byTime) && byTime !== 0) return byTime;
  return entryId(a) < entryId(b) ? -1 : entryId(a) > entryId(b) ? 1 : 0;
}

function slotKey(key: string, scope: Scope): string {
  return `${key}\u0000${scope.project ?? "\u0001"}\u0000${scope.domain ?? "\u0001"}`;
}

export interface Slots {
  /** The winning entry of every (key, scope) slot. */
  readonly winners: ReadonlyMap<string, CatalogEntry>;
  /** Losing entries, by entry id, with the winner they lost to. */
  readonly losers: ReadonlyMap<string, CatalogEntry>;
}

/** Two FlyteSecrets with the same key and scope: the older (creationTimestamp, then name) wins. */
export function slotsOf(entries: readonly CatalogEntry[]): Slots {
  const winners = new Map<string, CatalogEntry>();
  const losers = new Map<string, CatalogEntry>();
  for (const entry of [...entries].sort(compareAge)) {
    const slot = slotKey(entry.key, entry.scope);
    const winner = winners.get(slot);
    if (winner === undefined) winners.set(slot, entry);
    else losers.set(entryId(entry), winner);
  }
  return { winners, losers };
}

export interface Resolved {
  readonly scope: Scope;
  readonly entry: CatalogEntry;
}

/**
 * Resolution (DESIGN §4): for a task of (project, domain) asking for `key`, the first scope in the order
 * project+domain, project, domain, organization that holds a Ready FlyteSecret for the key wins.
 * `ready` holds only entries that are Ready and won their slot.
 */
export function resolve(
  ready: ReadyCatalog,
  key: string,
  project: string | undefined,
  domain: string | undefined,
): Resolved | undefined {
  for (const scope of resolutionOrder(project, domain)) {
    const entry = ready.bySlot.get(slotKey(key, scope));
    if (entry !== undefined) return { scope, entry };
  }
  return undefined;
}

/** A FlyteSecret pods cannot resolve to yet, and why, so a refusal can name its real status and fix. */
export interface UnservableEntry {
  readonly entry: CatalogEntry;
  /** The Ready condition's reason (SourceNotFound, TooLarge, Conflict, ...), or `Pending` before the first status. */
  readonly reason: string;
}

export interface ReadyCatalog {
  readonly bySlot: ReadonlyMap<string, CatalogEntry>;
  readonly entries: readonly CatalogEntry[];
  /** FlyteSecrets of the control namespaces that are not servable, by key (absent: none known). */
  readonly unservable?: ReadonlyMap<string, readonly UnservableEntry[]>;
}

/** Indexes Ready entries for resolution; of two Ready entries in one slot the older wins, as in `slotsOf`. */
export function readyCatalog(
  readyEntries: readonly CatalogEntry[],
  unservable: readonly UnservableEntry[] = [],
): ReadyCatalog {
  const { winners } = slotsOf(readyEntries);
  const byKey = new Map<string, UnservableEntry[]>();
  for (const u of [...unservable].sort((a, b) => compareAge(a.entry, b.entry))) {
    byKey.set(u.entry.key, [...(byKey.get(u.entry.key) ?? []), u]);
  }
  return { bySlot: winners, entries: [...winners.values()], unservable: byKey };
}

/**
 * The webhook's catalog from the FlyteSecrets it caches: the servable entries of the control namespaces for
 * resolution, and the others with their Ready reason for refusals (`servableEntries` decides which is which).
 */
export function catalogOf(
  objects: readonly FlyteSecretLike[],
  controlNamespaces: readonly string[],
): ReadyCatalog {
  const servable = new Set(servableEntries(objects, controlNamespaces).map(entryId));
  const ready: CatalogEntry[] = [];
  const unservable: UnservableEntry[] = [];
  for (const object of objects) {
    if (!controlNamespaces.includes(object.metadata?.namespace ?? "") || object.metadata?.deletionTimestamp)
      continue;
    const entry = entryOf(object);
    if (servable.has(entryId(entry))) ready.push(entry);
    else {
      const condition = object.status?.conditions?.find((c) => c.type === "Ready");
      unservable.push({ entry, reason: condition?.reason || "Pending" });
    }
  }
  return readyCatalog(ready, unservable);
}

/**
 * The FlyteSecret of `key` a task of (project, domain) would get if it were servable: among the unservable ones in
 * scopes the task can see, the most specific scope first (resolution order), then the oldest.
 */
export function unservableFor(
  catalog: ReadyCatalog,
  key: string,
  project: string,
  domain: string,
): UnservableEntry | undefined {
  const candidates = catalog.unservable?.get(key) ?? [];
  for (const scope of resolutionOrder(project, domain)) {
    const found = candidates.find((u) => sameScope(u.entry.scope, scope));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every scope that holds `key` in the catalog, in catalog order (callers sort); for messages listing what exists. */
export function scopesHolding(ready: ReadyCatalog, key: string): Scope[] {
  return ready.entries.filter((e) => e.key === key).map((e) => e.scope);
}

/** A source Secret as the controller sees it: which keys it has and their decoded sizes, never the values. */
export interface SourceFacts {
  readonly name: string;
  readonly uid: string;
  readonly resourceVersion: string;
  /** Decoded byte length of each data key. */
  readonly sizes: Readonly<Record<string, number>>;
  /** Keys whose value is a usable Docker config JSON (`{"auths": {"registry": {...}}}`), for ImagePull FlyteSecrets. */
  readonly dockerConfigKeys?: readonly string[];
}

/** A source Secret's facts from its metadata and base64 `data`; the values are only measured and shape-checked. */
export function sourceFactsOf(
  name: string,
  metadata: { readonly uid?: string; readonly resourceVersion?: string },
  data: Readonly<Record<string, string>>,
): SourceFacts {
  return {
    name,
    uid: metadata.uid ?? "",
    resourceVersion: metadata.resourceVersion ?? "",
    sizes: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.byteLength(v, "base64")])),
    dockerConfigKeys: Object.entries(data)
      .filter(([, v]) => isDockerConfig(v))
      .map(([k]) => k),
  };
}

/** A usable Docker config JSON, by the same rule the CLI and the Flyte API check before writing. */
function isDockerConfig(base64: string): boolean {
  // Most values are not JSON objects: look at the first decoded characters before decoding and parsing it all.
  const head = Buffer.from(base64.slice(0, 8), "base64").toString("utf8").trimStart();
  if (head !== "" && !head.startsWith("{")) return false;
  return dockerConfigProblem(Buffer.from(base64, "base64")) === undefined;
}

export type Assessment =
  | {
      readonly ready: true;
      readonly reason: "Materialized";
      readonly message: string;
      /** The managed Secret that holds the key (`placeKeys`). */
      readonly secretName: string;
    }
  | {
      readonly ready: false;
      readonly reason: Exclude<ReadyReason, "Materialized">;
      readonly message: string;
    };

export interface AssessOptions {
  /** Namespaces whose FlyteSecrets the operator acts on. */
  readonly controlNamespaces: readonly string[];
  /** Largest value one FlyteSecret may hold, in bytes. */
  readonly maxValueBytes: number;
  /** Most bytes (keys and values) in one managed Secret of a scope (a Secret is limited to 1 MiB in all). */
  readonly maxScopeBytes: number;
  /** Most Generic keys in one managed Secret of a scope; more are placed in the scope's next Secret. */
  readonly maxKeysPerSecret: number;
}

export { defaultLimits } from "./defaults.ts";

function invalidSpec(entry: CatalogEntry): string | undefined {
  if (secretKeyProblem(entry.key) !== undefined) {
    return `spec.key ${JSON.stringify(entry.key.slice(0, 80))} must match [-._a-zA-Z0-9]+ (at most ${SECRET_KEY_MAX_LENGTH} characters, not "." and not starting with "..")`;
  }
  if (entry.source.name === "" || entry.source.key === "") {
    return "spec.valueFrom.secretKeyRef needs both name and key";
  }
  if (entry.type !== "Generic" && entry.type !== "ImagePull") {
    return `spec.type ${JSON.stringify(String(entry.type))} must be Generic or ImagePull`;
  }
  return undefined;
}

/**
 * Decides every FlyteSecret's Ready condition from the catalog and its sources, in a fixed order: control
 * namespace, spec, conflict, source, source key, size; then each Generic key is placed in one of its scope's
 * Secrets (`placeKeys`), oldest first, so adding a new FlyteSecret never evicts an older one.
 */
export function assess(
  entries: readonly CatalogEntry[],
  sources: (namespace: string, name: string) => SourceFacts | undefined,
  options: AssessOptions,
): Map<string, Assessment> {
  const result = new Map<string, Assessment>();
  const inControl = entries.filter((e) => options.controlNamespaces.includes(e.namespace));
  for (const entry of entries) {
    if (!options.controlNamespaces.includes(entry.namespace)) {
      result.set(entryId(entry), {
        ready: false,
        reason: "NotInControlNamespace",
        message: `FlyteSecrets are only acted on in the control namespace (${options.controlNamespaces.join(", ")}); recreate this one there`,
      });
    }
  }
  const valid = inControl.filter((entry) => {
    const problem = invalidSpec(entry);
    if (problem !== undefined)
      result.set(entryId(entry), { ready: false, reason: "InvalidSpec", message: problem });
    return problem === undefined;
  });
  const { losers } = slotsOf(valid);
  const generic: KeyToPlace[] = [];
  for (const entry of [...valid].sort(compareAge)) {
    const id = entryId(entry);
    const winner = losers.get(id);
    if (winner !== undefined) {
      result.set(id, {
        ready: false,
        reason: "Conflict",
        message: `FlyteSecret ${entryId(winner)} already provides key ${entry.key} in scope ${describeScope(entry.scope)} and is older; delete one of them`,
      });
      continue;
    }
    const source = sources(entry.namespace, entry.source.name);
    if (source === undefined) {
      result.set(id, {
        ready: false,
        reason: "SourceNotFound",
        message: `Secret ${entry.namespace}/${entry.source.name} named in spec.valueFrom.secretKeyRef does not exist; create it (flyte create secret does) or fix the reference`,
      });
      continue;
    }
    const size = source.sizes[entry.source.key];
    if (size === undefined) {
      result.set(id, {
        ready: false,
        reason: "SourceKeyNotFound",
        message: `Secret ${entry.namespace}/${entry.source.name} has no key ${entry.source.key}; add it or fix spec.valueFrom.secretKeyRef.key`,
      });
      continue;
    }
    if (entry.type === "ImagePull" && !(source.dockerConfigKeys ?? []).includes(entry.source.key)) {
      result.set(id, {
        ready: false,
        reason: "InvalidSpec",
        message: `ImagePull FlyteSecret needs a Docker config JSON ({"auths": {...}}) in Secret ${entry.namespace}/${entry.source.name} key ${entry.source.key}`,
      });
      continue;
    }
    if (size > options.maxValueBytes) {
      result.set(id, {
        ready: false,
        reason: "TooLarge",
        message: `the value is ${size} bytes; the limit is ${options.maxValueBytes} bytes`,
      });
      continue;
    }
    if (entry.type === "Generic") generic.push({ entry, bytes: Buffer.byteLength(entry.key) + size });
    else
      result.set(id, {
        ready: true,
        reason: "Materialized",
        message: "",
        secretName: managedSecretNameOf(entry),
      });
  }
  for (const [entry, placement] of placeKeys(generic, options))
    result.set(
      entryId(entry),
      placement.placed
        ? { ready: true, reason: "Materialized", message: "", secretName: placement.secretName }
        : { ready: false, reason: "TooLarge", message: placement.message },
    );
  return result;
}
