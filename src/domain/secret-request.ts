// What secrets a task pod asks for, read from its annotations in either form — native (DESIGN §5.1) or Flyte's
// `flyte.secrets/sN` encoding, shaped as Flyte 1's tasks (§5.2) or Flyte 2's tasks (§5.2b) read them — into one model
// that scope resolution and patch planning work from. Pure: no I/O.
import { JSON_SCHEMA, load, YAMLException } from "js-yaml";
import { annotations } from "./api.ts";
import { decodeFlyteSecret, type FlyteSecret, shown } from "./flyte-encoding.ts";
import { SECRET_KEY_MAX_LENGTH, secretKeyProblem } from "./secret-key.ts";
import { isMapping, typeName } from "./shapes.ts";

export type Delivery =
  /** An env var with `valueFrom.secretKeyRef`. */
  | { readonly kind: "env"; readonly name: string }
  /**
   * The secret as a file at an absolute `path`. `subPath` is true when the user named that exact file (mounted with
   * subPath, so not updated live on rotation), false when the file lives in a mounted directory.
   */
  | { readonly kind: "file"; readonly path: string; readonly subPath: boolean };

export interface LiteralEnv {
  readonly name: string;
  readonly value: string;
}

export interface SecretRequest {
  /** The key used for scope resolution. */
  readonly key: string;
  /** At least one. */
  readonly deliveries: readonly Delivery[];
  /** Plain env vars that are not secret: in Flyte's form, `env_var` holding the path of the secret file. */
  readonly literalEnv?: readonly LiteralEnv[];
  readonly source: "native" | "flyte";
  /** How messages name this request: `secrets.flyte.org/secrets[1] (key MY_KEY)`, `flyte.secrets/s0 (key my_key)`. */
  readonly label: string;
}

export type ParseResult =
  | { readonly ok: true; readonly requests: readonly SecretRequest[] }
  | { readonly ok: false; readonly message: string };

export const MAX_NATIVE_ANNOTATION_BYTES = 64 * 1024;
export const MAX_NATIVE_ENTRIES = 100;
export const MAX_FLYTE_ANNOTATIONS = 100;
export const MAX_FLYTE_ANNOTATION_BYTES = 4 * 1024;
export const MAX_MOUNT_PATH_LENGTH = 1024;

/** Where Flyte's in-task secrets API looks for files, and where its form always delivers them. */
export const FLYTE_SECRETS_DIR = "/etc/flyte/secrets";
/** The prefix of Flyte's secret env vars (flytekit's `FLYTE_SECRETS_ENV_PREFIX`). */
export const FLYTE_ENV_PREFIX = "_FSEC_";
/** The prefix Flyte 2's executor gives a secret env var without `env_var` (its `SecretEnvVarPrefix` default). */
export const FLYTE2_ENV_PREFIX = "_UNION_";

/**
 * Which Flyte wrote a pod's `flyte.secrets/sN` annotations, and so how its tasks read the secrets: `flyte1`
 * (propeller and flytekit, DESIGN §5.2) or `flyte2` (Flyte 2's executor and the `flyte` SDK, §5.2b).
 */
export type FlyteForm = "flyte1" | "flyte2";

const NATIVE_FIELDS = ["key", "group", "as_env_var", "mount"] as const;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_NAME_RULE = "[A-Za-z_][A-Za-z0-9_]* (letters, digits and _, not starting with a digit)";
// Flyte's form is compatibility: accept every name Kubernetes has always accepted, as propeller did.
const KUBERNETES_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const KUBERNETES_ENV_NAME_RULE = "[-._a-zA-Z][-._a-zA-Z0-9]*";
const FLYTE_NAME_PART = /^[-._a-zA-Z0-9]*$/;
const FLYTE_ANNOTATION = new RegExp(`^${annotations.flytePrefix.replace(/[./]/g, "\\$&")}([0-9]{1,9})$`);
const FLYTE_FIX =
  "the value must be what Flyte propeller writes: a flyteidl.core.Secret in protobuf text format, base32-encoded " +
  "with the alphabet a-z1-6 and no padding; let propeller write it, or remove the annotation";
const MAX_LABEL_KEY = 40;
const MAX_SHOWN_PATH = 60;

type Failure = { readonly ok: false; readonly message: string };
const fail = (message: string): Failure => ({ ok: false, message });

/**
 * The env var a native request without `as_env_var` or `mount` gets, named as flyte-sdk's `flyte.Secret` names it:
 * `<group>_<key>` (just `<key>` without a group), upper-cased, `-` replaced by `_`. We also replace `.`, which the
 * SDK leaves in and then rejects, so that keys with dots still have a usable default.
 */
export function defaultEnvVarName(key: string, group?: string): string {
  const base = group !== undefined && group !== "" ? `${group}_${key}` : key;
  return base.replace(/[-.]/g, "_").toUpperCase();
}

function labelKey(key: string): string {
  return key.length > MAX_LABEL_KEY ? `${key.slice(0, MAX_LABEL_KEY)}...` : key;
}

/** The UTF-8 length of `value` (as TextEncoder would encode it, a lone surrogate as U+FFFD), counted, not encoded. */
function byteLength(value: string, limit: number): number {
  // UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is over the limit without counting.
  if (value.length > limit) return value.length;
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Native form

/**
 * Why `mount` cannot be a mount path, or undefined. It must be absolute and normalised (no `//`, no `.` or `..`
 * segment), not `/`, and free of control characters.
 */
export function mountProblem(mount: string): string | undefined {
  if (!mount.startsWith("/")) return "must be an absolute path (start with /)";
  if (mount === "/")
    return "must not be / itself: name a directory such as /etc/flyte/secrets or a file such as /root/sa.json";
  if (mount.length > MAX_MOUNT_PATH_LENGTH) return `is longer than ${MAX_MOUNT_PATH_LENGTH} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(mount)) return "must not contain control characters";
  if (mount.includes("//")) return "is not normalised: remove the repeated /";
  const segments = mount.slice(1).replace(/\/$/, "").split("/");
  if (segments.some((segment) => segment === "." || segment === "..")) {
    return "is not normalised: remove the . and .. segments";
  }
  return undefined;
}

/**
 * Where a native `mount` puts the secret of `key`. A path ending in `/`, or whose last segment has no `.`, is a
 * directory: the file is `<dir>/<key>` and follows rotation. Anything else (`/root/sa.json`) is the exact file,
 * mounted with subPath, which Kubernetes never updates after the pod starts.
 */
export function mountDelivery(mount: string, key: string): Delivery {
  const last = mount.slice(mount.lastIndexOf("/") + 1);
  if (mount.endsWith("/") || !last.includes(".")) {
    return { kind: "file", path: `${mount.replace(/\/$/, "")}/${key}`, subPath: false };
  }
  return { kind: "file", path: mount, subPath: true };
}

function optionalString(
  entry: Record<string, unknown>,
  field: string,
  where: string,
): { ok: true; value: string | undefined } | Failure {
  const value = entry[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== "string") {
    return fail(`${where}: ${field} must be a string but is ${typeName(value)}; quote it`);
  }
  return { ok: true, value };
}

function parseNativeEntry(entry: unknown, index: number): { ok: true; request: SecretRequest } | Failure {
  const location = `${annotations.secrets}[${index}]`;
  // flyte-sdk accepts a bare key wherever it accepts a Secret, so a bare string entry means {key: <string>}.
  const fields: unknown = typeof entry === "string" ? { key: entry } : entry;
  if (!isMapping(fields)) {
    return fail(`${location} must be a mapping such as {key: MY_KEY} but is ${typeName(fields)}`);
  }
  for (const field of Object.keys(fields)) {
    if (!(NATIVE_FIELDS as readonly string[]).includes(field)) {
      return fail(
        `${location} has unknown field ${shown(field)}; the allowed fields are ${NATIVE_FIELDS.join(", ")}`,
      );
    }
  }
  const key = fields.key;
  if (key === undefined || key === null) {
    return fail(`${location} has no key: add key: <the FlyteSecret key>, for example key: MY_SECRET_KEY`);
  }
  if (typeof key !== "string") {
    return fail(
      `${location}: key must be a string but is ${typeName(key)}; quote it, for example key: "1234"`,
    );
  }
  const keyProblem = secretKeyProblem(key);
  if (keyProblem !== undefined) {
    return fail(`${location}: key ${shown(key)} ${keyProblem}; use the key of an existing FlyteSecret`);
  }
  const label = `${location} (key ${labelKey(key)})`;
  const group = optionalString(fields, "group", label);
  if (!group.ok) return group;
  const asEnvVar = optionalString(fields, "as_env_var", label);
  if (!asEnvVar.ok) return asEnvVar;
  const mount = optionalString(fields, "mount", label);
  if (!mount.ok) return mount;

  const deliveries: Delivery[] = [];
  if (asEnvVar.value !== undefined) {
    if (!ENV_NAME.test(asEnvVar.value)) {
      return fail(
        `${label}: as_env_var ${shown(asEnvVar.value)} is not a valid environment variable name; it must match ${ENV_NAME_RULE}`,
      );
    }
    deliveries.push({ kind: "env", name: asEnvVar.value });
  }
  if (mount.value !== undefined) {
    const problem = mountProblem(mount.value);
    if (problem !== undefined)
      return fail(`${label}: mount ${shown(mount.value, MAX_SHOWN_PATH)} ${problem}`);
    deliveries.push(mountDelivery(mount.value, key));
  }
  if (deliveries.length === 0) {
    const name = defaultEnvVarName(key, group.value);
    if (!ENV_NAME.test(name)) {
      return fail(
        `${label}: the default environment variable name ${shown(name)} (group and key upper-cased, '-' and '.' ` +
          `turned into '_') is not valid, it must match ${ENV_NAME_RULE}; set as_env_var to a valid name or use mount`,
      );
    }
    deliveries.push({ kind: "env", name });
  }
  return { ok: true, request: { key, deliveries, source: "native", label } };
}

function yamlProblem(error: unknown): string {
  const where = `${annotations.secrets} is not valid YAML or JSON`;
  const fix = "write a list such as [{key: MY_KEY, as_env_var: MY_ENV}]";
  if (!(error instanceof YAMLException)) return `${where}; ${fix}`;
  const reason = error.reason.length > 80 ? `${error.reason.slice(0, 80)}...` : error.reason;
  const at =
    error.mark === undefined ? "" : ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}`;
  return `${where}: ${reason}${at}; ${fix}`;
}

/**
 * Parses the native annotation `secrets.flyte.org/secrets`: a JSON or YAML list of `{key, group?, as_env_var?,
 * mount?}` (fields named as in flyte.Secret; a bare string is a key). An empty or comment-only value asks for nothing.
 */
export function parseNativeRequests(annotationValue: string): ParseResult {
  const size = byteLength(annotationValue, MAX_NATIVE_ANNOTATION_BYTES);
  if (size > MAX_NATIVE_ANNOTATION_BYTES) {
    return fail(
      `${annotations.secrets} is ${size} bytes, more than the limit of ${MAX_NATIVE_ANNOTATION_BYTES} (64 KiB); ` +
        "ask for fewer secrets, or shorten the entries",
    );
  }
  if (annotationValue.split("\n").every((line) => /^\s*(#.*)?$/.test(line)))
    return { ok: true, requests: [] };
  let document: unknown;
  try {
    document = load(annotationValue, { schema: JSON_SCHEMA, maxDepth: 20 });
  } catch (error) {
    return fail(yamlProblem(error));
  }
  if (document === null) return { ok: true, requests: [] };
  if (!Array.isArray(document)) {
    return fail(
      `${annotations.secrets} must be a list of secrets but is ${typeName(document)}; ` +
        "write it as a list, for example [{key: MY_KEY}] or one '- key: MY_KEY' line per secret",
    );
  }
  if (document.length > MAX_NATIVE_ENTRIES) {
    return fail(
      `${annotations.secrets} lists ${document.length} secrets, more than the limit of ${MAX_NATIVE_ENTRIES}; ` +
        "ask for fewer secrets per pod",
    );
  }
  const requests: SecretRequest[] = [];
  for (const [index, entry] of document.entries()) {
    const parsed = parseNativeEntry(entry, index);
    if (!parsed.ok) return parsed;
    requests.push(parsed.request);
  }
  return combineRequests(requests);
}

// ---------------------------------------------------------------------------------------------------------------
// Flyte propeller's form

function flyteNamePartProblem(field: string, value: string): string | undefined {
  if (value.length > SECRET_KEY_MAX_LENGTH)
    return `${field} is longer than ${SECRET_KEY_MAX_LENGTH} characters`;
  if (!FLYTE_NAME_PART.test(value)) {
    return `${field} ${shown(value)} may only contain letters, digits, '-', '_' and '.', since it becomes part of an env var name and a file path`;
  }
  if (value === "." || value.startsWith(".."))
    return `${field} ${shown(value)} must not be '.' or start with '..'`;
  return undefined;
}

/**
 * One decoded Secret as a request of Flyte 2's form (DESIGN §5.2b), shaped as Flyte 2's executor injects it and its
 * tasks read it. The key alone names the secret (group and group_version are ignored, as Flyte 2 ignores them).
 * ENV_VAR and ANY give the env var `env_var`, or `_UNION_` + upper(key) without one. FILE gives the file
 * `/etc/flyte/secrets/<key>` with the key's case kept (where Flyte 2's tasks open it) and, when `lowerCaseAlias`, also
 * the lower-cased name (the path Flyte 2 reports in `env_var`, which then holds that path).
 */
function flyte2Request(
  secret: FlyteSecret,
  label: string,
  lowerCaseAlias: boolean,
): { ok: true; request: SecretRequest } | Failure {
  if (secret.mountRequirement !== "FILE") {
    const name = secret.envVar !== "" ? secret.envVar : `${FLYTE2_ENV_PREFIX}${secret.key.toUpperCase()}`;
    if (!KUBERNETES_ENV_NAME.test(name)) {
      return fail(
        `${label}: the environment variable name ${shown(name)} (${FLYTE2_ENV_PREFIX} and the upper-cased key) is not ` +
          `valid, it must match ${KUBERNETES_ENV_NAME_RULE}; set env_var (as_env_var in flyte.Secret)`,
      );
    }
    return {
      ok: true,
      request: { key: secret.key, deliveries: [{ kind: "env", name }], source: "flyte", label },
    };
  }
  const exact = `${FLYTE_SECRETS_DIR}/${secret.key}`;
  const lower = `${FLYTE_SECRETS_DIR}/${secret.key.toLowerCase()}`;
  const alias = lowerCaseAlias && lower !== exact;
  const request: SecretRequest = {
    key: secret.key,
    deliveries: [
      { kind: "file", path: exact, subPath: false },
      ...(alias ? [{ kind: "file", path: lower, subPath: false } as const] : []),
    ],
    ...(secret.envVar !== "" ? { literalEnv: [{ name: secret.envVar, value: alias ? lower : exact }] } : {}),
    source: "flyte",
    label,
  };
  return { ok: true, request };
}

/**
 * One decoded Secret as a request: for `flyte1` shaped exactly as flytekit's SecretsManager looks it up (DESIGN
 * §5.2); for `flyte2` as Flyte 2's tasks read it (§5.2b, `flyte2Request`).
 */
export function flyteRequest(
  secret: FlyteSecret,
  annotation: string,
  form: FlyteForm = "flyte1",
  lowerCaseAlias = true,
): { ok: true; request: SecretRequest } | Failure {
  if (secret.key === "") {
    return fail(`${annotation}: missing key: the Secret names no key; give the task's secret request a key`);
  }
  const keyProblem = secretKeyProblem(secret.key);
  if (keyProblem !== undefined) {
    return fail(
      `${annotation}: key ${shown(secret.key)} ${keyProblem}; use the key of an existing FlyteSecret`,
    );
  }
  const label = `${annotation} (key ${labelKey(secret.key)})`;
  if (secret.envVar !== "" && !KUBERNETES_ENV_NAME.test(secret.envVar)) {
    return fail(
      `${label}: env_var ${shown(secret.envVar)} is not a valid environment variable name; it must match ${KUBERNETES_ENV_NAME_RULE}`,
    );
  }
  if (form === "flyte2") return flyte2Request(secret, label, lowerCaseAlias);
  for (const [field, value] of [
    ["group", secret.group],
    ["group_version", secret.groupVersion],
  ] as const) {
    const problem = flyteNamePartProblem(field, value);
    if (problem !== undefined) return fail(`${label}: ${problem}; change it in the task's secret request`);
  }
  const parts = [secret.group, secret.groupVersion, secret.key].filter((part) => part !== "");
  if (secret.mountRequirement === "ENV_VAR") {
    const deliveries: Delivery[] = [
      { kind: "env", name: `${FLYTE_ENV_PREFIX}${parts.map((part) => part.toUpperCase()).join("_")}` },
    ];
    if (secret.envVar !== "") deliveries.push({ kind: "env", name: secret.envVar });
    return { ok: true, request: { key: secret.key, deliveries, source: "flyte", label } };
  }
  // ANY is delivered as a file, as propeller's own Kubernetes injector does.
  const path = `${FLYTE_SECRETS_DIR}/${parts.map((part) => part.toLowerCase()).join("/")}`;
  const request: SecretRequest = {
    key: secret.key,
    deliveries: [{ kind: "file", path, subPath: false }],
    ...(secret.envVar !== "" ? { literalEnv: [{ name: secret.envVar, value: path }] } : {}),
    source: "flyte",
    label,
  };
  return { ok: true, request };
}

/**
 * Parses every `flyte.secrets/s<N>` annotation, in numeric order of N, shaped for `form`. Other annotations are
 * ignored, except one that starts with `flyte.secrets/s` without being `s<N>`: propeller would have tried to read
 * it, so it is refused. In Flyte 2's form a key's lower-cased file name is left out where another requested key's
 * file has exactly that name (or an earlier key's lower-cased name is already there), so it never shadows a file.
 */
export function parseFlyteRequests(
  podAnnotations: Readonly<Record<string, string>>,
  form: FlyteForm = "flyte1",
): ParseResult {
  const found: { name: string; index: number; value: unknown }[] = [];
  for (const [name, value] of Object.entries(podAnnotations)) {
    if (!name.startsWith(annotations.flytePrefix)) continue;
    const match = FLYTE_ANNOTATION.exec(name);
    if (match === null) {
      return fail(
        `annotation ${shown(name)} is not a Flyte secret annotation (${annotations.flytePrefix}0, ` +
          `${annotations.flytePrefix}1, ...); rename or remove it`,
      );
    }
    found.push({ name, index: Number(match[1]), value });
  }
  if (found.length > MAX_FLYTE_ANNOTATIONS) {
    return fail(
      `the pod has ${found.length} ${annotations.flytePrefix}<N> annotations, more than the limit of ` +
        `${MAX_FLYTE_ANNOTATIONS}; ask for fewer secrets per task`,
    );
  }
  found.sort((a, b) => a.index - b.index || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const decoded: { name: string; secret: FlyteSecret }[] = [];
  for (const { name, value } of found) {
    if (typeof value !== "string") return fail(`${name}: the value must be a string; ${FLYTE_FIX}`);
    const size = byteLength(value, MAX_FLYTE_ANNOTATION_BYTES);
    if (size > MAX_FLYTE_ANNOTATION_BYTES) {
      return fail(
        `${name} is ${size} bytes, more than the limit of ${MAX_FLYTE_ANNOTATION_BYTES} (4 KiB) for one secret; ` +
          "shorten the Secret's group, key or env_var",
      );
    }
    const secret = decodeFlyteSecret(value);
    if (!secret.ok) return fail(`${name}: ${secret.message}; ${FLYTE_FIX}`);
    decoded.push({ name, secret: secret.secret });
  }
  // Flyte 2's files keep the key's case; the lower-cased alias yields to any key whose own name it is.
  const fileKeys = new Set(
    decoded.filter(({ secret }) => secret.mountRequirement === "FILE").map(({ secret }) => secret.key),
  );
  const aliasOwner = new Map<string, string>();
  const requests: SecretRequest[] = [];
  for (const { name, secret } of decoded) {
    const lower = secret.key.toLowerCase();
    const owner = aliasOwner.get(lower) ?? (fileKeys.has(lower) ? lower : secret.key);
    if (form === "flyte2" && secret.mountRequirement === "FILE") aliasOwner.set(lower, owner);
    const parsed = flyteRequest(secret, name, form, owner === secret.key);
    if (!parsed.ok) return parsed;
    requests.push(parsed.request);
  }
  return combineRequests(requests);
}

// ---------------------------------------------------------------------------------------------------------------
// Combining

interface Owner {
  readonly label: string;
  readonly source: SecretRequest["source"];
}
type EnvOwner = (Owner & { readonly key: string }) | (Owner & { readonly literal: string });
type FileOwner = Owner & { readonly key: string };

interface Merged {
  readonly first: SecretRequest;
  readonly deliveries: Delivery[];
  readonly literalEnv: LiteralEnv[];
}

function renameHint(source: SecretRequest["source"]): string {
  return source === "native"
    ? "give one of them a different as_env_var"
    : "change the env_var, group or key of one of them";
}

function moveHint(source: SecretRequest["source"]): string {
  return source === "native" ? "mount one of them elsewhere" : "change the group or key of one of them";
}

/**
 * Merges requests for the same key into one (order of first appearance, the first one's label), drops deliveries
 * that repeat exactly, and refuses two requests that would put different things in one env var or at one file path,
 * or a file where another request needs a directory. Afterwards no two deliveries anywhere share a target. The
 * webhook may call it again on both forms' requests together.
 */
export function combineRequests(requests: readonly SecretRequest[]): ParseResult {
  const byKey = new Map<string, Merged>();
  const envOwners = new Map<string, EnvOwner>();
  const fileOwners = new Map<string, FileOwner>();
  for (const request of requests) {
    let merged = byKey.get(request.key);
    if (merged === undefined) {
      merged = { first: request, deliveries: [], literalEnv: [] };
      byKey.set(request.key, merged);
    }
    for (const delivery of request.deliveries) {
      if (delivery.kind === "env") {
        const owner = envOwners.get(delivery.name);
        if (owner === undefined) {
          envOwners.set(delivery.name, { label: request.label, source: request.source, key: request.key });
          merged.deliveries.push(delivery);
        } else if (!("key" in owner) || owner.key !== request.key) {
          return fail(
            `${owner.label} and ${request.label} both set environment variable ${shown(delivery.name)} ` +
              `to different values; ${renameHint(request.source)}`,
          );
        }
      } else {
        const owner = fileOwners.get(delivery.path);
        if (owner === undefined) {
          fileOwners.set(delivery.path, { label: request.label, key: request.key, source: request.source });
          merged.deliveries.push(delivery);
        } else if (owner.key !== request.key) {
          return fail(
            `${owner.label} and ${request.label} both deliver a file at ${shown(delivery.path, MAX_SHOWN_PATH)}; ` +
              moveHint(request.source),
          );
        }
      }
    }
    for (const literal of request.literalEnv ?? []) {
      const owner = envOwners.get(literal.name);
      if (owner === undefined) {
        envOwners.set(literal.name, { label: request.label, source: request.source, literal: literal.value });
        merged.literalEnv.push(literal);
      } else if (!("literal" in owner) || owner.literal !== literal.value) {
        return fail(
          `${owner.label} and ${request.label} both set environment variable ${shown(literal.name)} ` +
            `to different values; ${renameHint(request.source)}`,
        );
      }
    }
  }
  // A file cannot also be a directory holding another file.
  for (const [path, owner] of fileOwners) {
    for (const [other, otherOwner] of fileOwners) {
      if (other.startsWith(`${path}/`)) {
        return fail(
          `${owner.label} puts a file at ${shown(path, MAX_SHOWN_PATH)} but ${otherOwner.label} needs a directory ` +
            `there; ${moveHint(otherOwner.source)}`,
        );
      }
    }
  }
  const combined: SecretRequest[] = [];
  for (const { first, deliveries, literalEnv } of byKey.values()) {
    combined.push({
      key: first.key,
      deliveries,
      ...(literalEnv.length > 0 ? { literalEnv } : {}),
      source: first.source,
      label: first.label,
    });
  }
  return { ok: true, requests: combined };
}
