// The MutatingWebhookConfiguration of DESIGN §5.3: two entries (native label, Flyte propeller's label), each seeing
// only pods that opted in, never the operator's own namespace or kube-system; Fail closed, no side effects,
// 5 s timeout, reinvoked if another webhook changes the pod. Used by the local mode and tests; the Helm chart
// renders the same shape.
import type {
  V1LabelSelector,
  V1MutatingWebhook,
  V1MutatingWebhookConfiguration,
} from "@kubernetes/client-node";
import { labels } from "../domain/api.ts";

export interface WebhookConfigurationOptions {
  readonly name: string;
  /** Either a URL (local mode) or a Service reference (in cluster). */
  readonly clientConfig:
    | { readonly url: string; readonly caBundlePem?: string }
    | {
        readonly service: { readonly namespace: string; readonly name: string; readonly port?: number };
        readonly caBundlePem?: string;
      };
  /** Namespaces whose pods are never sent (the operator's own; kube-system is always added). */
  readonly excludeNamespaces: readonly string[];
  /** Extra namespace labels to require (e.g. to scope one installation among several). */
  readonly namespaceMatchLabels?: Readonly<Record<string, string>>;
}

export function webhookConfiguration(options: WebhookConfigurationOptions): V1MutatingWebhookConfiguration {
  const excluded = [...new Set([...options.excludeNamespaces, "kube-system"])].sort();
  const namespaceSelector: V1LabelSelector = {
    matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: excluded }],
    ...(options.namespaceMatchLabels ? { matchLabels: { ...options.namespaceMatchLabels } } : {}),
  };
  const caBundle = options.clientConfig.caBundlePem
    ? Buffer.from(options.clientConfig.caBundlePem).toString("base64")
    : undefined;
  const clientConfig =
    "url" in options.clientConfig
      ? { url: options.clientConfig.url, ...(caBundle ? { caBundle } : {}) }
      : {
          service: {
            ...options.clientConfig.service,
            path: "/mutate",
            port: options.clientConfig.service.port ?? 443,
          },
          ...(caBundle ? { caBundle } : {}),
        };
  const entry = (name: string, label: string): V1MutatingWebhook => ({
    name,
    admissionReviewVersions: ["v1"],
    clientConfig,
    rules: [
      {
        operations: ["CREATE"],
        apiGroups: [""],
        apiVersions: ["v1"],
        resources: ["pods"],
        scope: "Namespaced",
      },
    ],
    objectSelector: { matchLabels: { [label]: "true" } },
    namespaceSelector,
    failurePolicy: "Fail",
    sideEffects: "None",
    timeoutSeconds: 5,
    reinvocationPolicy: "IfNeeded",
    matchPolicy: "Equivalent",
  });
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "MutatingWebhookConfiguration",
    metadata: { name: options.name, labels: { "app.kubernetes.io/part-of": "flyte-secrets" } },
    webhooks: [
      entry("native.secrets.flyte.org", labels.inject),
      entry("flyte.secrets.flyte.org", labels.flyteInject),
    ],
  };
}
