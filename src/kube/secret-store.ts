// The secret operations' store (src/operations/store.ts) over client-node: FlyteSecrets and Secrets in one control
// namespace. Answers an operation acts on (409 exists/conflict, 404 gone) come back as values; the API server's
// "too busy" (429) is retried as it asks; every other failure is a StoreError keeping the client's error as cause.
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1DeleteOptions,
  type V1Secret,
} from "@kubernetes/client-node";
import { type FlyteSecretObject, GROUP, PLURAL, VERSION } from "../domain/api.ts";
import {
  type FlyteSecretPage,
  type SecretStore,
  type SourceSecret,
  type StoreCall,
  StoreError,
  type StoreVerb,
} from "../operations/store.ts";
import { statusCode } from "./errors.ts";

const PAGE = 500;
const BUSY_RETRIES = 3;
const MAX_BUSY_WAIT_SECONDS = 5;

/** The store plus the API server's URL, for messages. */
export interface KubeSecretStore extends SecretStore {
  readonly server: string;
}

/** `details.retryAfterSeconds` of a 429's Status body, if present. */
function retryAfterSeconds(error: unknown): number | undefined {
  let body: unknown = (error as { body?: unknown } | null)?.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const retry = (body as { details?: { retryAfterSeconds?: unknown } } | null | undefined)?.details
    ?.retryAfterSeconds;
  return typeof retry === "number" ? retry : undefined;
}

export function kubeSecretStore(kc: KubeConfig, namespace: string): KubeSecretStore {
  const server = kc.getCurrentCluster()?.server ?? "(unknown)";
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const crd = { group: GROUP, version: VERSION, plural: PLURAL, namespace };

  const callOf = (verb: StoreVerb, resource: string, name?: string): StoreCall => ({
    verb,
    resource,
    namespace,
    server,
    ...(name === undefined ? {} : { name }),
  });

  /** Runs one request, retrying while the API server asks to (429); unexpected failures become a StoreError. */
  async function request<T>(
    call: StoreCall,
    send: () => Promise<T>,
    expected: (code: number) => { readonly value: T } | undefined,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (error) {
        const code = statusCode(error);
        if (code !== undefined) {
          const handled = expected(code);
          if (handled !== undefined) return handled.value;
          if (code === 429 && attempt < BUSY_RETRIES) {
            const seconds = Math.min(retryAfterSeconds(error) ?? 1, MAX_BUSY_WAIT_SECONDS);
            await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
            continue;
          }
        }
        throw new StoreError(call, code, { cause: error });
      }
    }
  }

  const none = (): undefined => undefined;

  /**
   * A list in a namespace that does not exist is empty, not an error: ask, so the caller hears the real reason (a 404
   * naming the namespace) instead of "no secrets". Without the right to read namespaces it stays an empty list.
   */
  async function namespaceMustExist(): Promise<void> {
    try {
      await core.readNamespace({ name: namespace });
    } catch (error) {
      if (statusCode(error) === 404) {
        throw new StoreError(callOf("get", "namespaces", namespace), 404, { cause: error });
      }
    }
  }

  async function listFlyteSecretPage(page: {
    readonly limit: number;
    readonly continueToken?: string;
  }): Promise<FlyteSecretPage> {
    const answer = (await request(
      callOf("list", PLURAL),
      () =>
        custom.listNamespacedCustomObject({
          ...crd,
          limit: page.limit,
          ...(page.continueToken === undefined ? {} : { _continue: page.continueToken }),
        }),
      none,
    )) as { items?: FlyteSecretObject[]; metadata?: { continue?: string; _continue?: string } };
    const token = answer.metadata?.continue ?? answer.metadata?._continue;
    const items = answer.items ?? [];
    if (items.length === 0 && page.continueToken === undefined) await namespaceMustExist();
    return {
      items,
      ...(token === undefined || token === "" ? {} : { continueToken: token }),
    };
  }

  return {
    namespace,
    server,

    listFlyteSecretPage,

    async listFlyteSecrets() {
      const items: FlyteSecretObject[] = [];
      let continueToken: string | undefined;
      do {
        const page = await listFlyteSecretPage({
          limit: PAGE,
          ...(continueToken === undefined ? {} : { continueToken }),
        });
        items.push(...page.items);
        continueToken = page.continueToken;
      } while (continueToken !== undefined);
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
        async () => (await core.readNamespacedSecret({ name, namespace })) as unknown as SourceSecret,
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
