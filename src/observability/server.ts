// The plain-HTTP side of every process: /healthz (alive), /readyz (caches synced) and /metrics (Prometheus).
import type { Server } from "node:http";
import express from "express";
import type { Registry } from "prom-client";

export interface ProbeServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly registry: Registry;
  /** Returns undefined when ready, or a reason for not being ready. */
  readonly notReadyReason: () => string | undefined;
}

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
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
    server.on("error", reject);
  });
}
