// Deterministic, injective, human-readable names: managed Secrets per scope (DESIGN §4) and FlyteSecrets per
// (key, scope) as the CLI creates them. A value that is not already a safe DNS label is escaped to a readable
// lower-case form plus a hash of the original, so `my_project` and `my-project` never share a name.
import { createHash } from "node:crypto";
import type { Scope } from "./scope.ts";

export const MANAGED_SECRET_PREFIX = "flyte-secrets";

const HASH_LENGTH = 8;
const safeLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// An escaped value ends in `-` and HASH_LENGTH base32 characters; a safe value that looks like that is escaped too,
// which keeps the mapping injective.
const hashLikeSuffix = new RegExp(`-[a-z2-7]{${HASH_LENGTH}}$`);

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
 * label, otherwise a readable lower-case form with a hash suffix (`my_project` -> `my-project-<hash>`).
 */
export function dnsLabelOf(value: string, maxLength = 63): string {
  if (safeLabel.test(value) && !hashLikeSuffix.test(value) && value.length <= maxLength) return value;
  const readable = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength - HASH_LENGTH - 1)
    .replace(/-+$/g, "");
  const hash = base32Hash(value);
  return readable === "" ? `x-${hash}`.slice(0, maxLength) : `${readable}-${hash}`;
}

function scopeSegments(scope: Scope): string {
  let name = "";
  if (scope.project !== undefined) name += `.p.${dnsLabelOf(scope.project)}`;
  if (scope.domain !== undefined) name += `.d.${dnsLabelOf(scope.domain)}`;
  return name;
}

/** The managed Secret holding every Generic key of `scope` in a namespace: `flyte-secrets`, `flyte-secrets.p.x.d.y`. */
export function scopeSecretName(scope: Scope): string {
  return `${MANAGED_SECRET_PREFIX}${scopeSegments(scope)}`;
}

/** The managed `kubernetes.io/dockerconfigjson` Secret of one ImagePull key in `scope`. */
export function imagePullSecretName(scope: Scope, key: string): string {
  return `${MANAGED_SECRET_PREFIX}${scopeSegments(scope)}.pull.${dnsLabelOf(key)}`;
}

/**
 * The FlyteSecret (and source Secret) name the CLI uses for (key, scope): readable and collision-free, e.g.
 * `my-secret-key-<hash>` for MY_SECRET_KEY, `my-secret-key-<hash>.p.my-project-<hash>.d.development`.
 */
export function flyteSecretName(key: string, scope: Scope): string {
  return `${dnsLabelOf(key)}${scopeSegments(scope)}`;
}

/** Whether `name` is a managed Secret's name (contract 3): `flyte-secrets` or `flyte-secrets.<...>`. */
export function isManagedSecretName(name: string): boolean {
  return name === MANAGED_SECRET_PREFIX || name.startsWith(`${MANAGED_SECRET_PREFIX}.`);
}
