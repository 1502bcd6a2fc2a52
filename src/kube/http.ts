// Connections to the API server. client-node 2.0.1 builds a new undici Agent — a new TLS connection — for every API
// call, and its Watch gives up after a fixed 30 s without data. `shareConnections` makes every call of one KubeConfig
// reuse one keep-alive Agent (and counts requests, for the "no API calls at rest" figure); `openWatch` and `getJson`
// are a small streaming watch and GET over that Agent with a chosen Accept header (metadata-only lists and watches)
// and a configurable inactivity timeout.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { HttpMethod, type KubeConfig, RequestContext } from "@kubernetes/client-node";
import { Agent, type Dispatcher, request } from "undici";

/** Requests made through shared Agents, by kind: `watch` (a watch opened) or the HTTP method. */
export const requestCounts = new Map<string, number>();

class CountingAgent extends Agent {
  /** The TLS options this Agent connects with, so a watch can open its own connection with the same identity. */
  connectOptions: Agent.Options["connect"];

  constructor(options: Agent.Options) {
    super(options);
    this.connectOptions = options.connect;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const path = String(options.path ?? "");
    const kind = /[?&]watch=(true|1)/.test(path) ? "watch" : String(options.method ?? "GET");
    requestCounts.set(kind, (requestCounts.get(kind) ?? 0) + 1);
    return super.dispatch(options, handler);
  }
}

const shared = new WeakSet<KubeConfig>();

/**
 * Makes every API call of `kc` reuse one keep-alive Agent per TLS identity (cluster CA, client certificate) instead of
 * one per call. Idempotent. The identity is re-read on every call, so rotated client certificates still take effect.
 */
export function shareConnections(kc: KubeConfig): KubeConfig {
  if (shared.has(kc)) return kc;
  shared.add(kc);
  const agents = new Map<string, Agent>();
  const target = kc as unknown as {
    createDispatcherOptions: (cluster: unknown, agentOptions: unknown) => { type: string; connect?: object };
    createDispatcher: (cluster: unknown, agentOptions: unknown) => Dispatcher | undefined;
  };
  const original = target.createDispatcher.bind(kc);
  target.createDispatcher = (cluster, agentOptions) => {
    const options = target.createDispatcherOptions(cluster, agentOptions);
    // Proxies and SOCKS keep client-node's own handling.
    if (options.type !== "agent")
      return options.type === "none" ? sharedPlain(agents) : original(cluster, agentOptions);
    const connect = (options.connect ?? {}) as Record<string, unknown>;
    const identity = Object.keys(connect)
      .sort()
      .map((k) => {
        const v = connect[k];
        return `${k}=${Buffer.isBuffer(v) ? v.toString("base64") : String(v)}`;
      })
      .join(";");
    let agent = agents.get(identity);
    if (agent === undefined) {
      agent = new CountingAgent({
        ...(options.connect === undefined
          ? {}
          : { connect: options.connect as NonNullable<Agent.Options["connect"]> }),
        keepAliveTimeout: 60_000,
      });
      agents.set(identity, agent);
    }
    return agent;
  };
  return kc;
}

function sharedPlain(agents: Map<string, Agent>): Agent {
  let agent = agents.get("");
  if (agent === undefined) {
    agent = new CountingAgent({ keepAliveTimeout: 60_000, allowH2: false });
    agents.set("", agent);
  }
  return agent;
}

async function prepare(
  kc: KubeConfig,
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>>,
): Promise<{ url: string; headers: Record<string, string>; dispatcher: Dispatcher | undefined }> {
  shareConnections(kc);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("no Kubernetes cluster is configured");
  const url = new URL(cluster.server.replace(/\/$/, "") + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  const context = new RequestContext(url.toString(), HttpMethod.GET);
  await kc.applySecurityAuthentication(context);
  return { url: url.toString(), headers: { ...context.getHeaders() }, dispatcher: context.getDispatcher() };
}

/** Accept header asking for metadata only (PartialObjectMetadata / PartialObjectMetadataList). */
export const METADATA_LIST =
  "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
export const METADATA_WATCH = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

export class ApiStatusError extends Error {
  readonly code: number;
  readonly body: string;
  constructor(code: number, body: string, path: string, method = "GET") {
    let message = "";
    try {
      message = String((JSON.parse(body) as { message?: unknown }).message ?? "");
    } catch {
      message = "";
    }
    super(`${method} ${path}: HTTP ${code}${message ? `: ${message}` : ""}`);
    this.code = code;
    this.body = body;
  }
}

/** One GET, parsed as JSON. */
export async function getJson<T>(
  kc: KubeConfig,
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>>,
  accept = "application/json",
): Promise<T> {
  const { url, headers, dispatcher } = await prepare(kc, path, query);
  const response = await request(url, {
    method: "GET",
    headers: { ...headers, accept },
    ...(dispatcher ? { dispatcher } : {}),
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new ApiStatusError(response.statusCode, text, path);
  return JSON.parse(text) as T;
}

export interface WatchOptions {
  readonly accept?: string;
  /** The watch is abandoned (and `done` called with a TimeoutError) after this long without any data. */
  readonly inactivityMs: number;
}

/**
 * Opens a watch: `onEvent` for every event line, `done` once when it ends (null for a clean end). Returns a function
 * that aborts it.
 */
export async function openWatch(
  kc: KubeConfig,
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>>,
  options: WatchOptions,
  onEvent: (type: string, object: unknown) => void,
  done: (error: unknown) => void,
): Promise<() => void> {
  const abort = new AbortController();
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let stream: Readable | undefined;
  let closeDispatcher = (): void => {};
  const finish = (error: unknown): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    // Once the response has started, closing its body ends the request; aborting would raise an AbortError there.
    if (stream !== undefined) stream.destroy();
    else abort.abort();
    closeDispatcher();
    done(error);
  };
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const error = new Error(`watch ${path} silent for ${options.inactivityMs} ms`);
      error.name = "TimeoutError";
      finish(error);
    }, options.inactivityMs);
    timer.unref();
  };
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(kc, path, { ...query, watch: "true" });
  } catch (error) {
    finish(error);
    return () => finish(null);
  }
  const { url, headers } = prepared;
  // Every watch has a connection of its own, closed with it: a watch on a pooled connection could end up queued
  // behind (or on) a connection that died silently, where no restart would ever get it out.
  const shared = prepared.dispatcher instanceof CountingAgent ? prepared.dispatcher : undefined;
  const dispatcher = new Agent({
    ...(shared?.connectOptions ? { connect: shared.connectOptions } : {}),
    allowH2: false,
    pipelining: 0,
  });
  requestCounts.set("watch", (requestCounts.get("watch") ?? 0) + 1);
  closeDispatcher = (): void => {
    void dispatcher.destroy().catch(() => undefined);
  };
  touch();
  // The handle is returned before the response arrives, so a watch stuck on a dead connection can be abandoned
  // (which closes that connection) instead of waiting forever for its headers.
  void (async () => {
    try {
      const response = await request(url, {
        method: "GET",
        headers: { ...headers, accept: options.accept ?? "application/json" },
        signal: abort.signal,
        headersTimeout: 30_000,
        // Silence between events is normal for a watch; `inactivityMs` and the informer's watchdog judge it.
        bodyTimeout: 0,
        dispatcher,
      });
      if (response.statusCode !== 200) {
        const text = await response.body.text().catch(() => "");
        finish(new ApiStatusError(response.statusCode, text, path));
        return;
      }
      const body = response.body as unknown as Readable;
      body.on("error", (error) => finish(error));
      stream = body;
      if (finished) {
        body.destroy();
        return;
      }
      body.on("data", touch);
      body.on("close", () => finish(null));
      const lines = createInterface({ input: body, crlfDelay: Number.POSITIVE_INFINITY });
      // readline re-emits the body's errors; the body's own listener above handles them.
      lines.on("error", () => {});
      lines.on("line", (line) => {
        if (finished || line === "") return;
        let parsed: { type?: string; object?: unknown };
        try {
          parsed = JSON.parse(line) as { type?: string; object?: unknown };
        } catch {
          return;
        }
        onEvent(parsed.type ?? "", parsed.object);
      });
    } catch (error) {
      finish(error);
    }
  })();
  return () => finish(null);
}

/** Accept header asking for the metadata of one object (a write's response without its data). */
export const METADATA_OBJECT = METADATA_WATCH;

/**
 * One write (POST, PUT, PATCH, DELETE) with a JSON body over the shared Agent, answered as JSON. The controller
 * writes managed Secrets this way: its own body serialization (client-node's typed serializer walks every key of a
 * 1,000-key Secret twice) and, with `accept` METADATA_OBJECT, a response of metadata only instead of every value
 * back. Non-2xx answers throw an ApiStatusError carrying the API server's Status (which names objects, never values).
 */
export async function sendJson<T>(
  kc: KubeConfig,
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>>,
  body: unknown,
  options: { readonly accept?: string; readonly contentType?: string } = {},
): Promise<T> {
  const { url, headers, dispatcher } = await prepare(kc, path, query);
  const response = await request(url, {
    method,
    headers: {
      ...headers,
      accept: options.accept ?? "application/json",
      "content-type": options.contentType ?? "application/json",
    },
    body: JSON.stringify(body),
    ...(dispatcher ? { dispatcher } : {}),
  });
  const text = await response.body.text();
  if (response.statusCode < 200 || response.statusCode > 299)
    throw new ApiStatusError(response.statusCode, text, path, method);
  return JSON.parse(text) as T;
}
