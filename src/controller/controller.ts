// The controller: informers feed two work queues — namespace keys (`ns:<name>`: make that namespace's managed Secrets
// match the desired state) and FlyteSecret keys (`fs:<namespace>/<name>`: write that FlyteSecret's status). Level-based:
// a key names what to look at, never what happened, so any order or number of events converges. Events are filtered
// (a status-only update of a FlyteSecret is no reason to reconcile anything) and mapped to exactly the keys they
// affect; several workers run at once, never two on one key; only failures are rate-limited. Desired content is
// computed once per scope (a scope's Secret is the same in every namespace), and managed Secrets are cached as metadata
// only: the content version annotation says what they hold, managedFields say whether anyone else wrote them. Only
// the leader writes.
import { hostname } from "node:os";
import { CoreV1Api, type KubeConfig, type V1Namespace, type V1Secret } from "@kubernetes/client-node";
import type { Logger } from "pino";
import type { FlyteSecretStatus } from "../domain/api.ts";
import {
  API_VERSION,
  annotations,
  type BlockedEntry,
  type BlockedReason,
  GROUP,
  KIND,
  labels,
  MANAGED_BY,
  PLURAL,
  VERSION,
} from "../domain/api.ts";
import {
  bindingOf,
  bindingSees,
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
import { decideStatus, mayDeferStatus, sameStatus, statusEvent } from "../domain/conditions.ts";
import { defaultEventBudget } from "../domain/defaults.ts";
import { firstSecretNameOf, managedSecretNameOf } from "../domain/names.ts";
import { describeScope, type Scope } from "../domain/scope.ts";
import { metadataMatches, ownershipOf, type ScopeSecret, scopeSecrets } from "../domain/scope-secrets.ts";
import { TokenBucket, type TokenBucketOptions } from "../domain/token-bucket.ts";
import { describeApiError, statusCode } from "../kube/errors.ts";
import { METADATA_OBJECT, requestCounts, sendJson, shareConnections } from "../kube/http.ts";
import { Informer } from "../kube/informer.ts";
import { LeaderElector } from "../kube/leader.ts";
import {
  FIELD_MANAGER,
  type FlyteSecretResource,
  flyteSecretSource,
  type ManagedSecretMeta,
  managedSecretMeta,
  managedSecretSource,
  namespacedSecretSource,
  namespaceSource,
  type PartialObjectMetadata,
} from "../kube/sources.ts";
import { WorkQueue } from "../kube/workqueue.ts";
import { type ControllerMetrics, createControllerMetrics } from "./metrics.ts";
import { WebhookTls, type WebhookTlsOptions } from "./webhook-tls.ts";

export interface ControllerOptions {
  /** Namespaces whose FlyteSecrets (and source Secrets) the operator acts on. */
  readonly controlNamespaces: readonly string[];
  /**
   * Which installation this controller is (label `secrets.flyte.org/installation` on every Secret it manages); it
   * never changes or deletes another installation's Secrets. Default: the first control namespace.
   */
  readonly installation?: string;
  readonly nameTemplate?: NameTemplate;
  readonly limits?: Partial<Pick<AssessOptions, "maxValueBytes" | "maxScopeBytes" | "maxKeysPerSecret">>;
  readonly leaderElection?: {
    readonly enabled: boolean;
    readonly namespace: string;
    readonly name: string;
    readonly identity?: string;
    readonly leaseDurationSeconds?: number;
    readonly renewDeadlineSeconds?: number;
    readonly retryPeriodSeconds?: number;
  };
  readonly informers?: {
    readonly relistSeconds?: number;
    readonly watchdogSeconds?: number;
    readonly watchTimeoutSeconds?: number;
  };
  /**
   * Only namespaces carrying all these labels are considered at all (default: every namespace). Outside them nothing
   * is created, FlyteSecrets get no status, and this installation's own copies are removed.
   */
  readonly namespaceSelector?: Readonly<Record<string, string>>;
  /** When set, the leader keeps the webhook's self-managed TLS Secret and caBundle right. */
  readonly webhookTls?: WebhookTlsOptions;
  /** How often the leader re-checks the webhook certificate. */
  readonly webhookTlsCheckSeconds?: number;
  /** Concurrent workers of the namespace queue (default 16). */
  readonly workers?: number;
  /**
   * Concurrent workers of the status queue (default 32): a status patch is small and the API server's cost is mostly
   * per request, so a first convergence's 10,000 statuses go at the rate the API server takes them.
   */
  readonly statusWorkers?: number;
  /** A brand-new FlyteSecret whose source is missing is Pending (no Warning) this long. */
  readonly pendingGraceSeconds?: number;
  /** How often a namespace with a blocked copy is looked at again (the squatting Secret is not in our cache). */
  readonly blockedRecheckSeconds?: number;
  /**
   * Longest a progress-only status write (Materializing, a count on the way) waits for namespace work to finish, so
   * that a burst writes each count once, final (`mayDeferStatus`); default 60.
   */
  readonly statusDelaySeconds?: number;
  /** The budget of Normal Events across all FlyteSecrets (`defaultEventBudget`). */
  readonly eventBudget?: TokenBucketOptions;
}

const namespaceKey = (name: string): string => `ns:${name}`;
const statusKey = (namespace: string, name: string): string => `fs:${namespace}/${name}`;
const scopeIdOf = (scope: Scope): string => describeScope(scope);
/** The managed Secret a FlyteSecret's status says holds its key, if it names one. */
const recordedSecretName = (fs: FlyteSecretResource): string | undefined => {
  const name = (fs.status as { secretName?: unknown } | undefined)?.secretName;
  return typeof name === "string" && name !== "" ? name : undefined;
};

interface ScopeState {
  readonly scope: Scope;
  readonly assessments: ReadonlyMap<string, Assessment>;
  readonly secrets: readonly ScopeSecret[];
}

interface SecretSummary {
  /** Participating namespaces that see the scope. */
  readonly expected: number;
  /** Verified copies by content version, in expected namespaces. */
  readonly holding: ReadonlyMap<string, number>;
  readonly blocked: readonly BlockedEntry[];
}

type Overlay = ManagedSecretMeta | "deleted";

function rvNewerOrEqual(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return !Number.isFinite(x) || !Number.isFinite(y) || x >= y;
}

export class Controller {
  readonly flyteSecrets: Informer<FlyteSecretResource>;
  readonly namespaces: Informer<V1Namespace>;
  readonly managed: Informer<ManagedSecretMeta>;
  readonly sources: ReadonlyMap<string, Informer<V1Secret>>;
  readonly metrics: ControllerMetrics;
  readonly installation: string;
  private readonly queue = new WorkQueue();
  private readonly statusQueue = new WorkQueue();
  /** Status keys whose progress-only write waits for the namespaces to be done: since when (ms). */
  private readonly statusDeferredSince = new Map<string, number>();
  private readonly kc: KubeConfig;
  private readonly core: CoreV1Api;
  private readonly log: Logger;
  private readonly options: ControllerOptions;
  private readonly matchName: ((name: string) => Scope | undefined) | undefined;
  private readonly elector: LeaderElector | undefined;
  private leading = false;
  private running: Promise<void> | undefined;
  private readonly webhookTls: WebhookTls | undefined;
  private tlsTimer: NodeJS.Timeout | undefined;
  private readonly workers: number;
  private readonly statusWorkers: number;
  private readonly assessOptions: AssessOptions;

  /** Desired state per scope; absent = to be computed. */
  private readonly scopes = new Map<string, ScopeState>();
  /** Source facts by `namespace/name`, kept while the source's resourceVersion is the same. */
  private readonly facts = new Map<string, { rv: string; facts: SourceFacts }>();
  /** Participating, selected namespaces (not the control namespaces) and their bindings. */
  private readonly bindings = new Map<string, NamespaceBinding>();
  /** Per managed Secret name: which keys each content version we computed holds (the last few). */
  private readonly versionKeys = new Map<string, Map<string, ReadonlySet<string>>>();
  /** Status counting per managed Secret name; absent = to be computed. */
  private readonly summaries = new Map<string, SecretSummary>();
  /** Our own writes whose watch event has not arrived yet, by namespace then name. */
  private readonly overlay = new Map<string, Map<string, Overlay>>();
  /** Copies written by someone else that we read and found right: `namespace/name` -> resourceVersion. */
  private readonly verified = new Map<string, string>();
  /** Copies that are not ours, by namespace then name. */
  private readonly blocked = new Map<string, Map<string, BlockedReason>>();
  /** Statuses we wrote whose watch event has not arrived: key -> status and the resourceVersion it was based on. */
  /** Our last status write per FlyteSecret and the resourceVersion it made, until the watch brings that back. */
  private readonly writtenStatus = new Map<string, { status: FlyteSecretStatus; rv: string }>();
  private readonly pendingEvents: Array<() => Promise<void>> = [];
  private eventsInFlight = 0;
  private readonly normalEvents: TokenBucket;

  constructor(kc: KubeConfig, options: ControllerOptions, log: Logger) {
    shareConnections(kc);
    this.kc = kc;
    this.options = options;
    this.normalEvents = new TokenBucket(options.eventBudget ?? defaultEventBudget);
    this.installation = options.installation ?? options.controlNamespaces[0] ?? "flyte-secrets";
    this.log = log.child({ component: "controller" });
    this.core = kc.makeApiClient(CoreV1Api);
    this.workers = Math.max(1, options.workers ?? 16);
    this.statusWorkers = Math.max(1, options.statusWorkers ?? 32);
    this.assessOptions = {
      controlNamespaces: options.controlNamespaces,
      ...defaultLimits,
      ...options.limits,
    };
    if (options.nameTemplate) {
      const compiled = compileNameTemplate(options.nameTemplate);
      if (!compiled.ok) throw new Error(compiled.message);
      this.matchName = compiled.match;
    }
    const informerOptions = options.informers ?? {};
    this.flyteSecrets = new Informer(flyteSecretSource(kc), this.log, informerOptions);
    this.flyteSecrets.addIndex("scope", (fs) => [scopeIdOf(entryOf(fs).scope)]);
    this.flyteSecrets.addIndex("source", (fs) => [
      `${fs.metadata?.namespace ?? ""}/${fs.spec?.valueFrom?.secretKeyRef?.name ?? ""}`,
    ]);
    // FlyteSecrets by the managed Secret their status says holds the key; those with none yet by their scope's first.
    this.flyteSecrets.addIndex("secret", (fs) => [
      recordedSecretName(fs) ?? managedSecretNameOf(entryOf(fs)),
    ]);
    this.namespaces = new Informer(namespaceSource(kc), this.log, informerOptions);
    this.managed = new Informer(
      managedSecretSource(
        kc,
        `${labels.managedBy}=${MANAGED_BY},${labels.installation}=${this.installation}`,
      ),
      this.log,
      informerOptions,
    );
    this.managed.addIndex("namespace", (s) => [s.metadata.namespace]);
    this.managed.addIndex("name", (s) => [s.metadata.name]);
    this.sources = new Map(
      options.controlNamespaces.map((ns) => [
        ns,
        new Informer(namespacedSecretSource(kc, ns), this.log, informerOptions),
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
      () => this.queue.depth + this.statusQueue.depth,
      () => this.managed.size,
      () => this.informers().map((i) => [i.name, i.secondsSinceLastEvent()] as const),
      () => this.leading,
      () => requestCounts,
    );
    this.wireEvents();
  }

  private informers(): Informer<ManagedSecretMeta | V1Secret | V1Namespace | FlyteSecretResource>[] {
    return [this.flyteSecrets, this.namespaces, this.managed, ...this.sources.values()] as Informer<
      ManagedSecretMeta | V1Secret | V1Namespace | FlyteSecretResource
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

  /** True when no key is waiting or being processed (tests and benchmarks wait for it). */
  isIdle(): boolean {
    return (
      this.queue.depth === 0 &&
      this.queue.active === 0 &&
      this.statusQueue.depth === 0 &&
      this.statusQueue.active === 0
    );
  }

  async start(): Promise<void> {
    for (const informer of this.informers()) informer.start();
    await Promise.all(this.informers().map((i) => i.waitForSync(120_000)));
    this.log.info(
      {
        installation: this.installation,
        flyteSecrets: this.flyteSecrets.size,
        namespaces: this.namespaces.size,
        managedSecrets: this.managed.size,
      },
      "caches synced",
    );
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
    // After a lost and regained lease, the previous workers finish their keys first: never two at once.
    const previous = this.running ?? Promise.resolve();
    const onError = (queue: WorkQueue) => (key: string, error: unknown) => {
      const delay = queue.retry(key);
      this.log.warn({ key, retryInMs: delay, ...describeApiError(error) }, "reconcile failed; will retry");
    };
    this.running = previous.then(() =>
      Promise.all([
        this.queue.run((key) => this.process(key), onError(this.queue), this.workers),
        this.statusQueue.run((key) => this.process(key), onError(this.statusQueue), this.statusWorkers),
      ]).then(() => undefined),
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
    this.statusQueue.stop();
  }

  // ---- events -> keys ----

  private wireEvents(): void {
    this.flyteSecrets.on((event, fs, old) => {
      // GenerationChangedPredicate: our own status patches (and any metadata-only change) change nothing we decide on.
      if (
        event === "update" &&
        old !== undefined &&
        old.metadata?.generation === fs.metadata?.generation &&
        Boolean(old.metadata?.deletionTimestamp) === Boolean(fs.metadata?.deletionTimestamp)
      ) {
        const key = statusKey(fs.metadata?.namespace ?? "", fs.metadata?.name ?? "");
        const written = this.writtenStatus.get(key);
        // The cache has caught up with our last write (or moved past it); the echo of an earlier write has not.
        if (written !== undefined && rvNewerOrEqual(fs.metadata?.resourceVersion ?? "", written.rv))
          this.writtenStatus.delete(key);
        // Pods are pointed at the Secret the status names: if someone else changed it, put back the one placed.
        const recorded = recordedSecretName(fs);
        if (
          recorded !== recordedSecretName(old) &&
          recorded !== written?.status.secretName &&
          this.selected(fs.metadata?.namespace)
        )
          this.enqueueStatus(key);
        return;
      }
      if (!this.selected(fs.metadata?.namespace)) return;
      this.log.debug(
        { flyteSecret: `${fs.metadata?.namespace}/${fs.metadata?.name}`, event },
        "FlyteSecret changed; its scope is assessed again",
      );
      const scopes = new Set([scopeIdOf(entryOf(fs).scope)]);
      if (old !== undefined) scopes.add(scopeIdOf(entryOf(old).scope));
      for (const id of scopes) this.scopeChanged(id);
      this.enqueueStatus(statusKey(fs.metadata?.namespace ?? "", fs.metadata?.name ?? ""));
    });
    for (const [namespace, informer] of this.sources) {
      informer.on((event, secret, old) => {
        if (event === "update" && old?.metadata?.resourceVersion === secret.metadata?.resourceVersion) return;
        const name = secret.metadata?.name ?? "";
        this.facts.delete(`${namespace}/${name}`);
        const referencing = this.flyteSecrets.byIndex("source", `${namespace}/${name}`);
        if (referencing.size === 0) return;
        this.log.debug({ source: `${namespace}/${name}`, event }, "source Secret changed");
        const scopes = new Set<string>();
        for (const fs of referencing.values()) scopes.add(scopeIdOf(entryOf(fs).scope));
        for (const id of scopes) this.scopeChanged(id);
      });
    }
    this.namespaces.on((event, ns, old) => {
      const name = ns.metadata?.name ?? "";
      if (this.options.controlNamespaces.includes(name)) {
        // The control namespace's selection decides whether its FlyteSecrets count at all.
        if (old === undefined || this.selectedBy(old) !== this.selectedBy(ns)) {
          this.scopes.clear();
          this.enqueueAll();
        }
        return;
      }
      const before = this.bindings.get(name);
      const after = event === "delete" ? undefined : this.participatingBinding(ns);
      if (after === undefined) this.bindings.delete(name);
      else this.bindings.set(name, after);
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      this.log.debug(
        { namespace: name, before: before?.kind ?? "none", after: after?.kind ?? "none" },
        "namespace participation changed",
      );
      this.summaries.clear();
      this.enqueue(namespaceKey(name));
      for (const id of this.flyteSecrets.indexValues("scope")) {
        const scope = this.scopeOf(id);
        if (scope === undefined) continue;
        if ((before && bindingSees(before, scope)) || (after && bindingSees(after, scope)))
          for (const fs of this.flyteSecrets.byIndex("scope", id).values()) this.enqueueStatusOf(fs);
      }
    });
    this.managed.on((event, secret, old) => {
      const { namespace, name, resourceVersion } = secret.metadata;
      if (event === "update" && old?.metadata.resourceVersion === resourceVersion) return;
      const overlay = this.overlay.get(namespace)?.get(name);
      let own = false;
      if (overlay !== undefined) {
        if (event === "delete") own = overlay === "deleted";
        else own = overlay !== "deleted" && overlay.metadata.resourceVersion === resourceVersion;
        if (
          event === "delete" ||
          (overlay !== "deleted" && rvNewerOrEqual(resourceVersion, overlay.metadata.resourceVersion))
        )
          this.dropOverlay(namespace, name);
      }
      this.summaries.delete(name);
      for (const fs of this.holdersOf(name)) this.countsChanged(fs);
      // The echo of our own write needs no second look; anything else (a deletion, an edit) does.
      if (!own) this.enqueue(namespaceKey(namespace));
    });
  }

  /**
   * The FlyteSecrets whose key a managed Secret named `name` may hold: those whose status names it, and those whose
   * status names none yet in its scope (placed by the controller, not yet recorded).
   */
  private holdersOf(name: string): FlyteSecretResource[] {
    const result = [...this.flyteSecrets.byIndex("secret", name).values()];
    const first = firstSecretNameOf(name);
    if (first !== name)
      for (const fs of this.flyteSecrets.byIndex("secret", first).values())
        if (recordedSecretName(fs) === undefined) result.push(fs);
    return result;
  }

  /**
   * A copy of a FlyteSecret's Secret came, changed or went: its counts change. While namespaces are still being
   * written the next copy changes them again, so the status is parked without being computed — a rotation over 1,000
   * namespaces would otherwise compute the statuses of every FlyteSecret of the scope once per copy — and looked at
   * when the namespace queue empties, or at the deadline (`statusDelaySeconds`). Anything a user must see at once
   * (a failure, a blocked copy) reaches the status queue by another way.
   */
  private countsChanged(fs: FlyteSecretResource): void {
    const key = statusKey(fs.metadata?.namespace ?? "", fs.metadata?.name ?? "");
    if (!this.leading) return;
    if (this.queue.depth + this.queue.active === 0) {
      this.enqueueStatus(key);
      return;
    }
    if (this.statusDeferredSince.has(key)) return;
    this.statusDeferredSince.set(key, Date.now());
    this.statusQueue.addAfter(key, (this.options.statusDelaySeconds ?? 60) * 1000 + 50);
  }

  /** A scope's FlyteSecrets or sources changed: recompute it, and look at every namespace seeing it. */
  private scopeChanged(id: string): void {
    this.scopes.delete(id);
    const scope = this.scopeOf(id);
    for (const fs of this.flyteSecrets.byIndex("scope", id).values()) this.enqueueStatusOf(fs);
    if (scope === undefined) {
      // The scope's last FlyteSecret is gone: every namespace holding its Secret must drop it.
      for (const ns of this.bindings.keys()) this.enqueue(namespaceKey(ns));
      return;
    }
    for (const [ns, binding] of this.bindings)
      if (bindingSees(binding, scope)) this.enqueue(namespaceKey(ns));
  }

  private scopeOf(id: string): Scope | undefined {
    const first = this.flyteSecrets.byIndex("scope", id).values().next();
    return first.done ? undefined : entryOf(first.value).scope;
  }

  private enqueue(key: string): void {
    if (this.leading) this.queue.add(key);
  }

  private enqueueStatus(key: string): void {
    if (this.leading) this.statusQueue.add(key);
  }

  private enqueueStatusOf(fs: FlyteSecretResource): void {
    this.enqueueStatus(statusKey(fs.metadata?.namespace ?? "", fs.metadata?.name ?? ""));
  }

  private enqueueAll(): void {
    if (!this.leading) return;
    this.bindings.clear();
    for (const ns of this.namespaces.values()) {
      const name = ns.metadata?.name ?? "";
      if (this.options.controlNamespaces.includes(name)) continue;
      const binding = this.participatingBinding(ns);
      if (binding !== undefined) this.bindings.set(name, binding);
    }
    const names = new Set<string>(this.bindings.keys());
    for (const ns of this.managed.indexValues("namespace")) names.add(ns);
    for (const name of [...names].sort()) this.queue.add(namespaceKey(name));
    for (const fs of this.flyteSecrets.values()) this.enqueueStatusOf(fs);
  }

  private async process(key: string): Promise<void> {
    const kind = key.startsWith("fs:") ? "status" : "namespace";
    const end = this.metrics.reconcileDuration.startTimer({ kind });
    try {
      if (kind === "status") {
        const rest = key.slice(3);
        const slash = rest.indexOf("/");
        await this.reconcileStatus(rest.slice(0, slash), rest.slice(slash + 1));
        this.statusQueue.forget(key);
      } else {
        await this.reconcileNamespace(key.slice(namespaceKey("").length));
        this.queue.forget(key);
      }
      this.metrics.reconciles.inc({ kind, result: "success" });
    } catch (error) {
      this.metrics.reconciles.inc({ kind, result: "error" });
      throw error;
    } finally {
      end();
      // The last namespace of a burst (done or failed): the statuses parked meanwhile are looked at now.
      if (kind === "namespace")
        setImmediate(() => {
          if (this.queue.depth > 0 || this.queue.active > 0) return;
          for (const parked of this.statusDeferredSince.keys()) this.enqueueStatus(parked);
        });
    }
  }

  // ---- gathering: everything below reads caches only ----

  /** True when the namespace is within this controller's namespace selector. */
  private selected(name: string | undefined): boolean {
    const selector = this.options.namespaceSelector;
    if (selector === undefined || Object.keys(selector).length === 0) return true;
    const ns = name === undefined ? undefined : this.namespaces.get(undefined, name);
    return ns !== undefined && this.selectedBy(ns);
  }

  private selectedBy(ns: V1Namespace): boolean {
    return selectorMatches(this.options.namespaceSelector, ns.metadata?.labels);
  }

  /** The binding of a namespace that takes part and is selected; undefined otherwise. */
  private participatingBinding(namespace: V1Namespace): NamespaceBinding | undefined {
    if (!this.selectedBy(namespace)) return undefined;
    if (namespace.metadata?.deletionTimestamp || namespace.status?.phase === "Terminating") return undefined;
    if (this.options.controlNamespaces.includes(namespace.metadata?.name ?? "")) return undefined;
    const binding = bindingOf(
      { name: namespace.metadata?.name ?? "", labels: namespace.metadata?.labels ?? {} },
      this.matchName,
    );
    return participates(binding) ? binding : undefined;
  }

  private sourceSecret(namespace: string, name: string): V1Secret | undefined {
    return this.sources.get(namespace)?.get(namespace, name);
  }

  private sourceFacts(namespace: string, name: string): SourceFacts | undefined {
    const secret = this.sourceSecret(namespace, name);
    if (secret === undefined) return undefined;
    const id = `${namespace}/${name}`;
    const rv = secret.metadata?.resourceVersion ?? "";
    const known = this.facts.get(id);
    if (known !== undefined && known.rv === rv) return known.facts;
    const facts = sourceFactsOf(name, secret.metadata ?? {}, secret.data ?? {});
    this.facts.set(id, { rv, facts });
    return facts;
  }

  /** The scope's assessments and desired Secrets, computed once per change of its FlyteSecrets or sources. */
  private scopeState(id: string): ScopeState | undefined {
    const known = this.scopes.get(id);
    if (known !== undefined) return known;
    const objects = [...this.flyteSecrets.byIndex("scope", id).values()].filter(
      (fs) => !fs.metadata?.deletionTimestamp && this.selected(fs.metadata?.namespace),
    );
    if (objects.length === 0) return undefined;
    const entries = objects.map(entryOf);
    const scope = (entries[0] as CatalogEntry).scope;
    const assessments = assess(entries, (ns, name) => this.sourceFacts(ns, name), this.assessOptions);
    const ready = entries.filter((e) => assessments.get(entryId(e))?.ready === true);
    const secrets = scopeSecrets(
      scope,
      ready,
      (entry) => {
        const secret = this.sourceSecret(entry.namespace, entry.source.name);
        const data = secret?.data?.[entry.source.key];
        if (data === undefined) return undefined;
        return { data, version: `${secret?.metadata?.uid ?? ""}@${secret?.metadata?.resourceVersion ?? ""}` };
      },
      this.installation,
      (entry) => {
        const assessment = assessments.get(entryId(entry));
        return assessment?.ready === true ? assessment.secretName : undefined;
      },
    );
    for (const secret of secrets) this.rememberVersion(secret);
    const state: ScopeState = { scope, assessments, secrets };
    this.scopes.set(id, state);
    return state;
  }

  private rememberVersion(secret: ScopeSecret): void {
    const version = secret.annotations[annotations.contentVersion] ?? "";
    let versions = this.versionKeys.get(secret.name);
    if (versions === undefined) {
      versions = new Map();
      this.versionKeys.set(secret.name, versions);
    }
    if (versions.has(version)) return;
    versions.set(version, new Set(secret.keys));
    // Keep the last few: older copies are being rewritten and need not be recognised.
    while (versions.size > 8) versions.delete(versions.keys().next().value as string);
    this.summaries.delete(secret.name);
  }

  private desiredFor(binding: NamespaceBinding | undefined): ScopeSecret[] {
    if (binding === undefined) return [];
    const result: ScopeSecret[] = [];
    if (binding.kind === "bound" && binding.project !== undefined && binding.domain !== undefined) {
      // A namespace bound to a project and a domain sees exactly four scopes: look them up rather than walk every
      // scope of the catalog (1,340 of them at 10,000 FlyteSecrets) for each of 1,000 namespaces in a rotation.
      const { project, domain } = binding;
      for (const scope of [{}, { project }, { domain }, { project, domain }]) {
        const state = this.scopeState(scopeIdOf(scope));
        if (state !== undefined) result.push(...state.secrets);
      }
      return result;
    }
    for (const id of this.flyteSecrets.indexValues("scope")) {
      const state = this.scopeState(id);
      if (state !== undefined && bindingSees(binding, state.scope)) result.push(...state.secrets);
    }
    return result;
  }

  /** The managed Secret as we last know it: our own recent write, else the cache. */
  private live(namespace: string, name: string): ManagedSecretMeta | undefined {
    const overlay = this.overlay.get(namespace)?.get(name);
    if (overlay !== undefined) return overlay === "deleted" ? undefined : overlay;
    return this.managed.get(namespace, name);
  }

  private liveIn(namespace: string): Map<string, ManagedSecretMeta> {
    const result = new Map<string, ManagedSecretMeta>();
    for (const secret of this.managed.byIndex("namespace", namespace).values())
      result.set(secret.metadata.name, secret);
    for (const [name, overlay] of this.overlay.get(namespace) ?? []) {
      if (overlay === "deleted") result.delete(name);
      else result.set(name, overlay);
    }
    return result;
  }

  private setOverlay(namespace: string, name: string, value: Overlay): void {
    let inNamespace = this.overlay.get(namespace);
    if (inNamespace === undefined) {
      inNamespace = new Map();
      this.overlay.set(namespace, inNamespace);
    }
    inNamespace.set(name, value);
  }

  private dropOverlay(namespace: string, name: string): void {
    const inNamespace = this.overlay.get(namespace);
    inNamespace?.delete(name);
    if (inNamespace?.size === 0) this.overlay.delete(namespace);
  }

  /** True when a copy's content is known to be what we wrote. */
  private trusted(secret: ManagedSecretMeta): boolean {
    return (
      secret.otherWriters.length === 0 ||
      this.verified.get(`${secret.metadata.namespace}/${secret.metadata.name}`) ===
        secret.metadata.resourceVersion
    );
  }

  // ---- reconcile one namespace ----

  async reconcileNamespace(name: string): Promise<void> {
    const namespace = this.namespaces.get(undefined, name);
    const binding = namespace === undefined ? undefined : this.bindings.get(name);
    const desired = this.desiredFor(binding);
    const actual = this.liveIn(name);
    const wanted = new Set<string>();
    const blockedBefore = new Map(this.blocked.get(name) ?? []);
    const blockedNow = new Map<string, BlockedReason>();
    const counts = { created: 0, updated: 0, restored: 0, deleted: 0 };
    for (const want of desired) {
      wanted.add(want.name);
      const have = actual.get(want.name);
      const outcome =
        have === undefined ? await this.createSecret(name, want) : await this.ensureSecret(name, have, want);
      if (outcome === "created") counts.created += 1;
      else if (outcome === "updated") counts.updated += 1;
      else if (outcome === "restored") counts.restored += 1;
      else if (outcome !== "unchanged") blockedNow.set(want.name, outcome.blocked);
    }
    for (const [secretName, stale] of actual) {
      if (wanted.has(secretName)) continue;
      if (await this.deleteSecret(stale)) counts.deleted += 1;
    }
    if (blockedNow.size === 0) this.blocked.delete(name);
    else this.blocked.set(name, blockedNow);
    const changed = new Set<string>();
    for (const [secretName, reason] of blockedNow)
      if (blockedBefore.get(secretName) !== reason) changed.add(secretName);
    for (const secretName of blockedBefore.keys()) if (!blockedNow.has(secretName)) changed.add(secretName);
    for (const secretName of changed) {
      this.summaries.delete(secretName);
      for (const fs of this.holdersOf(secretName)) this.enqueueStatusOf(fs);
    }
    // A squatting Secret is not in our cache, so nothing tells us when it goes: look again later.
    if (blockedNow.size > 0)
      this.queue.addAfter(namespaceKey(name), (this.options.blockedRecheckSeconds ?? 30) * 1000);
    if (counts.created + counts.updated + counts.restored + counts.deleted > 0 || changed.size > 0)
      this.log.debug(
        { namespace: name, ...counts, blocked: [...blockedNow].map(([s, r]) => `${s}:${r}`) },
        "namespace reconciled",
      );
  }

  private manifest(
    namespace: string,
    want: ScopeSecret,
    base?: {
      resourceVersion: string;
      labels?: Readonly<Record<string, string>>;
      annotations?: Readonly<Record<string, string>>;
    },
  ): V1Secret {
    return {
      apiVersion: "v1",
      kind: "Secret",
      metadata: {
        name: want.name,
        namespace,
        ...(base ? { resourceVersion: base.resourceVersion } : {}),
        labels: { ...(base?.labels ?? {}), ...want.labels },
        annotations: { ...(base?.annotations ?? {}), ...want.annotations },
      },
      type: want.type,
      // Serialized as it is (JSON.stringify), never kept: no copy of every value.
      data: want.data as Record<string, string>,
      immutable: false,
    };
  }

  private remember(written: PartialObjectMetadata): void {
    const meta = managedSecretMeta(written);
    this.setOverlay(meta.metadata.namespace, meta.metadata.name, meta);
  }

  private async createSecret(
    namespace: string,
    want: ScopeSecret,
  ): Promise<"created" | "updated" | "restored" | "unchanged" | { blocked: BlockedReason }> {
    try {
      const created = await sendJson<PartialObjectMetadata>(
        this.kc,
        "POST",
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`,
        { fieldManager: FIELD_MANAGER },
        this.manifest(namespace, want),
        { accept: METADATA_OBJECT },
      );
      this.metrics.writes.inc({ verb: "create", resource: "secrets" });
      this.remember(created);
      this.log.info({ namespace, secret: want.name, keys: want.keys.length }, "created managed Secret");
      return "created";
    } catch (error) {
      const { status, message } = describeApiError(error);
      if (status === 404 || (status === 403 && /being terminated/.test(message))) return "unchanged";
      if (status !== 409)
        throw new Error(`creating Secret ${namespace}/${want.name}: ${message}`, { cause: error });
    }
    // 409: our cache may lag (we made it), or someone else's Secret holds the name. Read it before deciding.
    const existing = await this.readSecret(namespace, want.name);
    if (existing === undefined)
      throw new Error(`Secret ${namespace}/${want.name} vanished while being created; retrying`);
    return this.judge(namespace, existing, want);
  }

  /** Decides about a Secret read from the API server that holds a managed name. */
  private async judge(
    namespace: string,
    existing: V1Secret,
    want: ScopeSecret,
  ): Promise<"created" | "updated" | "restored" | "unchanged" | { blocked: BlockedReason }> {
    const ownership = ownershipOf(existing.metadata?.labels, this.installation);
    if (ownership === "notManaged" || ownership === "otherInstallation") {
      const reason: BlockedReason = ownership === "notManaged" ? "NotManaged" : "OtherInstallation";
      this.log.debug(
        {
          namespace,
          secret: want.name,
          reason,
          ...(ownership === "otherInstallation"
            ? { owner: existing.metadata?.labels?.[labels.installation] }
            : {}),
        },
        "a Secret with the managed name is not this installation's; leaving it untouched and reporting it",
      );
      return { blocked: reason };
    }
    if (ownership === "legacy")
      this.log.info(
        { namespace, secret: want.name },
        "adopting a managed Secret written before installations were labelled",
      );
    const meta = managedSecretMeta(existing);
    this.remember(existing);
    return this.ensureSecret(namespace, meta, want, existing);
  }

  private async readSecret(namespace: string, name: string): Promise<V1Secret | undefined> {
    try {
      return await this.core.readNamespacedSecret({ name, namespace });
    } catch (error) {
      const { status, message } = describeApiError(error);
      if (status === 404) return undefined;
      throw new Error(`reading Secret ${namespace}/${name}: ${message}`, { cause: error });
    }
  }

  /** Makes an existing copy right: nothing when its metadata says it is, a read when someone else wrote it. */
  private async ensureSecret(
    namespace: string,
    have: ManagedSecretMeta,
    want: ScopeSecret,
    full?: V1Secret,
  ): Promise<"created" | "updated" | "restored" | "unchanged" | { blocked: BlockedReason }> {
    const id = `${namespace}/${want.name}`;
    if (this.trusted(have) && full === undefined) {
      if (
        metadataMatches(have.metadata, want) &&
        ownershipOf(have.metadata.labels, this.installation) === "ours"
      )
        return "unchanged";
      await this.replaceSecret(namespace, want, have.metadata);
      return "updated";
    }
    // Someone else wrote its content (or we just read it): compare what it holds with what it should hold.
    const existing = full ?? (await this.readSecret(namespace, want.name));
    if (existing === undefined) {
      this.setOverlay(namespace, want.name, "deleted");
      return this.createSecret(namespace, want);
    }
    const ownership = ownershipOf(existing.metadata?.labels, this.installation);
    if (ownership === "notManaged" || ownership === "otherInstallation")
      return this.judge(namespace, existing, want);
    const data = existing.data ?? {};
    const sameData =
      Object.keys(data).length === Object.keys(want.data).length &&
      Object.entries(want.data).every(([k, v]) => data[k] === v);
    const sameType = (existing.type ?? "Opaque") === want.type && existing.immutable !== true;
    const meta = managedSecretMeta(existing);
    if (sameData && sameType && ownership === "ours" && metadataMatches(meta.metadata, want)) {
      this.verified.set(id, meta.metadata.resourceVersion);
      this.summaries.delete(want.name);
      return "unchanged";
    }
    const writers = meta.otherWriters;
    try {
      if (!sameType) {
        await this.deleteSecret(meta, true);
        const created = await this.createSecret(namespace, want);
        if (created !== "created") return created;
      } else await this.replaceSecret(namespace, want, meta.metadata);
    } catch (error) {
      const status = statusCode(error) ?? statusCode((error as { cause?: unknown }).cause);
      if (status === 403 || status === 422) {
        this.log.warn(
          { namespace, secret: want.name, ...describeApiError(error) },
          "could not restore a managed Secret changed by someone else",
        );
        return { blocked: "Modified" };
      }
      throw error;
    }
    if (sameData && sameType) return "updated";
    // "Reverted": a labelled copy whose content someone else changed is put back.
    this.log.info(
      { namespace, secret: want.name, writers },
      "restored a managed Secret whose content was changed by someone else",
    );
    return "restored";
  }

  private async replaceSecret(
    namespace: string,
    want: ScopeSecret,
    base: {
      resourceVersion: string;
      labels?: Readonly<Record<string, string>>;
      annotations?: Readonly<Record<string, string>>;
    },
  ): Promise<void> {
    try {
      const replaced = await sendJson<PartialObjectMetadata>(
        this.kc,
        "PUT",
        `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(want.name)}`,
        { fieldManager: FIELD_MANAGER },
        this.manifest(namespace, want, base),
        { accept: METADATA_OBJECT },
      );
      this.metrics.writes.inc({ verb: "update", resource: "secrets" });
      this.remember(replaced);
      this.log.info({ namespace, secret: want.name, keys: want.keys.length }, "updated managed Secret");
    } catch (error) {
      throw new Error(`updating Secret ${namespace}/${want.name}: ${describeApiError(error).message}`, {
        cause: error,
      });
    }
  }

  private async deleteSecret(secret: ManagedSecretMeta, force = false): Promise<boolean> {
    const { name, namespace, uid } = secret.metadata;
    // Only ever delete what carries this installation's labels, and only the exact object we saw.
    if (!force && ownershipOf(secret.metadata.labels, this.installation) !== "ours") return false;
    try {
      await this.core.deleteNamespacedSecret({ name, namespace, body: { preconditions: { uid } } });
      this.metrics.writes.inc({ verb: "delete", resource: "secrets" });
      this.setOverlay(namespace, name, "deleted");
      this.log.info({ namespace, secret: name }, "deleted managed Secret");
      return true;
    } catch (error) {
      const { status, message } = describeApiError(error);
      if (status === 404 || status === 409) return false;
      throw new Error(`deleting Secret ${namespace}/${name}: ${message}`, { cause: error });
    }
  }

  // ---- status ----

  /** Counts for the FlyteSecrets delivered in Secrets named `name` (of `scope`), from caches only. */
  private summary(name: string, scope: Scope): SecretSummary {
    const known = this.summaries.get(name);
    if (known !== undefined) return known;
    let expected = 0;
    const holding = new Map<string, number>();
    const blocked: BlockedEntry[] = [];
    for (const [ns, binding] of this.bindings) {
      if (!bindingSees(binding, scope)) continue;
      expected += 1;
      const reason = this.blocked.get(ns)?.get(name);
      if (reason !== undefined) {
        blocked.push({ namespace: ns, secret: name, reason });
        continue;
      }
      const live = this.live(ns, name);
      if (live === undefined || !this.trusted(live)) continue;
      const version = live.metadata.annotations[annotations.contentVersion] ?? "";
      holding.set(version, (holding.get(version) ?? 0) + 1);
    }
    blocked.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
    const result = { expected, holding, blocked };
    this.summaries.set(name, result);
    return result;
  }

  async reconcileStatus(namespace: string, name: string): Promise<void> {
    const object = this.flyteSecrets.get(namespace, name);
    if (object === undefined || object.metadata?.deletionTimestamp || !this.selected(namespace)) {
      this.statusDeferredSince.delete(statusKey(namespace, name));
      return;
    }
    const entry = entryOf(object);
    const state = this.scopeState(scopeIdOf(entry.scope));
    const assessment = state?.assessments.get(entryId(entry));
    if (assessment === undefined) return;
    const secretName = assessment.ready ? assessment.secretName : managedSecretNameOf(entry);
    const summary = this.summary(secretName, entry.scope);
    let holding = 0;
    for (const [version, keys] of this.versionKeys.get(secretName) ?? [])
      if (keys.has(entry.key)) holding += summary.holding.get(version) ?? 0;
    const now = new Date();
    const created = Date.parse(entry.createdAt);
    const key = statusKey(namespace, name);
    // The status as it is: our last write while the watch has not brought it back yet, else the cached one. Deciding
    // from a cache one write behind would write the same status again and announce it again.
    const written = this.writtenStatus.get(key);
    const current =
      written !== undefined && !rvNewerOrEqual(object.metadata?.resourceVersion ?? "", written.rv)
        ? written.status
        : object.status;
    const decision = decideStatus(
      {
        assessment,
        key: entry.key,
        scope: entry.scope,
        generation: entry.generation,
        holding,
        expected: assessment.ready ? summary.expected : 0,
        blocked: assessment.ready ? summary.blocked : [],
        pendingGraceMs: (this.options.pendingGraceSeconds ?? 15) * 1000,
        ageMs: Number.isFinite(created) ? now.getTime() - created : Number.POSITIVE_INFINITY,
      },
      current,
      now,
    );
    if (decision.recheckAfterMs !== undefined) this.statusQueue.addAfter(key, decision.recheckAfterMs + 250);
    const next = decision.status;
    if (sameStatus(current, next)) {
      this.statusDeferredSince.delete(key);
      return;
    }
    const since = this.statusDeferredSince.get(key) ?? now.getTime();
    const maxDeferMs = (this.options.statusDelaySeconds ?? 60) * 1000;
    if (mayDeferStatus(next, this.queue.depth + this.queue.active > 0, now.getTime() - since, maxDeferMs)) {
      // Parked: looked at again when the namespace queue empties, or at the deadline at the latest.
      this.statusDeferredSince.set(key, since);
      this.statusQueue.addAfter(key, Math.max(0, since + maxDeferMs - now.getTime()) + 50);
      return;
    }
    this.statusDeferredSince.delete(key);
    const ready = next.conditions?.find((c) => c.type === "Ready");
    this.log.debug(
      {
        flyteSecret: `${namespace}/${name}`,
        reason: ready?.reason,
        namespaces: next.namespaces,
        expected: next.expectedNamespaces,
      },
      "writing status",
    );
    try {
      // Raw JSON with a metadata-only answer, as for managed Secrets: client-node's typed request building and the
      // whole object sent back cost the controller CPU the API server needs while 10,000 statuses are written.
      const patched = await sendJson<PartialObjectMetadata>(
        this.kc,
        "PATCH",
        `/apis/${GROUP}/${VERSION}/namespaces/${encodeURIComponent(namespace)}/${PLURAL}/${encodeURIComponent(name)}/status`,
        {},
        { status: next },
        { accept: METADATA_OBJECT, contentType: "application/merge-patch+json" },
      );
      this.metrics.writes.inc({ verb: "patch", resource: "flytesecrets/status" });
      this.writtenStatus.set(key, { status: next, rv: patched.metadata?.resourceVersion ?? "" });
    } catch (error) {
      const { status, message } = describeApiError(error);
      if (status === 404) return;
      throw new Error(`updating status of FlyteSecret ${namespace}/${name}: ${message}`, { cause: error });
    }
    const event = statusEvent(current, next);
    if (event) this.queueEvent(object, event.type, event.reason, event.message);
  }

  /**
   * Events are informational: recorded in the background (a few at a time) so they never hold up status keys.
   * Normal Events spend from a budget (`defaultEventBudget`): a first convergence of thousands of FlyteSecrets
   * records the first hundred or so and counts the rest as dropped. Warnings are always recorded, unless very many
   * are already waiting.
   */
  private queueEvent(
    object: FlyteSecretResource,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
  ): void {
    if (type === "Normal" && !this.normalEvents.take(performance.now())) {
      this.metrics.eventsDropped.inc({ type });
      return;
    }
    if (this.pendingEvents.length >= 20_000) {
      this.metrics.eventsDropped.inc({ type });
      this.log.debug(
        { flyteSecret: `${object.metadata?.namespace}/${object.metadata?.name}`, reason },
        "too many Events waiting; not recording this one",
      );
      return;
    }
    this.pendingEvents.push(() => this.recordEvent(object, type, reason, message));
    this.drainEvents();
  }

  private drainEvents(): void {
    while (this.eventsInFlight < 4 && this.pendingEvents.length > 0) {
      const next = this.pendingEvents.shift() as () => Promise<void>;
      this.eventsInFlight += 1;
      void next().finally(() => {
        this.eventsInFlight -= 1;
        this.drainEvents();
      });
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
