// The program as a process: `flyte-secrets controller` with a config file and leader election takes the Lease and on
// SIGTERM releases it and exits 0; `operator` runs both halves with its own TLS; `webhook` serves without loading
// client-node (or undici) unless its kubeconfig needs it; a bad config file is refused clearly.
import { type ChildProcess, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CoordinationV1Api, CoreV1Api } from "@kubernetes/client-node";
import { dump, load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { createCertificateAuthority, issueCertificate } from "../../src/tls/certificates.ts";
import { waitFor } from "../controlplane/wait.ts";
import { freePort, httpStatus } from "./support/chart.ts";
import { controlPlane, createNamespace, kubeConfig, scratchDir, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const node = join(root, "node_modules", ".bin", "node");

function start(
  args: string[],
  nodeOptions: string[] = [],
): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(node, [...nodeOptions, join(root, "src", "main.ts"), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe("flyte-secrets process", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("takes the Lease, and on SIGTERM releases it and exits 0", async () => {
    await installCrd();
    // Its own installation: only namespaces with this label are considered, so other tests' objects are untouched.
    const selector = uniqueName("process");
    const namespace = await createNamespace("process", { "flyte-secrets.test/instance": selector });
    const dir = await scratchDir("flyte-secrets-config-");
    const config = join(dir, "config.yaml");
    await writeFile(
      config,
      [
        `controlNamespaces: [${namespace}]`,
        `namespaceSelector: {flyte-secrets.test/instance: ${selector}}`,
        "controller:",
        "  metricsPort: 0",
        "  leaderElection: {enabled: true, leaseName: process-test}",
      ].join("\n"),
    );
    const proc = start(["controller", "--config", config, "--kubeconfig", controlPlane().kubeconfigPath]);
    children.push(proc.child);
    const leases = kubeConfig().makeApiClient(CoordinationV1Api);
    const holder = await waitFor(
      async () => {
        const lease = await leases.readNamespacedLease({ name: "process-test", namespace });
        return lease.spec?.holderIdentity || undefined;
      },
      {
        description: `the controller to take the Lease (output: ${proc.output().slice(-500)})`,
        timeoutMs: 30_000,
      },
    );
    expect(holder).toContain("_");
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    const lease = await leases.readNamespacedLease({ name: "process-test", namespace });
    expect(lease.spec?.holderIdentity ?? "").toBe("");
    expect(proc.output()).toContain("shutting down");
  });

  it("runs the operator (controller and webhook in one process) with its own TLS, and stops on SIGTERM", async () => {
    await installCrd();
    const selector = uniqueName("operator");
    const namespace = await createNamespace("operator", { "flyte-secrets.test/instance": selector });
    const dir = await scratchDir("flyte-secrets-operator-");
    const config = join(dir, "config.yaml");
    await writeFile(
      config,
      [
        `controlNamespaces: [${namespace}]`,
        `namespaceSelector: {flyte-secrets.test/instance: ${selector}}`,
        "controller:",
        "  metricsPort: 0",
        "  webhookTls: {enabled: true, secretName: operator-tls, serviceName: operator-hook, webhookConfigurationName: none-such}",
        "webhook:",
        "  port: 0",
        `  certDir: ${join(dir, "tls")}`,
      ].join("\n"),
    );
    const proc = start(["operator", "--config", config, "--kubeconfig", controlPlane().kubeconfigPath]);
    children.push(proc.child);
    await waitFor(() => (proc.output().includes("operator started") ? true : undefined), {
      description: "the operator to start",
      timeoutMs: 30_000,
    });
    // The controller half wrote the TLS Secret; the webhook half serves the certificate it holds.
    const secret = await kubeConfig()
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ name: "operator-tls", namespace });
    const served = await readFile(join(dir, "tls", "tls.crt"), "utf8");
    expect(Buffer.from(secret.data?.["tls.crt"] ?? "", "base64").toString()).toBe(served);
    expect(new X509Certificate(served).checkHost(`operator-hook.${namespace}.svc`)).toBe(
      `operator-hook.${namespace}.svc`,
    );
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
  });

  it("exits with an error naming the port and the fix when its probe port is taken", async () => {
    // Someone else holds the port (as a second copy of the process on the same host would).
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const taken = (holder.address() as AddressInfo).port;
    try {
      const dir = await scratchDir("flyte-secrets-config-");
      const config = join(dir, "config.yaml");
      await writeFile(config, `controlNamespaces: [${uniqueName("probe")}]\n`);
      const proc = start([
        "controller",
        "--config",
        config,
        "--kubeconfig",
        controlPlane().kubeconfigPath,
        "--metrics-port",
        String(taken),
      ]);
      children.push(proc.child);
      expect(await proc.exited).toBe(2);
      const output = proc.output();
      expect(output).toContain(`cannot serve /healthz, /readyz and /metrics on 0.0.0.0:${taken}`);
      expect(output).toContain("already in use");
      expect(output).toContain("--metrics-port (or controller.metricsPort in the config file)");
      expect(output).not.toContain("controller started");
    } finally {
      holder.close();
    }
  });

  /** A module hook that writes `LOADED <url>` to stderr for every module of client-node or undici the process loads. */
  async function loadRecorder(dir: string): Promise<string> {
    const hook = join(dir, "record-loads.mjs");
    await writeFile(
      hook,
      [
        'import { registerHooks } from "node:module";',
        'import { writeSync } from "node:fs";',
        "registerHooks({",
        "  resolve(specifier, context, next) {",
        "    const resolved = next(specifier, context);",
        "    if (/\\/node_modules\\/(@kubernetes\\/client-node|undici)\\//.test(resolved.url)) writeSync(2, 'LOADED ' + resolved.url + '\\n');",
        "    return resolved;",
        "  },",
        "});",
      ].join("\n"),
    );
    return hook;
  }

  /** Serving certificate files for the webhook, and a config file for it. */
  async function webhookSetup(prefix: string): Promise<{ dir: string; args: string[] }> {
    const dir = await scratchDir(prefix);
    const validity = { notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 3_600_000) };
    const ca = await createCertificateAuthority("process-test-ca", validity);
    const leaf = await issueCertificate(ca, {
      ...validity,
      commonName: "localhost",
      dnsNames: ["localhost"],
      usage: "server",
    });
    await mkdir(join(dir, "tls"));
    await writeFile(join(dir, "tls", "tls.crt"), leaf.certPem);
    await writeFile(join(dir, "tls", "tls.key"), leaf.keyPem);
    const config = join(dir, "config.yaml");
    await writeFile(config, `controlNamespaces: [${uniqueName("webhook-process")}]\n`);
    const metricsPort = await freePort();
    return {
      dir,
      args: [
        "webhook",
        "--config",
        config,
        "--cert-dir",
        join(dir, "tls"),
        "--port",
        String(await freePort()),
        "--metrics-port",
        String(metricsPort),
      ],
    };
  }

  async function readyAndStopped(proc: ReturnType<typeof start>, metricsPort: string): Promise<string> {
    await waitFor(
      async () => ((await httpStatus(Number(metricsPort), "/readyz")) === 200 ? true : undefined),
      {
        description: `the webhook's /readyz (output: ${proc.output().slice(-800)})`,
        timeoutMs: 60_000,
      },
    );
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    return proc.output();
  }

  it("runs the webhook without loading client-node or undici: node:https with the kubeconfig's certificate", async () => {
    await installCrd();
    const { dir, args } = await webhookSetup("flyte-secrets-webhook-process-");
    const hook = await loadRecorder(dir);
    const proc = start([...args, "--kubeconfig", controlPlane().kubeconfigPath], ["--import", hook]);
    children.push(proc.child);
    const output = await readyAndStopped(proc, args.at(-1) ?? "");
    expect(output).toContain("API server connection: node:https");
    expect(output).toContain("webhook started");
    expect(output).not.toContain("LOADED");
  });

  it("runs the webhook through client-node when its kubeconfig needs it (an exec plugin), and says so", async () => {
    await installCrd();
    const { dir, args } = await webhookSetup("flyte-secrets-webhook-exec-");
    const hook = await loadRecorder(dir);
    // The control plane's admin client certificate, handed out by an exec credential plugin.
    const admin = load(await readFile(controlPlane().kubeconfigPath, "utf8")) as {
      clusters: unknown[];
      users: { user: Record<string, string> }[];
    };
    const user = admin.users[0]?.user ?? {};
    const credential = {
      apiVersion: "client.authentication.k8s.io/v1",
      kind: "ExecCredential",
      status: {
        clientCertificateData: Buffer.from(user["client-certificate-data"] ?? "", "base64").toString(),
        clientKeyData: Buffer.from(user["client-key-data"] ?? "", "base64").toString(),
      },
    };
    const plugin = join(dir, "credential.json");
    await writeFile(plugin, JSON.stringify(credential), { mode: 0o600 });
    const kubeconfig = join(dir, "kubeconfig");
    await writeFile(
      kubeconfig,
      dump({
        apiVersion: "v1",
        kind: "Config",
        clusters: admin.clusters,
        users: [
          {
            name: "exec",
            user: {
              exec: {
                apiVersion: "client.authentication.k8s.io/v1",
                command: node,
                args: [
                  "-e",
                  `process.stdout.write(require("fs").readFileSync(${JSON.stringify(plugin)}, "utf8"))`,
                ],
                interactiveMode: "Never",
              },
            },
          },
        ],
        contexts: [{ name: "exec", context: { cluster: "flyte-secrets-local", user: "exec" } }],
        "current-context": "exec",
      }),
      { mode: 0o600 },
    );
    const proc = start([...args, "--kubeconfig", kubeconfig], ["--import", hook]);
    children.push(proc.child);
    const output = await readyAndStopped(proc, args.at(-1) ?? "");
    expect(output).toContain("API server connection: client-node");
    expect(output).toContain("an exec credential plugin (user.exec)");
    expect(output).toContain("LOADED");
  });

  it("refuses an invalid config file with one message per problem", async () => {
    const dir = await scratchDir("flyte-secrets-config-");
    const config = join(dir, "config.yaml");
    await writeFile(config, "webhook: {port: 99999}\ncontroller: {leaderElection: {enabled: maybe}}\n");
    const proc = start(["webhook", "--config", config, "--kubeconfig", controlPlane().kubeconfigPath]);
    children.push(proc.child);
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain(`invalid configuration in ${config}`);
    expect(proc.output()).toContain("webhook.port must be a whole number from 0 to 65535");
    expect(proc.output()).toContain("controller.leaderElection.enabled must be true or false");
    expect(proc.output()).not.toContain("    at ");
  });
});
