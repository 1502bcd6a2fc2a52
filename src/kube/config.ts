// Loads the Kubernetes client configuration: an explicit kubeconfig file and context when given, otherwise the
// default chain (KUBECONFIG, ~/.kube/config, in-cluster ServiceAccount).
import { KubeConfig } from "@kubernetes/client-node";

export interface KubeConfigOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
}

export function loadKubeConfig(options: KubeConfigOptions = {}): KubeConfig {
  const kc = new KubeConfig();
  if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else kc.loadFromDefault();
  // With no KUBECONFIG, no ~/.kube/config and no ServiceAccount, client-node falls back to http://localhost:8080,
  // which would only surface later as "cannot reach localhost:8080".
  if (!options.kubeconfig && isClientNodeFallback(kc)) {
    throw new Error(
      "no Kubernetes cluster is configured (no $KUBECONFIG, no ~/.kube/config, not in a cluster): set KUBECONFIG or pass --kubeconfig",
    );
  }
  if (options.context) {
    if (!kc.getContexts().some((c) => c.name === options.context)) {
      throw new Error(
        `context ${JSON.stringify(options.context)} is not in the kubeconfig; pick one of: ${kc
          .getContexts()
          .map((c) => c.name)
          .join(", ")}`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new Error(
      "no Kubernetes cluster is configured: set KUBECONFIG, pass --kubeconfig, or run inside a cluster",
    );
  }
  return kc;
}

function isClientNodeFallback(kc: KubeConfig): boolean {
  const cluster = kc.getCurrentCluster();
  return (
    kc.getCurrentContext() === "loaded-context" &&
    cluster?.name === "cluster" &&
    cluster.server === "http://localhost:8080" &&
    kc.getCurrentUser()?.name === "user"
  );
}
