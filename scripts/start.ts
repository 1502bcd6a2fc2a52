// `npm start`: runs the operator (controller + webhook in one process). Against the current kube context when there
// is one; otherwise on the project's own local control plane (the real kube-apiserver + etcd the tests use), with
// the CRD installed, the webhook registered by URL and a demo namespace, printing the commands to try.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AdmissionregistrationV1Api,
  ApiextensionsV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from "@kubernetes/client-node";
import { load } from "js-yaml";
import { Registry } from "prom-client";
import { createFlyteApi } from "../src/api/index.ts";
import { defaultApiConfig, defaultConfig } from "../src/config/config.ts";
import { labels } from "../src/domain/api.ts";
import { type RawObject, serverSideApply } from "../src/kube/apply.ts";
import { statusCode } from "../src/kube/errors.ts";
import { createLogger } from "../src/observability/logger.ts";
import { startProbeServer } from "../src/observability/server.ts";
import { Operator } from "../src/operator.ts";
import { createCertificateAuthority, issueCertificate } from "../src/tls/certificates.ts";
import { webhookConfiguration } from "../src/webhook/configuration.ts";
import { ensureBinaries } from "../test/controlplane/binaries.ts";
import { ControlPlane } from "../test/controlplane/controlplane.ts";
import { LocalNode, nodeUnsupportedReason } from "../test/controlplane/node.ts";
import { waitFor } from "../test/controlplane/wait.ts";
import { claimFolder, removeStaleFolders } from "./local-folders.ts";
import { managedSecretsPolicy } from "./managed-secrets-policy.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const CONTROL = "flyte-secrets";
const DEMO = "flytesnacks-development";
// The local installation's names differ from the Helm chart's (release flyte-secrets), so the README's `helm install`
// can run against this control plane too: its webhook configuration, policy, TLS Secret and installation id.
const LOCAL = "flyte-secrets-local";
const OPERATOR_ACCOUNT = "flyte-secrets-local-operator";
const FIELD_MANAGER = "flyte-secrets-start";
const say = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const note = (line: string): void => {
  process.stderr.write(`[start] ${line}\n`);
};

/** True when a kubeconfig with a current context is configured (KUBECONFIG or ~/.kube/config) or we run in a pod. */
function hasKubeContext(): boolean {
  if (process.env.KUBERNETES_SERVICE_HOST) return true;
  const paths = (process.env.KUBECONFIG ?? join(homedir(), ".kube", "config"))
    .split(":")
    .filter((p) => p !== "");
  return paths.some((path) => {
    if (!existsSync(path)) return false;
    const doc = load(readFileSync(path, "utf8")) as { "current-context"?: string } | null;
    return typeof doc?.["current-context"] === "string" && doc["current-context"] !== "";
  });
}

/**
 * Installs exactly what crds/ holds, by server-side apply of the file's own JSON: client-node's typed models would drop
 * `x-kubernetes-validations`, `enum` and `default` (the CRD's immutability rules and enums).
 */
async function installCrd(kc: KubeConfig): Promise<void> {
  const crd = load(
    readFileSync(join(root, "crds", "flytesecrets.secrets.flyte.org.yaml"), "utf8"),
  ) as RawObject;
  await serverSideApply(kc, crd, "customresourcedefinitions", FIELD_MANAGER);
  const api = kc.makeApiClient(ApiextensionsV1Api);
  await waitFor(
    async () => {
      const current = await api.readCustomResourceDefinition({ name: crd.metadata.name });
      return current.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")
        ? true
        : undefined;
    },
    { description: "the FlyteSecret CRD to be established" },
  );
}

/**
 * The local operator's own identity, as the chart gives the controller one: a ServiceAccount (bound to cluster-admin:
 * this is a throwaway local cluster) with a token from the TokenRequest API, so that the ValidatingAdmissionPolicy can
 * tell the operator's writes from the user's (the printed kubeconfig is the admin's).
 */
async function operatorKubeConfig(
  admin: KubeConfig,
  caPath: string,
): Promise<{ kc: KubeConfig; username: string }> {
  const core = admin.makeApiClient(CoreV1Api);
  try {
    await core.createNamespacedServiceAccount({
      namespace: CONTROL,
      body: { metadata: { name: OPERATOR_ACCOUNT } },
    });
  } catch (error) {
    if (statusCode(error) !== 409) throw error;
  }
  try {
    await admin.makeApiClient(RbacAuthorizationV1Api).createClusterRoleBinding({
      body: {
        metadata: { name: OPERATOR_ACCOUNT },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
        subjects: [{ kind: "ServiceAccount", name: OPERATOR_ACCOUNT, namespace: CONTROL }],
      },
    });
  } catch (error) {
    if (statusCode(error) !== 409) throw error;
  }
  // As long as the control plane's own certificates (30 days).
  const issued = await core.createNamespacedServiceAccountToken({
    name: OPERATOR_ACCOUNT,
    namespace: CONTROL,
    body: { spec: { audiences: [], expirationSeconds: 30 * 24 * 3600 } },
  });
  const token = issued.status?.token;
  if (!token) throw new Error(`no token was issued for ServiceAccount ${CONTROL}/${OPERATOR_ACCOUNT}`);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: LOCAL, server: admin.getCurrentCluster()?.server ?? "", caFile: caPath }],
    users: [{ name: OPERATOR_ACCOUNT, token }],
    contexts: [{ name: LOCAL, cluster: LOCAL, user: OPERATOR_ACCOUNT }],
    currentContext: LOCAL,
  });
  return { kc, username: `system:serviceaccount:${CONTROL}:${OPERATOR_ACCOUNT}` };
}

/** The chart's ValidatingAdmissionPolicy and binding, from the same source file, for the local installation. */
async function installPolicy(admin: KubeConfig, operatorUsername: string): Promise<void> {
  const { policy, binding } = managedSecretsPolicy({
    name: `${LOCAL}-managed-secrets`,
    installation: LOCAL,
    controllerUsernames: [operatorUsername],
  });
  await serverSideApply(admin, policy, "validatingadmissionpolicies", FIELD_MANAGER);
  await serverSideApply(admin, binding, "validatingadmissionpolicybindings", FIELD_MANAGER);
}

async function ensureNamespace(
  kc: KubeConfig,
  name: string,
  nsLabels: Record<string, string> = {},
): Promise<void> {
  try {
    await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name, labels: nsLabels } } });
  } catch (error) {
    if (statusCode(error) !== 409) throw error;
  }
}

async function main(): Promise<void> {
  const log = createLogger(process.env.LOG_LEVEL ?? "warn");
  for (const stale of await removeStaleFolders())
    note(`removed ${stale}, left behind by an npm start that was killed`);
  let plane: ControlPlane | undefined;
  let node: LocalNode | undefined;
  let kc = new KubeConfig();
  const local = !hasKubeContext();
  let certDir: string;
  if (local) {
    note("no kube context configured: starting the local control plane (kube-apiserver + etcd)");
    plane = await ControlPlane.start({
      binaries: await ensureBinaries(note),
      log: note,
      dir: await claimFolder("flyte-secrets-controlplane-"),
    });
    const admin = new KubeConfig();
    admin.loadFromFile(plane.info.kubeconfigPath);
    await installCrd(admin);
    await ensureNamespace(admin, CONTROL);
    await ensureNamespace(admin, DEMO, { [labels.project]: "flytesnacks", [labels.domain]: "development" });
    const operator = await operatorKubeConfig(admin, plane.info.caPath);
    await installPolicy(admin, operator.username);
    kc = operator.kc;
    certDir = join(plane.info.dir, "webhook-tls");
    await mkdir(certDir, { mode: 0o700 });
    // A real node (kubelet + containerd + runc) where the machine allows, so the demo task really runs.
    const noNode = await nodeUnsupportedReason();
    if (noNode === undefined) node = await LocalNode.start({ plane: plane.info, log: note });
    else note(`no local node (${noNode}): task pods will stay Pending`);
  } else {
    kc.loadFromDefault();
    note(`using the current kube context ${kc.getCurrentContext()}`);
    certDir = await claimFolder("flyte-secrets-tls-");
  }
  const base = defaultConfig(CONTROL);
  const config = {
    ...base,
    ...(local ? { installation: LOCAL } : {}),
    controller: {
      ...base.controller,
      metricsPort: 0,
      webhookTls: {
        ...base.controller.webhookTls,
        enabled: local,
        ...(local ? { secretName: `${LOCAL}-webhook-tls`, webhookConfigurationName: LOCAL } : {}),
      },
    },
    webhook: { ...base.webhook, port: local ? 0 : 9443, certDir },
  };
  if (!local) {
    // Against a real cluster the webhook is not registered (the cluster cannot call this machine), so it serves with
    // a throwaway certificate of its own.
    const now = Date.now();
    const validity = { notBefore: new Date(now - 60_000), notAfter: new Date(now + 7 * 24 * 3600_000) };
    const ca = await createCertificateAuthority("flyte-secrets-local", validity);
    const leaf = await issueCertificate(ca, {
      ...validity,
      commonName: "localhost",
      dnsNames: ["localhost"],
      usage: "server",
    });
    await writeFile(join(certDir, "tls.crt"), leaf.certPem);
    await writeFile(join(certDir, "tls.key"), leaf.keyPem, { mode: 0o600 });
  }
  const operator = new Operator(kc, config, log, {
    ...(local
      ? {
          controller: {
            webhookTls: {
              namespace: CONTROL,
              secretName: config.controller.webhookTls.secretName,
              dnsNames: ["localhost"],
              ipAddresses: ["127.0.0.1"],
              webhookConfigurationName: LOCAL,
            },
          },
          webhookHost: "127.0.0.1",
          onWebhookListening: async (port: number) => {
            const admission = kc.makeApiClient(AdmissionregistrationV1Api);
            await admission.deleteMutatingWebhookConfiguration({ name: LOCAL }).catch(() => undefined);
            await admission.createMutatingWebhookConfiguration({
              body: webhookConfiguration({
                name: LOCAL,
                clientConfig: { url: `https://127.0.0.1:${port}/mutate` },
                excludeNamespaces: [CONTROL],
              }),
            });
          },
        }
      : {}),
  });
  const probes = await startProbeServer({
    port: 0,
    host: "127.0.0.1",
    // One registry for the one process: the controller's metrics and the webhook's.
    registry: Registry.merge([operator.controller.metrics.registry, operator.webhook.metrics.registry]),
    notReadyReason: () => operator.notReadyReason(),
  });
  await operator.start();
  const probePort = (probes.address() as { port: number }).port;
  // The Flyte API for Flyte's own CLI and SDK, in plaintext on loopback: callers act as the local administrator.
  const api = createFlyteApi(
    kc,
    {
      ...defaultApiConfig(CONTROL),
      enabled: true,
      plaintext: true,
      port: Number(process.env.FLYTE_SECRETS_API_PORT ?? 0),
      namespace: CONTROL,
    },
    log,
  );
  await api.start();
  const flyteConfig = join(certDir, "flyte-config.yaml");
  await writeFile(flyteConfig, `admin:\n  endpoint: dns:///127.0.0.1:${api.port}\n  insecure: true\n`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    note("stopping");
    await api.stop();
    await operator.stop();
    probes.close();
    await rm(certDir, { recursive: true, force: true });
    await node?.stop();
    await plane?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());

  say("flyte-secrets is running.");
  say(`  metrics and probes: http://127.0.0.1:${probePort}/metrics  /readyz  /healthz`);
  say(
    `  Flyte API: dns:///127.0.0.1:${api.port} (plaintext on loopback; callers act as the local administrator)`,
  );
  say(`    for Flyte's own CLI (pip install flyte==2.12.1): flyte -c ${flyteConfig} get secret`);
  if (plane) {
    say("");
    say("In another terminal:");
    say(`  export KUBECONFIG=${plane.info.kubeconfigPath}`);
    // flyte and kubectl-flyte, kubectl, and helm (for the README's `helm install`).
    const path = [join(root, "bin"), dirname(plane.info.binaries.kubectl), dirname(plane.info.binaries.helm)];
    say(`  export PATH="${[...new Set(path)].join(":")}:$PATH"`);
    say("  flyte create secret MY_SECRET_KEY my_secret_value --project flytesnacks --domain development");
    say("  flyte get secret");
    say("  kubectl get flytesecrets -n flyte-secrets");
    say(`  kubectl apply -f ${join(root, "examples", "task-pod.yaml")}`);
    if (node) {
      say(`  kubectl wait --for=jsonpath='{.status.phase}'=Succeeded pod/demo-task -n ${DEMO} --timeout=60s`);
      say(`  kubectl logs demo-task -n ${DEMO}`);
    } else {
      say(`  kubectl get pod demo-task -n ${DEMO} -o jsonpath='{.spec.containers[0].env}'`);
    }
  } else {
    say(
      "The webhook listens on https://0.0.0.0:9443 but is not registered with your cluster; install the Helm chart",
    );
    say("(charts/flyte-secrets) for admission in a real cluster.");
  }
  say("Press Ctrl-C to stop.");
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
