// Runs the flyte CLI exactly as a user does (bin/flyte, or the real kubectl finding bin/kubectl-flyte on PATH) as a
// subprocess against the shared control plane, and keeps every output so a test can prove no value was printed.
import { spawn } from "node:child_process";
import { rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CoreV1Api, CustomObjectsApi } from "@kubernetes/client-node";
import { dump } from "js-yaml";
import { type FlyteSecretObject, GROUP, PLURAL, VERSION } from "../../../src/domain/api.ts";
import { type CommandResult, controlPlane, kubeConfig, scratchDir } from "./cluster.ts";

export const flyteBin = fileURLToPath(new URL("../../../bin/flyte", import.meta.url));
export const kubectlFlyteBin = fileURLToPath(new URL("../../../bin/kubectl-flyte", import.meta.url));

export interface RunOptions {
  /** Bytes for stdin; stdin is closed either way, as in a script. */
  readonly stdin?: Uint8Array | string;
  readonly env?: Readonly<Record<string, string>>;
}

export interface Output {
  readonly args: readonly string[];
  readonly text: string;
}

const outputs: Output[] = [];

/** Every stdout and stderr of every command run so far, with the command's arguments. */
export function allOutputs(): readonly Output[] {
  return outputs;
}

/** Runs a binary with the control plane's KUBECONFIG; never rejects for a non-zero exit. */
export function runProcess(
  binary: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KUBECONFIG: controlPlane().kubeconfigPath,
    ...options.env,
  };
  if (options.env?.FLYTE_SECRETS_CLI_NAME === undefined) delete env.FLYTE_SECRETS_CLI_NAME;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = {
        code: code ?? (signal === null ? -1 : 128),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        ...(signal === null ? {} : { signal }),
      };
      outputs.push({ args, text: result.stdout }, { args, text: result.stderr });
      resolve(result);
    });
    child.stdin.end(options.stdin === undefined ? undefined : Buffer.from(options.stdin));
  });
}

/** Runs `flyte` with these arguments, its control namespace given by FLYTE_SECRETS_NAMESPACE. */
export function flyteArgs(namespace: string, args: readonly string[], options: RunOptions = {}) {
  return runProcess(flyteBin, args, {
    ...options,
    env: { FLYTE_SECRETS_NAMESPACE: namespace, ...options.env },
  });
}

/**
 * Runs a command line as the Flyte docs print it (`flyte create secret  --project my_project ...`), split on
 * whitespace, with the control namespace from FLYTE_SECRETS_NAMESPACE so the line itself stays verbatim.
 */
export function flyte(
  namespace: string,
  commandLine: string,
  options: RunOptions = {},
): Promise<CommandResult> {
  const [program, ...args] = commandLine.trim().split(/\s+/);
  if (program !== "flyte") throw new Error(`not a flyte command line: ${commandLine}`);
  return flyteArgs(namespace, args, options);
}

/** Runs the real kubectl with `kubectl-flyte` (a symlink to bin/kubectl-flyte) on PATH, as a user installs it. */
export async function kubectlWithPlugin(args: readonly string[]): Promise<CommandResult> {
  const dir = await scratchDir("flyte-secrets-plugin-");
  try {
    await symlink(kubectlFlyteBin, join(dir, "kubectl-flyte"));
    return await runProcess(controlPlane().binaries.kubectl, args, {
      env: { PATH: `${dir}:${process.env.PATH ?? ""}` },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A kubeconfig file for the control plane's server authenticated by a bearer token, e.g. a ServiceAccount's. */
export async function tokenKubeconfig(
  dir: string,
  token: string,
  server = controlPlane().server,
): Promise<string> {
  const path = join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "c", cluster: { server, "certificate-authority": controlPlane().caPath } }],
    users: [{ name: "u", user: { token } }],
    contexts: [{ name: "x", context: { cluster: "c", user: "u" } }],
    "current-context": "x",
  };
  await writeFile(path, dump(config), { mode: 0o600 });
  return path;
}

/** A loopback URL where nothing listens: connections to it are refused. */
export async function closedServerUrl(): Promise<string> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const free = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(free));
    });
  });
  return `https://127.0.0.1:${port}`;
}

export async function readFlyteSecret(
  namespace: string,
  name: string,
): Promise<FlyteSecretObject | undefined> {
  const custom = kubeConfig().makeApiClient(CustomObjectsApi);
  try {
    return (await custom.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      plural: PLURAL,
      namespace,
      name,
    })) as FlyteSecretObject;
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}

/** The raw bytes of one key of a Secret: undefined when the Secret or the key does not exist. */
export async function secretBytes(namespace: string, name: string, key: string): Promise<Buffer | undefined> {
  const core = kubeConfig().makeApiClient(CoreV1Api);
  try {
    const secret = await core.readNamespacedSecret({ name, namespace });
    const data = secret.data?.[key];
    return data === undefined ? undefined : Buffer.from(data, "base64");
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}
