// The Helm chart under test (charts/flyte-secrets): rendering it with the real helm, finding its objects, and running
// its components as host processes authenticated only by tokens of the chart's own ServiceAccounts (the RBAC proof),
// on the shared control plane or on a dedicated one.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CoreV1Api } from "@kubernetes/client-node";
import { dump, loadAll } from "js-yaml";
import { ControlPlane } from "../../controlplane/controlplane.ts";
import {
  type Cluster,
  type CommandResult,
  clusterOf,
  controlPlane,
  createNamedNamespace,
  scratchDir,
  uniqueName,
} from "./cluster.ts";

export type { Cluster };

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const chartDir = join(repoRoot, "charts", "flyte-secrets");
const nodeBinary = join(repoRoot, "node_modules", ".bin", "node");
const mainTs = join(repoRoot, "src", "main.ts");

/** One object of the rendered chart, loosely typed: tests read the fields they check. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [field: string]: unknown;
}

/** The control plane vitest's global setup started, shared by every integration test file. */
export function sharedCluster(): Cluster {
  return clusterOf(controlPlane());
}

/**
 * A control plane of its own, with the shared one's binaries: for running the controller exactly as the chart
 * deploys it, which acts on every participating namespace of its cluster and so cannot share one with other tests.
 */
export async function startDedicatedCluster(dir?: string): Promise<{
  cluster: Cluster;
  stop(keepFiles: boolean): Promise<void>;
}> {
  const plane = await ControlPlane.start({ binaries: controlPlane().binaries, ...(dir ? { dir } : {}) });
  return { cluster: clusterOf(plane.info), stop: (keepFiles) => plane.stop({ keepFiles }) };
}

/** Creates a namespace and waits for its `default` ServiceAccount, which pods need. */
export function createNamespaceIn(
  cluster: Cluster,
  name: string,
  labels: Record<string, string> = {},
): Promise<string> {
  return createNamedNamespace(cluster.kubeConfig(), name, labels);
}

/** Writes text to a new temporary file and returns its path. */
export async function temporaryFile(name: string, text: string): Promise<string> {
  const dir = await scratchDir("flyte-secrets-chart-");
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Writes values to a temporary file for `helm -f` (JSON is YAML). */
export function valuesFile(values: object): Promise<string> {
  return temporaryFile("values.yaml", JSON.stringify(values));
}

/**
 * Values that keep a test installation's MutatingWebhookConfiguration away from every namespace of the cluster
 * (only namespaces labelled with this unique value would be sent to it). Nothing runs the chart's pods here, so its
 * Service has no endpoints and, failing closed, it would refuse other tests' task pods. Its ValidatingAdmissionPolicy
 * is off too: it applies to the whole cluster and would refuse other tests' controllers, which run as the admin.
 */
export function isolatedValues(id: string): {
  webhook: { namespaceSelector: { matchLabels: Record<string, string> } };
  admissionPolicy: { enabled: boolean };
} {
  return {
    webhook: { namespaceSelector: { matchLabels: { "flyte-secrets.test/chart-only": id } } },
    admissionPolicy: { enabled: false },
  };
}

/** `helm template` with these values; throws with helm's message when rendering fails. */
export async function renderChart(
  release: string,
  namespace: string,
  values: object = {},
  cluster: Cluster = sharedCluster(),
): Promise<Manifest[]> {
  const result = await renderChartRaw(release, namespace, values, cluster);
  if (result.code !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return loadAll(result.stdout).filter((doc): doc is Manifest => typeof doc === "object" && doc !== null);
}

export async function renderChartRaw(
  release: string,
  namespace: string,
  values: object = {},
  cluster: Cluster = sharedCluster(),
): Promise<CommandResult> {
  return cluster.helm(
    "template",
    release,
    chartDir,
    "--namespace",
    namespace,
    "-f",
    await valuesFile(values),
  );
}

/** The one object of this kind (and component, when given); throws when there is not exactly one. */
export function only(manifests: readonly Manifest[], kind: string, component?: string): Manifest {
  const found = manifests.filter(
    (m) =>
      m.kind === kind &&
      (component === undefined || m.metadata.labels?.["app.kubernetes.io/component"] === component),
  );
  if (found.length !== 1)
    throw new Error(`expected one ${kind}${component ? ` of ${component}` : ""}, found ${found.length}`);
  return found[0] as Manifest;
}

/** A pod template's first container and the pod spec, from a rendered Deployment. */
export interface PodSpecView {
  readonly spec: Record<string, unknown> & {
    volumes?: Array<Record<string, unknown> & { name: string }>;
    serviceAccountName?: string;
    securityContext?: Record<string, unknown>;
  };
  readonly container: Record<string, unknown> & {
    args: string[];
    env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
    securityContext?: Record<string, unknown>;
    volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean; subPath?: string }>;
  };
}

export function podOf(deployment: Manifest): PodSpecView {
  const template = (deployment.spec as { template: { spec: PodSpecView["spec"] } }).template;
  const container = (template.spec.containers as PodSpecView["container"][] | undefined)?.[0];
  if (container === undefined) throw new Error(`Deployment ${deployment.metadata.name} has no container`);
  return { spec: template.spec, container };
}

/** config.yaml of the chart's ConfigMap, as text. */
export function configText(manifests: readonly Manifest[]): string {
  const data = only(manifests, "ConfigMap").data as Record<string, string> | undefined;
  const text = data?.["config.yaml"];
  if (text === undefined) throw new Error("the ConfigMap has no config.yaml");
  return text;
}

// ---- running the chart's components as host processes ----

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Mints a token for a ServiceAccount with the TokenRequest API (as the kubelet does for a pod). */
export async function serviceAccountToken(
  cluster: Cluster,
  namespace: string,
  name: string,
): Promise<string> {
  const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
  const response = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const token = response.status?.token;
  if (!token) throw new Error(`no token was issued for ServiceAccount ${namespace}/${name}`);
  return token;
}

/** A kubeconfig holding only the server, its CA and a bearer token: no client certificate. */
export async function tokenKubeconfigFor(cluster: Cluster, dir: string, token: string): Promise<string> {
  const path = join(dir, `kubeconfig-${uniqueName("token")}`);
  await writeFile(
    path,
    dump({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        { name: "c", cluster: { server: cluster.info.server, "certificate-authority": cluster.info.caPath } },
      ],
      users: [{ name: "u", user: { token } }],
      contexts: [{ name: "x", context: { cluster: "c", user: "u" } }],
      "current-context": "x",
    }),
    { mode: 0o600 },
  );
  return path;
}

export interface HostProcess {
  readonly logFile: string;
  logs(): Promise<string>;
  /** SIGTERM (a graceful shutdown, as the kubelet would), then SIGKILL if it lingers; resolves once it exited. */
  stop(): Promise<void>;
}

/** Runs `node src/main.ts <args>` with its output in a log file; killed when the test process exits, whatever happens. */
export function startProgram(
  name: string,
  args: readonly string[],
  env: Record<string, string>,
  logDir: string,
): HostProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const out = createWriteStream(logFile, { flags: "a" });
  const child: ChildProcess = spawn(nodeBinary, [mainTs, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  let exited = false;
  const done = new Promise<void>((resolve) => {
    child.on("exit", () => {
      exited = true;
      resolve();
    });
  });
  child.on("close", () => out.end());
  const killOnExit = (): void => {
    if (!exited) child.kill("SIGKILL");
  };
  process.on("exit", killOnExit);
  return {
    logFile,
    logs: () => readFile(logFile, "utf8").catch(() => ""),
    stop: async () => {
      process.off("exit", killOnExit);
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** GET http://127.0.0.1:port/path: the status code, or undefined when nothing answers. */
export function httpStatus(port: number, path: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
    req.end();
  });
}
