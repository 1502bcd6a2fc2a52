// The CLI's connection to the API server: the kubeconfig as flags and the environment name it, and the secret store
// over it (src/kube/secret-store.ts). A kubeconfig that cannot be loaded is one line naming the file, never its
// content.
import type { KubeConfig } from "@kubernetes/client-node";
import { loadKubeConfig } from "../kube/config.ts";
import { type KubeSecretStore, kubeSecretStore } from "../kube/secret-store.ts";
import { CliError } from "./errors.ts";

export type SecretStore = KubeSecretStore;

export interface ConnectOptions {
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
  readonly namespace: string;
}

function loadConfig(options: ConnectOptions): KubeConfig {
  try {
    return loadKubeConfig({
      ...(options.kubeconfig === undefined ? {} : { kubeconfig: options.kubeconfig }),
      ...(options.context === undefined ? {} : { context: options.context }),
    });
  } catch (error) {
    // Only the first line: a YAML parser's message goes on to quote the file, which may hold credentials.
    const first = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    const path = options.kubeconfig ?? (error as { path?: unknown } | null)?.path;
    const file = typeof path === "string" ? `the kubeconfig ${path}` : "the kubeconfig";
    if (code === "ENOENT") throw new CliError(`cannot read ${file}: no such file`, 1, { cause: error });
    throw new CliError(options.kubeconfig === undefined ? first : `cannot load ${file}: ${first}`, 1, {
      cause: error,
    });
  }
}

export function connect(options: ConnectOptions): SecretStore {
  return kubeSecretStore(loadConfig(options), options.namespace);
}
