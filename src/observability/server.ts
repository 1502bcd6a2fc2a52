// The plain-HTTP side of every process: /healthz (alive), /readyz (caches synced) and /metrics (Prometheus). A
// plain node:http handler: three GETs do not need Express, which would be ~40 packages and ~5 MiB in every process.
import type { Server } from "node:http";
import type { Registry } from "prom-client";

// Not `import { createServer } from "node:http"`: making that module's ESM namespace reads its lazy `WebSocket`,
// `CloseEvent` and `MessageEvent` exports, which loads Node's bundled undici (~14 MiB of the webhook's memory).
const { createServer } = process.getBuiltinModule("node:http");

export interface ProbeServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly registry: Registry;
  /** Returns undefined when ready, or a reason for not being ready. */
  readonly notReadyReason: () => string | undefined;
  /** How a user changes the port, named in the error when it cannot be used (default: the flag). */
  readonly portSetting?: string;
}

type Answer = { readonly status: number; readonly type: string; readonly body: string };

const text = (status: number, body: string): Answer => ({ status, type: "text/plain; charset=utf-8", body });

async function answer(options: ProbeServerOptions, method: string | undefined, url: string): Promise<Answer> {
  const path = url.split("?")[0];
  if (method !== "GET" && method !== "HEAD") return text(404, `Cannot ${method ?? ""} ${path}`);
  switch (path) {
    case "/healthz":
      return text(200, "ok");
    case "/readyz": {
      const reason = options.notReadyReason();
      return reason === undefined ? text(200, "ok") : text(503, `not ready: ${reason}`);
    }
    case "/metrics":
      return { status: 200, type: options.registry.contentType, body: await options.registry.metrics() };
    default:
      return text(404, `Cannot GET ${path}`);
  }
}

/** Listens, or rejects with one line naming the address, the cause and the fix. */
export async function startProbeServer(options: ProbeServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    answer(options, req.method, req.url ?? "/").then(
      ({ status, type, body }) => {
        res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end(`cannot collect metrics: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
  const host = options.host ?? "0.0.0.0";
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const why =
        error.code === "EADDRINUSE"
          ? "the port is already in use by another process"
          : error.code === "EACCES"
            ? "permission denied (ports below 1024 need privileges)"
            : error.message;
      reject(
        new Error(
          `cannot serve /healthz, /readyz and /metrics on ${host}:${options.port}: ${why} (${error.code ?? "error"}); ` +
            `stop whatever uses port ${options.port}, or choose another port with ${options.portSetting ?? "--metrics-port"}`,
          { cause: error },
        ),
      );
    };
    server.once("error", onError);
    server.listen(options.port, host, () => {
      server.off("error", onError);
      resolve(server);
    });
  });
}
