// The webhook's decision (DESIGN §5.3), pure: from a pod as an AdmissionReview carries it, the facts of its namespace
// and the Ready catalog, either refuse the pod with a message a user can act on, or allow it with the RFC 6902 patch
// that injects what it asks for. Admitting the patched pod again yields an empty patch (reinvocationPolicy IfNeeded).
import { annotations, labels } from "./api.ts";
import { bindingOf, type NamespaceFacts, podIdentity } from "./binding.ts";
import { type ReadyCatalog, resolve, scopesHolding, unservableFor } from "./catalog.ts";
import { defaultPodLabels } from "./defaults.ts";
import { shown } from "./flyte-encoding.ts";
import { type JsonPatchOperation, pointer } from "./json-patch.ts";
import { MANAGED_SECRET_PREFIX, managedSecretNameOf } from "./names.ts";
import { describeScope, type Scope } from "./scope.ts";
import {
  combineRequests,
  FLYTE_ENV_PREFIX,
  FLYTE_SECRETS_DIR,
  parseFlyteRequests,
  parseNativeRequests,
  type SecretRequest,
} from "./secret-request.ts";
import { isMapping, type Mapping, typeName } from "./shapes.ts";

export type { NamespaceFacts } from "./binding.ts";
export type { JsonPatchOperation } from "./json-patch.ts";

export interface AdmitConfig {
  /** The pod label keys holding a task's project and domain; Flyte's own are `project` and `domain`. */
  readonly podLabels: { readonly project: string; readonly domain: string };
  /** Optional binding of namespaces by name (`compileNameTemplate`); labels win over it. */
  readonly matchName?: (namespace: string) => Scope | undefined;
}

export const defaultAdmitConfig: AdmitConfig = { podLabels: defaultPodLabels };

export type AdmitResult =
  | {
      readonly allowed: true;
      readonly patch: readonly JsonPatchOperation[];
      /** The keys injected, in request order: names only, for logs and metrics. */
      readonly injected: readonly string[];
      /** For the AdmissionReview's `warnings`: things the user may not expect, such as a replaced env var. */
      readonly warnings?: readonly string[];
    }
  | { readonly allowed: false; readonly code: 400 | 403; readonly message: string };

/** At most this many distinct keys per pod, both annotation forms together. */
export const MAX_SECRETS_PER_POD = 100;
/** The first projected volume of file secrets; further ones are `flyte-secrets-1`, `flyte-secrets-2`, ... */
export const SECRETS_VOLUME = "flyte-secrets";
/** Read-only for everyone: tasks often run as a non-root user that is neither the file's owner nor in its group. */
export const SECRETS_FILE_MODE = 0o444;
/** What Flyte's in-task secrets API reads to find secrets, set on pods of Flyte propeller's form. */
export const FLYTE_SECRETS_ENV: readonly { readonly name: string; readonly value: string }[] = [
  { name: "FLYTE_SECRETS_DEFAULT_DIR", value: FLYTE_SECRETS_DIR },
  { name: "FLYTE_SECRETS_FILE_PREFIX", value: "" },
  { name: "FLYTE_SECRETS_ENV_PREFIX", value: FLYTE_ENV_PREFIX },
];

/**
 * What the `secrets.flyte.org/injected` annotation holds, as compact JSON: one record per key, names only. `env`
 * lists the env vars holding the value, `files` the paths of the files, `pathEnv` the env vars holding a file's
 * path (Flyte's `env_var`); an ImagePull key has `imagePull: true` and its Secret in `imagePullSecrets`.
 */
export interface InjectedRecord {
  readonly key: string;
  /** `organization`, `project=p`, `domain=d` or `project=p,domain=d`. */
  readonly scope: string;
  /** The managed Secret the value comes from. */
  readonly secret: string;
  readonly imagePull?: true;
  readonly env?: readonly string[];
  readonly files?: readonly string[];
  readonly pathEnv?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Refusals. Thrown only inside this module and always caught by `admit`, which returns them as values.

class Refused extends Error {
  readonly code: 400 | 403;
  constructor(code: 400 | 403, message: string) {
    super(message);
    this.code = code;
  }
}

function malformed(message: string): never {
  throw new Refused(400, message);
}

function forbidden(message: string): never {
  throw new Refused(403, message);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the untrusted pod: every value read is checked, and reported by its path when it has the wrong shape.

/** An own member; `constructor` or `__proto__` in a pod are ordinary names, never inherited values. */
function member(object: Mapping, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

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

function podLabel(pod: Mapping, name: string): unknown {
  const metadata = member(pod, "metadata");
  const podLabels = isMapping(metadata) ? member(metadata, "labels") : undefined;
  return isMapping(podLabels) ? member(podLabels, name) : undefined;
}

interface Metadata {
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
}

function readMetadata(pod: Mapping): Metadata {
  const metadata = optionalMapping(member(pod, "metadata"), "metadata") ?? {};
  return {
    labels: stringMap(member(metadata, "labels"), "metadata.labels"),
    annotations: stringMap(member(metadata, "annotations"), "metadata.annotations"),
  };
}

interface Named {
  readonly index: number;
  readonly name: string;
  readonly raw: Mapping;
}

interface Mount extends Named {
  readonly mountPath: string;
}

interface Container {
  /** Its pointer, `/spec/containers/0`. */
  readonly at: string;
  /** How messages name it: `container "main"`, `init container "setup"`. */
  readonly description: string;
  readonly env?: readonly Named[];
  readonly mounts?: readonly Mount[];
}

interface Spec {
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

function readSpec(pod: Mapping): Spec {
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

interface Requests {
  readonly requests: readonly SecretRequest[];
  /** Whether any request came in Flyte propeller's form, which also gets FLYTE_SECRETS_*. */
  readonly flyteForm: boolean;
}

function readRequests(metadata: Metadata, native: boolean, flyte: boolean): Requests {
  const all: SecretRequest[] = [];
  let flyteForm = false;
  const nativeValue = metadata.annotations.get(annotations.secrets);
  if (native && nativeValue !== undefined) {
    const parsed = parseNativeRequests(nativeValue);
    if (!parsed.ok) malformed(parsed.message);
    all.push(...parsed.requests);
  }
  if (flyte) {
    const parsed = parseFlyteRequests(Object.fromEntries(metadata.annotations));
    if (!parsed.ok) malformed(parsed.message);
    all.push(...parsed.requests);
    flyteForm = parsed.requests.length > 0;
  }
  const combined = combineRequests(all);
  if (!combined.ok) malformed(combined.message);
  if (combined.requests.length > MAX_SECRETS_PER_POD) {
    malformed(
      `the pod asks for ${combined.requests.length} secrets, more than the limit of ${MAX_SECRETS_PER_POD} per pod; ` +
        "ask for fewer secrets",
    );
  }
  return { requests: combined.requests, flyteForm };
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution

interface Placed {
  readonly request: SecretRequest;
  readonly scope: Scope;
  readonly imagePull: boolean;
  /** The managed Secret: the scope's Secret for Generic keys, the key's own Secret for ImagePull. */
  readonly secret: string;
}

const MAX_SCOPES_SHOWN = 5;

function specificity(scope: Scope): number {
  return (scope.project !== undefined ? 2 : 0) + (scope.domain !== undefined ? 1 : 0);
}

function whereItExists(catalog: ReadyCatalog, key: string): string {
  const holders = scopesHolding(catalog, key)
    .map((scope) => ({ scope, text: describeScope(scope) }))
    .sort(
      (a, b) =>
        specificity(b.scope) - specificity(a.scope) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    )
    .map(({ text }) => text);
  if (holders.length === 0) return "no Ready FlyteSecret has this key";
  const listed = holders.slice(0, MAX_SCOPES_SHOWN).join("; ");
  const more =
    holders.length > MAX_SCOPES_SHOWN ? ` and ${holders.length - MAX_SCOPES_SHOWN} more scopes` : "";
  return `it exists only for ${listed}${more}, which this pod cannot see`;
}

function unresolvedMessage(
  catalog: ReadyCatalog,
  keys: readonly string[],
  project: string,
  domain: string,
): string {
  const who = `project ${project}, domain ${domain}`;
  const commands = keys
    .map((key) => `flyte create secret ${key} --project ${project} --domain ${domain}`)
    .join("; ");
  const scopes = `organization, project ${project}, domain ${domain}, or project ${project} with domain ${domain}`;
  // A key that exists in a scope this pod can see but is not Ready: its real status and the fix for that status, not
  // "create it" (which would fail: it exists).
  const notReady = keys.map((key) => ({ key, found: unservableFor(catalog, key, project, domain) }));
  if (notReady.some(({ found }) => found !== undefined)) {
    const parts = notReady.map(({ key, found }) => {
      if (found === undefined) {
        return {
          where: whereItExists(catalog, key),
          fix: `flyte create secret ${key} --project ${project} --domain ${domain}, or ask an admin to create it in a scope this pod can see (${scopes})`,
        };
      }
      const { entry, reason } = found;
      const flags = `${entry.scope.project === undefined ? "" : ` --project ${entry.scope.project}`}${entry.scope.domain === undefined ? "" : ` --domain ${entry.scope.domain}`}`;
      const describe = `kubectl describe flytesecret -n ${entry.namespace} ${entry.name}`;
      const fixes: Readonly<Record<string, string>> = {
        SourceNotFound: `the Secret holding its value is missing: set the value again with flyte update secret ${key}${flags}, or restore the Secret its spec.valueFrom names (${describe})`,
        SourceKeyNotFound: `its Secret has no data key named in spec.valueFrom.secretKeyRef.key: fix the Secret or the reference (${describe})`,
        TooLarge: `its value is larger than the operator accepts: store a smaller one with flyte update secret ${key}${flags} (${describe})`,
        Conflict: `another FlyteSecret with the same key and scope is older and wins: delete one of them (${describe})`,
        InvalidSpec: `its spec is invalid: fix it as ${describe} says`,
        Pending: `the operator has not made it Ready yet: retry in a few seconds, and if it stays Pending check the operator (${describe})`,
      };
      return {
        where: `its FlyteSecret ${entry.namespace}/${entry.name} (${describeScope(entry.scope)}) exists but is not Ready (${reason})`,
        fix: fixes[reason] ?? `see why with ${describe}`,
      };
    });
    const [first] = parts;
    if (keys.length === 1 && first !== undefined) {
      return `secret ${keys[0]} is not available to ${who}: ${first.where}. Fix: ${first.fix}`;
    }
    const each = parts.map(({ where }, i) => `${keys[i]} (${where})`).join("; ");
    const fixes = parts.map(({ fix }, i) => `${keys[i]}: ${fix}`).join("; ");
    return `${keys.length} requested secrets are not available to ${who}: ${each}. Fix: ${fixes}`;
  }
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) {
    return (
      `secret ${only} is not available to ${who}: ${whereItExists(catalog, only)}. ` +
      `Fix: ${commands}, or ask an admin to create it in a scope this pod can see (${scopes})`
    );
  }
  const each = keys.map((key) => `${key} (${whereItExists(catalog, key)})`).join("; ");
  return (
    `${keys.length} requested secrets are not available to ${who}: ${each}. ` +
    `Fix: ${commands}; or ask an admin to create them in a scope this pod can see (${scopes})`
  );
}

function place(
  catalog: ReadyCatalog,
  requests: readonly SecretRequest[],
  project: string,
  domain: string,
): Placed[] {
  const placed: Placed[] = [];
  const missing: string[] = [];
  for (const request of requests) {
    const found = resolve(catalog, request.key, project, domain);
    if (found === undefined) {
      missing.push(request.key);
      continue;
    }
    placed.push({
      request,
      scope: found.scope,
      imagePull: found.entry.type === "ImagePull",
      secret: managedSecretNameOf(found.entry),
    });
  }
  if (missing.length > 0) forbidden(unresolvedMessage(catalog, missing, project, domain));
  return placed;
}

// ---------------------------------------------------------------------------------------------------------------
// The desired pod: env, projected volumes and their mounts, imagePullSecrets, the injected annotation

type DesiredEnv =
  | {
      readonly name: string;
      readonly valueFrom: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
    }
  | { readonly name: string; readonly value: string };

interface DesiredMount {
  readonly name: string;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly readOnly: true;
}

interface DesiredVolume {
  readonly name: string;
  readonly projected: {
    readonly defaultMode: number;
    readonly sources: readonly {
      readonly secret: { readonly name: string; readonly items: readonly { key: string; path: string }[] };
    }[];
  };
}

interface Desired {
  readonly env: readonly DesiredEnv[];
  readonly volumes: readonly DesiredVolume[];
  readonly mounts: readonly DesiredMount[];
  readonly pullSecrets: readonly string[];
  readonly records: readonly InjectedRecord[];
  readonly warnings: readonly string[];
}

interface FileTarget {
  readonly key: string;
  readonly secret: string;
  readonly path: string;
  readonly subPath: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function parentDirectory(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}

/**
 * The file layout. Each directory asked for gets a projected volume of its own, mounted there whole (no subPath), so
 * that its files follow rotation and it shows only its own files; a directory inside another one is served by the
 * outer directory's volume (no nested read-only mounts). Every path under Flyte's `/etc/flyte/secrets` is served
 * by one volume mounted there. Exact file paths outside every directory share one more volume, each mounted by
 * subPath with the file's absolute path (minus the leading `/`) as its path in the volume. Volumes are named in
 * order: directories sorted by path, then the exact files: `flyte-secrets`, `flyte-secrets-1`, ...
 */
function planFiles(targets: readonly FileTarget[]): { volumes: DesiredVolume[]; mounts: DesiredMount[] } {
  const directories = new Set<string>();
  for (const target of targets) {
    if (target.subPath) continue;
    directories.add(parentDirectory(target.path));
    if (target.path.startsWith(`${FLYTE_SECRETS_DIR}/`)) directories.add(FLYTE_SECRETS_DIR);
  }
  const outermost = [...directories]
    .filter((directory) => ![...directories].some((other) => directory.startsWith(`${other}/`)))
    .sort(byText);
  const groups = new Map<string, { key: string; secret: string; path: string }[]>();
  const exact: { key: string; secret: string; path: string; mountPath: string }[] = [];
  for (const target of targets) {
    const directory = outermost.find((candidate) => target.path.startsWith(`${candidate}/`));
    const path = target.path.slice((directory ?? "").length + 1);
    if (path.startsWith("..")) {
      malformed(
        `cannot deliver secret ${target.key} at ${shown(target.path, 60)}: inside its volume the file would be ` +
          `${shown(path, 60)}, and Kubernetes reserves names starting with '..' there; rename that directory`,
      );
    }
    if (directory === undefined) {
      exact.push({ key: target.key, secret: target.secret, path, mountPath: target.path });
    } else {
      const group = groups.get(directory) ?? [];
      group.push({ key: target.key, secret: target.secret, path });
      groups.set(directory, group);
    }
  }
  const volumes: DesiredVolume[] = [];
  const mounts: DesiredMount[] = [];
  const nextName = (): string =>
    volumes.length === 0 ? SECRETS_VOLUME : `${SECRETS_VOLUME}-${volumes.length}`;
  const volume = (
    name: string,
    items: readonly { key: string; secret: string; path: string }[],
  ): DesiredVolume => {
    const bySecret = new Map<string, { key: string; path: string }[]>();
    for (const item of [...items].sort((a, b) => byText(a.path, b.path))) {
      const list = bySecret.get(item.secret) ?? [];
      list.push({ key: item.key, path: item.path });
      bySecret.set(item.secret, list);
    }
    return {
      name,
      projected: {
        defaultMode: SECRETS_FILE_MODE,
        sources: [...bySecret.entries()]
          .sort(([a], [b]) => byText(a, b))
          .map(([secret, list]) => ({ secret: { name: secret, items: list } })),
      },
    };
  };
  for (const directory of outermost) {
    const name = nextName();
    volumes.push(volume(name, groups.get(directory) ?? []));
    mounts.push({ name, mountPath: directory, readOnly: true });
  }
  if (exact.length > 0) {
    const name = nextName();
    volumes.push(volume(name, exact));
    for (const file of [...exact].sort((a, b) => byText(a.mountPath, b.mountPath))) {
      mounts.push({ name, mountPath: file.mountPath, subPath: file.path, readOnly: true });
    }
  }
  return { volumes, mounts };
}

function desire(placed: readonly Placed[], flyteForm: boolean): Desired {
  const env: DesiredEnv[] = flyteForm ? FLYTE_SECRETS_ENV.map(({ name, value }) => ({ name, value })) : [];
  const literals: DesiredEnv[] = [];
  const files: FileTarget[] = [];
  const pullSecrets: string[] = [];
  const records: InjectedRecord[] = [];
  const warnings: string[] = [];
  for (const { request, scope, imagePull, secret } of placed) {
    const base = { key: request.key, scope: describeScope(scope), secret };
    if (imagePull) {
      // An ImagePull key serves the kubelet, not the task: its requested env or file delivery is not made.
      if (!pullSecrets.includes(secret)) pullSecrets.push(secret);
      records.push({ ...base, imagePull: true });
      continue;
    }
    const envNames: string[] = [];
    const paths: string[] = [];
    for (const delivery of request.deliveries) {
      if (delivery.kind === "env") {
        env.push({ name: delivery.name, valueFrom: { secretKeyRef: { name: secret, key: request.key } } });
        envNames.push(delivery.name);
      } else {
        files.push({ key: request.key, secret, path: delivery.path, subPath: delivery.subPath });
        paths.push(delivery.path);
      }
    }
    const pathEnv = (request.literalEnv ?? []).map(({ name, value }) => {
      literals.push({ name, value });
      return name;
    });
    records.push({
      ...base,
      ...(envNames.length > 0 ? { env: envNames } : {}),
      ...(paths.length > 0 ? { files: paths } : {}),
      ...(pathEnv.length > 0 ? { pathEnv } : {}),
    });
  }
  const all = [...env, ...literals];
  if (flyteForm) {
    for (const reserved of FLYTE_SECRETS_ENV) {
      if (all.filter((entry) => entry.name === reserved.name).length > 1) {
        malformed(
          `environment variable ${reserved.name} is set by flyte-secrets for pods of Flyte's form; ` +
            "deliver the secret under another name",
        );
      }
    }
  }
  const { volumes, mounts } = planFiles(files);
  for (const mount of mounts) {
    if (mount.subPath !== undefined) {
      warnings.push(
        `the secret file ${mount.mountPath} is mounted by subPath and will not change when the secret is rotated ` +
          "until the pod restarts; mount a directory to follow rotation",
      );
    }
  }
  return { env: all, volumes, mounts, pullSecrets, records, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing with what the pod has, so that a second pass changes nothing

/** Structural equality where `expected` is ours (small and finite) and `actual` is anything from the pod. */
function sameJson(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => sameJson(actual[index], item))
    );
  }
  if (isMapping(expected)) {
    if (!isMapping(actual)) return false;
    const keys = Object.keys(expected);
    return (
      Object.keys(actual).length === keys.length &&
      keys.every((key) => Object.hasOwn(actual, key) && sameJson(actual[key], expected[key]))
    );
  }
  return actual === expected;
}

// The API server drops an empty `value` when it serializes the pod, so "" and missing are the same value.
function sameEnv(actual: Mapping, expected: DesiredEnv): boolean {
  const value = member(actual, "value");
  const valueFrom = member(actual, "valueFrom");
  if ("value" in expected) return absent(valueFrom) && (value ?? "") === expected.value;
  return (absent(value) || value === "") && sameJson(valueFrom, expected.valueFrom);
}

function sameMount(actual: Mapping, expected: DesiredMount): boolean {
  return (
    member(actual, "name") === expected.name &&
    member(actual, "mountPath") === expected.mountPath &&
    (member(actual, "subPath") ?? "") === (expected.subPath ?? "") &&
    (member(actual, "subPathExpr") ?? "") === "" &&
    member(actual, "readOnly") === true
  );
}

/** A volume flyte-secrets made: projected, and projecting nothing but managed Secrets. */
function isOurVolume(volume: Mapping): boolean {
  const projected = member(volume, "projected");
  if (
    !isMapping(projected) ||
    Object.keys(volume).some((field) => field !== "name" && field !== "projected")
  ) {
    return false;
  }
  const sources = member(projected, "sources");
  return (
    Array.isArray(sources) &&
    sources.every((source: unknown) => {
      if (!isMapping(source) || Object.keys(source).some((field) => field !== "secret")) return false;
      const secret = member(source, "secret");
      const name = isMapping(secret) ? member(secret, "name") : undefined;
      return (
        typeof name === "string" &&
        (name === MANAGED_SECRET_PREFIX || name.startsWith(`${MANAGED_SECRET_PREFIX}.`))
      );
    })
  );
}

/** Operations on one list: replacements by index, removals from the end, then appends; all valid in sequence. */
interface ListEdit {
  readonly replace: { readonly index: number; readonly value: unknown }[];
  readonly remove: number[];
  readonly append: unknown[];
}

const emptyEdit = (): ListEdit => ({ replace: [], remove: [], append: [] });

function listOperations(at: string, exists: boolean, edit: ListEdit): JsonPatchOperation[] {
  if (!exists) return edit.append.length > 0 ? [{ op: "add", path: at, value: edit.append }] : [];
  return [
    ...[...edit.replace]
      .sort((a, b) => a.index - b.index)
      .map(({ index, value }): JsonPatchOperation => ({ op: "replace", path: `${at}/${index}`, value })),
    ...[...edit.remove]
      .sort((a, b) => b - a)
      .map((index): JsonPatchOperation => ({ op: "remove", path: `${at}/${index}` })),
    ...edit.append.map((value): JsonPatchOperation => ({ op: "add", path: `${at}/-`, value })),
  ];
}

interface Replaced {
  readonly by: string;
  readonly where: string[];
}

function envEdit(
  container: Container,
  desired: readonly DesiredEnv[],
  replaced: Map<string, Replaced>,
): ListEdit {
  const edit = emptyEdit();
  for (const entry of desired) {
    const existing = (container.env ?? []).filter((env) => env.name === entry.name);
    const [first, ...duplicates] = existing;
    if (first === undefined) {
      edit.append.push(entry);
      continue;
    }
    if (!sameEnv(first.raw, entry)) {
      edit.replace.push({ index: first.index, value: entry });
      const by =
        "valueFrom" in entry
          ? `a reference to secret ${entry.valueFrom.secretKeyRef.key}`
          : "flyte-secrets' value";
      const warning = replaced.get(entry.name) ?? { by, where: [] };
      warning.where.push(container.description);
      replaced.set(entry.name, warning);
    }
    edit.remove.push(...duplicates.map((env) => env.index));
  }
  return edit;
}

function mountEdit(
  container: Container,
  desired: readonly DesiredMount[],
  ours: ReadonlySet<string>,
): ListEdit {
  const edit = emptyEdit();
  for (const mount of desired) {
    const existing = (container.mounts ?? []).filter((m) => m.mountPath === mount.mountPath);
    const foreign = existing.find((m) => !ours.has(m.name));
    if (foreign !== undefined) {
      forbidden(
        `${container.description} already mounts volume ${shown(foreign.name)} at ${shown(mount.mountPath, 60)}, ` +
          "where flyte-secrets must mount a requested secret; move that volume mount or ask for the secret at another path",
      );
    }
    const [first, ...duplicates] = existing;
    if (first === undefined) edit.append.push(mount);
    else if (!sameMount(first.raw, mount)) edit.replace.push({ index: first.index, value: mount });
    edit.remove.push(...duplicates.map((m) => m.index));
  }
  return edit;
}

function volumeEdit(spec: Spec, desired: readonly DesiredVolume[]): ListEdit {
  const edit = emptyEdit();
  for (const volume of desired) {
    const existing = spec.volumes?.find((v) => v.name === volume.name);
    if (existing === undefined) {
      edit.append.push(volume);
    } else if (!isOurVolume(existing.raw)) {
      forbidden(
        `the pod already has a volume named ${volume.name} that flyte-secrets did not create; flyte-secrets needs ` +
          "that name for the secret files it mounts: rename the pod's volume",
      );
    } else if (!sameJson(existing.raw, volume)) {
      edit.replace.push({ index: existing.index, value: volume });
    }
  }
  return edit;
}

function annotationOperations(metadata: Metadata, value: string): JsonPatchOperation[] {
  const current = metadata.annotations.get(annotations.injected);
  if (current === value) return [];
  // The pod asked for secrets in its annotations, so metadata.annotations is a mapping to add a member to.
  return [
    {
      op: current === undefined ? "add" : "replace",
      path: pointer("metadata", "annotations", annotations.injected),
      value,
    },
  ];
}

function patchFor(
  metadata: Metadata,
  spec: Spec,
  desired: Desired,
): { patch: JsonPatchOperation[]; warnings: string[] } {
  const patch: JsonPatchOperation[] = [];
  const replaced = new Map<string, Replaced>();
  const ours = new Set(desired.volumes.map((volume) => volume.name));
  const volumes = volumeEdit(spec, desired.volumes);
  for (const container of spec.containers) {
    const env = envEdit(container, desired.env, replaced);
    const mounts = mountEdit(container, desired.mounts, ours);
    patch.push(...listOperations(`${container.at}/env`, container.env !== undefined, env));
    patch.push(...listOperations(`${container.at}/volumeMounts`, container.mounts !== undefined, mounts));
  }
  patch.push(...listOperations(pointer("spec", "volumes"), spec.volumes !== undefined, volumes));
  const pulls = emptyEdit();
  for (const name of desired.pullSecrets) {
    if (!(spec.pullSecrets ?? []).includes(name)) pulls.append.push({ name });
  }
  patch.push(...listOperations(pointer("spec", "imagePullSecrets"), spec.pullSecrets !== undefined, pulls));
  patch.push(...annotationOperations(metadata, JSON.stringify(desired.records)));
  const warnings = [...replaced.entries()].map(
    ([name, { by, where }]) =>
      `environment variable ${name} set by the pod in ${where.join(", ")} was replaced by ${by}`,
  );
  return { patch, warnings };
}

// ---------------------------------------------------------------------------------------------------------------

function decide(
  pod: unknown,
  namespace: NamespaceFacts | undefined,
  catalog: ReadyCatalog,
  config: AdmitConfig,
): AdmitResult {
  if (!isMapping(pod)) malformed(`the pod must be a JSON object but is ${typeName(pod)}`);
  // Whether the pod opted in is read leniently: a pod that did not is never refused, whatever else it holds.
  const native = podLabel(pod, labels.inject) === "true";
  const flyte = podLabel(pod, labels.flyteInject) === "true";
  if (!native && !flyte) return { allowed: true, patch: [], injected: [] };
  const metadata = readMetadata(pod);
  const { requests, flyteForm } = readRequests(metadata, native, flyte);
  if (requests.length === 0) return { allowed: true, patch: [], injected: [] };
  const spec = readSpec(pod);
  if (namespace === undefined) {
    const podMetadata = member(pod, "metadata");
    const name = isMapping(podMetadata) ? member(podMetadata, "namespace") : undefined;
    const which =
      typeof name === "string" && name !== "" ? `namespace ${shown(name)}` : "the pod's namespace";
    forbidden(
      `${which} is not known to the flyte-secrets webhook yet (its cache has not seen it); retry in a few seconds`,
    );
  }
  const identity = podIdentity(
    bindingOf(namespace, config.matchName),
    namespace.name,
    metadata.labels.get(config.podLabels.project),
    metadata.labels.get(config.podLabels.domain),
    config.podLabels,
  );
  if (!identity.ok) forbidden(identity.message);
  const placed = place(catalog, requests, identity.project, identity.domain);
  const desired = desire(placed, flyteForm);
  const planned = patchFor(metadata, spec, desired);
  const patch = planned.patch;
  // Said once, on the pass that changes the pod, not again on a reinvocation that finds it done.
  const warnings = patch.length > 0 ? [...planned.warnings, ...desired.warnings] : [];
  return {
    allowed: true,
    patch,
    injected: placed.map(({ request }) => request.key),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * Decides one pod CREATE. `pod` is the AdmissionReview's `request.object`, of any shape; `namespace` is undefined
 * when the webhook's cache does not know it. Never throws: malformed input is refused with code 400, a pod that may
 * not have what it asks for with 403, each with one message naming what is wrong and how to fix it.
 */
export function admit(
  pod: unknown,
  namespace: NamespaceFacts | undefined,
  catalog: ReadyCatalog,
  config: AdmitConfig,
): AdmitResult {
  try {
    return decide(pod, namespace, catalog, config);
  } catch (error) {
    if (error instanceof Refused) return { allowed: false, code: error.code, message: error.message };
    throw error;
  }
}
