// The webhook's HTTPS server (Express on https.createServer): POST /mutate speaks AdmissionReview v1. Malformed
// requests get a 400 (or a well-formed refusal when there is a request uid to answer), never a 500 or a crash.
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Logger } from "pino";
import {
  type AdmissionRequest,
  admissionResponse,
  type Decision,
  parseAdmissionReview,
} from "./admission-review.ts";
import type { WebhookMetrics } from "./metrics.ts";
import { readTls, reloadOnChange, type TlsFiles } from "./tls-files.ts";

export interface WebhookServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly tls: TlsFiles;
  readonly decide: (request: AdmissionRequest) => Decision;
  readonly metrics: WebhookMetrics;
  readonly log: Logger;
  readonly maxBodyBytes?: number;
}

export interface RunningWebhookServer {
  readonly server: Server;
  readonly port: number;
  /** Stops accepting connections and resolves when in-flight requests are answered. */
  close(): Promise<void>;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<RunningWebhookServer> {
  const { log, metrics } = options;
  const app = express();
  app.disable("x-powered-by");
  app.post(
    "/mutate",
    express.json({ limit: options.maxBodyBytes ?? 3 * 1024 * 1024, type: () => true, strict: true }),
    (req: Request, res: Response) => {
      const end = metrics.latency.startTimer();
      const envelope = parseAdmissionReview(req.body);
      if (!envelope.ok) {
        metrics.admissions.inc({ result: "invalid" });
        end({ result: "invalid" });
        res.status(400).json({ error: envelope.message });
        return;
      }
      const { request } = envelope;
      let decision: Decision;
      let result: "allowed" | "refused" | "invalid" | "error";
      try {
        decision = options.decide(request);
        result = decision.allowed ? "allowed" : decision.code === 400 ? "invalid" : "refused";
      } catch (error) {
        // A bug, not bad input: refuse (failurePolicy Fail would refuse anyway) and say where to look. The stack
        // shows where; `decide` reads only names and annotations, never a value, so nothing secret is in it.
        log.error({ uid: request.uid, err: error }, "admission failed");
        decision = {
          allowed: false,
          code: 500,
          message: "flyte-secrets webhook internal error; see the webhook logs",
        };
        result = "error";
      }
      metrics.admissions.inc({ result });
      end({ result });
      log.info(
        {
          uid: request.uid,
          namespace: request.namespace,
          pod:
            request.name ??
            (request.object as { metadata?: { generateName?: string } } | null)?.metadata?.generateName,
          allowed: decision.allowed,
          ...(decision.allowed ? {} : { reason: decision.message }),
          dryRun: request.dryRun === true,
        },
        "admission",
      );
      res.json(admissionResponse(request.uid, decision));
    },
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: "not found: the webhook serves POST /mutate" });
  });
  // Body-parser failures (bad JSON, too large) are the client's fault: answer 400/413 with a reason.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string };
    const status = e.status === 413 ? 413 : 400;
    metrics.admissions.inc({ result: "invalid" });
    res.status(status).json({
      error:
        status === 413
          ? "request body too large"
          : `request body is not valid JSON (${e.type ?? "parse error"})`,
    });
  });

  const initial = await readTls(options.tls);
  const server = createServer({ cert: initial.cert, key: initial.key, minVersion: "TLSv1.2" }, app);
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const stopReload = reloadOnChange(server, options.tls, log);
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        stopReload();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
