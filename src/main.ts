// flyte-secrets: one program, subcommands per process (DESIGN §6): `controller`, `webhook`, and `operator` (both).
// Configuration: one YAML file (--config or FLYTE_SECRETS_CONFIG) with flag overrides. Wiring only. Each subcommand
// imports what it runs when it runs: `webhook` never loads the controller, the Flyte API or client-node (whose
// generated models alone cost ~80 MiB of the webhook's memory).
import { readFileSync } from "node:fs";
import type { KubeConfig } from "@kubernetes/client-node";
import { Command, InvalidArgumentError } from "commander";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { type Config, defaultConfig, parseConfig } from "./config/config.ts";
import { createLogger } from "./observability/logger.ts";
import { startProbeServer } from "./observability/server.ts";
import type { Process } from "./operator.ts";

interface Flags {
  config?: string;
  kubeconfig?: string;
  context?: string;
  controlNamespace?: string[];
  metricsPort?: number;
  logLevel?: string;
  leaderElect?: boolean;
  port?: number;
  certDir?: string;
}

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

class ConfigError extends Error {}

/** The file (if any) over the defaults, then the flags over the file. */
function resolveConfig(flags: Flags, which: "controller" | "webhook" | "operator"): Config {
  const namespace = process.env.POD_NAMESPACE || "flyte-secrets";
  const path = flags.config ?? process.env.FLYTE_SECRETS_CONFIG;
  let config = defaultConfig(namespace);
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new ConfigError(
        `cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        { cause: error },
      );
    }
    const parsed = parseConfig(text, namespace, path);
    if (!parsed.ok)
      throw new ConfigError(`invalid configuration in ${path}:\n  ${parsed.errors.join("\n  ")}`);
    config = parsed.config;
  }
  const metricsPort = flags.metricsPort;
  return {
    ...config,
    ...(flags.controlNamespace?.length ? { controlNamespaces: flags.controlNamespace } : {}),
    ...(flags.logLevel ? { logLevel: flags.logLevel } : {}),
    controller: {
      ...config.controller,
      ...(metricsPort !== undefined && which !== "webhook" ? { metricsPort } : {}),
      leaderElection: {
        ...config.controller.leaderElection,
        ...(flags.leaderElect ? { enabled: true } : {}),
      },
    },
    webhook: {
      ...config.webhook,
      ...(metricsPort !== undefined && which === "webhook" ? { metricsPort } : {}),
      ...(flags.port !== undefined ? { port: flags.port } : {}),
      ...(flags.certDir ? { certDir: flags.certDir } : {}),
    },
  };
}

async function serve(
  name: string,
  proc: Process,
  registry: Registry,
  metricsPort: number,
  logLevel: string,
): Promise<void> {
  const log = createLogger(logLevel);
  const server = await startProbeServer({
    port: metricsPort,
    portSetting: `--metrics-port (or ${name === "webhook" ? "webhook" : "controller"}.metricsPort in the config file)`,
    registry,
    notReadyReason: () => proc.notReadyReason(),
  });
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${name} shutting down`);
    // Kubernetes' default grace period is 30 s: whatever still hangs after 25 s is abandoned.
    setTimeout(() => process.exit(1), 25_000).unref();
    // Drains in-flight admissions and releases the Lease before exiting.
    await proc.stop();
    server.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  await proc.start();
  log.info({ metricsPort }, `${name} started`);
}

/** The process with the Flyte API beside it when the configuration enables it (controller and operator only). */
async function withFlyteApiOf(proc: Process, kc: KubeConfig, config: Config, log: Logger): Promise<Process> {
  const { createFlyteApi, flyteApiOptions, withFlyteApi } = await import("./api/index.ts");
  const options = flyteApiOptions(config);
  return withFlyteApi(proc, options === undefined ? undefined : createFlyteApi(kc, options, log));
}

function common(command: Command): Command {
  return command
    .option("--config <file>", "configuration file (YAML); env FLYTE_SECRETS_CONFIG")
    .option("--kubeconfig <path>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)")
    .option("--context <name>", "kubeconfig context")
    .option(
      "--control-namespace <names>",
      "namespace(s) whose FlyteSecrets are acted on (comma-separated)",
      list,
    )
    .option("--metrics-port <port>", "port for /healthz, /readyz and /metrics", port)
    .option("--log-level <level>", "fatal, error, warn, info, debug or trace");
}

const program = new Command("flyte-secrets")
  .description("Scoped secrets for Flyte task pods: controller, admission webhook, or both")
  .showHelpAfterError();

common(
  program
    .command("controller")
    .description("materialize FlyteSecrets into task namespaces and report status"),
)
  .option("--leader-elect", "elect a leader through a Lease before writing")
  .action(async (flags: Flags) => {
    const config = resolveConfig(flags, "controller");
    const [{ loadKubeConfig }, { Controller }, { controllerOptions }] = await Promise.all([
      import("./kube/config.ts"),
      import("./controller/controller.ts"),
      import("./operator.ts"),
    ]);
    const kc = loadKubeConfig(flags);
    const log = createLogger(config.logLevel);
    const controller = new Controller(kc, controllerOptions(config), log);
    await serve(
      "controller",
      await withFlyteApiOf(controller, kc, config, log),
      controller.metrics.registry,
      config.controller.metricsPort,
      config.logLevel,
    );
  });

common(program.command("webhook").description("serve the mutating admission webhook for task pods"))
  .option("--port <port>", "HTTPS port of POST /mutate", port)
  .option("--cert-dir <dir>", "folder with tls.crt and tls.key, reloaded when they change")
  .action(async (flags: Flags) => {
    const config = resolveConfig(flags, "webhook");
    const log = createLogger(config.logLevel);
    const [{ connectLight }, { createWebhook }] = await Promise.all([
      import("./kube/light-config.ts"),
      import("./webhook/webhook.ts"),
    ]);
    const webhook = createWebhook(await connectLight(flags, log), config, log);
    await serve("webhook", webhook, webhook.metrics.registry, config.webhook.metricsPort, config.logLevel);
  });

common(
  program
    .command("operator")
    .description("controller and webhook in one process (local mode, small installs)"),
)
  .option("--leader-elect", "elect a leader through a Lease before writing")
  .option("--port <port>", "HTTPS port of POST /mutate", port)
  .option("--cert-dir <dir>", "folder for the webhook's tls.crt and tls.key")
  .action(async (flags: Flags) => {
    const config = resolveConfig(flags, "operator");
    const [{ loadKubeConfig }, { Operator }, { Registry }] = await Promise.all([
      import("./kube/config.ts"),
      import("./operator.ts"),
      import("prom-client"),
    ]);
    const kc = loadKubeConfig(flags);
    const log = createLogger(config.logLevel);
    const operator = new Operator(kc, config, log);
    const registry = Registry.merge([
      operator.controller.metrics.registry,
      operator.webhook.metrics.registry,
    ]);
    await serve(
      "operator",
      await withFlyteApiOf(operator, kc, config, log),
      registry,
      config.controller.metricsPort,
      config.logLevel,
    );
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  // Configuration errors list every problem; anything else is cut to its first line, since parser errors (of a
  // kubeconfig, say) quote the input, which may hold credentials.
  const message =
    error instanceof ConfigError
      ? error.message
      : (String(error instanceof Error ? error.message : error).split("\n")[0] ?? "");
  process.stderr.write(`flyte-secrets: ${message}\n`);
  process.exit(2);
});
