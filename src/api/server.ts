// The Flyte API's listener: Connect, gRPC and gRPC-Web on a port of its own. With TLS (the default) HTTP/2 is chosen
// by ALPN and HTTP/1.1 is served too, the certificate comes from a kubernetes.io/tls Secret and is reloaded when it
// changes. Plaintext (local mode only) listens on loopback and serves HTTP/1.1 and HTTP/2 with prior knowledge (h2c),
// told apart by the first bytes of each connection.
import { createServer as createHttpServer } from "node:http";
import { createServer as createH2cServer, createSecureServer, type Http2SecureServer } from "node:http2";
import { createServer as createNetServer, type Server, type Socket } from "node:net";
import { Duplex } from "node:stream";
import type { ConnectRouter, Interceptor } from "@connectrpc/connect";
import { type ConnectNodeAdapterOptions, connectNodeAdapter } from "@connectrpc/connect-node";
import type { Logger } from "pino";

export interface TlsPair {
  readonly cert: string;
  readonly key: string;
}

export interface ApiServerOptions {
  readonly port: number;
  /** Listen address for TLS ("" for all interfaces). Plaintext always listens on 127.0.0.1. */
  readonly host: string;
  /** Undefined: plaintext (local mode). Otherwise where the serving certificate comes from, read again every reloadMs. */
  readonly tls: { readonly load: () => Promise<TlsPair>; readonly reloadMs?: number } | undefined;
  readonly routes: (router: ConnectRouter) => void;
  readonly interceptors: readonly Interceptor[];
}

/** The HTTP/2 connection preface a client with prior knowledge sends first. */
const H2_PREFACE = Buffer.from("PRI * HTTP/2.0\r\n");
/** Requests larger than this are refused before they are read (values are at most 1 MiB). */
const READ_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The socket as a stream that first yields `first` again. The HTTP/2 server reads a plain socket's handle natively and
 * would miss bytes already read; a stream that is not a socket it reads through the stream interface.
 */
function replaying(socket: Socket, first: Buffer): Duplex {
  const stream = new Duplex({
    read: () => void socket.resume(),
    write: (chunk, encoding, done) => void socket.write(chunk, encoding, done),
    final: (done) => {
      socket.end();
      done();
    },
    destroy: (error, done) => {
      socket.destroy(error ?? undefined);
      done(error);
    },
  });
  socket.on("data", (chunk: Buffer) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on("end", () => stream.push(null));
  socket.on("close", () => stream.destroy());
  socket.on("error", (error) => stream.destroy(error));
  stream.push(first);
  return stream;
}

/**
 * Any other path, as a Connect error a client shows. Flyte's CLI asks for AuthMetadataService when it wants to log in
 * (its default, PKCE): this says what to configure instead.
 */
const notServed: NonNullable<ConnectNodeAdapterOptions["fallback"]> = (request, response) => {
  const body = JSON.stringify({
    code: "unimplemented",
    message:
      `flyte-secrets serves flyteidl2.secret.SecretService and flyteidl2.cluster.ClusterService/SelectCluster, not ` +
      `${(request.url ?? "").slice(0, 200)}; it has no OAuth server: authenticate with a Kubernetes token ` +
      "(admin.authType: ExternalCommand with admin.command printing one), or use the local mode's plaintext endpoint",
  });
  response.statusCode = 404;
  response.setHeader("content-type", "application/json");
  response.end(body);
};

export class ApiServer {
  private readonly options: ApiServerOptions;
  private readonly log: Logger;
  private server: Server | Http2SecureServer | undefined;
  private readonly sockets = new Set<Socket>();
  private reloadTimer: NodeJS.Timeout | undefined;
  private current: TlsPair | undefined;
  private listening = false;

  constructor(options: ApiServerOptions, log: Logger) {
    this.options = options;
    this.log = log.child({ component: "flyte-api" });
  }

  /** The port listened on (the real one when configured as 0). */
  get port(): number {
    const address = this.server?.address();
    return typeof address === "object" && address !== null ? address.port : this.options.port;
  }

  get plaintext(): boolean {
    return this.options.tls === undefined;
  }

  notReadyReason(): string | undefined {
    return this.listening ? undefined : "the Flyte API is not listening yet";
  }

  async start(): Promise<void> {
    const handler = connectNodeAdapter({
      routes: this.options.routes,
      interceptors: [...this.options.interceptors],
      readMaxBytes: READ_MAX_BYTES,
      fallback: notServed,
    });
    const tls = this.options.tls;
    let server: Server | Http2SecureServer;
    let host: string;
    if (tls === undefined) {
      const http1 = createHttpServer(handler);
      const h2c = createH2cServer(handler);
      server = createNetServer((socket) => {
        socket.once("data", (first: Buffer) => {
          const prefix = first.subarray(0, H2_PREFACE.length);
          if (H2_PREFACE.subarray(0, prefix.length).equals(prefix)) {
            h2c.emit("connection", replaying(socket, first));
            return;
          }
          socket.pause();
          socket.unshift(first);
          http1.emit("connection", socket);
          socket.resume();
        });
      });
      host = "127.0.0.1";
    } else {
      this.current = await tls.load();
      server = createSecureServer({ ...this.current, allowHTTP1: true }, handler);
      host = this.options.host;
      this.reloadTimer = setInterval(() => void this.reload(), tls.reloadMs ?? 30_000);
      this.reloadTimer.unref();
    }
    server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      const onListening = (): void => {
        server.off("error", reject);
        resolve();
      };
      if (host === "") server.listen(this.options.port, onListening);
      else server.listen(this.options.port, host, onListening);
    });
    server.on("error", (error) => this.log.error({ err: error }, "Flyte API server error"));
    this.server = server;
    this.listening = true;
    this.log.info(
      { port: this.port, host: host === "" ? "*" : host, tls: tls !== undefined },
      tls === undefined
        ? "Flyte API listening in plaintext on loopback (local mode: callers act as the operator)"
        : "Flyte API listening with TLS",
    );
  }

  private async reload(): Promise<void> {
    const tls = this.options.tls;
    const server = this.server;
    if (tls === undefined || server === undefined || !("setSecureContext" in server)) return;
    try {
      const next = await tls.load();
      if (next.cert === this.current?.cert && next.key === this.current.key) return;
      server.setSecureContext({ cert: next.cert, key: next.key });
      this.current = next;
      this.log.info("Flyte API certificate reloaded");
    } catch (error) {
      this.log.warn({ err: error }, "could not reload the Flyte API certificate; keeping the current one");
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.reloadTimer);
    const server = this.server;
    if (server === undefined) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // In-flight calls get a moment to finish; idle keep-alive connections would hold close() open forever.
    const deadline = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, 2_000);
    await closed;
    clearTimeout(deadline);
  }
}
