// The webhook's view of the cluster, from informers only (no API call on the request path, no Secrets): the Ready
// FlyteSecrets of the control namespaces as a resolution catalog, and Namespaces for bindings.
import type { KubeConfig, V1Namespace } from "@kubernetes/client-node";
import type { Logger } from "pino";
import type { NamespaceFacts } from "../domain/binding.ts";
import { catalogOf, type ReadyCatalog } from "../domain/catalog.ts";
import { Informer, type InformerOptions } from "../kube/informer.ts";
import { type FlyteSecretResource, flyteSecretSource, namespaceSource } from "../kube/sources.ts";

export class WebhookCaches {
  readonly flyteSecrets: Informer<FlyteSecretResource>;
  readonly namespaces: Informer<V1Namespace>;
  private readonly controlNamespaces: readonly string[];
  private catalog: ReadyCatalog | undefined;

  constructor(
    kc: KubeConfig,
    controlNamespaces: readonly string[],
    log: Logger,
    options: InformerOptions = {},
  ) {
    this.controlNamespaces = controlNamespaces;
    this.flyteSecrets = new Informer(kc, flyteSecretSource(kc), log, options);
    this.namespaces = new Informer(kc, namespaceSource(kc), log, options);
    // The catalog is rebuilt lazily after any change, not on every request.
    this.flyteSecrets.on(() => {
      this.catalog = undefined;
    });
  }

  start(): void {
    this.flyteSecrets.start();
    this.namespaces.start();
  }

  stop(): void {
    this.flyteSecrets.stop();
    this.namespaces.stop();
  }

  async waitForSync(timeoutMs?: number): Promise<void> {
    await Promise.all([this.flyteSecrets.waitForSync(timeoutMs), this.namespaces.waitForSync(timeoutMs)]);
  }

  notReadyReason(): string | undefined {
    const pending = [this.flyteSecrets, this.namespaces].filter((i) => !i.hasSynced()).map((i) => i.name);
    return pending.length === 0 ? undefined : `waiting for caches: ${pending.join(", ")}`;
  }

  /** Ready FlyteSecrets of the control namespaces (the controller has materialized them). */
  readyCatalog(): ReadyCatalog {
    if (this.catalog === undefined) {
      this.catalog = catalogOf(this.flyteSecrets.list(), this.controlNamespaces);
    }
    return this.catalog;
  }

  namespace(name: string): NamespaceFacts | undefined {
    const ns = this.namespaces.get(undefined, name);
    if (ns === undefined) return undefined;
    return { name, labels: ns.metadata?.labels ?? {} };
  }
}
