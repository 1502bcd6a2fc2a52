// Catalog entries for tests: unique names and uids, creation times one second apart in creation order.
import type { CatalogEntry } from "../../../src/domain/catalog.ts";
import type { Scope } from "../../../src/domain/scope.ts";

let counter = 0;

export function catalogEntry(
  key: string,
  scope: Scope = {},
  overrides: Partial<CatalogEntry> = {},
): CatalogEntry {
  counter += 1;
  return {
    name: `fs-${counter}`,
    namespace: "flyte-secrets",
    uid: `uid-${counter}`,
    generation: 1,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, counter)).toISOString(),
    key,
    scope,
    type: "Generic",
    source: { name: `src-${counter}`, key: "value" },
    ...overrides,
  };
}
