// flyte-secrets: one program, subcommands per process (DESIGN §6). Wiring only.
import { Command, InvalidArgumentError } from "commander";
import { Controller, type ControllerOptions } from "./controller/controller.ts";
import { loadKubeConfig } from "./kube/config.ts";
import { createLogger, type Logger } from "./observability/logger.ts";
import { startProbeServer } from "./observability/server.ts";
import { tlsFilesIn } from "./webhook/tls-files.ts";
import { Webhook } from "./webhook/webhook.ts";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("must be a port number (0-65535)");
  return n;
}

function list(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  ];
}

interface CommonOptions {
  kubeconfig?: string;
  context?: string;
  controlNamespace?: string[];
  metricsPort: number;
}

interface ControllerFlags extends CommonOptions {
  leaderElect: boolean;
  leaseNamespace?: string;
  leaseName: string;
  webhookTlsSecret?: string;
  webhookService?: string;
  webhookConfiguration?: string;
}

interface WebhookFlags extends CommonOptions {
  port: number;
  certDir: string;
}

function controlNamespaces(opts: CommonOptions): string[] {
  return opts.controlNamespace?.length
    ? opts.controlNamespace
    : [process.env.POD_NAMESPACE ?? "flyte-secrets"];
}

function controllerOptions(opts: ControllerFlags): ControllerOptions {
  const namespaces = controlNamespaces(opts);
  const home = namespaces[0] ?? "flyte-secrets";
  const service = opts.webhookService;
  return {
    controlNamespaces: namespaces,
    leaderElection: {
      enabled: opts.leaderElect,
      namespace: opts.leaseNamespace ?? home,
      name: opts.leaseName,
    },
    ...(opts.webhookTlsSecret && service
      ? {
          webhookTls: {
            namespace: home,
            secretName: opts.webhookTlsSecret,
            dnsNames: [
              service,
              `${service}.${home}`,
              `${service}.${home}.svc`,
              `${service}.${home}.svc.cluster.local`,
            ],
            ...(opts.webhookConfiguration ? { webhookConfigurationName: opts.webhookConfiguration } : {}),
          },
        }
      : {}),
  };
}

async function serve(
  log: Logger,
  parts: { start(): Promise<void>; stop(): Promise<void>; notReadyReason(): string | undefined },
  registry: Parameters<typeof startProbeServer>[0]["registry"],
  metricsPort: number,
): Promise<void> {
  const server = await startProbeServer({
    port: metricsPort,
    registry,
    notReadyReason: () => parts.notReadyReason(),
  });
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await parts.stop();
    server.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  await parts.start();
}

function withCommon(command: Command, defaultMetricsPort: number): Command {
  return command
    .option("--kubeconfig <path>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)")
    .option("--context <name>", "kubeconfig context")
    .option(
      "--control-namespace <names>",
      "namespace(s) whose FlyteSecrets are acted on (comma-separated)",
      list,
    )
    .option("--metrics-port <port>", "port for /healthz, /readyz and /metrics", port, defaultMetricsPort);
}

function withControllerFlags(command: Command): Command {
  return command
    .option("--leader-elect", "elect a leader through a Lease before writing", false)
    .option(
      "--lease-namespace <name>",
      "namespace of the leader Lease (default: the first control namespace)",
    )
    .option("--lease-name <name>", "name of the leader Lease", "flyte-secrets-controller")
    .option(
      "--webhook-tls-secret <name>",
      "manage the webhook's self-signed TLS in this Secret of the control namespace",
    )
    .option("--webhook-service <name>", "the webhook Service's name, for the certificate's DNS names")
    .option("--webhook-configuration <name>", "MutatingWebhookConfiguration whose caBundle to keep current");
}

function withWebhookFlags(command: Command): Command {
  return command
    .option("--port <port>", "HTTPS port for POST /mutate", port, 9443)
    .option(
      "--cert-dir <dir>",
      "folder holding tls.crt and tls.key (reloaded when they change)",
      "/etc/flyte-secrets/tls",
    );
}

const program = new Command("flyte-secrets").description("Scoped secrets for Flyte task pods");

withControllerFlags(
  withCommon(
    program
      .command("controller")
      .description("materialize FlyteSecrets into participating namespaces and report their status"),
    8080,
  ),
).action(async (opts: ControllerFlags) => {
  const log = createLogger();
  const controller = new Controller(loadKubeConfig(opts), controllerOptions(opts), log);
  await serve(log, controller, controller.metrics.registry, opts.metricsPort);
  log.info({ controlNamespaces: controlNamespaces(opts) }, "controller started");
});

withWebhookFlags(
  withCommon(
    program.command("webhook").description("serve the mutating admission webhook for task pods"),
    8081,
  ),
).action(async (opts: WebhookFlags) => {
  const log = createLogger();
  const webhook = new Webhook(
    loadKubeConfig(opts),
    { controlNamespaces: controlNamespaces(opts), port: opts.port, tls: tlsFilesIn(opts.certDir) },
    log,
  );
  await serve(log, webhook, webhook.metrics.registry, opts.metricsPort);
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`flyte-secrets: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
