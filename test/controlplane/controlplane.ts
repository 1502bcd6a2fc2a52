// A real, local Kubernetes control plane: etcd, kube-apiserver (RBAC, client-certificate auth, ServiceAccount token
// signing) and kube-controller-manager (garbage collector, namespace and ServiceAccount controllers), on free loopback
// ports, with a generated admin kubeconfig. Used by the integration tests and by `npm start`'s local mode.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import {
  createCertificateAuthority,
  createSigningKeyPair,
  issueCertificate,
  type PemPair,
} from "../../src/tls/certificates.ts";
import type { Binaries } from "./binaries.ts";
import { waitFor } from "./wait.ts";

const day = 24 * 60 * 60 * 1000;

// sh -c GUARD name binary args...: runs the binary in the background, keeps this process's pipe on fd 3 (background
// jobs get /dev/null as stdin), and on the pipe's end-of-file sends the binary SIGTERM; exits with its status.
const PARENT_DEATH_GUARD = [
  "exec 3<&0",
  '"$@" &',
  "child=$!",
  "(read -r _ <&3; kill -TERM $child 2>/dev/null) &",
  "wait $child",
].join("\n");

export interface ControlPlaneOptions {
  readonly binaries: Binaries;
  /** Where to keep certificates, etcd data and logs; a fresh temporary folder by default. */
  readonly dir?: string;
  readonly log?: (line: string) => void;
}

interface Component {
  readonly name: string;
  readonly process: ChildProcess;
  readonly logFile: string;
  exited: boolean;
}

/** The facts a client needs, serialisable so vitest can hand them from global setup to test workers. */
export interface ControlPlaneInfo {
  readonly server: string;
  readonly kubeconfigPath: string;
  readonly dir: string;
  readonly logDir: string;
  readonly caPem: string;
  /** The cluster CA certificate as a file, for clients configured by flags. */
  readonly caPath: string;
  readonly binaries: Binaries;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function kubeconfigYaml(server: string, caPem: string, user: string, client: PemPair): string {
  const b64 = (s: string): string => Buffer.from(s).toString("base64");
  return dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: "flyte-secrets-local", cluster: { server, "certificate-authority-data": b64(caPem) } },
    ],
    users: [
      {
        name: user,
        user: { "client-certificate-data": b64(client.certPem), "client-key-data": b64(client.keyPem) },
      },
    ],
    contexts: [{ name: "flyte-secrets-local", context: { cluster: "flyte-secrets-local", user } }],
    "current-context": "flyte-secrets-local",
  });
}

/** GETs a URL (HTTPS with a client certificate when given); resolves with status and body, never rejects on status. */
function get(
  url: string,
  tls?: { caPem: string; client: PemPair },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage): void => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    };
    const req = tls
      ? httpsRequest(
          url,
          { ca: tls.caPem, cert: tls.client.certPem, key: tls.client.keyPem, timeout: 5000 },
          onResponse,
        )
      : httpRequest(url, { timeout: 5000 }, onResponse);
    req.on("timeout", () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end();
  });
}

export class ControlPlane {
  private readonly components: Component[] = [];
  private readonly exitHook = (): void => {
    for (const c of this.components) if (!c.exited) killGroup(c.process, "SIGKILL");
  };

  readonly info: ControlPlaneInfo;
  private readonly log: (line: string) => void;

  private constructor(info: ControlPlaneInfo, log: (line: string) => void) {
    this.info = info;
    this.log = log;
    process.on("exit", this.exitHook);
  }

  /** Starts etcd, kube-apiserver and kube-controller-manager, and resolves once the API server is ready. */
  static async start(options: ControlPlaneOptions): Promise<ControlPlane> {
    const log = options.log ?? (() => {});
    const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "flyte-secrets-controlplane-")));
    const logDir = join(dir, "logs");
    const pki = join(dir, "pki");
    await mkdir(logDir, { recursive: true });
    await mkdir(pki, { recursive: true, mode: 0o700 });

    const now = Date.now();
    const validity = { notBefore: new Date(now - 60_000), notAfter: new Date(now + 30 * day) };
    const ca = await createCertificateAuthority("flyte-secrets-local-ca", validity);
    const serving = await issueCertificate(ca, {
      ...validity,
      commonName: "kube-apiserver",
      usage: "server",
      dnsNames: ["localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"],
      ipAddresses: ["127.0.0.1", "10.0.0.1"],
    });
    const admin = await issueCertificate(ca, {
      ...validity,
      commonName: "flyte-secrets-admin",
      organizations: ["system:masters"],
      usage: "client",
    });
    const controllerManager = await issueCertificate(ca, {
      ...validity,
      commonName: "system:kube-controller-manager",
      organizations: ["system:masters"],
      usage: "client",
    });
    // The API server's identity towards a kubelet (logs, exec) when a test node runs; see node.ts.
    const kubeletClient = await issueCertificate(ca, {
      ...validity,
      commonName: "kube-apiserver-kubelet-client",
      organizations: ["system:masters"],
      usage: "client",
    });
    const serviceAccountKeys = await createSigningKeyPair();
    const files = {
      ca: join(pki, "ca.crt"),
      servingCert: join(pki, "apiserver.crt"),
      servingKey: join(pki, "apiserver.key"),
      saKey: join(pki, "sa.key"),
      saPub: join(pki, "sa.pub"),
      kubeletClientCert: join(pki, "apiserver-kubelet-client.crt"),
      kubeletClientKey: join(pki, "apiserver-kubelet-client.key"),
    };
    await writeFile(files.ca, ca.certPem);
    await writeFile(files.servingCert, serving.certPem);
    await writeFile(files.servingKey, serving.keyPem, { mode: 0o600 });
    await writeFile(files.saKey, serviceAccountKeys.privateKeyPem, { mode: 0o600 });
    await writeFile(files.saPub, serviceAccountKeys.publicKeyPem);
    await writeFile(files.kubeletClientCert, kubeletClient.certPem);
    await writeFile(files.kubeletClientKey, kubeletClient.keyPem, { mode: 0o600 });

    const [etcdClientPort, etcdPeerPort, apiPort, kcmPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const server = `https://127.0.0.1:${apiPort}`;
    const kubeconfigPath = join(dir, "kubeconfig");
    await writeFile(kubeconfigPath, kubeconfigYaml(server, ca.certPem, "flyte-secrets-admin", admin), {
      mode: 0o600,
    });
    const kcmKubeconfig = join(dir, "controller-manager.kubeconfig");
    await writeFile(
      kcmKubeconfig,
      kubeconfigYaml(server, ca.certPem, "kube-controller-manager", controllerManager),
      {
        mode: 0o600,
      },
    );

    const info: ControlPlaneInfo = {
      server,
      kubeconfigPath,
      dir,
      logDir,
      caPem: ca.certPem,
      caPath: files.ca,
      binaries: options.binaries,
    };
    const plane = new ControlPlane(info, log);
    try {
      const etcdUrl = `http://127.0.0.1:${etcdClientPort}`;
      const etcd = plane.spawnComponent("etcd", options.binaries.etcd, [
        "--name=flyte-secrets-local",
        `--data-dir=${join(dir, "etcd")}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=http://127.0.0.1:${etcdPeerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeerPort}`,
        `--initial-cluster=flyte-secrets-local=http://127.0.0.1:${etcdPeerPort}`,
        "--unsafe-no-fsync=true",
        "--log-level=warn",
      ]);
      await plane.waitReady(etcd, "etcd health", async () => {
        const res = await get(`${etcdUrl}/health`);
        return res.status === 200 && res.body.includes('"true"') ? true : undefined;
      });

      const apiserver = plane.spawnComponent("kube-apiserver", options.binaries["kube-apiserver"], [
        `--etcd-servers=${etcdUrl}`,
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        // The endpoint reconciler refuses loopback addresses; nothing here needs the kubernetes Service endpoints.
        "--endpoint-reconciler-type=none",
        `--secure-port=${apiPort}`,
        `--cert-dir=${pki}`,
        `--tls-cert-file=${files.servingCert}`,
        `--tls-private-key-file=${files.servingKey}`,
        `--client-ca-file=${files.ca}`,
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        `--service-account-key-file=${files.saPub}`,
        `--service-account-signing-key-file=${files.saKey}`,
        "--service-cluster-ip-range=10.0.0.0/24",
        "--allow-privileged=true",
        "--enable-priority-and-fairness=false",
        // A test node (node.ts) is reached by its hostname, localhost, never by an address it reports.
        "--kubelet-preferred-address-types=Hostname",
        `--kubelet-client-certificate=${files.kubeletClientCert}`,
        `--kubelet-client-key=${files.kubeletClientKey}`,
        "--v=1",
      ]);
      await plane.waitReady(
        apiserver,
        "kube-apiserver /readyz",
        async () => {
          const res = await get(`${server}/readyz`, { caPem: ca.certPem, client: admin });
          return res.status === 200 ? true : undefined;
        },
        120_000,
      );

      const kcm = plane.spawnComponent(
        "kube-controller-manager",
        options.binaries["kube-controller-manager"],
        [
          `--kubeconfig=${kcmKubeconfig}`,
          `--authentication-kubeconfig=${kcmKubeconfig}`,
          `--authorization-kubeconfig=${kcmKubeconfig}`,
          // The last one type-checks ValidatingAdmissionPolicies into their status (the chart ships one).
          "--controllers=garbagecollector,namespace,serviceaccount,root-ca-certificate-publisher-controller,validatingadmissionpolicy-status-controller",
          `--service-account-private-key-file=${files.saKey}`,
          `--root-ca-file=${files.ca}`,
          "--leader-elect=false",
          "--bind-address=127.0.0.1",
          `--secure-port=${kcmPort}`,
          `--cert-dir=${join(dir, "controller-manager")}`,
          "--use-service-account-credentials=false",
          "--v=1",
        ],
      );
      // The ServiceAccount controller filling in `default` proves the controller manager is working.
      await plane.waitReady(kcm, "the default ServiceAccount from kube-controller-manager", async () => {
        const res = await get(`${server}/api/v1/namespaces/default/serviceaccounts/default`, {
          caPem: ca.certPem,
          client: admin,
        });
        return res.status === 200 ? true : undefined;
      });
      log(`control plane ready at ${server} (kubeconfig ${kubeconfigPath}, logs ${logDir})`);
      return plane;
    } catch (error) {
      await plane.stop({ keepFiles: true });
      throw error;
    }
  }

  private spawnComponent(name: string, binary: string, args: string[]): Component {
    const logFile = join(this.info.logDir, `${name}.log`);
    const out = createWriteStream(logFile);
    // Each binary runs under a small shell guard that holds a pipe from this process: when the pipe closes, because
    // we stop the component or because this process died (even by SIGKILL), the guard sends the binary SIGTERM.
    // So no etcd or kube-apiserver outlives the test run that started it.
    const child = spawn("sh", ["-c", PARENT_DEATH_GUARD, name, binary, ...args], {
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    const component: Component = { name, process: child, logFile, exited: false };
    child.on("exit", () => {
      component.exited = true;
    });
    child.on("close", () => out.end());
    child.on("error", (error) => {
      component.exited = true;
      out.write(`failed to start ${binary}: ${error.message}\n`);
    });
    this.components.push(component);
    return component;
  }

  private async waitReady(
    component: Component,
    description: string,
    probe: () => Promise<true | undefined>,
    timeoutMs = 60_000,
  ): Promise<void> {
    try {
      await waitFor(
        async () => {
          if (component.exited) throw new ComponentExited(component.name);
          return probe();
        },
        { description, timeoutMs, intervalMs: 200 },
      );
    } catch (error) {
      const tail = (await readFile(component.logFile, "utf8").catch(() => ""))
        .split("\n")
        .slice(-30)
        .join("\n");
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${component.name} did not become ready (${reason}). Last lines of ${component.logFile}:\n${tail}`,
      );
    }
  }

  /** Stops every component (controller manager, API server, then etcd) and removes the folder unless asked to keep it. */
  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    for (const component of [...this.components].reverse()) await stopProcess(component);
    process.off("exit", this.exitHook);
    if (options.keepFiles) this.log(`control plane files and logs kept in ${this.info.dir}`);
    else await rm(this.info.dir, { recursive: true, force: true });
  }
}

class ComponentExited extends Error {
  constructor(name: string) {
    super(`${name} exited before it was ready`);
  }
}

async function stopProcess(component: Component, graceMs = 10_000): Promise<void> {
  // Closing the guard's pipe makes it send SIGTERM to the binary (and ends the guard's reader even if the binary
  // already exited); the whole process group is killed if that hangs.
  component.process.stdin?.end();
  if (component.exited) return;
  const exited = new Promise<void>((resolve) => component.process.once("exit", () => resolve()));
  const timer = setTimeout(() => killGroup(component.process, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
