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
import type { InformerSource, ListPage } from "./informer.ts";

const PAGE = 500;

/** A FlyteSecret as the API serves it (timestamps arrive as strings from custom-object JSON). */
export type FlyteSecretResource = KubernetesObject & { spec: FlyteSecretSpec; status?: FlyteSecretStatus };

export function flyteSecretSource(kc: KubeConfig): InformerSource<FlyteSecretResource> {
  const api = kc.makeApiClient(CustomObjectsApi);
  return {
    name: "flytesecrets",
    watchPath: `/apis/${GROUP}/${VERSION}/${PLURAL}`,
    list: async (continueToken): Promise<ListPage<FlyteSecretResource>> => {
      const list = (await api.listClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
        limit: PAGE,
        _continue: continueToken,
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
    watchPath: "/api/v1/namespaces",
    list: async (continueToken) => {
      const list = await api.listNamespace({ limit: PAGE, _continue: continueToken });
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
    watchPath: `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`,
    list: async (continueToken) => {
      const list = await api.listNamespacedSecret({ namespace, limit: PAGE, _continue: continueToken });
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
    watchPath: "/api/v1/secrets",
    labelSelector,
    list: async (continueToken) => {
      const list = await api.listSecretForAllNamespaces({
        labelSelector,
        limit: PAGE,
        _continue: continueToken,
      });
      return {
        items: list.items,
        resourceVersion: list.metadata?.resourceVersion ?? "",
        continueToken: list.metadata?._continue,
      };
    },
  };
}
