// The program as a process: `flyte-secrets controller` with a config file and leader election takes the Lease and on
// SIGTERM releases it and exits 0; `operator` runs both halves with its own TLS; a bad config file is refused clearly.
import { type ChildProcess, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CoordinationV1Api, CoreV1Api } from "@kubernetes/client-node";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../controlplane/wait.ts";
import { controlPlane, createNamespace, kubeConfig, scratchDir, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const node = join(root, "node_modules", ".bin", "node");

function start(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(node, [join(root, "src", "main.ts"), ...args], {
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
