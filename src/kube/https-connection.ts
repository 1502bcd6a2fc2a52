// An `ApiConnection` over node:https, for the webhook: node:https is loaded anyway by its HTTPS server, where undici
// would add about 7 MiB and client-node about 80 MiB. Pooled requests share one keep-alive Agent per TLS identity
// (HTTP/1.1: HTTP/2 would multiplex every watch on one connection that can die silently); a watch gets a connection
// of its own, closed with it. Where the request goes and with what identity is asked for on every request, so a
// rotated ServiceAccount token or client certificate takes effect without a restart.
import type { IncomingMessage } from "node:http";
import { Agent, request } from "node:https";
import type { ApiConnection, ApiResponse, GetOptions, Query } from "./connection.ts";
import { countRequest, urlOf } from "./connection.ts";

/** The TLS side of a client's identity, as a kubeconfig or a ServiceAccount gives it. */
export interface TlsIdentity {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  /** `insecure-skip-tls-verify`: the server's certificate is not checked. */
  readonly insecureSkipTlsVerify?: boolean;
  /** `tls-server-name`: the name the server's certificate is checked against, when not the URL's host. */
  readonly serverName?: string;
}

/** Where a request goes and what it carries: the server's URL, the TLS identity and headers (the bearer token). */
export interface RequestTarget {
  readonly server: string;
  readonly tls: TlsIdentity;
  readonly headers: Readonly<Record<string, string>>;
}

function tlsOptions(tls: TlsIdentity): Record<string, unknown> {
  return {
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.serverName ? { servername: tls.serverName } : {}),
    rejectUnauthorized: tls.insecureSkipTlsVerify !== true,
  };
}

function identityKey(tls: TlsIdentity): string {
  const b64 = (b: Buffer | undefined): string => b?.toString("base64") ?? "";
  return [
    b64(tls.ca),
    b64(tls.cert),
    b64(tls.key),
    tls.insecureSkipTlsVerify === true,
    tls.serverName ?? "",
  ].join(";");
}

/** An `ApiConnection` whose every request goes where `target()` says, with what it says. */
export function httpsConnection(description: string, target: () => Promise<RequestTarget>): ApiConnection {
  let pool: { key: string; agent: Agent } | undefined;
  const pooled = (tls: TlsIdentity): Agent => {
    const key = identityKey(tls);
    if (pool?.key !== key) {
      // A new identity (a rotated certificate): the old Agent's idle connections go with it.
      pool?.agent.destroy();
      pool = { key, agent: new Agent({ keepAlive: true, keepAliveMsecs: 30_000, ...tlsOptions(tls) }) };
    }
    return pool.agent;
  };
  return {
    description,
    get: async (path: string, query: Query, options: GetOptions): Promise<ApiResponse> => {
      const to = await target();
      const url = urlOf(to.server, path, query);
      if (url.protocol !== "https:") throw new Error(`the API server's URL ${to.server} is not https`);
      if (!options.dedicated) countRequest("GET");
      return new Promise<ApiResponse>((resolve, reject) => {
        const req = request(url, {
          method: "GET",
          headers: { "user-agent": "flyte-secrets", ...to.headers, accept: options.accept },
          // A dedicated connection: a one-off Agent (`agent: false`) with the identity, closed with the response.
          ...(options.dedicated ? { agent: false, ...tlsOptions(to.tls) } : { agent: pooled(to.tls) }),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        let response: IncomingMessage | undefined;
        const headersMs = options.headersTimeoutMs ?? 300_000;
        const headersTimer = setTimeout(() => {
          const error = new Error(`GET ${path}: no response headers within ${headersMs} ms`);
          error.name = "TimeoutError";
          req.destroy(error);
        }, headersMs);
        headersTimer.unref();
        // An idle socket (no byte for this long) ends the request; a watch passes 0, silence being normal there.
        const idleMs = options.bodyTimeoutMs ?? 300_000;
        if (idleMs > 0)
          req.setTimeout(idleMs, () => {
            const error = new Error(`GET ${path}: silent for ${idleMs} ms`);
            error.name = "TimeoutError";
            req.destroy(error);
          });
        req.once("response", (res) => {
          clearTimeout(headersTimer);
          response = res;
          resolve({ statusCode: res.statusCode ?? 0, body: res });
        });
        req.on("error", (error) => {
          clearTimeout(headersTimer);
          // After the headers (a reset mid-body) the error belongs to the body, whose reader sees it.
          if (response === undefined) reject(error);
          else response.destroy(error);
        });
        req.end();
      });
    },
  };
}
