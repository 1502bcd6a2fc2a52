// Informer sources for the objects flyte-secrets watches: FlyteSecrets, Namespaces and Secrets (by namespace or by
// label selector across the cluster).
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  type V1Namespace,
  type V1Secret,
} from "@kubernetes/client-node";
import { type FlyteSecretSpec, type FlyteSecretStatus, GROUP, PLURAL, VERSION } from "../domain/api.ts";
import { type ManagedField, otherContentWriters } from "../domain/scope-secrets.ts";
import { getJson, METADATA_LIST, METADATA_WATCH } from "./connection.ts";
import { kubeConfigConnection } from "./http.ts";
import type { InformerSource, ListPage } from "./informer.ts";
import { PAGE, withoutManagedFields } from "./json-sources.ts";

/** The field manager of every write the controller makes; managedFields tell its writes from anyone else's. */
export const FIELD_MANAGER = "flyte-secrets";

/** A FlyteSecret as the API serves it (timestamps arrive as strings from custom-object JSON). */
export type FlyteSecretResource = KubernetesObject & { spec: FlyteSecretSpec; status?: FlyteSecretStatus };

export function flyteSecretSource(kc: KubeConfig): InformerSource<FlyteSecretResource> {
  const api = kc.makeApiClient(CustomObjectsApi);
  return {
    name: "flytesecrets",
    connection: kubeConfigConnection(kc),
    watchPath: `/apis/${GROUP}/${VERSION}/${PLURAL}`,
    transform: withoutManagedFields,
    list: async (continueToken): Promise<ListPage<FlyteSecretResource>> => {
      const list = (await api.listClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
        limit: PAGE,
        ...(continueToken === undefined ? {} : { _continue: continueToken }),
      })) as {
        items?: FlyteSecretResource[];
        metadata?: { resourceVersion?: string; _continue?: string; continue?: string };
      };
      return {
        items: list.items ?? [],
        resourceVersion: list.metadata?.resourceVersion ?? "",
        continueToken: list.metadata?.continue ?? list.metadata?._continue,
      };
    },
  };
}

export function namespaceSource(kc: KubeConfig): InformerSource<V1Namespace> {
  const api = kc.makeApiClient(CoreV1Api);
  return {
    name: "namespaces",
    connection: kubeConfigConnection(kc),
    watchPath: "/api/v1/namespaces",
    transform: withoutManagedFields,
    list: async (continueToken) => {
      const list = await api.listNamespace({
        limit: PAGE,
        ...(continueToken === undefined ? {} : { _continue: continueToken }),
      });
      return {
        items: list.items,
        resourceVersion: list.metadata?.resourceVersion ?? "",
        continueToken: list.metadata?._continue,
      };
    },
  };
}

/** Secrets of one namespace (the sources in a control namespace). */
export function namespacedSecretSource(kc: KubeConfig, namespace: string): InformerSource<V1Secret> {
  const api = kc.makeApiClient(CoreV1Api);
  return {
    name: `secrets(${namespace})`,
    connection: kubeConfigConnection(kc),
    watchPath: `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`,
    transform: withoutManagedFields,
    list: async (continueToken) => {
      const list = await api.listNamespacedSecret({
        namespace,
        limit: PAGE,
        ...(continueToken === undefined ? {} : { _continue: continueToken }),
      });
      return {
        items: list.items,
        resourceVersion: list.metadata?.resourceVersion ?? "",
        continueToken: list.metadata?._continue,
      };
    },
  };
}

/** Secrets across the cluster with a label selector (the managed ones). */
export function labelledSecretSource(kc: KubeConfig, labelSelector: string): InformerSource<V1Secret> {
  const api = kc.makeApiClient(CoreV1Api);
  return {
    name: "secrets(managed)",
    connection: kubeConfigConnection(kc),
    watchPath: "/api/v1/secrets",
    labelSelector,
    list: async (continueToken) => {
      const list = await api.listSecretForAllNamespaces({
        labelSelector,
        limit: PAGE,
        ...(continueToken === undefined ? {} : { _continue: continueToken }),
      });
      return {
        items: list.items,
        resourceVersion: list.metadata?.resourceVersion ?? "",
        continueToken: list.metadata?._continue,
      };
    },
  };
}

/**
 * A managed Secret as the controller caches it: metadata only (never the values), and the field managers other than
 * the controller that wrote its content.
 */
export interface ManagedSecretMeta extends KubernetesObject {
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly uid: string;
    readonly resourceVersion: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly otherWriters: readonly string[];
}

export interface PartialObjectMetadata {
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    managedFields?: ManagedField[];
  };
}

export function managedSecretMeta(object: PartialObjectMetadata): ManagedSecretMeta {
  const m = object.metadata ?? {};
  return {
    metadata: {
      name: m.name ?? "",
      namespace: m.namespace ?? "",
      uid: m.uid ?? "",
      resourceVersion: m.resourceVersion ?? "",
      labels: m.labels ?? {},
      annotations: m.annotations ?? {},
    },
    otherWriters: otherContentWriters(m.managedFields, FIELD_MANAGER),
  };
}

/** Managed Secrets across the cluster, metadata only (PartialObjectMetadata lists and watches). */
export function managedSecretSource(
  kc: KubeConfig,
  labelSelector: string,
): InformerSource<ManagedSecretMeta> {
  const connection = kubeConfigConnection(kc);
  return {
    name: "secrets(managed)",
    connection,
    watchPath: "/api/v1/secrets",
    labelSelector,
    watchAccept: METADATA_WATCH,
    // Watch events carry PartialObjectMetadata; lists are shaped on arrival already (shaping twice is harmless).
    transform: (object) =>
      "otherWriters" in object ? object : managedSecretMeta(object as unknown as PartialObjectMetadata),
    list: async (continueToken) => {
      const list = await getJson<{
        items?: PartialObjectMetadata[];
        metadata?: { resourceVersion?: string; continue?: string };
      }>(
        connection,
        "/api/v1/secrets",
        { labelSelector, limit: PAGE, continue: continueToken },
        METADATA_LIST,
      );
      return {
        items: (list.items ?? []).map(managedSecretMeta),
        resourceVersion: list.metadata?.resourceVersion ?? "",
        ...(list.metadata?.continue ? { continueToken: list.metadata.continue } : {}),
      };
    },
  };
}
