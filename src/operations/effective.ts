// What a task of (project, domain) receives: per key, the FlyteSecret that wins by the one resolution function
// (domain/catalog.ts `resolve`, the webhook's own), and the other candidates its scope can see, most specific first.
import type { FlyteSecretObject } from "../domain/api.ts";
import { readyCatalog, resolve, servableEntries } from "../domain/catalog.ts";
import { resolutionOrder, sameScope, scopeIncludes } from "../domain/scope.ts";
import { infoOf, type SecretInfo } from "./secrets.ts";
import type { SecretStore } from "./store.ts";

export interface EffectiveSecret {
  readonly key: string;
  /** The secret a task gets for this key; undefined when no candidate is servable (see `candidates`' status). */
  readonly winner: SecretInfo | undefined;
  /** Every FlyteSecret of the key in a scope the task can see, in resolution order (the winner among them). */
  readonly candidates: readonly SecretInfo[];
}

/** The effective view from a list of FlyteSecrets of one control namespace; sorted by key. */
export function effectiveOf(
  objects: readonly FlyteSecretObject[],
  controlNamespace: string,
  project: string,
  domain: string,
): EffectiveSecret[] {
  const ready = readyCatalog(servableEntries(objects, [controlNamespace]));
  const order = resolutionOrder(project, domain);
  const rank = (o: FlyteSecretObject): number =>
    order.findIndex((scope) => sameScope(scope, infoOf(o).scope));
  const visible = objects.filter((o) => scopeIncludes(infoOf(o).scope, project, domain));
  const keys = [...new Set(visible.map((o) => o.spec.key))].sort();
  return keys.map((key) => {
    const candidates = visible
      .filter((o) => o.spec.key === key)
      .sort((a, b) => rank(a) - rank(b) || a.metadata.name.localeCompare(b.metadata.name))
      .map(infoOf);
    const resolved = resolve(ready, key, project, domain);
    const winner =
      resolved === undefined
        ? undefined
        : candidates.find(
            (c) => c.name === resolved.entry.name && c.object.metadata.namespace === resolved.entry.namespace,
          );
    return { key, winner, candidates };
  });
}

/** What a task of (project, domain) receives from the secrets of the store's namespace. */
export async function effectiveSecrets(
  store: SecretStore,
  project: string,
  domain: string,
): Promise<EffectiveSecret[]> {
  return effectiveOf(await store.listFlyteSecrets(), store.namespace, project, domain);
}
