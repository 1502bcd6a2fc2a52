// Runs the product's controller in the test process against the shared control plane, isolated by a namespace
// selector so that concurrent test files each have their own installation. Logs go to a file (at debug level) that
// tests grep for secret values.
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api } from "@kubernetes/client-node";
import { pino } from "pino";
import { Controller, type ControllerOptions } from "../../../src/controller/controller.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { waitFor } from "../../controlplane/wait.ts";
import { controlPlane, createNamespace, kubeConfig, uniqueName } from "./cluster.ts";

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
}

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
  return {
    selector,
    controlNamespace,
    logFile,
    namespace: (p, labels = {}) => createNamespace(p, { ...labels, ...selector }),
    logs: () => readFile(logFile, "utf8").catch(() => ""),
    startController: async (overrides = {}) => {
      const controller = new Controller(
        kubeConfig(),
        {
          controlNamespaces: [controlNamespace],
          namespaceSelector: selector,
          informers: { relistSeconds: 60, watchdogSeconds: 60 },
          ...overrides,
        },
        createLogger("debug", destination),
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
    },
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
