// Which managed Secret holds each Generic key of a scope (DESIGN §4). A scope's keys share one Secret per namespace
// until it holds `maxKeysPerSecret` keys or `maxScopeBytes` bytes; further keys go to the scope's next Secret
// (`flyte-secrets.s.1`, ...). The API server's cost of writing a Secret grows with its keys — a 1,000-key Secret costs
// about three times a 250-key one — and every rotation rewrites the Secret holding the key in every namespace that
// sees it, so smaller Secrets keep an organization-wide rotation within seconds (issue 14).
//
// A key never moves once placed: the Secret recorded in its status (`status.secretName`, which pods are pointed at)
// is kept whatever the count, as long as its bytes fit. New keys fill the first Secret with room, oldest first, so
// the same catalog always gives the same placement — before the statuses are written, and after a restart.
import type { CatalogEntry } from "./catalog.ts";
import { MAX_SECRETS_PER_SCOPE, scopeSecretName, shardOf } from "./names.ts";
import { describeScope } from "./scope.ts";

export interface PlacementLimits {
  /** Most keys one Secret takes new keys up to. */
  readonly maxKeysPerSecret: number;
  /** Most bytes (keys and decoded values) in one Secret. */
  readonly maxScopeBytes: number;
}

/** One Generic key to place: its entry and the bytes it adds to a Secret. */
export interface KeyToPlace {
  readonly entry: CatalogEntry;
  readonly bytes: number;
}

export type Placement =
  | { readonly placed: true; readonly secretName: string }
  | { readonly placed: false; readonly message: string };

const scopeKey = (entry: CatalogEntry): string =>
  `${entry.scope.project ?? "\u0001"}\u0000${entry.scope.domain ?? "\u0001"}`;

/**
 * Places the Generic keys of any number of scopes, given in age order (oldest first) with their entry ids as keys
 * of the result: first every key whose recorded Secret still has room for its bytes, then the others, each in the
 * first of its scope's Secrets below both limits. A key nothing has room for is not placed (`TooLarge`).
 */
export function placeKeys(
  keys: readonly KeyToPlace[],
  limits: PlacementLimits,
): Map<CatalogEntry, Placement> {
  const usage = new Map<string, Array<{ keys: number; bytes: number }>>();
  const used = (entry: CatalogEntry, shard: number): { keys: number; bytes: number } => {
    let shards = usage.get(scopeKey(entry));
    if (shards === undefined) {
      shards = [];
      usage.set(scopeKey(entry), shards);
    }
    let u = shards[shard];
    if (u === undefined) {
      u = { keys: 0, bytes: 0 };
      shards[shard] = u;
    }
    return u;
  };
  const result = new Map<CatalogEntry, Placement>();
  const place = (key: KeyToPlace, shard: number): void => {
    const u = used(key.entry, shard);
    u.keys += 1;
    u.bytes += key.bytes;
    result.set(key.entry, { placed: true, secretName: scopeSecretName(key.entry.scope, shard) });
  };
  const unplaced: KeyToPlace[] = [];
  for (const key of keys) {
    const recorded =
      key.entry.secretName === undefined ? undefined : shardOf(key.entry.scope, key.entry.secretName);
    if (recorded !== undefined && used(key.entry, recorded).bytes + key.bytes <= limits.maxScopeBytes)
      place(key, recorded);
    else unplaced.push(key);
  }
  for (const key of unplaced) {
    let shard = 0;
    while (shard < MAX_SECRETS_PER_SCOPE) {
      const u = used(key.entry, shard);
      if (u.keys < limits.maxKeysPerSecret && u.bytes + key.bytes <= limits.maxScopeBytes) break;
      shard += 1;
    }
    if (shard < MAX_SECRETS_PER_SCOPE) place(key, shard);
    else
      result.set(key.entry, {
        placed: false,
        message: `scope ${describeScope(key.entry.scope)} already fills ${MAX_SECRETS_PER_SCOPE} Secrets (${limits.maxKeysPerSecret} keys or ${limits.maxScopeBytes} bytes each); this key needs ${key.bytes} bytes more: delete keys of this scope or store a smaller value`,
      });
  }
  return result;
}
