// The webhook's HTTPS server: POST /mutate speaks AdmissionReview v1. Malformed requests get a 400 (or a
// well-formed refusal when there is a request uid to answer), a body over the limit a 413, never a 500 or a crash.
// A plain `https.createServer` handler, no framework: it sits on every task pod's creation, and Express with
// body-parser cost as much CPU per admission as the decision itself (issue 14). The body rules are body-parser's:
// any content type, gzip/deflate/br bodies inflated, UTF-8 only, the size limit applied to the inflated bytes, a
// JSON object or list at top level (an empty body reads as `{}`); every body problem but size is a 400.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
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

type Result = "allowed" | "refused" | "invalid" | "error";

const NOT_FOUND = JSON.stringify({ error: "not found: the webhook serves POST /mutate" });

function send(res: ServerResponse, status: number, body: string, close = false): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(body);
}

const sendError = (res: ServerResponse, status: number, error: string, close = false): void =>
  send(res, status, JSON.stringify({ error }), close);

/** The body stream, inflated as body-parser would; `undefined` for an encoding it would refuse. */
function bodyStream(req: IncomingMessage): Readable | undefined {
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  switch (encoding) {
    case "identity":
      return req;
    case "gzip":
      return req.pipe(createGunzip());
    case "deflate":
      return req.pipe(createInflate());
    case "br":
      return req.pipe(createBrotliDecompress());
    default:
      return undefined;
  }
}

/** The charset parameter of the Content-Type when it names something other than UTF-8, else undefined. */
function foreignCharset(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  const charset = match?.[1]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8" ? undefined : charset;
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<RunningWebhookServer> {
  const { log, metrics } = options;
  const limit = options.maxBodyBytes ?? 3 * 1024 * 1024;
  const admissions = {
    allowed: metrics.admissions.labels({ result: "allowed" }),
    refused: metrics.admissions.labels({ result: "refused" }),
    invalid: metrics.admissions.labels({ result: "invalid" }),
    error: metrics.admissions.labels({ result: "error" }),
  };
  const latency = {
    allowed: metrics.latency.labels({ result: "allowed" }),
    refused: metrics.latency.labels({ result: "refused" }),
    invalid: metrics.latency.labels({ result: "invalid" }),
    error: metrics.latency.labels({ result: "error" }),
  };

  /** Refuses a body the client got wrong (not JSON, too large, bad encoding) with a reason. */
  const invalidBody = (res: ServerResponse, status: number, error: string, close = false): void => {
    admissions.invalid.inc();
    sendError(res, status, error, close);
  };

  const admit = (res: ServerResponse, text: string, started: number): void => {
    let body: unknown;
    if (/^\s*$/.test(text)) body = {};
    else if (!/^\s*[{[]/.test(text)) {
      invalidBody(res, 400, "request body is not valid JSON (entity.parse.failed)");
      return;
    } else {
      try {
        body = JSON.parse(text);
      } catch {
        invalidBody(res, 400, "request body is not valid JSON (entity.parse.failed)");
        return;
      }
    }
    const envelope = parseAdmissionReview(body);
    if (!envelope.ok) {
      admissions.invalid.inc();
      latency.invalid.observe((performance.now() - started) / 1000);
      sendError(res, 400, envelope.message);
      return;
    }
    const { request } = envelope;
    let decision: Decision;
    let result: Result;
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
    const answer = JSON.stringify(admissionResponse(request.uid, decision));
    admissions[result].inc();
    latency[result].observe((performance.now() - started) / 1000);
    // One line per admission costs as much as a tenth of the request: allowed pods are logged at debug, refusals
    // (what an admin looks for) at info.
    const level = decision.allowed ? "debug" : "info";
    if (log.isLevelEnabled(level)) {
      log[level](
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
    }
    send(res, 200, answer);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const path = query < 0 ? url : url.slice(0, query);
    if (req.method !== "POST" || path !== "/mutate") {
      req.resume();
      send(res, 404, NOT_FOUND);
      return;
    }
    const started = performance.now();
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) {
      req.resume();
      invalidBody(res, 413, "request body too large", true);
      return;
    }
    const charset = foreignCharset(req.headers["content-type"]);
    if (charset !== undefined) {
      req.resume();
      invalidBody(res, 400, `request body charset "${charset}" is not supported; send UTF-8`);
      return;
    }
    const stream = bodyStream(req);
    if (stream === undefined) {
      req.resume();
      invalidBody(
        res,
        400,
        `request body content encoding "${req.headers["content-encoding"]}" is not supported; send it uncompressed`,
      );
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    stream.on("data", (chunk: Buffer) => {
      if (done) return;
      received += chunk.length;
      if (received > limit) {
        done = true;
        if (stream !== req) stream.destroy();
        req.resume();
        invalidBody(res, 413, "request body too large", true);
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => {
      if (done) return;
      done = true;
      const text =
        chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8");
      admit(res, text, started);
    });
    stream.on("error", () => {
      // A corrupt compressed body, or a client that went away: answer if the socket still listens.
      if (done) return;
      done = true;
      req.resume();
      if (!res.headersSent && !res.destroyed)
        invalidBody(res, 400, "request body could not be read (bad encoding or aborted)", true);
    });
  };

  const initial = await readTls(options.tls);
  const server = createServer({ cert: initial.cert, key: initial.key, minVersion: "TLSv1.2" }, handle);
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
