// The ValidatingAdmissionPolicy guarding managed Secrets and its binding, rendered from the chart's own source file
// (charts/flyte-secrets/files/managed-secrets-policy.yaml) exactly as the chart's template renders it, for `npm start`.
// A test renders both and compares them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import type { RawObject } from "../src/kube/apply.ts";

export const policySource = fileURLToPath(
  new URL("../charts/flyte-secrets/files/managed-secrets-policy.yaml", import.meta.url),
);

export interface ManagedSecretsPolicyOptions {
  /** Name of both the policy and its binding (cluster-scoped). */
  readonly name: string;
  /** The installation's id (config `installation`). */
  readonly installation: string;
  /** Usernames of this installation's controller, e.g. system:serviceaccount:flyte-secrets:flyte-secrets-controller. */
  readonly controllerUsernames: readonly string[];
  /** Members of these groups may write managed Secrets (break-glass). */
  readonly breakGlassGroups?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
}

/** JSON as Go's encoding/json (Helm's toJson) writes it: with <, > and & escaped, so both renderings are equal. */
function goJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

export function managedSecretsPolicy(options: ManagedSecretsPolicyOptions): {
  policy: RawObject;
  binding: RawObject;
} {
  const text = readFileSync(policySource, "utf8")
    .replaceAll("__INSTALLATION__", goJson(options.installation))
    .replaceAll("__CONTROLLER_USERNAMES__", goJson(options.controllerUsernames))
    .replaceAll("__BREAK_GLASS_GROUPS__", goJson(options.breakGlassGroups ?? []));
  const source = load(text) as { policy: Record<string, unknown>; binding: Record<string, unknown> };
  const metadata = { name: options.name, ...(options.labels ? { labels: { ...options.labels } } : {}) };
  return {
    policy: {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicy",
      metadata,
      spec: source.policy,
    },
    binding: {
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata,
      spec: { policyName: options.name, ...source.binding },
    },
  };
}
