// `npm start`: runs the operator (controller + webhook in one process). Against the current kube context when there
// is one; otherwise on the project's own local control plane (the real kube-apiserver + etcd the tests use), with
// the CRD installed, the webhook registered by URL and a demo namespace, printing the commands to try.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AdmissionregistrationV1Api,
  ApiextensionsV1Api,
  CoreV1Api,
  KubeConfig,
  type V1CustomResourceDefinition,
} from "@kubernetes/client-node";
import { load } from "js-yaml";
import { defaultConfig } from "../src/config/config.ts";
import { labels } from "../src/domain/api.ts";
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

const root = fileURLToPath(new URL("..", import.meta.url));
const CONTROL = "flyte-secrets";
const DEMO = "flytesnacks-development";
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

async function installCrd(kc: KubeConfig): Promise<void> {
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const crd = load(
    readFileSync(join(root, "crds", "flytesecrets.secrets.flyte.org.yaml"), "utf8"),
  ) as V1CustomResourceDefinition;
  try {
    await api.createCustomResourceDefinition({ body: crd });
  } catch (error) {
    if (statusCode(error) !== 409) throw error;
  }
  await waitFor(
    async () => {
      const current = await api.readCustomResourceDefinition({ name: crd.metadata?.name ?? "" });
      return current.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")
        ? true
        : undefined;
    },
    { description: "the FlyteSecret CRD to be established" },
  );
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
  let plane: ControlPlane | undefined;
  let node: LocalNode | undefined;
  const kc = new KubeConfig();
  const local = !hasKubeContext();
  if (local) {
    note("no kube context configured: starting the local control plane (kube-apiserver + etcd)");
    plane = await ControlPlane.start({ binaries: await ensureBinaries(note), log: note });
    kc.loadFromFile(plane.info.kubeconfigPath);
    await installCrd(kc);
    await ensureNamespace(kc, CONTROL);
    await ensureNamespace(kc, DEMO, { [labels.project]: "flytesnacks", [labels.domain]: "development" });
    // A real node (kubelet + containerd + runc) where the machine allows, so the demo task really runs.
    const noNode = await nodeUnsupportedReason();
    if (noNode === undefined) node = await LocalNode.start({ plane: plane.info, log: note });
    else note(`no local node (${noNode}): task pods will stay Pending`);
  } else {
    kc.loadFromDefault();
    note(`using the current kube context ${kc.getCurrentContext()}`);
  }
  const base = defaultConfig(CONTROL);
  const certDir = await mkdtemp(join(tmpdir(), "flyte-secrets-tls-"));
  const config = {
    ...base,
    controller: {
      ...base.controller,
      metricsPort: 0,
      webhookTls: { ...base.controller.webhookTls, enabled: local },
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
              secretName: base.controller.webhookTls.secretName,
              dnsNames: ["localhost"],
              ipAddresses: ["127.0.0.1"],
              webhookConfigurationName: "flyte-secrets",
            },
          },
          webhookHost: "127.0.0.1",
          onWebhookListening: async (port: number) => {
            const admission = kc.makeApiClient(AdmissionregistrationV1Api);
            await admission
              .deleteMutatingWebhookConfiguration({ name: "flyte-secrets" })
              .catch(() => undefined);
            await admission.createMutatingWebhookConfiguration({
              body: webhookConfiguration({
                name: "flyte-secrets",
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
    registry: operator.controller.metrics.registry,
    notReadyReason: () => operator.notReadyReason(),
  });
  await operator.start();
  const probePort = (probes.address() as { port: number }).port;

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    note("stopping");
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
  if (plane) {
    say("");
    say("In another terminal:");
    say(`  export KUBECONFIG=${plane.info.kubeconfigPath}`);
    say(
      `  export PATH="${join(root, "bin")}:${plane.info.binaries.kubectl.replace(/\/kubectl$/, "")}:$PATH"`,
    );
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
