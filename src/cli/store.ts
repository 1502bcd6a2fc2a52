// The CLI's only contact with the API server: FlyteSecrets and Secrets in one control namespace. Answers a command
// must act on (already exists, not found, changed meanwhile) come back as values; every other failure becomes a
// CliError with one line that never includes a response body.
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1DeleteOptions,
  type V1Secret,
} from "@kubernetes/client-node";
import { type FlyteSecretObject, GROUP, PLURAL, VERSION } from "../domain/api.ts";
import { loadKubeConfig } from "../kube/config.ts";
import {
  type ApiCall,
  CliError,
  describeApiError,
  namespaceMissing,
  statusCodeOf,
  statusFactsOf,
  type Verb,
} from "./errors.ts";
import type { Owner, SourceSecret } from "./resources.ts";

export interface SecretStore {
  readonly namespace: string;
  readonly server: string;
  listFlyteSecrets(): Promise<FlyteSecretObject[]>;
  createFlyteSecret(
    body: object,
  ): Promise<{ readonly kind: "created"; readonly object: FlyteSecretObject } | { readonly kind: "exists" }>;
  /** Deletes the FlyteSecret if it is still the one with this uid. */
  deleteFlyteSecret(owner: Owner): Promise<"deleted" | "gone" | "replaced">;
  readSecret(name: string): Promise<SourceSecret | undefined>;
  createSecret(body: SourceSecret): Promise<"created" | "exists">;
  /** Replaces a Secret read before (its resourceVersion guards against a concurrent change). */
  replaceSecret(body: SourceSecret): Promise<"replaced" | "conflict" | "gone">;
  /** Deletes the Secret if it is still the one with this uid. */
  deleteSecret(target: Owner): Promise<"deleted" | "gone" | "replaced">;
}

export interface ConnectOptions {
  readonly kubeconfig?: string | undefined;
  readonly context?: string | undefined;
  readonly namespace: string;
}

const PAGE = 500;
const BUSY_RETRIES = 3;

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
    if (code === "ENOENT") throw new CliError(`cannot read ${file}: no such file`);
    throw new CliError(options.kubeconfig === undefined ? first : `cannot load ${file}: ${first}`);
  }
}

export function connect(options: ConnectOptions): SecretStore {
  const kc = loadConfig(options);
  const server = kc.getCurrentCluster()?.server ?? "(unknown)";
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const namespace = options.namespace;
  const crd = { group: GROUP, version: VERSION, plural: PLURAL, namespace };

  const callOf = (verb: Verb, resource: string, name?: string): ApiCall => ({
    verb,
    resource,
    namespace,
    server,
    ...(name === undefined ? {} : { name }),
  });

  /** Runs one request, retrying while the API server asks to (429), and maps unexpected failures to a CliError. */
  async function request<T>(
    call: ApiCall,
    send: () => Promise<T>,
    expected: (code: number) => { readonly value: T } | undefined,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const code = statusCodeOf(error);
        if (code !== undefined) {
          const handled = expected(code);
          if (handled !== undefined) return handled.value;
          if (code === 429 && attempt < BUSY_RETRIES) {
            const seconds = Math.min(statusFactsOf(error).retryAfterSeconds ?? 1, 5);
            await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
            continue;
          }
        }
        throw new CliError(describeApiError(error, call));
      }
    }
  }

  const none = (): undefined => undefined;

  return {
    namespace,
    server,

    async listFlyteSecrets() {
      const items: FlyteSecretObject[] = [];
      let token: string | undefined;
      do {
        const page = (await request(
          callOf("list", PLURAL),
          () => custom.listNamespacedCustomObject({ ...crd, limit: PAGE, _continue: token }),
          none,
        )) as { items?: FlyteSecretObject[]; metadata?: { continue?: string; _continue?: string } };
        items.push(...(page.items ?? []));
        token = page.metadata?.continue ?? page.metadata?._continue;
        if (token === "") token = undefined;
      } while (token !== undefined);
      // A list in a namespace that does not exist is empty, not an error: ask, so the user hears the real reason.
      // Without the right to read namespaces (403) it stays "no secrets".
      if (items.length === 0) {
        const missing = await core.readNamespace({ name: namespace }).then(
          () => false,
          (error: unknown) => statusCodeOf(error) === 404,
        );
        if (missing) throw new CliError(namespaceMissing(namespace));
      }
      return items;
    },

    async createFlyteSecret(body) {
      const name = (body as { metadata?: { name?: string } }).metadata?.name;
      type Outcome =
        | { readonly kind: "created"; readonly object: FlyteSecretObject }
        | { readonly kind: "exists" };
      return request<Outcome>(
        callOf("create", PLURAL, name),
        async () => ({
          kind: "created",
          object: (await custom.createNamespacedCustomObject({ ...crd, body })) as FlyteSecretObject,
        }),
        (code) => (code === 409 ? { value: { kind: "exists" } } : undefined),
      );
    },

    async deleteFlyteSecret(owner) {
      const body: V1DeleteOptions = { preconditions: { uid: owner.uid } };
      return request(
        callOf("delete", PLURAL, owner.name),
        async () => {
          await custom.deleteNamespacedCustomObject({ ...crd, name: owner.name, body });
          return "deleted" as const;
        },
        (code) => (code === 404 ? { value: "gone" } : code === 409 ? { value: "replaced" } : undefined),
      );
    },

    async readSecret(name) {
      return request<SourceSecret | undefined>(
        callOf("get", "secrets", name),
        () => core.readNamespacedSecret({ name, namespace }) as Promise<SourceSecret>,
        (code) => (code === 404 ? { value: undefined } : undefined),
      );
    },

    async createSecret(body) {
      return request(
        callOf("create", "secrets", body.metadata?.name),
        async () => {
          await core.createNamespacedSecret({ namespace, body: body as unknown as V1Secret });
          return "created" as const;
        },
        (code) => (code === 409 ? { value: "exists" } : undefined),
      );
    },

    async replaceSecret(body) {
      const name = body.metadata?.name ?? "";
      return request(
        callOf("update", "secrets", name),
        async () => {
          await core.replaceNamespacedSecret({ name, namespace, body: body as unknown as V1Secret });
          return "replaced" as const;
        },
        (code) => (code === 409 ? { value: "conflict" } : code === 404 ? { value: "gone" } : undefined),
      );
    },

    async deleteSecret(target) {
      const body: V1DeleteOptions = { preconditions: { uid: target.uid } };
      return request(
        callOf("delete", "secrets", target.name),
        async () => {
          await core.deleteNamespacedSecret({ name: target.name, namespace, body });
          return "deleted" as const;
        },
        (code) => (code === 404 ? { value: "gone" } : code === 409 ? { value: "replaced" } : undefined),
      );
    },
  };
}
