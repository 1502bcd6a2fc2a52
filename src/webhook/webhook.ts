// The webhook process: informer caches + the pure `admit` decision + the HTTPS server. Wiring only. Nothing here
// loads client-node (its models cost ~80 MiB): the caches list and watch over an `ApiConnection`.
import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import { admit, type FlyteFormSetting } from "../domain/admit.ts";
import { compileNameTemplate, type NameTemplate } from "../domain/binding.ts";
import { defaultPodLabels } from "../domain/defaults.ts";
import type { Scope } from "../domain/scope.ts";
import type { ApiConnection } from "../kube/connection.ts";
import type { InformerOptions } from "../kube/informer.ts";
import type { AdmissionRequest, Decision } from "./admission-review.ts";
import { WebhookCaches } from "./caches.ts";
import { createWebhookMetrics, type WebhookMetrics } from "./metrics.ts";
import { type RunningWebhookServer, startWebhookServer } from "./server.ts";
import { type TlsFiles, tlsFilesIn } from "./tls-files.ts";

export interface WebhookOptions {
  readonly controlNamespaces: readonly string[];
  readonly port: number;
  readonly host?: string;
  readonly tls: TlsFiles;
  readonly podLabels?: { readonly project: string; readonly domain: string };
  readonly nameTemplate?: NameTemplate;
  /** How pods labelled `inject-flyte-secrets` are told Flyte 1's from Flyte 2's; default `auto`. */
  readonly flyteForm?: FlyteFormSetting;
  readonly informers?: InformerOptions;
}

/** The webhook of one Config. */
export function createWebhook(
  connection: ApiConnection,
  config: Config,
  log: Logger,
  host?: string,
): Webhook {
  return new Webhook(
    connection,
    {
      controlNamespaces: config.controlNamespaces,
      port: config.webhook.port,
      ...(host ? { host } : {}),
      tls: tlsFilesIn(config.webhook.certDir),
      podLabels: config.podLabels,
      ...(config.namespaceTemplate ? { nameTemplate: config.namespaceTemplate } : {}),
      flyteForm: config.webhook.flyteForm,
    },
    log,
  );
}

export class Webhook {
  readonly caches: WebhookCaches;
  readonly metrics: WebhookMetrics;
  private server: RunningWebhookServer | undefined;
  private readonly options: WebhookOptions;
  private readonly log: Logger;
  private readonly matchName: ((name: string) => Scope | undefined) | undefined;

  constructor(connection: ApiConnection, options: WebhookOptions, log: Logger) {
    this.options = options;
    this.log = log.child({ component: "webhook" });
    this.caches = new WebhookCaches(connection, options.controlNamespaces, this.log, options.informers);
    this.metrics = createWebhookMetrics();
    if (options.nameTemplate) {
      const compiled = compileNameTemplate(options.nameTemplate);
      if (!compiled.ok) throw new Error(compiled.message);
      this.matchName = compiled.match;
    }
  }

  get port(): number {
    return this.server?.port ?? 0;
  }

  notReadyReason(): string | undefined {
    if (this.server === undefined) return "the HTTPS server is not listening yet";
    return this.caches.notReadyReason();
  }

  decide(request: AdmissionRequest): Decision {
    const namespaceName =
      request.namespace ??
      (request.object as { metadata?: { namespace?: unknown } } | null)?.metadata?.namespace;
    const namespace = typeof namespaceName === "string" ? this.caches.namespace(namespaceName) : undefined;
    const result = admit(request.object, namespace, this.caches.readyCatalog(), {
      podLabels: this.options.podLabels ?? defaultPodLabels,
      ...(this.matchName ? { matchName: this.matchName } : {}),
      ...(this.options.flyteForm ? { flyteForm: this.options.flyteForm } : {}),
    });
    return result.allowed
      ? { allowed: true, patch: result.patch, ...(result.warnings ? { warnings: result.warnings } : {}) }
      : { allowed: false, code: result.code, message: result.message };
  }

  async start(): Promise<void> {
    this.caches.start();
    await this.caches.waitForSync(120_000);
    this.server = await startWebhookServer({
      port: this.options.port,
      ...(this.options.host ? { host: this.options.host } : {}),
      tls: this.options.tls,
      decide: (request) => this.decide(request),
      metrics: this.metrics,
      log: this.log,
    });
    this.log.info({ port: this.server.port }, "webhook listening");
  }

  /** Stops taking new connections, answers in-flight admissions, then stops the caches. */
  async stop(): Promise<void> {
    await this.server?.close();
    this.caches.stop();
  }
}
