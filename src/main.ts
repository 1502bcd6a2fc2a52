// flyte-secrets: one program, subcommands per process (DESIGN §6). Wiring only.
import { Command, InvalidArgumentError } from "commander";
import { Controller } from "./controller/controller.ts";
import { loadKubeConfig } from "./kube/config.ts";
import { createLogger } from "./observability/logger.ts";
import { startProbeServer } from "./observability/server.ts";

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

const program = new Command("flyte-secrets").description("Scoped secrets for Flyte task pods");

program
  .command("controller")
  .description("run the controller: materialize FlyteSecrets into participating namespaces and report status")
  .option("--kubeconfig <path>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)")
  .option("--context <name>", "kubeconfig context")
  .option(
    "--control-namespace <names>",
    "namespace(s) whose FlyteSecrets are acted on (comma-separated)",
    list,
  )
  .option("--metrics-port <port>", "port for /healthz, /readyz and /metrics", port, 8080)
  .option("--leader-elect", "elect a leader through a Lease before writing", false)
  .option("--lease-namespace <name>", "namespace of the leader Lease (default: the first control namespace)")
  .option("--lease-name <name>", "name of the leader Lease", "flyte-secrets-controller")
  .action(
    async (opts: {
      kubeconfig?: string;
      context?: string;
      controlNamespace?: string[];
      metricsPort: number;
      leaderElect: boolean;
      leaseNamespace?: string;
      leaseName: string;
    }) => {
      const log = createLogger();
      const kc = loadKubeConfig(opts);
      const controlNamespaces = opts.controlNamespace?.length
        ? opts.controlNamespace
        : [process.env.POD_NAMESPACE ?? "flyte-secrets"];
      const controller = new Controller(
        kc,
        {
          controlNamespaces,
          leaderElection: {
            enabled: opts.leaderElect,
            namespace: opts.leaseNamespace ?? controlNamespaces[0] ?? "flyte-secrets",
            name: opts.leaseName,
          },
        },
        log,
      );
      const server = await startProbeServer({
        port: opts.metricsPort,
        registry: controller.metrics.registry,
        notReadyReason: () => controller.notReadyReason(),
      });
      const shutdown = async (signal: string): Promise<void> => {
        log.info({ signal }, "shutting down");
        await controller.stop();
        server.close();
        process.exit(0);
      };
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
      process.once("SIGINT", () => void shutdown("SIGINT"));
      await controller.start();
      log.info({ controlNamespaces, metricsPort: opts.metricsPort }, "controller started");
    },
  );

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`flyte-secrets: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
