// Runs the product's controller in the test process against the shared control plane, isolated by a namespace
// selector so that concurrent test files each have their own installation. Logs go to a file (at debug level) that
// tests grep for secret values.
import { mkdirSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AdmissionregistrationV1Api, CoreV1Api, type V1Pod } from "@kubernetes/client-node";
import { pino } from "pino";
import { Controller, type ControllerOptions } from "../../../src/controller/controller.ts";
import { connectLight } from "../../../src/kube/light-config.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { webhookConfiguration } from "../../../src/webhook/configuration.ts";
import { tlsFilesIn } from "../../../src/webhook/tls-files.ts";
import { Webhook } from "../../../src/webhook/webhook.ts";
import { waitFor } from "../../controlplane/wait.ts";
import { controlPlane, createNamespace, kubeConfig, scratchDir, uniqueName } from "./cluster.ts";

export const INSTANCE_LABEL = "flyte-secrets.test/instance";

export interface Installation {
  /** Label every namespace of this installation must carry. */
  readonly selector: Readonly<Record<string, string>>;
  readonly controlNamespace: string;
  readonly logFile: string;
  /** Creates a namespace inside this installation, with extra labels. */
  namespace(prefix: string, labels?: Record<string, string>): Promise<string>;
  startController(overrides?: Partial<ControllerOptions>): Promise<RunningController>;
  /** Every log line written so far. */
  logs(): Promise<string>;
  /**
   * Runs the whole operator as a cluster would: the controller (managing the webhook's TLS Secret), the webhook
   * serving HTTPS on 127.0.0.1 from "mounted" certificate files, and a MutatingWebhookConfiguration pointing at it.
   */
  startOperator(overrides?: Partial<ControllerOptions>): Promise<RunningOperator>;
}

export interface RunningOperator {
  readonly controller: RunningController;
  readonly webhook: Webhook;
  readonly webhookConfigurationName: string;
  /** Copies the TLS Secret into the webhook's certificate files, as kubelet does for a mounted Secret. */
  syncTlsFiles(): Promise<void>;
  stop(): Promise<void>;
}

const TLS_SECRET = "flyte-secrets-webhook-tls";

export interface RunningController {
  readonly controller: Controller;
  stop(): Promise<void>;
  /** Writes made to the API server so far, from the controller's own metric. */
  writes(): Promise<number>;
}

export async function createInstallation(prefix: string): Promise<Installation> {
  const id = uniqueName(prefix);
  const selector = { [INSTANCE_LABEL]: id };
  const controlNamespace = await createNamespace(`${prefix}-control`, selector);
  const logDir = join(controlPlane().logDir, "operators");
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${id}.log`);
  const destination = pino.destination({ dest: logFile, sync: true, append: true });
  const logger = () => createLogger("debug", destination);
  const startController = async (overrides: Partial<ControllerOptions> = {}): Promise<RunningController> => {
    const controller = new Controller(
      kubeConfig(),
      {
        controlNamespaces: [controlNamespace],
        namespaceSelector: selector,
        informers: { relistSeconds: 60, watchdogSeconds: 60 },
        ...overrides,
      },
      logger(),
    );
    await controller.start();
    return {
      controller,
      stop: () => controller.stop(),
      writes: async () => {
        const metric = await controller.metrics.writes.get();
        return metric.values.reduce((sum, v) => sum + v.value, 0);
      },
    };
  };
  return {
    selector,
    controlNamespace,
    logFile,
    startController,
    startOperator: async (overrides = {}) => {
      const configName = `flyte-secrets-${id}`;
      const controller = await startController({
        webhookTls: {
          namespace: controlNamespace,
          secretName: TLS_SECRET,
          dnsNames: ["localhost"],
          ipAddresses: ["127.0.0.1"],
          webhookConfigurationName: configName,
        },
        ...overrides,
      });
      await controller.controller.ensureWebhookTls();
      const certDir = await scratchDir("flyte-secrets-webhook-tls-");
      const syncTlsFiles = async (): Promise<void> => {
        const secret = await kubeConfig()
          .makeApiClient(CoreV1Api)
          .readNamespacedSecret({ name: TLS_SECRET, namespace: controlNamespace });
        for (const file of ["tls.crt", "tls.key"]) {
          const staged = join(certDir, `.${file}.tmp`);
          await writeFile(staged, Buffer.from(secret.data?.[file] ?? "", "base64"));
          await rename(staged, join(certDir, file));
        }
      };
      await syncTlsFiles();
      // The webhook's own connection (node:https, no client-node), as `flyte-secrets webhook` makes it.
      const webhook = new Webhook(
        await connectLight({ kubeconfig: controlPlane().kubeconfigPath }, logger()),
        {
          controlNamespaces: [controlNamespace],
          port: 0,
          host: "127.0.0.1",
          tls: tlsFilesIn(certDir),
          informers: { relistSeconds: 60, watchdogSeconds: 60 },
        },
        logger(),
      );
      await webhook.start();
      const admission = kubeConfig().makeApiClient(AdmissionregistrationV1Api);
      await admission.createMutatingWebhookConfiguration({
        body: webhookConfiguration({
          name: configName,
          clientConfig: { url: `https://127.0.0.1:${webhook.port}/mutate` },
          excludeNamespaces: [controlNamespace],
          namespaceMatchLabels: selector,
        }),
      });
      await controller.controller.ensureWebhookTls();
      // The API server loads webhook configurations asynchronously: dry-run a labelled pod until it calls us.
      const probeNamespace = await createNamespace(`${prefix}-probe`, {
        ...selector,
        "secrets.flyte.org/shared": "true",
      });
      const core = kubeConfig().makeApiClient(CoreV1Api);
      const probe: V1Pod = {
        metadata: {
          name: "probe",
          labels: { "secrets.flyte.org/inject": "true", project: "p", domain: "d" },
        },
        spec: { containers: [{ name: "main", image: "registry.invalid/probe:1" }] },
      };
      await waitFor(
        async () => {
          await core.createNamespacedPod({ namespace: probeNamespace, body: probe, dryRun: "All" });
          const calls = (await webhook.metrics.admissions.get()).values.reduce((sum, v) => sum + v.value, 0);
          return calls > 0 ? true : undefined;
        },
        { description: "the API server to call the webhook", timeoutMs: 30_000, intervalMs: 250 },
      );
      return {
        controller,
        webhook,
        webhookConfigurationName: configName,
        syncTlsFiles,
        stop: async () => {
          await admission.deleteMutatingWebhookConfiguration({ name: configName }).catch(() => undefined);
          await webhook.stop();
          await controller.stop();
        },
      };
    },
    namespace: (p, labels = {}) => createNamespace(p, { ...labels, ...selector }),
    logs: () => readFile(logFile, "utf8").catch(() => ""),
  };
}

/** Reads a Secret's decoded data, or undefined when it does not exist. */
export async function secretData(
  namespace: string,
  name: string,
): Promise<Record<string, string> | undefined> {
  const core = kubeConfig().makeApiClient(CoreV1Api);
  try {
    const secret = await core.readNamespacedSecret({ name, namespace });
    return Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]),
    );
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}

/** Waits until `probe` holds for a Secret's data (undefined data = the Secret does not exist). */
export function waitForSecret(
  namespace: string,
  name: string,
  probe: (data: Record<string, string> | undefined) => boolean,
  description: string,
): Promise<true> {
  return waitFor(async () => (probe(await secretData(namespace, name)) ? true : undefined), {
    description: `${description} (Secret ${namespace}/${name})`,
    timeoutMs: 20_000,
  });
}
