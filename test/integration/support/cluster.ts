// What integration tests need from the shared control plane: clients, fresh namespaces, and the real kubectl and helm.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { inject } from "vitest";
import type { ControlPlaneInfo } from "../../controlplane/controlplane.ts";
import { waitFor } from "../../controlplane/wait.ts";

export function controlPlane(): ControlPlaneInfo {
  return inject("controlPlane");
}

/** A Kubernetes API server with the real kubectl and helm pointed at it. */
export interface Cluster {
  readonly info: ControlPlaneInfo;
  kubectl(...args: string[]): Promise<CommandResult>;
  /** helm, with its state kept in the control plane's folder. */
  helm(...args: string[]): Promise<CommandResult>;
  kubeConfig(): KubeConfig;
}

export function clusterOf(info: ControlPlaneInfo): Cluster {
  return {
    info,
    kubectl: (...args) => runBinary(info.binaries.kubectl, args, { KUBECONFIG: info.kubeconfigPath }),
    helm: (...args) =>
      runBinary(info.binaries.helm, args, {
        KUBECONFIG: info.kubeconfigPath,
        HELM_CACHE_HOME: join(info.dir, "helm", "cache"),
        HELM_CONFIG_HOME: join(info.dir, "helm", "config"),
        HELM_DATA_HOME: join(info.dir, "helm", "data"),
      }),
    kubeConfig: () => {
      const kc = new KubeConfig();
      kc.loadFromFile(info.kubeconfigPath);
      return kc;
    },
  };
}

/** An admin client of the shared control plane. */
export function kubeConfig(): KubeConfig {
  return clusterOf(controlPlane()).kubeConfig();
}

/**
 * A fresh folder for a test's files, inside the control plane's folder: removed with it after a passing run, kept
 * (with the logs) after a failing one.
 */
export function scratchDir(prefix: string): Promise<string> {
  const parent = join(controlPlane().dir, "scratch");
  mkdirSync(parent, { recursive: true });
  return mkdtemp(join(parent, prefix));
}

/** A DNS-label-safe name unique to this run, e.g. `webhook-3f9a1c`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/**
 * Creates a namespace with a unique name and waits until its `default` ServiceAccount exists, as pods in a real
 * cluster need it before they can be created.
 */
export function createNamespace(prefix: string, labels: Record<string, string> = {}): Promise<string> {
  return createNamedNamespace(kubeConfig(), uniqueName(prefix), labels);
}

/** Creates namespace `name` through `kc` and waits for its `default` ServiceAccount. */
export async function createNamedNamespace(
  kc: KubeConfig,
  name: string,
  labels: Record<string, string> = {},
): Promise<string> {
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name, labels } } });
  await waitFor(
    async () => {
      await core.readNamespacedServiceAccount({ name: "default", namespace: name });
      return true;
    },
    { description: `the default ServiceAccount in namespace ${name}` },
  );
  return name;
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The signal that ended the process (`code` is then 128), for a failure message that says so. */
  readonly signal?: string;
}

function runBinary(
  binary: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Runs the real kubectl against the shared control plane. */
export function kubectl(...args: string[]): Promise<CommandResult> {
  return clusterOf(controlPlane()).kubectl(...args);
}

/** Runs the real kubectl authenticated only by a bearer token (e.g. a ServiceAccount token), not as the admin. */
export function kubectlWithToken(token: string, ...args: string[]): Promise<CommandResult> {
  const plane = controlPlane();
  return runBinary(
    plane.binaries.kubectl,
    [`--server=${plane.server}`, `--certificate-authority=${plane.caPath}`, `--token=${token}`, ...args],
    { KUBECONFIG: "/dev/null" },
  );
}

/** Runs the real helm against the shared control plane, with its state kept in the control plane's folder. */
export function helm(...args: string[]): Promise<CommandResult> {
  return clusterOf(controlPlane()).helm(...args);
}
