// The Flyte API of an installation, run in the test process as the controller runs it (plaintext on loopback as the
// local mode does, or TLS from its self-managed Secret with Kubernetes authentication), and Flyte's real `flyte` CLI
// and Python SDK from the pinned virtual environment, run as a user runs them, with a config file of their own.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api } from "@kubernetes/client-node";
import { dump } from "js-yaml";
import { pino } from "pino";
import { type ApiServer, createFlyteApi } from "../../../src/api/index.ts";
import { defaultApiConfig } from "../../../src/config/config.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import type { ControlPlaneInfo } from "../../controlplane/controlplane.ts";
import { ensureVenv } from "../../python/venv.ts";
import { runProcess } from "./cli.ts";
import { type CommandResult, controlPlane, kubeConfig } from "./cluster.ts";
import type { Installation } from "./operator.ts";

export const API_TLS_SECRET = "flyte-secrets-api-tls";

export interface RunningApi {
  readonly server: ApiServer;
  /** `dns:///host:port`, as Flyte's config file spells an endpoint. */
  readonly endpoint: string;
  readonly url: string;
}

export async function startFlyteApi(
  installation: Installation,
  mode: "plaintext" | "tls",
  options: { readonly cacheSeconds?: number } = {},
): Promise<RunningApi> {
  const log = createLogger(
    "debug",
    pino.destination({ dest: installation.logFile, sync: true, append: true }),
  );
  const base = defaultApiConfig(installation.controlNamespace);
  const server = createFlyteApi(
    kubeConfig(),
    {
      ...base,
      enabled: true,
      port: 0,
      host: "127.0.0.1",
      plaintext: mode === "plaintext",
      tls: { ...base.tls, dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"] },
      namespace: installation.controlNamespace,
      ...(options.cacheSeconds === undefined ? {} : { cacheSeconds: options.cacheSeconds }),
    },
    log,
  );
  await server.start();
  const host = mode === "plaintext" ? "127.0.0.1" : "localhost";
  return {
    server,
    endpoint: `dns:///${host}:${server.port}`,
    url: `${mode === "plaintext" ? "http" : "https"}://${host}:${server.port}`,
  };
}

/** The CA that signs the TLS API's certificate, written to a file, as a user fetches it with kubectl. */
export async function apiCaFile(installation: Installation, dir: string): Promise<string> {
  const secret = await kubeConfig()
    .makeApiClient(CoreV1Api)
    .readNamespacedSecret({ name: API_TLS_SECRET, namespace: installation.controlNamespace });
  const path = join(dir, "flyte-api-ca.crt");
  await writeFile(path, Buffer.from(secret.data?.["ca.crt"] ?? "", "base64"));
  return path;
}

/** A Flyte config file (`flyte -c FILE`), as the README tells a user to write it. */
export async function flyteConfig(
  dir: string,
  name: string,
  admin: Record<string, unknown>,
): Promise<string> {
  const path = join(dir, `${name}.yaml`);
  await writeFile(path, dump({ admin }));
  return path;
}

/** `admin.command` printing a fresh token of a ServiceAccount, with the real kubectl (a TokenRequest). */
export function tokenCommand(
  namespace: string,
  serviceAccount: string,
  cluster: ControlPlaneInfo = controlPlane(),
): string[] {
  return [
    cluster.binaries.kubectl,
    "--kubeconfig",
    cluster.kubeconfigPath,
    "create",
    "token",
    serviceAccount,
    "-n",
    namespace,
  ];
}

/** The environment Flyte's CLI and SDK run in: their own HOME, no Flyte settings from the machine, wide output. */
function flyteEnv(home: string): Record<string, string> {
  const env: Record<string, string> = { HOME: home, COLUMNS: "100000", NO_COLOR: "1" };
  for (const name of Object.keys(process.env)) if (name.startsWith("FLYTE_")) env[name] = "";
  return env;
}

export interface FlyteTools {
  /** `flyte -c CONFIG ARGS...`: the unmodified CLI from PyPI. */
  cli(config: string, args: readonly string[]): Promise<CommandResult>;
  /** `python SCRIPT ARGS...` in the same environment (the SDK). */
  python(script: string, args: readonly string[]): Promise<CommandResult>;
}

export async function flyteTools(home: string): Promise<FlyteTools> {
  const venv = await ensureVenv("flyte");
  const env = flyteEnv(home);
  return {
    cli: (config, args) => runProcess(join(venv, "bin", "flyte"), ["-c", config, ...args], { env }),
    python: (script, args) => runProcess(join(venv, "bin", "python"), [script, ...args], { env }),
  };
}
