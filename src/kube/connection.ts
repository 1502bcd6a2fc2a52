// The API server as informers and the list/watch helpers see it: a connection that sends one GET (on a pooled
// keep-alive connection, or on one of its own for a watch), and, over any connection, `getJson` and `openWatch`.
// Two connections exist: over client-node's KubeConfig (`kubeConfigConnection` in ./http.ts: any kubeconfig, used by
// the controller, the CLI and `operator`) and over node:https with a kubeconfig or ServiceAccount read here
// (`httpsConnection` in ./https-connection.ts: the webhook, which must not load client-node's ~80 MiB of models).
// This module imports neither.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export interface GetOptions {
  readonly accept: string;
  /** A connection of its own, closed with the response (a watch), instead of a pooled one. */
  readonly dedicated?: boolean;
  /** Aborts the request, before or after its response has started. */
  readonly signal?: AbortSignal;
  /** Gives up when the response headers have not arrived by then. */
  readonly headersTimeoutMs?: number;
  /** Idle time the body may have (0: any; a watch is silent between events). */
  readonly bodyTimeoutMs?: number;
}

export interface ApiResponse {
  readonly statusCode: number;
  readonly body: Readable;
}

export interface ApiConnection {
  /** For logs: how requests are made (never a credential). */
  readonly description: string;
  /** One GET of `path` with `query`, authenticated; resolves once the response headers are in. */
  get(path: string, query: Query, options: GetOptions): Promise<ApiResponse>;
}

/** Requests made by this process, by kind: `watch` (a watch opened) or the HTTP method. */
export const requestCounts = new Map<string, number>();

export function countRequest(kind: string): void {
  requestCounts.set(kind, (requestCounts.get(kind) ?? 0) + 1);
}

/** `base` + `path` + `query`, the query's undefined values left out. */
export function urlOf(base: string, path: string, query: Query): URL {
  const url = new URL(base.replace(/\/$/, "") + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

/** Accept header asking for metadata only (PartialObjectMetadata / PartialObjectMetadataList). */
export const METADATA_LIST =
  "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
export const METADATA_WATCH = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";
/** Accept header asking for the metadata of one object (a write's response without its data). */
export const METADATA_OBJECT = METADATA_WATCH;

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

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** One GET, parsed as JSON. */
export async function getJson<T>(
  connection: ApiConnection,
  path: string,
  query: Query,
  accept = "application/json",
): Promise<T> {
  const response = await connection.get(path, query, { accept });
  const body = await text(response.body);
  if (response.statusCode !== 200) throw new ApiStatusError(response.statusCode, body, path);
  return JSON.parse(body) as T;
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
  connection: ApiConnection,
  path: string,
  query: Query,
  options: WatchOptions,
  onEvent: (type: string, object: unknown) => void,
  done: (error: unknown) => void,
): Promise<() => void> {
  const abort = new AbortController();
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let stream: Readable | undefined;
  const finish = (error: unknown): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    // Once the response has started, destroying its body ends the request and closes its connection.
    if (stream !== undefined) stream.destroy();
    else abort.abort();
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
  countRequest("watch");
  touch();
  // The handle is returned before the response arrives, so a watch stuck on a dead connection can be abandoned
  // (which closes that connection) instead of waiting forever for its headers.
  void (async () => {
    try {
      // Every watch has a connection of its own, closed with it: a watch on a pooled connection could end up queued
      // behind (or on) a connection that died silently, where no restart would ever get it out.
      const response = await connection.get(
        path,
        { ...query, watch: "true" },
        {
          accept: options.accept ?? "application/json",
          dedicated: true,
          signal: abort.signal,
          headersTimeoutMs: 30_000,
          // Silence between events is normal for a watch; `inactivityMs` and the informer's watchdog judge it.
          bodyTimeoutMs: 0,
        },
      );
      if (response.statusCode !== 200) {
        const body = await text(response.body).catch(() => "");
        finish(new ApiStatusError(response.statusCode, body, path));
        return;
      }
      const body = response.body;
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
