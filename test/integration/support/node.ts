// What the node-* tests need: the shared test node's facts, task pods that really run on it, and what their
// containers really see (kubectl logs, kubectl exec).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  CoreV1Api,
  type V1Container,
  type V1Pod,
  type V1Volume,
  type V1VolumeMount,
} from "@kubernetes/client-node";
import { inject } from "vitest";
import type { FlytekitAvailability } from "../../controlplane/global-setup.ts";
import { type NodeAvailability, type NodeInfo, TEST_NODE_TAINT } from "../../controlplane/node.ts";
import { waitFor } from "../../controlplane/wait.ts";
import { type CommandResult, kubeConfig, kubectl, scratchDir } from "./cluster.ts";

export function testNode(): NodeAvailability {
  return inject("node");
}

/** The node's facts; only call it inside tests skipped when `testNode().available` is false. */
export function nodeInfo(): NodeInfo {
  const node = testNode();
  if (!node.available) throw new Error(`no test node: ${node.reason}`);
  return node.node;
}

export function flytekitEnvironment(): FlytekitAvailability {
  return inject("flytekit");
}

/** A container of the node's busybox image running `script` with sh. */
export function shContainer(name: string, script: string, extra: Partial<V1Container> = {}): V1Container {
  return {
    name,
    image: nodeInfo().images.busybox,
    imagePullPolicy: "Never",
    command: ["sh", "-c", script],
    ...extra,
  };
}

/**
 * A pod for the test node: tolerates its taint, never pulls, has no ServiceAccount token, and stops at once
 * (busybox sh as PID 1 ignores SIGTERM).
 */
export function nodePod(
  name: string,
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> },
  spec: { containers: V1Container[]; initContainers?: V1Container[]; volumes?: V1Volume[] },
  restartPolicy: "Never" | "Always" = "Never",
): V1Pod {
  return {
    metadata: { name, ...metadata },
    spec: {
      ...spec,
      restartPolicy,
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      tolerations: [{ ...TEST_NODE_TAINT, operator: "Equal" }],
    },
  };
}

/** Creates a pod with the real kubectl (through the API server and so the webhook); never rejects on refusal. */
export async function createPod(namespace: string, pod: V1Pod): Promise<CommandResult> {
  const file = join(await scratchDir("node-pod-"), "pod.json");
  await writeFile(file, JSON.stringify({ apiVersion: "v1", kind: "Pod", ...pod }));
  return kubectl("create", "-n", namespace, "-f", file);
}

/**
 * Creates a pod that the webhook should allow, retrying while it refuses: its caches (informers) may not have seen a
 * FlyteSecret made a moment ago. Fails with the last refusal after the timeout.
 */
export async function createAllowedPod(namespace: string, pod: V1Pod, timeoutMs = 20_000): Promise<void> {
  let last = "";
  try {
    await waitFor(
      async () => {
        const result = await createPod(namespace, pod);
        last = result.stderr;
        return result.code === 0 ? true : undefined;
      },
      { description: `the webhook to allow pod ${pod.metadata?.name}`, timeoutMs, intervalMs: 250 },
    );
  } catch (error) {
    throw new Error(`pod ${namespace}/${pod.metadata?.name} was not allowed: ${last}`, { cause: error });
  }
}

async function readPod(namespace: string, name: string): Promise<V1Pod> {
  return kubeConfig().makeApiClient(CoreV1Api).readNamespacedPod({ name, namespace });
}

function describeFailure(pod: V1Pod): string | undefined {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (const s of statuses) {
    const waiting = s.state?.waiting;
    if (waiting && /Err|BackOff|Invalid/.test(waiting.reason ?? "")) {
      return `container ${s.name}: ${waiting.reason}: ${waiting.message ?? ""}`;
    }
  }
  return undefined;
}

/** Waits until the pod has run to completion (phase Succeeded) and returns it; fails early on a container error. */
export async function waitForSucceeded(namespace: string, name: string, timeoutMs = 60_000): Promise<V1Pod> {
  const pod = await waitFor(
    async () => {
      const pod = await readPod(namespace, name);
      const phase = pod.status?.phase;
      return phase === "Succeeded" || phase === "Failed" || describeFailure(pod) ? pod : undefined;
    },
    { description: `pod ${namespace}/${name} to succeed`, timeoutMs, intervalMs: 200 },
  );
  if (pod.status?.phase !== "Succeeded") {
    const why = describeFailure(pod) ?? `phase ${pod.status?.phase}`;
    throw new Error(`pod ${namespace}/${name} did not succeed (${why}):\n${await allLogs(namespace, name)}`);
  }
  return pod;
}

/** Waits until every container of the pod is ready. */
export function waitForRunning(namespace: string, name: string, timeoutMs = 60_000): Promise<V1Pod> {
  return waitFor(
    async () => {
      const pod = await readPod(namespace, name);
      const failure = describeFailure(pod);
      if (failure) throw new Error(failure);
      return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ? pod : undefined;
    },
    { description: `pod ${namespace}/${name} to be Ready`, timeoutMs, intervalMs: 200 },
  );
}

/** What a container wrote to its log, through the API server and the kubelet (`kubectl logs`). */
export async function logs(namespace: string, pod: string, container: string): Promise<string> {
  const result = await kubectl("logs", "-n", namespace, pod, "-c", container);
  if (result.code !== 0) throw new Error(`kubectl logs ${pod} -c ${container}: ${result.stderr}`);
  return result.stdout;
}

async function allLogs(namespace: string, pod: string): Promise<string> {
  const result = await kubectl("logs", "-n", namespace, pod, "--all-containers", "--prefix");
  return result.stdout + result.stderr;
}

/** Runs a command in a running container (`kubectl exec`) and returns its standard output. */
export async function exec(
  namespace: string,
  pod: string,
  container: string,
  ...command: string[]
): Promise<string> {
  const result = await kubectl("exec", "-n", namespace, pod, "-c", container, "--", ...command);
  if (result.code !== 0)
    throw new Error(`kubectl exec ${pod} -c ${container} ${command.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** Parses `KEY=value` lines, as the test containers print them. */
export function keyValues(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) result[line.slice(0, at)] = line.slice(at + 1);
  }
  return result;
}

/**
 * The host's Python and the flytekit environment, mounted read-only into a busybox container at the same paths
 * (with the host's /usr, where the interpreter's shared libraries live), so a task runs the real flytekit without
 * any registry. Returns the volumes and the container's mounts.
 */
export function flytekitMounts(): { volumes: V1Volume[]; volumeMounts: V1VolumeMount[]; python: string } {
  const env = flytekitEnvironment();
  if (!env.available) throw new Error(env.reason);
  const paths = [
    ["host-usr", "/usr"],
    ["python", env.basePrefix],
    ["flytekit", env.venv],
  ] as const;
  return {
    volumes: paths.map(([name, path]) => ({ name, hostPath: { path, type: "Directory" } })),
    volumeMounts: paths.map(([name, path]) => ({ name, mountPath: path, readOnly: true })),
    python: `${env.venv}/bin/python`,
  };
}
