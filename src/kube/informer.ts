// An informer: an in-memory cache of one kind of object kept current by list + watch, made robust against the Node
// client's known failure modes: a watch that ends (or stalls) is resumed from the last resourceVersion, a watch
// that goes silent for too long is restarted by a watchdog, 410 Gone and errors trigger a relist with exponential
// backoff, and a periodic full relist repairs anything missed.
import type { KubernetesObject } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { Backoff } from "./backoff.ts";
import { type ApiConnection, openWatch } from "./connection.ts";
import { statusCode } from "./errors.ts";

export interface ListPage<T> {
  readonly items: readonly T[];
  readonly resourceVersion: string;
  readonly continueToken?: string | undefined;
}

export interface InformerSource<T extends KubernetesObject> {
  /** For logs and metrics, e.g. `flytesecrets` or `secrets(managed)`. */
  readonly name: string;
  /** Where the watch is opened (the list has its own client). */
  readonly connection: ApiConnection;
  /** Lists one page; `continueToken` is undefined for the first. */
  readonly list: (continueToken: string | undefined) => Promise<ListPage<T>>;
  /** The watch path, e.g. `/api/v1/namespaces` or `/apis/secrets.flyte.org/v1alpha1/namespaces/x/flytesecrets`. */
  readonly watchPath: string;
  readonly labelSelector?: string;
  /** The watch's Accept header (e.g. metadata only); JSON by default. */
  readonly watchAccept?: string;
  /**
   * Shapes each listed or watched object before it is cached (like client-go's SetTransform): drop what is never
   * read (managedFields, values) so the cache holds only what decisions need.
   */
  readonly transform?: (object: T) => T;
}

/** Keys under which an object is indexed (e.g. its namespace); an object may have several or none. */
export type IndexFunction<T> = (object: T) => readonly string[];

export interface InformerOptions {
  /** Full relist period. */
  readonly relistSeconds?: number;
  /** Restart a watch that has produced nothing (not even a bookmark or a clean end) for this long. */
  readonly watchdogSeconds?: number;
  /** Server-side watch timeout, so watches end and resume regularly. */
  readonly watchTimeoutSeconds?: number;
}

/**
 * What the cache keeps of each listed or watched object (default: all of it). It must keep `metadata.name`,
 * `metadata.namespace` and `metadata.resourceVersion`, which keying and relist comparison read.
 */
export type InformerTransform<T> = (object: T) => T;

export type InformerEvent = "add" | "update" | "delete";
export type InformerHandler<T> = (event: InformerEvent, object: T, old?: T) => void;

const empty = new Map<string, never>() as ReadonlyMap<string, never>;

export function objectKey(object: KubernetesObject): string {
  const ns = object.metadata?.namespace;
  return ns ? `${ns}/${object.metadata?.name ?? ""}` : (object.metadata?.name ?? "");
}

export class Informer<T extends KubernetesObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandler<T>[] = [];
  private readonly indexers = new Map<string, IndexFunction<T>>();
  private readonly indexes = new Map<string, Map<string, Map<string, T>>>();
  private readonly backoff = new Backoff({ initialMs: 500, maxMs: 30_000 });
  private resourceVersion = "";
  private synced = false;
  private stopped = true;
  private abort: { abort: () => void } | undefined;
  private generation = 0;
  private lastActivity = Date.now();
  private lastEvent = Date.now();
  private relistTimer: NodeJS.Timeout | undefined;
  private watchdogTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly source: InformerSource<T>;
  private readonly log: Logger;
  private readonly relistMs: number;
  private readonly watchdogMs: number;
  private readonly watchTimeoutSeconds: number;
  /** Counts list and watch restarts, for tests and metrics. */
  restarts = 0;

  /** The source's own shaping, then the caller's (e.g. the webhook keeps only what it decides on). */
  private readonly transform: InformerTransform<T> | undefined;

  constructor(
    source: InformerSource<T>,
    log: Logger,
    options: InformerOptions = {},
    transform?: InformerTransform<T>,
  ) {
    const own = source.transform;
    this.transform = own && transform ? (object: T) => transform(own(object)) : (transform ?? own);
    this.source = source;
    this.log = log.child({ informer: source.name });
    this.relistMs = (options.relistSeconds ?? 600) * 1000;
    this.watchdogMs = (options.watchdogSeconds ?? 120) * 1000;
    this.watchTimeoutSeconds = options.watchTimeoutSeconds ?? 300;
  }

  get name(): string {
    return this.source.name;
  }

  on(handler: InformerHandler<T>): void {
    this.handlers.push(handler);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  /** The cached objects without copying them. */
  values(): IterableIterator<T> {
    return this.cache.values();
  }

  get size(): number {
    return this.cache.size;
  }

  /** Adds an index; call before `start`. */
  addIndex(name: string, keys: IndexFunction<T>): void {
    this.indexers.set(name, keys);
    const index = new Map<string, Map<string, T>>();
    this.indexes.set(name, index);
    for (const [key, object] of this.cache) this.indexOne(index, keys, key, object);
  }

  /** The objects indexed under `value`, without copying the cache. */
  byIndex(name: string, value: string): ReadonlyMap<string, T> {
    return this.indexes.get(name)?.get(value) ?? empty;
  }

  /** Every value of an index that has at least one object. */
  indexValues(name: string): IterableIterator<string> {
    return (this.indexes.get(name) ?? new Map<string, Map<string, T>>()).keys();
  }

  private indexOne(index: Map<string, Map<string, T>>, keys: IndexFunction<T>, key: string, object: T): void {
    for (const value of keys(object)) {
      let bucket = index.get(value);
      if (bucket === undefined) {
        bucket = new Map();
        index.set(value, bucket);
      }
      bucket.set(key, object);
    }
  }

  private store(key: string, object: T | undefined): void {
    const old = this.cache.get(key);
    for (const [name, keys] of this.indexers) {
      const index = this.indexes.get(name);
      if (index === undefined) continue;
      if (old !== undefined)
        for (const value of keys(old)) {
          const bucket = index.get(value);
          bucket?.delete(key);
          if (bucket?.size === 0) index.delete(value);
        }
      if (object !== undefined) this.indexOne(index, keys, key, object);
    }
    if (object === undefined) this.cache.delete(key);
    else this.cache.set(key, object);
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  /** Seconds since the last watch event or (re)list, for the staleness metric. */
  secondsSinceLastEvent(): number {
    return (Date.now() - this.lastEvent) / 1000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.relist();
    this.relistTimer = setInterval(() => this.relist(), this.relistMs);
    this.relistTimer.unref();
    this.watchdogTimer = setInterval(
      () => {
        if (this.synced && Date.now() - this.lastActivity > this.watchdogMs) {
          this.log.warn(
            { silentSeconds: Math.round((Date.now() - this.lastActivity) / 1000) },
            "watch silent; restarting",
          );
          this.restartWatch();
        }
      },
      Math.min(this.watchdogMs, 10_000),
    );
    this.watchdogTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    clearInterval(this.relistTimer);
    clearInterval(this.watchdogTimer);
    clearTimeout(this.retryTimer);
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Resolves once the first list has completed (or rejects after `timeoutMs`). */
  async waitForSync(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.synced) {
      if (Date.now() > deadline)
        throw new Error(`informer ${this.source.name} did not sync within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private emit(event: InformerEvent, object: T, old?: T): void {
    for (const handler of this.handlers) {
      try {
        handler(event, object, old);
      } catch (error) {
        this.log.error({ err: error }, "informer handler failed");
      }
    }
  }

  private relist(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.abort?.abort();
    this.abort = undefined;
    void this.doRelist(generation);
  }

  private async doRelist(generation: number): Promise<void> {
    try {
      const items: T[] = [];
      let continueToken: string | undefined;
      let resourceVersion = "";
      do {
        const page = await this.source.list(continueToken);
        const transform = this.transform;
        for (const item of page.items) items.push(transform ? transform(item) : item);
        resourceVersion = page.resourceVersion;
        continueToken = page.continueToken || undefined;
      } while (continueToken !== undefined);
      if (generation !== this.generation || this.stopped) return;
      this.replace(items);
      this.resourceVersion = resourceVersion;
      this.synced = true;
      this.lastActivity = Date.now();
      this.lastEvent = Date.now();
      this.backoff.reset();
      await this.watch(generation);
    } catch (error) {
      if (generation !== this.generation || this.stopped) return;
      this.retryLater(`list failed: ${error instanceof Error ? error.message : String(error)}`, () =>
        this.relist(),
      );
    }
  }

  private replace(items: readonly T[]): void {
    const fresh = new Map(items.map((item) => [objectKey(item), item] as const));
    for (const [key, old] of this.cache) {
      if (!fresh.has(key)) {
        this.store(key, undefined);
        this.emit("delete", old);
      }
    }
    for (const [key, item] of fresh) {
      const old = this.cache.get(key);
      this.store(key, item);
      if (old === undefined) this.emit("add", item);
      else if (old.metadata?.resourceVersion !== item.metadata?.resourceVersion)
        this.emit("update", item, old);
    }
  }

  private restartWatch(): void {
    if (this.stopped) return;
    this.restarts += 1;
    const generation = ++this.generation;
    this.abort?.abort();
    this.abort = undefined;
    void this.watch(generation).catch((error: unknown) => {
      this.retryLater(`watch failed: ${String(error)}`, () => this.relist());
    });
  }

  private async watch(generation: number): Promise<void> {
    this.lastActivity = Date.now();
    const query: Record<string, string | number | boolean> = {
      resourceVersion: this.resourceVersion,
      allowWatchBookmarks: true,
      timeoutSeconds: this.watchTimeoutSeconds,
    };
    if (this.source.labelSelector) query.labelSelector = this.source.labelSelector;
    const abort = await openWatch(
      this.source.connection,
      this.source.watchPath,
      query,
      {
        ...(this.source.watchAccept ? { accept: this.source.watchAccept } : {}),
        // The watchdog decides about silence; this only bounds a connection that died without closing.
        inactivityMs: Math.max(this.watchdogMs, this.watchTimeoutSeconds * 1000) + 30_000,
      },
      (type: string, object: unknown) => {
        if (generation !== this.generation) return;
        this.lastActivity = Date.now();
        this.onWatchEvent(type, object as T, generation);
      },
      (error: unknown) => {
        if (generation !== this.generation || this.stopped) return;
        if (error === null || error === undefined || (error as { name?: string }).name === "TimeoutError") {
          // A clean end or an idle timeout: resume from where we are.
          this.restartWatch();
          return;
        }
        const status = statusCode(error);
        if (status === 410) {
          this.relist();
          return;
        }
        this.retryLater(`watch ended: ${error instanceof Error ? error.message : String(error)}`, () =>
          this.relist(),
        );
      },
    );
    if (generation === this.generation) this.abort = { abort };
    else abort();
  }

  private onWatchEvent(type: string, object: T, generation: number): void {
    if (type === "BOOKMARK") {
      const rv = object.metadata?.resourceVersion;
      if (rv) this.resourceVersion = rv;
      return;
    }
    if (type === "ERROR") {
      const status = object as unknown as { code?: number; message?: string };
      if (status.code === 410) {
        this.log.debug("watch expired (410 Gone); relisting");
        this.relist();
      } else {
        this.retryLater(`watch error ${status.code ?? ""}: ${status.message ?? ""}`, () => this.relist());
      }
      return;
    }
    if (generation !== this.generation) return;
    const rv = object.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    this.lastEvent = Date.now();
    if (this.transform) object = this.transform(object);
    const key = objectKey(object);
    const old = this.cache.get(key);
    if (type === "DELETED") {
      this.store(key, undefined);
      this.emit("delete", old ?? object);
    } else if (type === "ADDED" || type === "MODIFIED") {
      this.store(key, object);
      this.emit(old === undefined ? "add" : "update", object, old);
    }
  }

  private retryLater(reason: string, action: () => void): void {
    if (this.stopped) return;
    this.generation += 1;
    this.abort?.abort();
    this.abort = undefined;
    const delay = this.backoff.next();
    this.restarts += 1;
    this.log.warn({ retryInMs: delay }, reason);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(action, delay);
    this.retryTimer.unref();
  }
}
