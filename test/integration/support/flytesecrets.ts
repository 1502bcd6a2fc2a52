// Creating and reading FlyteSecrets (and their source Secrets) in an installation's control namespace.
import { CoreV1Api, CustomObjectsApi } from "@kubernetes/client-node";
import { GROUP, PLURAL, VERSION } from "../../../src/domain/api.ts";
import type { FlyteSecretResource } from "../../../src/kube/sources.ts";
import { waitFor } from "../../controlplane/wait.ts";
import { kubeConfig } from "./cluster.ts";
import type { Installation } from "./operator.ts";

const core = () => kubeConfig().makeApiClient(CoreV1Api);
const custom = () => kubeConfig().makeApiClient(CustomObjectsApi);

export async function createFlyteSecret(
  install: Installation,
  name: string,
  spec: { key: string; project?: string; domain?: string; type?: string },
  secretValue?: string,
): Promise<void> {
  if (secretValue !== undefined) {
    await core().createNamespacedSecret({
      namespace: install.controlNamespace,
      body: { metadata: { name }, stringData: { value: secretValue } },
    });
  }
  await custom().createNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    plural: PLURAL,
    namespace: install.controlNamespace,
    body: {
      apiVersion: `${GROUP}/${VERSION}`,
      kind: "FlyteSecret",
      metadata: { name },
      spec: { ...spec, valueFrom: { secretKeyRef: { name, key: "value" } } },
    },
  });
}

export async function readFlyteSecret(namespace: string, name: string): Promise<FlyteSecretResource> {
  return (await custom().getNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    plural: PLURAL,
    namespace,
    name,
  })) as FlyteSecretResource;
}

export function waitForReady(
  namespace: string,
  name: string,
  expected: { status: "True" | "False" | "Unknown"; reason: string; namespaces?: number },
): Promise<FlyteSecretResource> {
  return waitFor(
    async () => {
      const fs = await readFlyteSecret(namespace, name);
      const ready = fs.status?.conditions?.find((c) => c.type === "Ready");
      const countOk = expected.namespaces === undefined || fs.status?.namespaces === expected.namespaces;
      return ready?.status === expected.status && ready.reason === expected.reason && countOk
        ? fs
        : undefined;
    },
    {
      description: `FlyteSecret ${namespace}/${name} Ready=${expected.status} ${expected.reason}`,
      timeoutMs: 20_000,
    },
  );
}
