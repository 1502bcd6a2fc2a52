// The Flyte API's listener without Kubernetes: plaintext only ever on loopback (HTTP/1.1 and h2c), TLS with HTTP/2
// by ALPN and HTTP/1.1, a renewed certificate served without a restart, unknown paths answered with advice, and a
// stop that does not wait for an idle keep-alive connection.
import { connect as tlsConnect } from "node:tls";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ClusterService } from "../../../src/api/gen/flyteidl2/cluster/service_pb.js";
import { ApiServer, type TlsPair } from "../../../src/api/server.ts";
import { createCertificateAuthority, issueCertificate } from "../../../src/tls/certificates.ts";
import { waitFor } from "../../controlplane/wait.ts";

const log = pino({ level: "silent" });
const servers: ApiServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function pair(name: string): Promise<TlsPair & { ca: string }> {
  const validity = { notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 3600_000) };
  const ca = await createCertificateAuthority(name, validity);
  const leaf = await issueCertificate(ca, {
    ...validity,
    commonName: "localhost",
    dnsNames: ["localhost"],
    ipAddresses: ["127.0.0.1"],
    usage: "server",
  });
  return { cert: leaf.certPem, key: leaf.keyPem, ca: ca.certPem };
}

async function start(tls: ConstructorParameters<typeof ApiServer>[0]["tls"], host = "") {
  const server = new ApiServer(
    {
      port: 0,
      host,
      tls,
      routes: (router) => router.service(ClusterService, { selectCluster: () => ({}) }),
      interceptors: [],
    },
    log,
  );
  await server.start();
  servers.push(server);
  return server;
}

function address(server: ApiServer): string | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: reading the private listener's address for the test
  const inner = (server as any).server as { address(): { address: string } };
  return inner.address().address;
}

describe("the Flyte API listener", () => {
  it("in plaintext listens on 127.0.0.1 whatever host says, and serves HTTP/1.1 and h2c", async () => {
    const server = await start(undefined, "0.0.0.0");
    expect(server.plaintext).toBe(true);
    expect(address(server)).toBe("127.0.0.1");
    for (const httpVersion of ["1.1", "2"] as const) {
      const transport = createConnectTransport({ baseUrl: `http://127.0.0.1:${server.port}`, httpVersion });
      expect(await createClient(ClusterService, transport).selectCluster({})).toBeDefined();
    }
  });

  it("with TLS serves gRPC over HTTP/2 (ALPN) and Connect over HTTP/1.1, and a renewed certificate without a restart", async () => {
    const first = await pair("first-ca");
    const second = await pair("second-ca");
    let current: TlsPair = first;
    const server = await start({ load: async () => current, reloadMs: 50 }, "127.0.0.1");
    const grpc = createGrpcTransport({
      baseUrl: `https://localhost:${server.port}`,
      nodeOptions: { ca: first.ca },
    });
    expect(await createClient(ClusterService, grpc).selectCluster({})).toBeDefined();
    const h1 = createConnectTransport({
      baseUrl: `https://localhost:${server.port}`,
      httpVersion: "1.1",
      nodeOptions: { ca: first.ca },
    });
    expect(await createClient(ClusterService, h1).selectCluster({})).toBeDefined();

    const issuer = (): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = tlsConnect(
          { host: "127.0.0.1", port: server.port, rejectUnauthorized: false, ALPNProtocols: ["h2"] },
          () => {
            resolve(socket.getPeerX509Certificate()?.issuer ?? "");
            socket.end();
          },
        );
        socket.on("error", reject);
      });
    expect(await issuer()).toContain("first-ca");
    current = second;
    await waitFor(async () => ((await issuer()).includes("second-ca") ? true : undefined), {
      description: "the renewed certificate to be served",
      timeoutMs: 5_000,
      intervalMs: 50,
    });
  });

  it("answers a path it does not serve with unimplemented and what to configure", async () => {
    const server = await start(undefined);
    const response = await fetch(
      `http://127.0.0.1:${server.port}/flyteidl2.auth.AuthMetadataService/GetOAuth2Metadata`,
      {
        method: "POST",
        headers: { "content-type": "application/proto" },
        body: new Uint8Array(),
      },
    );
    expect(response.status).toBe(404);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("unimplemented");
    expect(body.message).toContain("not /flyteidl2.auth.AuthMetadataService/GetOAuth2Metadata");
    expect(body.message).toContain("admin.authType: ExternalCommand");
  });

  it("stops with an idle keep-alive connection open", async () => {
    const server = await start(undefined);
    const transport = createConnectTransport({
      baseUrl: `http://127.0.0.1:${server.port}`,
      httpVersion: "2",
    });
    await createClient(ClusterService, transport).selectCluster({});
    // Without closing idle connections itself, close() would wait for the client forever (the test would time out).
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
    expect(server.notReadyReason()).toBe("the Flyte API is not listening yet");
  });
});
