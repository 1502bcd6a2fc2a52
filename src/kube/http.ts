// Connections to the API server through client-node's KubeConfig (the controller, the CLI, `operator`, and the webhook
// when its kubeconfig needs client-node). client-node 2.0.1 builds a new undici Agent — a new TLS connection — for
// every API call, and its Watch gives up after a fixed 30 s without data. `shareConnections` makes every call of one
// KubeConfig reuse one keep-alive Agent (and counts requests, for the "no API calls at rest" figure);
// `kubeConfigConnection` is the same KubeConfig as an `ApiConnection`, for `getJson` and `openWatch` (./connection.ts):
// a GET over that Agent with a chosen Accept header, or, for a watch, over a connection of its own; `sendJson` is a
// write over that Agent.
import type { Readable } from "node:stream";
import { HttpMethod, type KubeConfig, RequestContext } from "@kubernetes/client-node";
import { Agent, type Dispatcher, request } from "undici";
import {
  type ApiConnection,
  ApiStatusError,
  countRequest,
  type GetOptions,
  type Query,
  urlOf,
} from "./connection.ts";

export { METADATA_OBJECT, requestCounts } from "./connection.ts";

class CountingAgent extends Agent {
  /** The TLS options this Agent connects with, so a watch can open its own connection with the same identity. */
  connectOptions: Agent.Options["connect"];

  constructor(options: Agent.Options) {
    super(options);
    this.connectOptions = options.connect;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const path = String(options.path ?? "");
    countRequest(/[?&]watch=(true|1)/.test(path) ? "watch" : String(options.method ?? "GET"));
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
  query: Query,
): Promise<{ url: string; headers: Record<string, string>; dispatcher: Dispatcher | undefined }> {
  shareConnections(kc);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("no Kubernetes cluster is configured");
  const url = urlOf(cluster.server, path, query).toString();
  const context = new RequestContext(url, HttpMethod.GET);
  await kc.applySecurityAuthentication(context);
  return { url, headers: { ...context.getHeaders() }, dispatcher: context.getDispatcher() };
}

const connections = new WeakMap<KubeConfig, ApiConnection>();

/** `kc` as an `ApiConnection` (one per KubeConfig): its authentication, shared Agents and proxies. */
export function kubeConfigConnection(kc: KubeConfig): ApiConnection {
  let connection = connections.get(kc);
  if (connection === undefined) {
    connection = {
      description: "client-node",
      get: (path, query, options) => get(kc, path, query, options),
    };
    connections.set(kc, connection);
  }
  return connection;
}

async function get(
  kc: KubeConfig,
  path: string,
  query: Query,
  options: GetOptions,
): Promise<{ statusCode: number; body: Readable }> {
  const { url, headers, dispatcher } = await prepare(kc, path, query);
  let own: Agent | undefined;
  if (options.dedicated) {
    // A connection of its own with the shared Agent's TLS identity; the request was counted by the caller.
    const pooled = dispatcher instanceof CountingAgent ? dispatcher : undefined;
    own = new Agent({
      ...(pooled?.connectOptions ? { connect: pooled.connectOptions } : {}),
      allowH2: false,
      pipelining: 0,
    });
  }
  const close = (): void => {
    void own?.destroy().catch(() => undefined);
  };
  try {
    const response = await request(url, {
      method: "GET",
      headers: { ...headers, accept: options.accept },
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.headersTimeoutMs !== undefined ? { headersTimeout: options.headersTimeoutMs } : {}),
      ...(options.bodyTimeoutMs !== undefined ? { bodyTimeout: options.bodyTimeoutMs } : {}),
      ...(own ? { dispatcher: own } : dispatcher ? { dispatcher } : {}),
    });
    const body = response.body as unknown as Readable;
    if (own) body.once("close", close);
    return { statusCode: response.statusCode, body };
  } catch (error) {
    close();
    throw error;
  }
}

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
  query: Query,
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
