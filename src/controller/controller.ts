// The controller: informers feed a work queue keyed by target namespace (plus one key for FlyteSecret status);
// `reconcileNamespace` makes a namespace's managed Secrets match the desired state computed from the caches, and
// `reconcileStatus` writes each FlyteSecret's Ready condition. Level-based: a key names what to look at, never what
// happened, so any order or number of events converges. Only the leader writes.
import { hostname } from "node:os";
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1Namespace,
  type V1Secret,
} from "@kubernetes/client-node";
import type { Logger } from "pino";
import { API_VERSION, GROUP, KIND, labels, PLURAL, VERSION } from "../domain/api.ts";
import {
  bindingOf,
  compileNameTemplate,
  type NamespaceBinding,
  type NameTemplate,
  participates,
  selectorMatches,
} from "../domain/binding.ts";
import {
  type Assessment,
  type AssessOptions,
  assess,
  type CatalogEntry,
  defaultLimits,
  entryId,
  entryOf,
  type SourceFacts,
  sourceFactsOf,
} from "../domain/catalog.ts";
import { desiredStatus, readyTransition, sameStatus } from "../domain/conditions.ts";
import {
  type DesiredSecret,
  desiredSecrets,
  managedSelector,
  namespacesHolding,
  secretMatches,
} from "../domain/materialize.ts";
import type { Scope } from "../domain/scope.ts";
import { describeApiError } from "../kube/errors.ts";
import { Informer } from "../kube/informer.ts";
import { LeaderElector } from "../kube/leader.ts";
import {
  type FlyteSecretResource,
  flyteSecretSource,
  labelledSecretSource,
  namespacedSecretSource,
  namespaceSource,
} from "../kube/sources.ts";
import { WorkQueue } from "../kube/workqueue.ts";
import { type ControllerMetrics, createControllerMetrics } from "./metrics.ts";
import { WebhookTls, type WebhookTlsOptions } from "./webhook-tls.ts";

export interface ControllerOptions {
  /** Namespaces whose FlyteSecrets (and source Secrets) the operator acts on. */
  readonly controlNamespaces: readonly string[];
  readonly nameTemplate?: NameTemplate;
  readonly limits?: Pick<AssessOptions, "maxValueBytes" | "maxScopeBytes">;
  readonly leaderElection?: {
    readonly enabled: boolean;
    readonly namespace: string;
    readonly name: string;
    readonly identity?: string;
    readonly leaseDurationSeconds?: number;
    readonly renewDeadlineSeconds?: number;
    readonly retryPeriodSeconds?: number;
  };
  readonly informers?: { readonly relistSeconds?: number; readonly watchdogSeconds?: number };
  /**
   * Only namespaces carrying all these labels are considered at all (default: every namespace). Namespaces outside
   * are ignored entirely: nothing is created or deleted there and their FlyteSecrets get no status. Lets several
   * independent installations share a cluster.
   */
  readonly namespaceSelector?: Readonly<Record<string, string>>;
  /** When set, the leader keeps the webhook's self-managed TLS Secret and caBundle right. */
  readonly webhookTls?: WebhookTlsOptions;
  /** How often the leader re-checks the webhook certificate. */
  readonly webhookTlsCheckSeconds?: number;
}

const STATUS_KEY = "status";
const namespaceKey = (name: string): string => `ns:${name}`;

export class Controller {
  readonly flyteSecrets: Informer<FlyteSecretResource>;
  readonly namespaces: Informer<V1Namespace>;
  readonly managed: Informer<V1Secret>;
  readonly sources: ReadonlyMap<string, Informer<V1Secret>>;
  readonly metrics: ControllerMetrics;
  private readonly queue = new WorkQueue();
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly log: Logger;
  private readonly options: ControllerOptions;
  private readonly matchName: ((name: string) => Scope | undefined) | undefined;
  private readonly elector: LeaderElector | undefined;
  private leading = false;
  private running: Promise<void> | undefined;
  private readonly webhookTls: WebhookTls | undefined;
  private tlsTimer: NodeJS.Timeout | undefined;
  private catalogCache: { ready: CatalogEntry[] } | undefined;

  constructor(kc: KubeConfig, options: ControllerOptions, log: Logger) {
    this.options = options;
    this.log = log.child({ component: "controller" });
    this.core = kc.makeApiClient(CoreV1Api);
    this.custom = kc.makeApiClient(CustomObjectsApi);
    if (options.nameTemplate) {
      const compiled = compileNameTemplate(options.nameTemplate);
      if (!compiled.ok) throw new Error(compiled.message);
      this.matchName = compiled.match;
    }
    const informerOptions = options.informers ?? {};
    this.flyteSecrets = new Informer(kc, flyteSecretSource(kc), this.log, informerOptions);
    this.namespaces = new Informer(kc, namespaceSource(kc), this.log, informerOptions);
    this.managed = new Informer(kc, labelledSecretSource(kc, managedSelector), this.log, informerOptions);
    this.sources = new Map(
      options.controlNamespaces.map((ns) => [
        ns,
        new Informer(kc, namespacedSecretSource(kc, ns), this.log, informerOptions),
      ]),
    );
    if (options.leaderElection?.enabled) {
      const le = options.leaderElection;
      this.elector = new LeaderElector(
        kc,
        {
          namespace: le.namespace,
          name: le.name,
          identity: le.identity ?? `${hostname()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
          ...(le.leaseDurationSeconds ? { leaseDurationSeconds: le.leaseDurationSeconds } : {}),
          ...(le.renewDeadlineSeconds ? { renewDeadlineSeconds: le.renewDeadlineSeconds } : {}),
          ...(le.retryPeriodSeconds ? { retryPeriodSeconds: le.retryPeriodSeconds } : {}),
          onStartedLeading: () => this.startLeading(),
          onStoppedLeading: () => this.stopLeading(),
        },
        this.log,
      );
    }
    this.webhookTls = options.webhookTls ? new WebhookTls(kc, options.webhookTls, this.log) : undefined;
    this.metrics = createControllerMetrics(
      () => this.queue.depth,
      () => this.managed.list().length,
      () => this.informers().map((i) => [i.name, i.secondsSinceLastEvent()] as const),
      () => this.leading,
    );
    this.wireEvents();
  }

  private informers(): Informer<V1Secret | V1Namespace | FlyteSecretResource>[] {
    return [this.flyteSecrets, this.namespaces, this.managed, ...this.sources.values()] as Informer<
      V1Secret | V1Namespace | FlyteSecretResource
    >[];
  }

  /** Why the controller is not ready yet (caches not synced), or undefined when it is. */
  notReadyReason(): string | undefined {
    const pending = this.informers().filter((i) => !i.hasSynced());
    return pending.length === 0 ? undefined : `waiting for caches: ${pending.map((i) => i.name).join(", ")}`;
  }

  isLeader(): boolean {
    return this.leading;
  }

  async start(): Promise<void> {
    for (const informer of this.informers()) informer.start();
    await Promise.all(this.informers().map((i) => i.waitForSync(120_000)));
    this.log.info("caches synced");
    if (this.elector) this.elector.start();
    else this.startLeading();
  }

  async stop(): Promise<void> {
    await this.elector?.release();
    this.stopLeading();
    for (const informer of this.informers()) informer.stop();
    await this.running;
  }

  private startLeading(): void {
    if (this.leading) return;
    this.leading = true;
    this.enqueueAll();
    // After a lost and regained lease, the previous worker finishes its key first: never two at once.
    const previous = this.running ?? Promise.resolve();
    this.running = previous.then(() =>
      this.queue.run(
        (key) => this.process(key),
        (key, error) => {
          const delay = this.queue.retry(key);
          this.log.warn(
            { key, retryInMs: delay, ...describeApiError(error) },
            "reconcile failed; will retry",
          );
        },
      ),
    );
    this.checkWebhookTls();
  }

  /** Runs the webhook certificate check now and then periodically while leading. */
  private checkWebhookTls(): void {
    if (!this.webhookTls || !this.leading) return;
    clearTimeout(this.tlsTimer);
    this.webhookTls
      .ensure()
      // Helm creates the webhook configuration after the Deployments: look again soon until its caBundle is set.
      .then((result) => (result.configured ? (this.options.webhookTlsCheckSeconds ?? 600) * 1000 : 30_000))
      .catch((error: unknown) => {
        this.log.warn(describeApiError(error), "webhook certificate check failed; retrying");
        return 30_000;
      })
      .then((delay) => {
        if (!this.leading) return;
        this.tlsTimer = setTimeout(() => this.checkWebhookTls(), delay);
        this.tlsTimer.unref();
      });
  }

  /** Checks the webhook certificate now (tests and the local mode wait for it). */
  async ensureWebhookTls(): Promise<void> {
    await this.webhookTls?.ensure();
  }

  private stopLeading(): void {
    if (!this.leading) return;
    this.leading = false;
    clearTimeout(this.tlsTimer);
    this.queue.stop();
  }

  /**
   * The Ready entries, computed once per change of FlyteSecrets or sources rather than once per namespace: a full
   * pass over many namespaces then costs one assessment.
   */
  private catalogState(): { ready: CatalogEntry[] } {
    if (this.catalogCache === undefined) {
      const entries = this.entries();
      const assessments = this.assessments(entries);
      this.catalogCache = { ready: entries.filter((e) => assessments.get(entryId(e))?.ready === true) };
    }
    return this.catalogCache;
  }

  private wireEvents(): void {
    const invalidate = (): void => {
      this.catalogCache = undefined;
    };
    this.flyteSecrets.on(invalidate);
    for (const informer of this.sources.values()) informer.on(invalidate);
    // Namespace labels decide which namespaces are selected, and so which FlyteSecrets count.
    this.namespaces.on(invalidate);
    const everything = (): void => this.enqueueAll();
    this.flyteSecrets.on(everything);
    for (const informer of this.sources.values()) {
      informer.on((_event, secret) => {
        const name = secret.metadata?.name;
        const referenced = this.flyteSecrets
          .list()
          .some(
            (fs) =>
              fs.metadata?.namespace === secret.metadata?.namespace &&
              fs.spec?.valueFrom?.secretKeyRef?.name === name,
          );
        if (referenced) everything();
      });
    }
    this.namespaces.on((_event, ns) => {
      if (ns.metadata?.name) this.enqueue(namespaceKey(ns.metadata.name));
      this.enqueue(STATUS_KEY);
    });
    this.managed.on((_event, secret) => {
      if (secret.metadata?.namespace) this.enqueue(namespaceKey(secret.metadata.namespace));
      this.enqueue(STATUS_KEY);
    });
  }

  private enqueue(key: string): void {
    if (this.leading) this.queue.add(key);
  }

  private enqueueAll(): void {
    if (!this.leading) return;
    const names = new Set<string>();
    for (const ns of this.namespaces.list()) if (ns.metadata?.name) names.add(ns.metadata.name);
    for (const secret of this.managed.list())
      if (secret.metadata?.namespace) names.add(secret.metadata.namespace);
    for (const name of [...names].sort()) this.queue.add(namespaceKey(name));
    this.queue.add(STATUS_KEY);
  }

  private async process(key: string): Promise<void> {
    const kind = key === STATUS_KEY ? "status" : "namespace";
    const end = this.metrics.reconcileDuration.startTimer({ kind });
    try {
      if (key === STATUS_KEY) await this.reconcileStatus();
      else await this.reconcileNamespace(key.slice(namespaceKey("").length));
      this.metrics.reconciles.inc({ kind, result: "success" });
      this.queue.forget(key);
    } catch (error) {
      this.metrics.reconciles.inc({ kind, result: "error" });
      throw error;
    } finally {
      end();
    }
  }

  // ---- gathering: everything below reads caches only ----

  private liveFlyteSecrets(): FlyteSecretResource[] {
    return this.flyteSecrets
      .list()
      .filter((fs) => !fs.metadata?.deletionTimestamp && this.selected(fs.metadata?.namespace));
  }

  private entries(): CatalogEntry[] {
    return this.liveFlyteSecrets().map(entryOf);
  }

  private sourceSecret(namespace: string, name: string): V1Secret | undefined {
    return this.sources.get(namespace)?.get(namespace, name);
  }

  private sourceFacts(namespace: string, name: string): SourceFacts | undefined {
    const secret = this.sourceSecret(namespace, name);
    return secret === undefined ? undefined : sourceFactsOf(name, secret.metadata ?? {}, secret.data ?? {});
  }

  private assessments(entries: readonly CatalogEntry[]): Map<string, Assessment> {
    return assess(entries, (ns, name) => this.sourceFacts(ns, name), {
      controlNamespaces: this.options.controlNamespaces,
      ...defaultLimits,
      ...this.options.limits,
    });
  }

  /** True when the namespace is within this controller's namespace selector. */
  private selected(name: string | undefined): boolean {
    const selector = this.options.namespaceSelector;
    if (selector === undefined || Object.keys(selector).length === 0) return true;
    const ns = name === undefined ? undefined : this.namespaces.get(undefined, name);
    return selectorMatches(selector, ns?.metadata?.labels);
  }

  private binding(namespace: V1Namespace): NamespaceBinding {
    if (namespace.metadata?.deletionTimestamp || namespace.status?.phase === "Terminating")
      return { kind: "none" };
    // The control namespaces never receive materialized copies.
    if (this.options.controlNamespaces.includes(namespace.metadata?.name ?? "")) return { kind: "none" };
    return bindingOf(
      { name: namespace.metadata?.name ?? "", labels: namespace.metadata?.labels ?? {} },
      this.matchName,
    );
  }

  // ---- reconcile one namespace ----

  async reconcileNamespace(name: string): Promise<void> {
    if (!this.selected(name)) return;
    const namespace = this.namespaces.get(undefined, name);
    const binding: NamespaceBinding = namespace ? this.binding(namespace) : { kind: "none" };
    const { ready } = this.catalogState();
    const desired = participates(binding)
      ? desiredSecrets(binding, ready, (entry) => {
          const secret = this.sourceSecret(entry.namespace, entry.source.name);
          const data = secret?.data?.[entry.source.key];
          if (data === undefined) return undefined;
          return {
            data,
            version: `${secret?.metadata?.uid ?? ""}@${secret?.metadata?.resourceVersion ?? ""}`,
          };
        })
      : [];
    const actual = new Map(
      this.managed
        .list()
        .filter((s) => s.metadata?.namespace === name)
        .map((s) => [s.metadata?.name ?? "", s] as const),
    );
    for (const want of desired) {
      const have = actual.get(want.name);
      actual.delete(want.name);
      if (have === undefined) await this.createSecret(name, want);
      else if (
        !secretMatches(
          {
            type: have.type,
            data: have.data,
            labels: have.metadata?.labels,
            annotations: have.metadata?.annotations,
          },
          want,
        )
      )
        await this.updateSecret(name, have, want);
    }
    for (const stale of actual.values()) await this.deleteSecret(stale);
  }

  private manifest(namespace: string, want: DesiredSecret, base?: V1Secret): V1Secret {
    return {
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: want.name,
        namespace,
        ...(base?.metadata?.resourceVersion ? { resourceVersion: base.metadata.resourceVersion } : {}),
        labels: { ...(base?.metadata?.labels ?? {}), ...want.labels },
        annotations: { ...(base?.metadata?.annotations ?? {}), ...want.annotations },
      },
      type: want.type,
      data: { ...want.data },
      immutable: false,
    };
  }

  private async createSecret(namespace: string, want: DesiredSecret): Promise<void> {
    try {
      await this.core.createNamespacedSecret({ namespace, body: this.manifest(namespace, want) });
      this.metrics.writes.inc({ verb: "create", resource: "secrets" });
      this.log.info({ namespace, secret: want.name, keys: Object.keys(want.data) }, "created managed Secret");
    } catch (error) {
      const { status, message } = describeApiError(error);
      if (status === 409) {
        // A Secret of that name exists without our label: it is not ours, so it is left alone.
        this.log.warn(
          { namespace, secret: want.name },
          "a Secret with the managed name exists but is not managed by flyte-secrets; leaving it untouched",
        );
        return;
      }
      throw new Error(`creating Secret ${namespace}/${want.name}: ${message}`);
    }
  }

  private async updateSecret(namespace: string, have: V1Secret, want: DesiredSecret): Promise<void> {
    const name = want.name;
    if ((have.type ?? "Opaque") !== want.type || have.immutable === true) {
      // Type and immutability cannot be changed in place.
      await this.deleteSecret(have);
      await this.createSecret(namespace, want);
      return;
    }
    try {
      await this.core.replaceNamespacedSecret({
        name,
        namespace,
        body: this.manifest(namespace, want, have),
      });
      this.metrics.writes.inc({ verb: "update", resource: "secrets" });
      this.log.info({ namespace, secret: name, keys: Object.keys(want.data) }, "updated managed Secret");
    } catch (error) {
      throw new Error(`updating Secret ${namespace}/${name}: ${describeApiError(error).message}`);
    }
  }

  private async deleteSecret(secret: V1Secret): Promise<void> {
    const name = secret.metadata?.name ?? "";
    const namespace = secret.metadata?.namespace ?? "";
    // Only ever delete what carries our label, and only the exact object we saw.
    if (secret.metadata?.labels?.[labels.managedBy] !== "flyte-secrets") return;
    try {
      await this.core.deleteNamespacedSecret({
        name,
        namespace,
        body: { preconditions: { uid: secret.metadata?.uid ?? "" } },
      });
      this.metrics.writes.inc({ verb: "delete", resource: "secrets" });
      this.log.info({ namespace, secret: name }, "deleted managed Secret");
    } catch (error) {
      const { status, message } = describeApiError(error);
      if (status === 404 || status === 409) return;
      throw new Error(`deleting Secret ${namespace}/${name}: ${message}`);
    }
  }

  // ---- status ----

  /** How many namespaces hold the entry's key right now, read from the managed Secrets cache. */
  private namespacesHolding(entry: CatalogEntry): number {
    const managed = this.managed
      .list()
      .filter((s) => this.selected(s.metadata?.namespace))
      .map((s) => ({
        namespace: s.metadata?.namespace ?? "",
        name: s.metadata?.name ?? "",
        dataKeys: Object.keys(s.data ?? {}),
      }));
    return namespacesHolding(entry, managed).length;
  }

  async reconcileStatus(): Promise<void> {
    const objects = this.liveFlyteSecrets();
    const entries = objects.map(entryOf);
    const assessments = this.assessments(entries);
    const now = new Date();
    for (const [i, object] of objects.entries()) {
      const entry = entries[i];
      if (entry === undefined) continue;
      const assessment = assessments.get(entryId(entry));
      if (assessment === undefined) continue;
      const count = assessment.ready ? this.namespacesHolding(entry) : 0;
      const next = desiredStatus(assessment, count, entry.key, entry.generation, object.status, now);
      if (sameStatus(object.status, next)) continue;
      try {
        await this.custom.patchNamespacedCustomObjectStatus(
          {
            group: GROUP,
            version: VERSION,
            plural: PLURAL,
            namespace: entry.namespace,
            name: entry.name,
            body: { status: next },
          },
          setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
        );
        this.metrics.writes.inc({ verb: "patch", resource: "flytesecrets/status" });
      } catch (error) {
        const { status, message } = describeApiError(error);
        if (status === 404) continue;
        throw new Error(`updating status of FlyteSecret ${entryId(entry)}: ${message}`);
      }
      const transition = readyTransition(object.status, next);
      if (transition)
        await this.recordEvent(
          object,
          transition.status === "True" ? "Normal" : "Warning",
          transition.reason,
          transition.message,
        );
    }
  }

  private async recordEvent(
    object: FlyteSecretResource,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
  ) {
    const namespace = object.metadata?.namespace ?? "";
    const now = new Date();
    try {
      await this.core.createNamespacedEvent({
        namespace,
        body: {
          metadata: { generateName: `${object.metadata?.name ?? "flytesecret"}.`, namespace },
          involvedObject: {
            apiVersion: API_VERSION,
            kind: KIND,
            name: object.metadata?.name ?? "",
            namespace,
            uid: object.metadata?.uid ?? "",
            resourceVersion: object.metadata?.resourceVersion ?? "",
          },
          type,
          reason,
          message,
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          source: { component: "flyte-secrets-controller" },
          reportingComponent: "flyte-secrets-controller",
          reportingInstance: hostname(),
        },
      });
      this.metrics.writes.inc({ verb: "create", resource: "events" });
    } catch (error) {
      this.log.warn(
        { flyteSecret: `${namespace}/${object.metadata?.name ?? ""}`, ...describeApiError(error) },
        "could not record Event",
      );
    }
  }
}
