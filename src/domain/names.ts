// Deterministic, human-readable names. Managed Secrets (DESIGN §4) are named injectively: a value that is not already
// a safe DNS label is escaped to a readable lower-case form plus a hash of the original, so `my_project` and
// `my-project` never share a Secret. FlyteSecrets the CLI creates are named readably from (key, scope) as the README
// shows, with the injective form as the fallback when the readable name is invalid or held by another key or scope.
import { createHash } from "node:crypto";
import type { Scope } from "./scope.ts";

export const MANAGED_SECRET_PREFIX = "flyte-secrets";

const HASH_LENGTH = 8;
const safeLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// An escaped value ends in `--` and HASH_LENGTH base32 characters (its readable part never holds `--`); a safe value
// that ends like that is escaped too, which keeps the mapping injective while `my-registry` stays itself.
const hashLikeSuffix = new RegExp(`--[a-z2-7]{${HASH_LENGTH}}$`);

function base32Hash(value: string): string {
  const digest = createHash("sha256").update(value, "utf8").digest();
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let buffer = 0;
  let out = "";
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < HASH_LENGTH) {
      out += alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= HASH_LENGTH) break;
  }
  return out;
}

/**
 * Encodes a label value or key as one DNS label of at most `maxLength` characters: itself when it is already a safe
 * label, otherwise a readable lower-case form with a hash suffix (`my_project` -> `my-project--<hash>`).
 */
export function dnsLabelOf(value: string, maxLength = 63): string {
  if (safeLabel.test(value) && !hashLikeSuffix.test(value) && value.length <= maxLength) return value;
  return escapedLabelOf(value, maxLength);
}

/** Always the escaped form: a readable lower-case part, `--` and a hash of `value`. */
function escapedLabelOf(value: string, maxLength = 63): string {
  const readable = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength - HASH_LENGTH - 2)
    .replace(/-+$/g, "");
  const hash = base32Hash(value);
  return readable === "" ? `x--${hash}` : `${readable}--${hash}`;
}

function scopeSegments(scope: Scope): string {
  let name = "";
  if (scope.project !== undefined) name += `.p.${dnsLabelOf(scope.project)}`;
  if (scope.domain !== undefined) name += `.d.${dnsLabelOf(scope.domain)}`;
  return name;
}

/**
 * The most Secrets one scope's Generic keys are spread over in a namespace (`flyte-secrets` and `.s.1` to `.s.63`);
 * with the default 128 keys and 1,000 KiB per Secret, 8,192 keys or 63 MiB per scope.
 */
export const MAX_SECRETS_PER_SCOPE = 64;

/**
 * A managed Secret holding Generic keys of `scope` in a namespace: the first is `flyte-secrets`,
 * `flyte-secrets.p.x.d.y`; when a scope's keys do not fit in one (by count or size), the next ones add `.s.1`,
 * `.s.2`... (`flyte-secrets.s.1`, `flyte-secrets.p.x.s.2`). No scope or ImagePull name ends in `.s.<n>` (their
 * next-to-last segment is always `p`, `d` or `pull`), so the names stay injective.
 */
export function scopeSecretName(scope: Scope, shard = 0): string {
  const base = `${MANAGED_SECRET_PREFIX}${scopeSegments(scope)}`;
  return shard === 0 ? base : `${base}.s.${shard}`;
}

const shardSuffix = /\.s\.([1-9][0-9]?)$/;

/** The first Secret of the scope a Generic managed Secret's name belongs to: `flyte-secrets.s.2` -> `flyte-secrets`. */
export function firstSecretNameOf(name: string): string {
  return name.replace(shardSuffix, "");
}

/** Which of `scope`'s Generic Secrets `name` is (0 for the first), or undefined when it is none of them. */
export function shardOf(scope: Scope, name: string): number | undefined {
  const base = scopeSecretName(scope);
  if (name === base) return 0;
  const match = shardSuffix.exec(name);
  if (match === null || name.slice(0, match.index) !== base) return undefined;
  const shard = Number(match[1]);
  return shard < MAX_SECRETS_PER_SCOPE ? shard : undefined;
}

/** The managed `kubernetes.io/dockerconfigjson` Secret of one ImagePull key in `scope`. */
export function imagePullSecretName(scope: Scope, key: string): string {
  return `${MANAGED_SECRET_PREFIX}${scopeSegments(scope)}.pull.${dnsLabelOf(key)}`;
}

/**
 * The managed Secret named for an entry before any placement: its own for ImagePull, else its scope's first Secret
 * (which holds every Generic key of a scope that fits in one, and every key placed before Secrets were split).
 */
export function managedSecretNameOf(entry: {
  readonly type: "Generic" | "ImagePull";
  readonly scope: Scope;
  readonly key: string;
}): string {
  return entry.type === "ImagePull"
    ? imagePullSecretName(entry.scope, entry.key)
    : scopeSecretName(entry.scope);
}

/** Whether `name` may hold the entry's key: its ImagePull Secret, or one of its scope's Generic Secrets. */
export function mayHold(
  entry: { readonly type: "Generic" | "ImagePull"; readonly scope: Scope; readonly key: string },
  name: string,
): boolean {
  return entry.type === "ImagePull"
    ? name === imagePullSecretName(entry.scope, entry.key)
    : shardOf(entry.scope, name) !== undefined;
}

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_SUBDOMAIN_MAX = 253;

/** The readable form of a key, project or domain in a FlyteSecret name: lower-cased, `_` as `-`. */
function readableForm(value: string): string {
  return value.toLowerCase().replaceAll("_", "-");
}

/**
 * The name the CLI gives the FlyteSecret (and its source Secret) of (key, scope), as the README shows it:
 * `my-secret-key` for MY_SECRET_KEY, `my-secret-key.p.my-project.d.development` for project my_project, domain
 * development. Undefined when that is not a valid object name (a key starting with `-` or `.`, say).
 */
export function readableFlyteSecretName(key: string, scope: Scope): string | undefined {
  let name = readableForm(key);
  if (scope.project !== undefined) name += `.p.${readableForm(scope.project)}`;
  if (scope.domain !== undefined) name += `.d.${readableForm(scope.domain)}`;
  // A managed Secret's name (FLYTE_SECRETS, say): the source Secret would be refused by the admission policy.
  if (isManagedSecretName(name)) return undefined;
  return name.length <= DNS_SUBDOMAIN_MAX && dnsSubdomain.test(name) ? name : undefined;
}

/**
 * The deterministic fallback name of (key, scope), used when the readable name is not valid or is taken by another
 * key or scope: injective, and never a readable name, since its key part always carries a hash
 * (`my-secret-key--<hash>.p.my-project--<hash>`).
 */
export function uniqueFlyteSecretName(key: string, scope: Scope): string {
  return `${escapedLabelOf(key)}${scopeSegments(scope)}`;
}

/** The name (key, scope) gets when nothing else holds its readable name. */
export function flyteSecretName(key: string, scope: Scope): string {
  return readableFlyteSecretName(key, scope) ?? uniqueFlyteSecretName(key, scope);
}

/** The names (key, scope) may have been given, in the order they are tried: readable first, then the fallback. */
export function flyteSecretNames(key: string, scope: Scope): string[] {
  const fallback = uniqueFlyteSecretName(key, scope);
  const preferred = readableFlyteSecretName(key, scope);
  return preferred === undefined || preferred === fallback ? [fallback] : [preferred, fallback];
}

/** Whether `name` is a managed Secret's name (contract 3): `flyte-secrets` or `flyte-secrets.<...>`. */
export function isManagedSecretName(name: string): boolean {
  return name === MANAGED_SECRET_PREFIX || name.startsWith(`${MANAGED_SECRET_PREFIX}.`);
}
