// The RBAC proof: the chart is installed with helm, then its controller and webhook run as host processes with
// exactly the chart's Deployment arguments and ConfigMap, authenticated only by tokens minted (TokenRequest) for the
// chart's own ServiceAccounts, and the whole flow passes: the CLI creates a secret, the controller materializes it and
// reports it Ready, the API server calls the webhook, which injects it into a pod of its scope and refuses a pod out
// of scope. So the chart's permissions are sufficient; `kubectl auth can-i` shows the webhook's cannot read Secrets.
//
// This runs on a control plane of its own: the controller acts on every participating namespace of its cluster (as
// deployed, it has no test-isolation selector), so on the shared one it would touch other tests' installations.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AdmissionregistrationV1Api,
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type V1Pod,
} from "@kubernetes/client-node";
import { dump, load, loadAll } from "js-yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotations, GROUP, labels, PLURAL, VERSION } from "../../src/domain/api.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import type { FlyteSecretResource } from "../../src/kube/sources.ts";
import { webhookConfiguration } from "../../src/webhook/configuration.ts";
import { waitFor } from "../controlplane/wait.ts";
import {
  type Cluster,
  chartDir,
  createNamespaceIn,
  freePort,
  type HostProcess,
  httpStatus,
  isolatedValues,
  type Manifest,
  only,
  podOf,
  serviceAccountToken,
  startDedicatedCluster,
  startProgram,
  tokenKubeconfigFor,
  valuesFile,
} from "./support/chart.ts";
import { flyte } from "./support/cli.ts";
import { scratchDir, uniqueName } from "./support/cluster.ts";
import { flyteConfig, flyteTools, tokenCommand } from "./support/flyte-api.ts";

const release = "flyte-secrets";
const namespace = "flyte-secrets";
const controllerAccount = `system:serviceaccount:${namespace}:flyte-secrets-controller`;
const webhookAccount = `system:serviceaccount:${namespace}:flyte-secrets-webhook`;
const project = "my_project";
const domain = "development";
const value = `my_secret_value_${uniqueName("v")}`;
const hostWebhookLabel = "flyte-secrets.test/host-webhook";

describe("the chart's RBAC, proven by running its components with its ServiceAccounts' tokens", () => {
  let dedicated: Awaited<ReturnType<typeof startDedicatedCluster>> | undefined;
  let cluster: Cluster;
  const processes: HostProcess[] = [];
  // Keep the dedicated control plane's files (and the processes' logs) when anything went wrong, setup included.
  let failed = true;
  let tokens: { controller: string; webhook: string };
  let webhookKubeconfig = "";
  let caPem = "";
  const hostConfigName = uniqueName("flyte-secrets-host");
  let apiPort = 0;
  const ns = { bound: "my-project-development", other: "other-project-development" };

  const taskPod = (name: string, podProject: string): V1Pod => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      labels: { [labels.inject]: "true", project: podProject, domain },
      annotations: { [annotations.secrets]: "- key: MY_SECRET_KEY\n  as_env_var: MY_SECRET_ENV_VAR\n" },
    },
    spec: { containers: [{ name: "task", image: "registry.invalid/task:1" }] },
  });

  beforeAll(async () => {
    dedicated = await startDedicatedCluster();
    cluster = dedicated.cluster;
    const scratch = await scratchDir("flyte-secrets-rbac-");
    const logDir = join(cluster.info.logDir, "operators");

    // The README's Helm quick start, with the chart's own webhook configuration kept off the test namespaces: no
    // kubelet runs its pods here, so its Service has no endpoints (the host processes stand in for them).
    const installed = await cluster.helm(
      "install",
      release,
      chartDir,
      "--namespace",
      namespace,
      "--create-namespace",
      "-f",
      // With the ValidatingAdmissionPolicy on: the controller's token must get its writes past it.
      await valuesFile({ ...isolatedValues(uniqueName("unreached")), admissionPolicy: { enabled: true } }),
    );
    if (installed.code !== 0) throw new Error(`helm install failed: ${installed.stderr}`);
    await waitFor(async () => ((await cluster.kubectl("get", PLURAL, "-A")).code === 0 ? true : undefined), {
      description: "the chart's CRD to be served",
      timeoutMs: 60_000,
    });
    const manifest = await cluster.helm("get", "manifest", release, "--namespace", namespace);
    const manifests = loadAll(manifest.stdout).filter(
      (d): d is Manifest => typeof d === "object" && d !== null,
    );

    // The chart's config.yaml, as the pods mount it. One change: the controller issues the serving certificate for
    // "localhost" (instead of the Service's DNS names) so the API server can call the host process by URL.
    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    const configMap = await core.readNamespacedConfigMap({ name: "flyte-secrets-config", namespace });
    const config = load(configMap.data?.["config.yaml"] ?? "") as {
      controller: { webhookTls: { serviceName: string } };
      api: { host: string; port: number; tls: { dnsNames: string[] } };
    };
    config.controller.webhookTls.serviceName = "localhost";
    // The Flyte API the chart enables: on loopback, on a free port, its certificate also naming "localhost".
    apiPort = await freePort();
    config.api = {
      ...config.api,
      host: "127.0.0.1",
      port: apiPort,
      tls: { ...config.api.tls, dnsNames: [...config.api.tls.dnsNames, "localhost"] },
    };
    const configFile = join(scratch, "config.yaml");
    await writeFile(configFile, dump(config));

    tokens = {
      controller: await serviceAccountToken(cluster, namespace, "flyte-secrets-controller"),
      webhook: await serviceAccountToken(cluster, namespace, "flyte-secrets-webhook"),
    };
    // The Deployments' own arguments, with the config file and the kubeconfig where a host process finds them.
    const argsOf = (component: string) =>
      podOf(only(manifests, "Deployment", component)).container.args.map((a) =>
        a.startsWith("--config=") ? `--config=${configFile}` : a,
      );
    const downwardApi = { POD_NAMESPACE: namespace };

    const controllerMetrics = await freePort();
    processes.push(
      startProgram(
        "rbac-controller",
        [
          ...argsOf("controller"),
          `--kubeconfig=${await tokenKubeconfigFor(cluster, scratch, tokens.controller)}`,
          `--metrics-port=${controllerMetrics}`,
          "--log-level=debug",
        ],
        downwardApi,
        logDir,
      ),
    );
    await waitFor(async () => ((await httpStatus(controllerMetrics, "/readyz")) === 200 ? true : undefined), {
      description: "the controller's /readyz (caches synced with its own token)",
      timeoutMs: 60_000,
    });

    // The controller creates the TLS Secret and patches the CA into the chart's webhook configuration.
    const tls = await waitFor(
      async () => {
        const secret = await core.readNamespacedSecret({ name: "flyte-secrets-webhook-tls", namespace });
        return secret.data?.["tls.key"] ? secret : undefined;
      },
      { description: "the controller to create the webhook TLS Secret", timeoutMs: 30_000 },
    );
    caPem = Buffer.from(tls.data?.["ca.crt"] ?? "", "base64").toString("utf8");
    // As the kubelet mounts it: tls.crt and tls.key only.
    const certDir = join(scratch, "tls");
    await mkdir(certDir, { mode: 0o700 });
    for (const file of ["tls.crt", "tls.key"])
      await writeFile(join(certDir, file), Buffer.from(tls.data?.[file] ?? "", "base64"), { mode: 0o600 });

    webhookKubeconfig = await tokenKubeconfigFor(cluster, scratch, tokens.webhook);
    const webhookPort = await freePort();
    const webhookMetrics = await freePort();
    processes.push(
      startProgram(
        "rbac-webhook",
        [
          ...argsOf("webhook"),
          `--kubeconfig=${webhookKubeconfig}`,
          `--metrics-port=${webhookMetrics}`,
          `--port=${webhookPort}`,
          `--cert-dir=${certDir}`,
          "--log-level=debug",
        ],
        downwardApi,
        logDir,
      ),
    );
    await waitFor(async () => ((await httpStatus(webhookMetrics, "/readyz")) === 200 ? true : undefined), {
      description: "the webhook's /readyz (caches synced with its own token)",
      timeoutMs: 60_000,
    });

    const admission = cluster.kubeConfig().makeApiClient(AdmissionregistrationV1Api);
    await admission.createMutatingWebhookConfiguration({
      body: webhookConfiguration({
        name: hostConfigName,
        clientConfig: { url: `https://localhost:${webhookPort}/mutate`, caBundlePem: caPem },
        excludeNamespaces: [namespace],
        namespaceMatchLabels: { [hostWebhookLabel]: "true" },
      }),
    });
    const selected = { [hostWebhookLabel]: "true" };
    await createNamespaceIn(cluster, ns.bound, {
      ...selected,
      [labels.project]: project,
      [labels.domain]: domain,
    });
    await createNamespaceIn(cluster, ns.other, {
      ...selected,
      [labels.project]: "other_project",
      [labels.domain]: domain,
    });
    failed = false;
  }, 180_000);

  afterEach((context) => {
    if (context.task.result?.state === "fail") failed = true;
  });

  afterAll(async () => {
    for (const program of processes) await program.stop();
    if (dedicated) {
      await cluster
        .kubeConfig()
        .makeApiClient(AdmissionregistrationV1Api)
        .deleteMutatingWebhookConfiguration({ name: hostConfigName })
        .catch(() => undefined);
      await dedicated.stop(failed);
    }
  }, 60_000);

  it("the controller keeps the webhook's TLS Secret and caBundle with only its own permissions", async () => {
    const admission = cluster.kubeConfig().makeApiClient(AdmissionregistrationV1Api);
    const bundle = Buffer.from(caPem).toString("base64");
    await waitFor(
      async () => {
        const config = await admission.readMutatingWebhookConfiguration({ name: "flyte-secrets" });
        return config.webhooks?.every((w) => w.clientConfig.caBundle === bundle) ? true : undefined;
      },
      { description: "the chart's webhook configuration to carry the controller's CA", timeoutMs: 30_000 },
    );
    const lease = await cluster
      .kubeConfig()
      .makeApiClient(CoordinationV1Api)
      .readNamespacedLease({ name: "flyte-secrets-controller", namespace });
    expect(lease.spec?.holderIdentity).toBeTruthy();
  });

  it("passes the flow: the CLI creates a secret, the controller delivers it, the webhook injects it", async () => {
    const created = await flyte(
      namespace,
      `flyte create secret MY_SECRET_KEY ${value} --project ${project} --domain ${domain}`,
      { env: { KUBECONFIG: cluster.info.kubeconfigPath } },
    );
    expect(created.code, created.stderr).toBe(0);

    const custom = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    const ready = await waitFor(
      async () => {
        const list = (await custom.listNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          plural: PLURAL,
          namespace,
        })) as { items: FlyteSecretResource[] };
        const secret = list.items.find((fs) => fs.spec.key === "MY_SECRET_KEY");
        const condition = secret?.status?.conditions?.find((c) => c.type === "Ready");
        return condition?.status === "True" && secret?.status?.namespaces === 1 ? secret : undefined;
      },
      { description: "MY_SECRET_KEY to be Ready in one namespace", timeoutMs: 30_000 },
    );
    expect(ready.spec).toMatchObject({ project, domain });

    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    const managedName = scopeSecretName({ project, domain });
    const managed = await core.readNamespacedSecret({ name: managedName, namespace: ns.bound });
    expect(Buffer.from(managed.data?.MY_SECRET_KEY ?? "", "base64").toString("utf8")).toBe(value);
    const elsewhere = await core.listNamespacedSecret({ namespace: ns.other });
    expect(elsewhere.items.map((s) => s.metadata?.name)).not.toContain(managedName);
    // Events on the FlyteSecret: the controller may create them in the control namespace.
    const events = await core.listNamespacedEvent({
      namespace,
      fieldSelector: `involvedObject.kind=FlyteSecret,involvedObject.name=${ready.metadata?.name ?? ""}`,
    });
    expect(events.items.map((e) => e.reason)).toContain("Materialized");

    // The API server calls the host webhook once it has loaded the configuration and the webhook's cache has the
    // secret Ready: a dry-run returns the mutated pod.
    const pod = taskPod("task", project);
    await waitFor(
      async () => {
        const mutated = await core.createNamespacedPod({ namespace: ns.bound, body: pod, dryRun: "All" });
        return mutated.metadata?.annotations?.[annotations.injected] ? true : undefined;
      },
      { description: "the API server to call the host webhook and have it inject", timeoutMs: 30_000 },
    );
    const admitted = await core.createNamespacedPod({ namespace: ns.bound, body: pod });
    const env = admitted.spec?.containers[0]?.env ?? [];
    expect(env).toContainEqual({
      name: "MY_SECRET_ENV_VAR",
      valueFrom: { secretKeyRef: { name: managedName, key: "MY_SECRET_KEY" } },
    });
    expect(JSON.stringify(admitted)).not.toContain(value);

    // A pod of another project asks for the same key: refused, with the reason.
    const refused = await core
      .createNamespacedPod({ namespace: ns.other, body: taskPod("out-of-scope", "other_project") })
      .then(
        () => undefined,
        (error: unknown) => error as { code?: number; body?: string },
      );
    expect(refused?.code).toBe(403);
    expect(refused?.body).toContain("MY_SECRET_KEY");
    expect(refused?.body).toContain("other_project");
  });

  it("serves the Flyte API with only its own permissions: Flyte's CLI with a token creates, gets and deletes", async () => {
    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: "flyte-admin" } } });
    expect(
      (
        await cluster.kubectl(
          "create",
          "role",
          "flyte-admin",
          "-n",
          namespace,
          "--verb=get,list,create,update,delete",
          `--resource=${PLURAL}.${GROUP},secrets`,
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cluster.kubectl(
          "create",
          "rolebinding",
          "flyte-admin",
          "-n",
          namespace,
          "--role=flyte-admin",
          `--serviceaccount=${namespace}:flyte-admin`,
        )
      ).code,
    ).toBe(0);
    const tlsSecret = await waitFor(
      async () => {
        const secret = await core
          .readNamespacedSecret({ name: "flyte-secrets-api-tls", namespace })
          .catch(() => undefined);
        return secret?.data?.["tls.crt"] ? secret : undefined;
      },
      { description: "the controller to create the Flyte API's TLS Secret", timeoutMs: 30_000 },
    );
    const dir = await scratchDir("flyte-secrets-rbac-api-");
    const ca = join(dir, "ca.crt");
    await writeFile(ca, Buffer.from(tlsSecret.data?.["ca.crt"] ?? "", "base64"));
    const config = await flyteConfig(dir, "flyte", {
      endpoint: `dns:///localhost:${apiPort}`,
      caCertFilePath: ca,
      authType: "ExternalCommand",
      command: tokenCommand(namespace, "flyte-admin", cluster.info),
    });
    const tools = await flyteTools(dir);
    const created = await tools.cli(config, ["create", "secret", "API_KEY", "--value", value]);
    expect(created.code, created.stdout + created.stderr).toBe(0);
    const got = await tools.cli(config, ["get", "secret", "API_KEY"]);
    expect(got.stdout).toContain("'name': 'API_KEY'");
    const deleted = await tools.cli(config, ["delete", "secret", "API_KEY"]);
    expect(deleted.code, deleted.stdout + deleted.stderr).toBe(0);
  });

  it("logged no warning or error (nothing was forbidden) and never the value", async () => {
    expect(processes).toHaveLength(2);
    for (const program of processes) {
      const lines = (await program.logs()).split("\n").filter((line) => line.trim() !== "");
      expect(lines.length, program.logFile).toBeGreaterThan(0);
      // pino levels: 40 warn, 50 error, 60 fatal. A missing permission shows up as a failed list, watch or write.
      const troubles = lines.filter((line) => ((JSON.parse(line) as { level?: number }).level ?? 0) >= 40);
      expect(troubles, program.logFile).toEqual([]);
      expect(lines.join("\n"), program.logFile).not.toContain(value);
    }
  });

  it("kubectl auth can-i: the webhook's account can get, list or watch no Secret; the controller's can", async () => {
    const canI = async (account: string, ...args: string[]) => {
      const result = await cluster.kubectl("auth", "can-i", ...args, `--as=${account}`);
      return result.stdout.trim();
    };
    for (const verb of ["get", "list", "watch"]) {
      expect(await canI(webhookAccount, verb, "secrets", "-A"), `webhook ${verb} -A`).toBe("no");
      for (const where of [namespace, ns.bound]) {
        expect(await canI(webhookAccount, verb, "secrets", "-n", where), `webhook ${verb} in ${where}`).toBe(
          "no",
        );
      }
      expect(await canI(controllerAccount, verb, "secrets", "-A"), `controller ${verb} -A`).toBe("yes");
    }
    for (const verb of ["create", "update", "delete", "patch", "deletecollection"]) {
      expect(await canI(webhookAccount, verb, "secrets", "-A"), `webhook ${verb}`).toBe("no");
    }
    expect(await canI(webhookAccount, "list", "flytesecrets.secrets.flyte.org", "-A")).toBe("yes");
    expect(await canI(webhookAccount, "update", "flytesecrets.secrets.flyte.org", "-A")).toBe("no");
    expect(await canI(webhookAccount, "create", "pods", "-A")).toBe("no");

    // The controller may keep its own webhook configuration and no other.
    expect(await canI(controllerAccount, "update", "mutatingwebhookconfigurations/flyte-secrets")).toBe(
      "yes",
    );
    expect(await canI(controllerAccount, "update", `mutatingwebhookconfigurations/${hostConfigName}`)).toBe(
      "no",
    );
    expect(await canI(controllerAccount, "create", "mutatingwebhookconfigurations")).toBe("no");
    expect(await canI(controllerAccount, "update", "flytesecrets.secrets.flyte.org", "-A")).toBe("no");
    expect(
      await canI(controllerAccount, "patch", "flytesecrets.secrets.flyte.org", "--subresource=status", "-A"),
    ).toBe("yes");
    expect(
      await canI(
        controllerAccount,
        "update",
        "leases.coordination.k8s.io/flyte-secrets-controller",
        "-n",
        namespace,
      ),
    ).toBe("yes");
    expect(await canI(controllerAccount, "update", "leases.coordination.k8s.io/other", "-n", namespace)).toBe(
      "no",
    );
    expect(
      await canI(
        controllerAccount,
        "update",
        "leases.coordination.k8s.io/flyte-secrets-controller",
        "-n",
        ns.bound,
      ),
    ).toBe("no");

    // And with the webhook's real token, not impersonation: the API server refuses.
    const denied = await cluster.kubectl(`--kubeconfig=${webhookKubeconfig}`, "get", "secrets", "-A");
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain("forbidden");
  });
});
