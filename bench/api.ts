// Benchmarks of the Flyte API through its real server against a real kube-apiserver (the project's local control
// plane): CreateSecret per second until 1,000 secrets exist, then ListSecrets of those 1,000 per second — in
// plaintext (local mode) and over TLS with a ServiceAccount token (TokenReview and SubjectAccessReview answers are
// cached for 10 s, so a steady caller pays them once). Connect protocol, binary, HTTP/1.1 (as Flyte's CLI sends in
// plaintext) and HTTP/2 (as over TLS). Bounded: 1,000 creates and a fixed number of lists. `npm run bench`.
import { readFileSync } from "node:fs";
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { ApiextensionsV1Api, CoreV1Api, KubeConfig, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { load } from "js-yaml";
import { SecretService } from "../src/api/gen/flyteidl2/secret/secret_pb.js";
import { createFlyteApi } from "../src/api/index.ts";
import { defaultApiConfig } from "../src/config/config.ts";
import { GROUP, PLURAL } from "../src/domain/api.ts";
import { createLogger } from "../src/observability/logger.ts";
import { ensureBinaries } from "../test/controlplane/binaries.ts";
import { ControlPlane } from "../test/controlplane/controlplane.ts";
import { waitFor } from "../test/controlplane/wait.ts";

const SECRETS = 1000;
const LISTS = 30;
const CONCURRENCY = 4;

const note = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

async function timed(count: number, concurrency: number, call: (i: number) => Promise<unknown>) {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: count / seconds, p50: at(0.5), p95: at(0.95) };
}

async function main(): Promise<void> {
  const plane = await ControlPlane.start({ binaries: await ensureBinaries(note), log: note });
  const rows: Record<string, string>[] = [];
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(plane.info.kubeconfigPath);
    const crd = load(
      readFileSync(new URL("../crds/flytesecrets.secrets.flyte.org.yaml", import.meta.url), "utf8"),
    );
    const ext = kc.makeApiClient(ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({ body: crd as never });
    await waitFor(
      async () => {
        const c = await ext.readCustomResourceDefinition({ name: `${PLURAL}.${GROUP}` });
        return c.status?.conditions?.some((x) => x.type === "Established" && x.status === "True")
          ? true
          : undefined;
      },
      { description: "the CRD" },
    );
    const core = kc.makeApiClient(CoreV1Api);
    const log = createLogger("warn");

    for (const mode of ["plaintext", "tls"] as const) {
      const namespace = `bench-${mode}`;
      await core.createNamespace({ body: { metadata: { name: namespace } } });
      const base = defaultApiConfig(namespace);
      const api = createFlyteApi(
        kc,
        {
          ...base,
          enabled: true,
          port: 0,
          host: "127.0.0.1",
          plaintext: mode === "plaintext",
          tls: { ...base.tls, dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"] },
          namespace,
        },
        log,
      );
      await api.start();
      let headers: Record<string, string> = {};
      let nodeOptions = {};
      if (mode === "tls") {
        await waitFor(
          async () => {
            try {
              await core.readNamespacedServiceAccount({ name: "default", namespace });
              return true;
            } catch {
              return undefined;
            }
          },
          { description: "the default ServiceAccount", timeoutMs: 30_000 },
        );
        const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
        await rbac.createNamespacedRole({
          namespace,
          body: {
            metadata: { name: "writer" },
            rules: [
              { apiGroups: [GROUP], resources: [PLURAL], verbs: ["get", "list", "create", "delete"] },
              { apiGroups: [""], resources: ["secrets"], verbs: ["get", "create", "update", "delete"] },
            ],
          },
        });
        await rbac.createNamespacedRoleBinding({
          namespace,
          body: {
            metadata: { name: "writer" },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "writer" },
            subjects: [{ kind: "ServiceAccount", name: "default", namespace }],
          },
        });
        const token = await core.createNamespacedServiceAccountToken({
          name: "default",
          namespace,
          body: { spec: {} },
        });
        headers = { authorization: `Bearer ${token.status?.token ?? ""}` };
        const tls = await core.readNamespacedSecret({ name: base.tls.secretName, namespace });
        nodeOptions = { ca: Buffer.from(tls.data?.["ca.crt"] ?? "", "base64") };
      }
      const transport = createConnectTransport({
        baseUrl: `${mode === "tls" ? "https://localhost" : "http://127.0.0.1"}:${api.port}`,
        httpVersion: mode === "tls" ? "2" : "1.1",
        useBinaryFormat: true,
        nodeOptions,
      });
      const client = createClient(SecretService, transport);
      const value = new Uint8Array(64).fill(7);
      const create = await timed(SECRETS, CONCURRENCY, (i) =>
        client.createSecret(
          {
            id: { name: `BENCH_${String(i).padStart(4, "0")}` },
            secretSpec: { value: { case: "binaryValue", value } },
          },
          { headers },
        ),
      );
      rows.push({
        call: `CreateSecret (${mode}, up to ${SECRETS} secrets)`,
        "per second": create.perSecond.toFixed(1),
        "p50 ms": create.p50.toFixed(1),
        "p95 ms": create.p95.toFixed(1),
      });
      const all = await client.listSecrets({ limit: 0 }, { headers });
      if (all.secrets.length !== SECRETS)
        throw new Error(`listed ${all.secrets.length}, expected ${SECRETS}`);
      const list = await timed(LISTS, 1, () => client.listSecrets({ limit: 0 }, { headers }));
      rows.push({
        call: `ListSecrets (${mode}, all ${SECRETS} in one reply)`,
        "per second": list.perSecond.toFixed(1),
        "p50 ms": list.p50.toFixed(1),
        "p95 ms": list.p95.toFixed(1),
      });
      const paged = await timed(LISTS / 3, 1, async () => {
        let token = "";
        do token = (await client.listSecrets({ limit: 100, token }, { headers })).token;
        while (token !== "");
      });
      rows.push({
        call: `ListSecrets (${mode}, ${SECRETS} in pages of 100: one full walk)`,
        "per second": paged.perSecond.toFixed(1),
        "p50 ms": paged.p50.toFixed(1),
        "p95 ms": paged.p95.toFixed(1),
      });
      await api.stop();
    }
  } finally {
    await plane.stop();
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench/api.ts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
