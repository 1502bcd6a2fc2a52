// Informer sources that list with plain JSON GETs over any `ApiConnection` (no client-node API classes, so the
// webhook can use them without loading client-node): FlyteSecrets across the cluster, and Namespaces.
import type { KubernetesObject, V1Namespace } from "@kubernetes/client-node";
import { GROUP, PLURAL, VERSION } from "../domain/api.ts";
import { type ApiConnection, getJson } from "./connection.ts";
import type { InformerSource, ListPage } from "./informer.ts";
import type { FlyteSecretResource } from "./sources.ts";

/** Objects per list page. */
export const PAGE = 500;

/** Drops managedFields, which nothing reads and which is often the largest part of an object. */
export function withoutManagedFields<T extends KubernetesObject>(object: T): T {
  if (object.metadata?.managedFields === undefined) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

interface List<T> {
  items?: T[] | null;
  metadata?: { resourceVersion?: string; continue?: string };
}

/** Lists `path` a page at a time (`limit`, `continue`). */
function pages<T extends KubernetesObject>(
  connection: ApiConnection,
  path: string,
): InformerSource<T>["list"] {
  return async (continueToken): Promise<ListPage<T>> => {
    const list = await getJson<List<T>>(connection, path, { limit: PAGE, continue: continueToken });
    return {
      items: list.items ?? [],
      resourceVersion: list.metadata?.resourceVersion ?? "",
      ...(list.metadata?.continue ? { continueToken: list.metadata.continue } : {}),
    };
  };
}

export function jsonFlyteSecretSource(connection: ApiConnection): InformerSource<FlyteSecretResource> {
  const path = `/apis/${GROUP}/${VERSION}/${PLURAL}`;
  return {
    name: "flytesecrets",
    connection,
    watchPath: path,
    transform: withoutManagedFields,
    list: pages(connection, path),
  };
}

export function jsonNamespaceSource(connection: ApiConnection): InformerSource<V1Namespace> {
  const path = "/api/v1/namespaces";
  return {
    name: "namespaces",
    connection,
    watchPath: path,
    transform: withoutManagedFields,
    list: pages(connection, path),
  };
}
