// Wiring of the processes from one Config: the controller, the webhook, or both in one process (`operator`, for the
// local mode and small installs). In `operator` mode the process that manages the webhook's TLS Secret also writes
// it to the webhook's certificate folder, standing in for the kubelet's Secret mount.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { type Config, installationOf } from "./config/config.ts";
import { Controller, type ControllerOptions } from "./controller/controller.ts";
import { describeApiError } from "./kube/errors.ts";
import { kubeConfigConnection } from "./kube/http.ts";
import { createWebhook, type Webhook } from "./webhook/webhook.ts";

export interface Process {
  start(): Promise<void>;
  stop(): Promise<void>;
  notReadyReason(): string | undefined;
}

export function controllerOptions(config: Config, extra: Partial<ControllerOptions> = {}): ControllerOptions {
  const home = config.controlNamespaces[0] ?? "flyte-secrets";
  const tls = config.controller.webhookTls;
  const service = tls.serviceName;
  return {
    controlNamespaces: config.controlNamespaces,
    installation: installationOf(config),
    ...(config.namespaceTemplate ? { nameTemplate: config.namespaceTemplate } : {}),
    ...(config.namespaceSelector ? { namespaceSelector: config.namespaceSelector } : {}),
    limits: config.controller.limits,
    leaderElection: {
      enabled: config.controller.leaderElection.enabled,
      namespace: home,
      name: config.controller.leaderElection.leaseName,
      leaseDurationSeconds: config.controller.leaderElection.leaseDurationSeconds,
      renewDeadlineSeconds: config.controller.leaderElection.renewDeadlineSeconds,
      retryPeriodSeconds: config.controller.leaderElection.retryPeriodSeconds,
    },
    ...(tls.enabled
      ? {
          webhookTls: {
            namespace: home,
            secretName: tls.secretName,
            dnsNames: [
              service,
              `${service}.${home}`,
              `${service}.${home}.svc`,
              `${service}.${home}.svc.cluster.local`,
            ],
            webhookConfigurationName: tls.webhookConfigurationName,
          },
        }
      : {}),
    ...extra,
  };
}

/** Copies tls.crt and tls.key from the TLS Secret into `dir`, each by an atomic rename. */
export async function writeTlsFiles(
  kc: KubeConfig,
  namespace: string,
  secretName: string,
  dir: string,
): Promise<void> {
  const secret = await kc.makeApiClient(CoreV1Api).readNamespacedSecret({ name: secretName, namespace });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const file of ["tls.crt", "tls.key"]) {
    const data = secret.data?.[file];
    if (data === undefined) throw new Error(`Secret ${namespace}/${secretName} has no ${file} yet`);
    const staged = join(dir, `.${file}.tmp`);
    await writeFile(staged, Buffer.from(data, "base64"), { mode: 0o600 });
    await rename(staged, join(dir, file));
  }
}

export interface OperatorOptions {
  /** Extra controller options (e.g. the certificate's IP addresses in local mode). */
  readonly controller?: Partial<ControllerOptions>;
  /** Listen address of the webhook (default all interfaces). */
  readonly webhookHost?: string;
  /** Called once the webhook listens and its certificate is in place (the local mode registers it then). */
  readonly onWebhookListening?: (port: number) => Promise<void>;
}

/** Controller and webhook in one process. */
export class Operator implements Process {
  readonly controller: Controller;
  readonly webhook: Webhook;
  private readonly kc: KubeConfig;
  private readonly config: Config;
  private readonly options: OperatorOptions;
  private tlsTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;

  constructor(kc: KubeConfig, config: Config, log: Logger, options: OperatorOptions = {}) {
    this.kc = kc;
    this.log = log.child({ component: "operator" });
    this.config = config;
    this.options = options;
    this.controller = new Controller(kc, controllerOptions(config, options.controller), log);
    this.webhook = createWebhook(kubeConfigConnection(kc), config, log, options.webhookHost);
  }

  notReadyReason(): string | undefined {
    return this.controller.notReadyReason() ?? this.webhook.notReadyReason();
  }

  private async syncTls(): Promise<void> {
    const tls = this.config.controller.webhookTls;
    if (!tls.enabled) return;
    await this.controller.ensureWebhookTls();
    await writeTlsFiles(
      this.kc,
      this.config.controlNamespaces[0] ?? "flyte-secrets",
      tls.secretName,
      this.config.webhook.certDir,
    );
  }

  async start(): Promise<void> {
    await this.controller.start();
    await this.syncTls();
    await this.webhook.start();
    // Keep the files current as the controller renews the certificate.
    this.tlsTimer = setInterval(
      () =>
        void this.syncTls().catch((error: unknown) => {
          this.log.warn(
            describeApiError(error),
            "could not refresh the webhook's TLS files; serving the previous ones, retrying in 60 s",
          );
        }),
      60_000,
    );
    this.tlsTimer.unref();
    await this.options.onWebhookListening?.(this.webhook.port);
    await this.controller.ensureWebhookTls();
  }

  async stop(): Promise<void> {
    clearInterval(this.tlsTimer);
    await this.webhook.stop();
    await this.controller.stop();
  }
}
