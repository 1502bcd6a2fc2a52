// The Flyte API (DESIGN §7.1) assembled from configuration: the service over the shared secret operations, Kubernetes
// authentication and authorization (or the local administrator in plaintext mode), and TLS from a Secret that the
// controller keeps itself (self-managed, the same CA machinery as the webhook's) or cert-manager writes. It runs in
// the controller's process (`controller` and `operator`), where the rights to Secrets already are.
import { CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { Logger } from "pino";
import type { ApiConfig, Config } from "../config/config.ts";
import { WebhookTls } from "../controller/webhook-tls.ts";
import { statusCode } from "../kube/errors.ts";
import { kubeSecretStore } from "../kube/secret-store.ts";
import type { Process } from "../operator.ts";
import { type Access, kubeAccess, localAdminAccess } from "./auth.ts";
import { ApiServer, type TlsPair } from "./server.ts";
import { callLog, routes } from "./service.ts";

export { ApiServer } from "./server.ts";

export interface FlyteApiOptions extends ApiConfig {
  /** The control namespace whose FlyteSecrets the API manages (and which holds the TLS Secret). */
  readonly namespace: string;
  /** The name of this cluster in a secret's cluster_status (default: the namespace). */
  readonly cluster?: string;
  /** How often the certificate is read again, and renewed when self-managed (default 30 s). */
  readonly tlsReloadMs?: number;
  /** How long an authentication or authorization answer is kept (default 10 s). */
  readonly cacheSeconds?: number;
}

/** The API's options from the configuration, or undefined when it is not enabled. */
export function flyteApiOptions(config: Config): FlyteApiOptions | undefined {
  if (!config.api.enabled) return undefined;
  return { ...config.api, namespace: config.controlNamespaces[0] ?? "flyte-secrets" };
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads tls.crt/tls.key from the Secret, first making or renewing it when self-managed; waits until it exists. */
function secretTls(
  kc: KubeConfig,
  options: FlyteApiOptions,
  log: Logger,
  rootLog: Logger,
): () => Promise<TlsPair> {
  const core = kc.makeApiClient(CoreV1Api);
  const { secretName, selfManaged, dnsNames, ipAddresses } = options.tls;
  const keeper = selfManaged
    ? new WebhookTls(
        kc,
        { namespace: options.namespace, secretName, dnsNames, ipAddresses, serves: "api" },
        rootLog,
      )
    : undefined;
  const readOnce = async (): Promise<TlsPair | undefined> => {
    if (keeper !== undefined) await keeper.ensure();
    try {
      const secret = await core.readNamespacedSecret({ name: secretName, namespace: options.namespace });
      const cert = secret.data?.["tls.crt"];
      const key = secret.data?.["tls.key"];
      if (cert === undefined || key === undefined) return undefined;
      return {
        cert: Buffer.from(cert, "base64").toString("utf8"),
        key: Buffer.from(key, "base64").toString("utf8"),
      };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  };
  return async () => {
    for (let attempt = 0; ; attempt++) {
      const pair = await readOnce();
      if (pair !== undefined) return pair;
      if (attempt === 0) {
        log.warn(
          { secret: `${options.namespace}/${secretName}` },
          "the Flyte API's TLS Secret has no tls.crt/tls.key yet (cert-manager?); waiting for it",
        );
      }
      await delay(2_000);
    }
  };
}

export function createFlyteApi(
  kc: KubeConfig,
  options: FlyteApiOptions,
  log: Logger,
  access: Access = options.plaintext
    ? localAdminAccess
    : kubeAccess(kc, {
        namespace: options.namespace,
        ...(options.cacheSeconds === undefined ? {} : { cacheSeconds: options.cacheSeconds }),
      }),
): ApiServer {
  const apiLog = log.child({ component: "flyte-api" });
  return new ApiServer(
    {
      port: options.port,
      host: options.host,
      tls: options.plaintext
        ? undefined
        : { load: secretTls(kc, options, apiLog, log), reloadMs: options.tlsReloadMs ?? 30_000 },
      routes: routes({
        store: kubeSecretStore(kc, options.namespace),
        access,
        cluster: options.cluster ?? options.namespace,
        log: apiLog,
      }),
      interceptors: [callLog(apiLog)],
    },
    log,
  );
}

/** `process` with the Flyte API beside it (when there is one): started after it, stopped before it. */
export function withFlyteApi<P extends Process>(proc: P, api: ApiServer | undefined): Process {
  if (api === undefined) return proc;
  return {
    async start() {
      await proc.start();
      await api.start();
    },
    async stop() {
      await api.stop();
      await proc.stop();
    },
    notReadyReason: () => proc.notReadyReason() ?? api.notReadyReason(),
  };
}
