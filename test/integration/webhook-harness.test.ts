// The control plane can host admission webhooks: the real API server calls an HTTPS server on 127.0.0.1 through a
// MutatingWebhookConfiguration and applies the JSON patch it answers with.
import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { AdmissionregistrationV1Api, CoreV1Api, type V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertificateAuthority, issueCertificate } from "../../src/tls/certificates.ts";
import { waitFor } from "../controlplane/wait.ts";
import { createNamespace, kubeConfig, kubectl, scratchDir, uniqueName } from "./support/cluster.ts";

interface Recorded {
  readonly uid: string;
  readonly name: string;
  readonly dryRun: boolean;
}

describe("webhook hosting", () => {
  const received: Recorded[] = [];
  let server: Server;
  let caPem: string;
  let namespace: string;
  const selectorValue = uniqueName("harness");
  const configName = uniqueName("flyte-secrets-harness");
  const admission = () => kubeConfig().makeApiClient(AdmissionregistrationV1Api);

  beforeAll(async () => {
    const now = Date.now();
    const validity = { notBefore: new Date(now - 60_000), notAfter: new Date(now + 3_600_000) };
    const ca = await createCertificateAuthority("harness-webhook-ca", validity);
    const leaf = await issueCertificate(ca, {
      ...validity,
      commonName: "127.0.0.1",
      ipAddresses: ["127.0.0.1"],
      usage: "server",
    });
    caPem = ca.certPem;
    server = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        const review = JSON.parse(body) as {
          request: { uid: string; name?: string; dryRun?: boolean; object: V1Pod };
        };
        const { uid, dryRun, object } = review.request;
        received.push({ uid, name: object.metadata?.name ?? "", dryRun: dryRun === true });
        const patch = [
          {
            op: "add",
            path: "/metadata/annotations",
            value: { "harness.flyte-secrets.test/mutated": "true" },
          },
        ];
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            apiVersion: "admission.k8s.io/v1",
            kind: "AdmissionReview",
            response: {
              uid,
              allowed: true,
              patchType: "JSONPatch",
              patch: Buffer.from(JSON.stringify(patch)).toString("base64"),
            },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    namespace = await createNamespace("webhook-harness");
    await admission().createMutatingWebhookConfiguration({
      body: {
        metadata: { name: configName },
        webhooks: [
          {
            name: "harness.flyte-secrets.test",
            admissionReviewVersions: ["v1"],
            sideEffects: "None",
            failurePolicy: "Fail",
            timeoutSeconds: 5,
            clientConfig: {
              url: `https://127.0.0.1:${port}/mutate`,
              caBundle: Buffer.from(caPem).toString("base64"),
            },
            rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }],
            objectSelector: { matchLabels: { "harness.flyte-secrets.test/select": selectorValue } },
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } },
          },
        ],
      },
    });
    // The API server picks up new webhook configurations asynchronously: dry-run creations until it calls us.
    const core = kubeConfig().makeApiClient(CoreV1Api);
    await waitFor(
      async () => {
        await core.createNamespacedPod({ namespace, body: pod("probe", true), dryRun: "All" });
        return received.some((r) => r.dryRun) ? true : undefined;
      },
      {
        description: "the API server to start calling the harness webhook",
        timeoutMs: 30_000,
        intervalMs: 250,
      },
    );
  });

  afterAll(async () => {
    await admission()
      .deleteMutatingWebhookConfiguration({ name: configName })
      .catch(() => undefined);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  function pod(name: string, selected: boolean): V1Pod {
    return {
      metadata: { name, labels: selected ? { "harness.flyte-secrets.test/select": selectorValue } : {} },
      spec: { containers: [{ name: "main", image: "registry.invalid/task:1" }] },
    };
  }

  it("calls the webhook over HTTPS and applies its JSON patch to a pod created with kubectl", async () => {
    const manifest = JSON.stringify({ apiVersion: "v1", kind: "Pod", ...pod("task", true) });
    const file = join(await scratchDir("harness-"), "pod.json");
    await writeFile(file, manifest);

    const created = await kubectl("create", "-n", namespace, "-f", file, "-o", "json");
    expect(created.code, created.stderr).toBe(0);
    const stored = JSON.parse(created.stdout) as V1Pod;
    expect(stored.metadata?.annotations?.["harness.flyte-secrets.test/mutated"]).toBe("true");
    expect(received.filter((r) => !r.dryRun).map((r) => r.name)).toContain("task");
  });

  it("is not called for pods outside its object selector", async () => {
    const core = kubeConfig().makeApiClient(CoreV1Api);
    const before = received.length;
    const stored = await core.createNamespacedPod({ namespace, body: pod("unselected", false) });
    expect(stored.metadata?.annotations?.["harness.flyte-secrets.test/mutated"]).toBeUndefined();
    expect(received.slice(before).map((r) => r.name)).not.toContain("unselected");
  });
});
