// The plain-HTTP side of every process: /healthz (alive), /readyz (caches synced) and /metrics (Prometheus).
import { createServer, type Server } from "node:http";
import express from "express";
import type { Registry } from "prom-client";

export interface ProbeServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly registry: Registry;
  /** Returns undefined when ready, or a reason for not being ready. */
  readonly notReadyReason: () => string | undefined;
  /** How a user changes the port, named in the error when it cannot be used (default: the flag). */
  readonly portSetting?: string;
}

/**
 * Listens, or rejects with one line naming the address, the cause and the fix. (Express 5's `app.listen` hands a
 * listen error to its callback, which would look like success; a process that serves no probes would then be
 * restarted by its liveness probe with nothing in its log.)
 */
export async function startProbeServer(options: ProbeServerOptions): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.type("text/plain").send("ok");
  });
  app.get("/readyz", (_req, res) => {
    const reason = options.notReadyReason();
    if (reason === undefined) res.type("text/plain").send("ok");
    else res.status(503).type("text/plain").send(`not ready: ${reason}`);
  });
  app.get("/metrics", async (_req, res) => {
    res.type(options.registry.contentType).send(await options.registry.metrics());
  });
  const host = options.host ?? "0.0.0.0";
  const server = createServer(app);
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
