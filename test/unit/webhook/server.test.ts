// The webhook's HTTPS server on loopback: malformed input gets a 400 (or a well-formed refusal), never a 500 or a
// crash; a decision that throws is a refusal, not a dropped connection; a rotated certificate is served at once.
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { Agent, request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/observability/logger.ts";
import { createCertificateAuthority, issueCertificate } from "../../../src/tls/certificates.ts";
import type { AdmissionRequest, Decision } from "../../../src/webhook/admission-review.ts";
import { createWebhookMetrics } from "../../../src/webhook/metrics.ts";
import { type RunningWebhookServer, startWebhookServer } from "../../../src/webhook/server.ts";
import { tlsFilesIn } from "../../../src/webhook/tls-files.ts";
import { waitFor } from "../../controlplane/wait.ts";

const validity = { notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 3_600_000) };

async function writePair(dir: string, commonName: string): Promise<void> {
  const ca = await createCertificateAuthority(`${commonName}-ca`, validity);
  const leaf = await issueCertificate(ca, {
    ...validity,
    commonName,
    ipAddresses: ["127.0.0.1"],
    usage: "server",
  });
  for (const [file, pem] of [
    ["tls.crt", leaf.certPem],
    ["tls.key", leaf.keyPem],
  ] as const) {
    await writeFile(join(dir, `.${file}`), pem);
    await rename(join(dir, `.${file}`), join(dir, file));
  }
}

function post(
  port: number,
  body: string | Buffer,
  path = "/mutate",
  options: { method?: string; headers?: Record<string, string>; chunked?: boolean } = {},
): Promise<{ status: number; json: unknown; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "POST",
        rejectUnauthorized: false,
        headers: { "content-type": "application/json", ...options.headers },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString();
        });
        res.on("end", () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json, headers: res.headers });
        });
      },
    );
    req.on("error", reject);
    if (options.chunked) {
      // No Content-Length: the limit must hold on the bytes as they arrive.
      const buffer = Buffer.from(body);
      for (let i = 0; i < buffer.length; i += 16 * 1024) req.write(buffer.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(body);
  });
}

const review = (request: unknown) =>
  JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request });

describe("webhook server", () => {
  let dir: string;
  let server: RunningWebhookServer;
  const metrics = createWebhookMetrics();
  const decide = (req: AdmissionRequest): Decision => {
    if ((req.object as { boom?: boolean } | null)?.boom) throw new Error("bug");
    return { allowed: false, code: 403, message: `refused ${req.uid}` };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "webhook-server-"));
    await writePair(dir, "first");
    server = await startWebhookServer({
      port: 0,
      host: "127.0.0.1",
      tls: tlsFilesIn(dir),
      decide,
      metrics,
      log: createLogger("silent"),
      maxBodyBytes: 64 * 1024,
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ["not JSON", "{nope", 400],
    ["a JSON list", "[]", 400],
    ["another kind", JSON.stringify({ apiVersion: "v1", kind: "Pod" }), 400],
    ["no request", JSON.stringify({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview" }), 400],
    ["no uid", review({ object: {} }), 400],
    ["a bad uid", review({ uid: "../../etc", object: {} }), 400],
    ["too large", review({ uid: "a", object: { x: "y".repeat(100_000) } }), 413],
    ["empty", "", 400],
    ["a JSON string", '"AdmissionReview"', 400],
    ["JSON with trailing garbage", `${review({ uid: "a", object: {} })}x`, 400],
  ])("answers %s with %i", async (_name, body, status) => {
    const res = await post(server.port, body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.json)).toMatch(/"error":"/);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
  });

  it("applies the size limit to a body sent without Content-Length", async () => {
    const res = await post(server.port, review({ uid: "a", object: { x: "y".repeat(100_000) } }), "/mutate", {
      chunked: true,
    });
    expect(res).toMatchObject({ status: 413, json: { error: "request body too large" } });
  });

  it("reads a gzip-compressed body, and applies the limit to its inflated size", async () => {
    const small = await post(server.port, gzipSync(review({ uid: "gz-1", object: {} })), "/mutate", {
      headers: { "content-encoding": "gzip" },
    });
    expect(small).toMatchObject({ status: 200, json: { response: { uid: "gz-1", allowed: false } } });
    const bomb = gzipSync(review({ uid: "gz-2", object: { x: "y".repeat(1_000_000) } }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const large = await post(server.port, bomb, "/mutate", { headers: { "content-encoding": "gzip" } });
    expect(large.status).toBe(413);
  });

  it.each([
    ["an unknown content encoding", { "content-encoding": "zstd-nope" }, /content encoding "zstd-nope"/],
    ["a corrupt gzip body", { "content-encoding": "gzip" }, /could not be read/],
    [
      "a charset other than UTF-8",
      { "content-type": "application/json; charset=latin1" },
      /charset "latin1"/,
    ],
  ])("answers %s with 400 and the reason", async (_name, headers, message) => {
    const res = await post(server.port, review({ uid: "x", object: {} }), "/mutate", { headers });
    expect(res.status).toBe(400);
    expect((res.json as { error: string }).error).toMatch(message);
  });

  it("answers many admissions on one keep-alive connection", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false });
    const sockets = new Set<unknown>();
    for (let i = 0; i < 5; i++) {
      const res = await new Promise<{ status: number; uid: string }>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port: server.port, path: "/mutate", method: "POST", agent },
          (r) => {
            sockets.add(r.socket);
            let text = "";
            r.on("data", (c: Buffer) => {
              text += c.toString();
            });
            r.on("end", () =>
              resolve({
                status: r.statusCode ?? 0,
                uid: (JSON.parse(text) as { response: { uid: string } }).response.uid,
              }),
            );
          },
        );
        req.on("error", reject);
        req.end(review({ uid: `ka-${i}`, object: {} }));
      });
      expect(res).toEqual({ status: 200, uid: `ka-${i}` });
    }
    expect(sockets.size).toBe(1);
    agent.destroy();
  });

  it("counts admissions by result in its metrics", async () => {
    await post(server.port, review({ uid: "m-1", object: {} }));
    await post(server.port, "{nope");
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/flyte_secrets_admissions_total\{result="refused"\} [1-9]/);
    expect(text).toMatch(/flyte_secrets_admissions_total\{result="invalid"\} [1-9]/);
    expect(text).toMatch(/flyte_secrets_admission_duration_seconds_count\{result="refused"\} [1-9]/);
  });

  it("answers a well-formed request with an AdmissionReview carrying its uid", async () => {
    const { headers: _headers, ...res } = await post(
      server.port,
      review({ uid: "1234-abcd", object: { any: "thing" } }),
    );
    expect(res).toEqual({
      status: 200,
      json: {
        apiVersion: "admission.k8s.io/v1",
        kind: "AdmissionReview",
        response: {
          uid: "1234-abcd",
          allowed: false,
          status: { code: 403, reason: "Forbidden", message: "refused 1234-abcd" },
        },
      },
    });
  });

  it("refuses, rather than crashing, when the decision throws", async () => {
    const res = await post(server.port, review({ uid: "u1", object: { boom: true } }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response: { uid: "u1", allowed: false, status: { code: 500 } } });
    const again = await post(server.port, review({ uid: "u2", object: {} }));
    expect(again.status).toBe(200);
  });

  it("serves only POST /mutate", async () => {
    expect((await post(server.port, review({ uid: "u" }), "/other")).status).toBe(404);
    const get = await post(server.port, "", "/mutate", { method: "GET" });
    expect(get).toMatchObject({ status: 404, json: { error: "not found: the webhook serves POST /mutate" } });
    const withQuery = await post(server.port, review({ uid: "q-1", object: {} }), "/mutate?timeout=5s");
    expect(withQuery).toMatchObject({ status: 200, json: { response: { uid: "q-1" } } });
  });

  it("serves a rotated certificate to new connections without a restart", async () => {
    const subject = () =>
      new Promise<string>((resolve, reject) => {
        const socket = connect({ host: "127.0.0.1", port: server.port, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()?.subject ?? "");
          socket.end();
        });
        socket.on("error", reject);
      });
    expect(await subject()).toContain("CN=first");
    await writePair(dir, "second");
    await waitFor(async () => ((await subject()).includes("CN=second") ? true : undefined), {
      description: "the new certificate to be served",
      timeoutMs: 10_000,
    });
  });
});
