// Reading the untrusted pod of an AdmissionReview: every value read is checked, and reported by its path when it has
// the wrong shape (400). What the pod asks for is read from its annotations in the forms it opted in to.
import { annotations } from "../api.ts";
import { shown } from "../flyte-encoding.ts";
import { pointer } from "../json-patch.ts";
import { isManagedSecretName } from "../names.ts";
import {
  combineRequests,
  type FlyteForm,
  parseFlyteRequests,
  parseNativeRequests,
  type SecretRequest,
} from "../secret-request.ts";
import { isMapping, type Mapping, typeName } from "../shapes.ts";
import { malformed } from "./refusal.ts";

export { isMapping, type Mapping } from "../shapes.ts";

/** At most this many distinct keys per pod, both annotation forms together. */
export const MAX_SECRETS_PER_POD = 100;

/** An own member; `constructor` or `__proto__` in a pod are ordinary names, never inherited values. */
export function member(object: Mapping, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

export const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

function optionalMapping(value: unknown, where: string): Mapping | undefined {
  if (absent(value)) return undefined;
  if (!isMapping(value)) malformed(`${where} must be a mapping but is ${typeName(value)}`);
  return value;
}

function optionalList(value: unknown, where: string): readonly unknown[] | undefined {
  if (absent(value)) return undefined;
  if (!Array.isArray(value)) malformed(`${where} must be a list but is ${typeName(value)}`);
  return value;
}

function requiredString(object: Mapping, field: string, where: string): string {
  const value = member(object, field);
  if (typeof value !== "string") malformed(`${where}.${field} must be a string but is ${typeName(value)}`);
  return value;
}

function stringMap(value: unknown, where: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  const object = optionalMapping(value, where);
  for (const [name, entry] of Object.entries(object ?? {})) {
    if (typeof entry !== "string") {
      malformed(`${where}[${shown(name)}] must be a string but is ${typeName(entry)}`);
    }
    map.set(name, entry);
  }
  return map;
}

/** A pod label read leniently, for deciding whether the pod opted in at all: never refuses. */
export function podLabel(pod: Mapping, name: string): unknown {
  const metadata = member(pod, "metadata");
  const podLabels = isMapping(metadata) ? member(metadata, "labels") : undefined;
  return isMapping(podLabels) ? member(podLabels, name) : undefined;
}

/** The pod's own `metadata.namespace` read leniently, for messages. */
export function podNamespace(pod: Mapping): string | undefined {
  const metadata = member(pod, "metadata");
  const name = isMapping(metadata) ? member(metadata, "namespace") : undefined;
  return typeof name === "string" && name !== "" ? name : undefined;
}

export interface Metadata {
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
}

export function readMetadata(pod: Mapping): Metadata {
  const metadata = optionalMapping(member(pod, "metadata"), "metadata") ?? {};
  return {
    labels: stringMap(member(metadata, "labels"), "metadata.labels"),
    annotations: stringMap(member(metadata, "annotations"), "metadata.annotations"),
  };
}

export interface Named {
  readonly index: number;
  readonly name: string;
  readonly raw: Mapping;
}

export interface Mount extends Named {
  readonly mountPath: string;
}

export interface Container {
  /** Its pointer, `/spec/containers/0`. */
  readonly at: string;
  /** How messages name it: `container "main"`, `init container "setup"`. */
  readonly description: string;
  readonly env?: readonly Named[];
  readonly mounts?: readonly Mount[];
}

export interface Spec {
  readonly containers: readonly Container[];
  readonly volumes?: readonly Named[];
  /** The names in `spec.imagePullSecrets`; undefined when the list is absent. */
  readonly pullSecrets?: readonly (string | undefined)[];
}

function namedList(value: unknown, where: string): Named[] | undefined {
  return optionalList(value, where)?.map((entry, index) => {
    const at = `${where}[${index}]`;
    if (!isMapping(entry)) malformed(`${at} must be a mapping but is ${typeName(entry)}`);
    return { index, name: requiredString(entry, "name", at), raw: entry };
  });
}

function readContainers(spec: Mapping, field: "containers" | "initContainers"): Container[] {
  const where = `spec.${field}`;
  const list = optionalList(member(spec, field), where);
  if (list === undefined && field === "containers")
    malformed("spec.containers must be a list but is missing");
  return (list ?? []).map((entry, index) => {
    const at = `${where}[${index}]`;
    if (!isMapping(entry)) malformed(`${at} must be a mapping but is ${typeName(entry)}`);
    const name = requiredString(entry, "name", at);
    const mounts = namedList(member(entry, "volumeMounts"), `${at}.volumeMounts`)?.map((mount) => ({
      ...mount,
      mountPath: requiredString(mount.raw, "mountPath", `${at}.volumeMounts[${mount.index}]`),
    }));
    const env = namedList(member(entry, "env"), `${at}.env`);
    return {
      at: pointer("spec", field, index),
      description: `${field === "containers" ? "container" : "init container"} ${shown(name)}`,
      ...(env !== undefined ? { env } : {}),
      ...(mounts !== undefined ? { mounts } : {}),
    };
  });
}

export function readSpec(pod: Mapping): Spec {
  const spec = member(pod, "spec");
  if (!isMapping(spec)) malformed(`spec must be a mapping but is ${typeName(spec)}`);
  const volumes = namedList(member(spec, "volumes"), "spec.volumes");
  const pullSecrets = optionalList(member(spec, "imagePullSecrets"), "spec.imagePullSecrets")?.map(
    (entry, index) => {
      const at = `spec.imagePullSecrets[${index}]`;
      if (!isMapping(entry)) malformed(`${at} must be a mapping but is ${typeName(entry)}`);
      const name = member(entry, "name");
      if (absent(name)) return undefined;
      if (typeof name !== "string") malformed(`${at}.name must be a string but is ${typeName(name)}`);
      return name;
    },
  );
  return {
    containers: [...readContainers(spec, "containers"), ...readContainers(spec, "initContainers")],
    ...(volumes !== undefined ? { volumes } : {}),
    ...(pullSecrets !== undefined ? { pullSecrets } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the pod asks for

/** How the Flyte form of a pod is chosen: `auto` by its labels (`flyteFormOf`), or one form for every pod. */
export type FlyteFormSetting = "auto" | FlyteForm;

/** The label Flyte 2's executor puts on every task pod (beside project and domain); Flyte 1's pods lack it. */
export const FLYTE2_POD_LABEL = "organization";

/**
 * Which Flyte made a pod with `inject-flyte-secrets`: with the setting `auto`, a pod carrying a non-empty
 * `organization` label is Flyte 2's (its executor labels every task pod so, and refuses to inject without it),
 * any other is Flyte 1's. An installation serving only one Flyte may fix the form instead.
 */
export function flyteFormOf(podLabels: ReadonlyMap<string, string>, setting: FlyteFormSetting): FlyteForm {
  if (setting !== "auto") return setting;
  return (podLabels.get(FLYTE2_POD_LABEL) ?? "") !== "" ? "flyte2" : "flyte1";
}

export interface Requests {
  readonly requests: readonly SecretRequest[];
  /** The form of the pod's Flyte requests when it has any; those pods also get FLYTE_SECRETS_*. */
  readonly flyteForm?: FlyteForm;
}

/** The requests of the forms the pod opted in to; `flyte` is the form of its Flyte annotations, if it opted in. */
export function readRequests(metadata: Metadata, native: boolean, flyte: FlyteForm | undefined): Requests {
  const all: SecretRequest[] = [];
  let flyteForm: FlyteForm | undefined;
  const nativeValue = metadata.annotations.get(annotations.secrets);
  if (native && nativeValue !== undefined) {
    const parsed = parseNativeRequests(nativeValue);
    if (!parsed.ok) malformed(parsed.message);
    all.push(...parsed.requests);
  }
  if (flyte !== undefined) {
    const parsed = parseFlyteRequests(Object.fromEntries(metadata.annotations), flyte);
    if (!parsed.ok) malformed(parsed.message);
    all.push(...parsed.requests);
    if (parsed.requests.length > 0) flyteForm = flyte;
  }
  const combined = combineRequests(all);
  if (!combined.ok) malformed(combined.message);
  if (combined.requests.length > MAX_SECRETS_PER_POD) {
    malformed(
      `the pod asks for ${combined.requests.length} secrets, more than the limit of ${MAX_SECRETS_PER_POD} per pod; ` +
        "ask for fewer secrets",
    );
  }
  return { requests: combined.requests, ...(flyteForm !== undefined ? { flyteForm } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// References to managed Secrets the pod makes itself

/** One place where the pod names a managed Secret. */
export interface ManagedReference {
  readonly secret: string;
  /** How messages name it: `container "main" env DB_PASSWORD (valueFrom.secretKeyRef)`, `volume "v" (secret)`. */
  readonly where: string;
  /** Set for an env var of a container or init container, which flyte-secrets replaces when it injects that name. */
  readonly env?: string;
  /** Set for a volume, which flyte-secrets replaces when it is one of its own. */
  readonly volume?: string;
}

const CONTAINER_LISTS = [
  ["containers", "container"],
  ["initContainers", "init container"],
  ["ephemeralContainers", "ephemeral container"],
] as const;

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const mapping = (value: unknown): Mapping => (isMapping(value) ? value : {});
const managedName = (value: unknown): value is string =>
  typeof value === "string" && isManagedSecretName(value);
const nameOf = (value: Mapping): string => {
  const name = member(value, "name");
  return typeof name === "string" ? shown(name) : "(unnamed)";
};

/**
 * Every place the pod names a managed Secret (contract 3) itself: env `valueFrom.secretKeyRef`, `envFrom.secretRef`
 * in any container, init container or ephemeral container, `secret` volumes and the `secret` sources of projected
 * volumes. Read leniently, in document order: it never refuses a malformed pod, which other checks do.
 */
export function managedReferences(pod: Mapping): ManagedReference[] {
  const spec = mapping(member(pod, "spec"));
  const found: ManagedReference[] = [];
  for (const [field, kind] of CONTAINER_LISTS) {
    for (const item of list(member(spec, field))) {
      const container = mapping(item);
      const who = `${kind} ${nameOf(container)}`;
      for (const envItem of list(member(container, "env"))) {
        const env = mapping(envItem);
        const ref = mapping(member(mapping(member(env, "valueFrom")), "secretKeyRef"));
        const secret = member(ref, "name");
        if (!managedName(secret)) continue;
        const name = member(env, "name");
        found.push({
          secret,
          where: `${who} env ${typeof name === "string" ? shown(name) : "(unnamed)"} (valueFrom.secretKeyRef)`,
          ...(field !== "ephemeralContainers" && typeof name === "string" ? { env: name } : {}),
        });
      }
      for (const fromItem of list(member(container, "envFrom"))) {
        const secret = member(mapping(member(mapping(fromItem), "secretRef")), "name");
        if (managedName(secret)) found.push({ secret, where: `${who} envFrom (secretRef)` });
      }
    }
  }
  for (const item of list(member(spec, "volumes"))) {
    const volume = mapping(item);
    const name = member(volume, "name");
    const own = typeof name === "string" ? { volume: name } : {};
    const secret = member(mapping(member(volume, "secret")), "secretName");
    if (managedName(secret)) found.push({ secret, where: `volume ${nameOf(volume)} (secret)`, ...own });
    for (const source of list(member(mapping(member(volume, "projected")), "sources"))) {
      const projected = member(mapping(member(mapping(source), "secret")), "name");
      if (managedName(projected)) {
        found.push({
          secret: projected,
          where: `volume ${nameOf(volume)} (projected secret source)`,
          ...own,
        });
      }
    }
  }
  return found;
}

const MAX_REFERENCES_SHOWN = 3;

/** The refusal of a pod that names managed Secrets itself. */
export function foreignReferencesMessage(references: readonly ManagedReference[]): string {
  const shownRefs = references
    .slice(0, MAX_REFERENCES_SHOWN)
    .map(({ secret, where }) => `${where} names ${secret}`)
    .join("; ");
  const more =
    references.length > MAX_REFERENCES_SHOWN ? ` and ${references.length - MAX_REFERENCES_SHOWN} more` : "";
  return (
    `the pod names managed Secrets itself: ${shownRefs}${more}. A pod that opts in to flyte-secrets gets managed ` +
    "Secrets only from the webhook, which checks the pod's project, domain and namespace. Fix: remove those " +
    "references and ask for the keys in the pod's secret requests (the secrets.flyte.org/secrets annotation, or " +
    "the task's secrets in Flyte)"
  );
}
