// The controller's self-managed webhook TLS against the real API server: one Secret created once (concurrent
// creators tolerated), the caBundle patched into the webhook configuration, the serving certificate renewed from the
// same CA, and a CA replacement that keeps trusting the previous CA.
import { X509Certificate } from "node:crypto";
import { AdmissionregistrationV1Api, CoreV1Api } from "@kubernetes/client-node";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { WebhookTls } from "../../src/controller/webhook-tls.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { webhookConfiguration } from "../../src/webhook/configuration.ts";
import { createNamespace, kubeConfig, uniqueName } from "./support/cluster.ts";

const certificates = (bundle: string) =>
  (bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map(
    (pem) => new X509Certificate(pem),
  );

describe("webhook TLS", () => {
  it("creates one Secret under concurrent creators, patches the caBundle, and replaces the CA without a gap", async () => {
    const namespace = await createNamespace("tls");
    const configName = uniqueName("flyte-secrets-tls-test");
    const admission = kubeConfig().makeApiClient(AdmissionregistrationV1Api);
    await admission.createMutatingWebhookConfiguration({
      body: webhookConfiguration({
        name: configName,
        clientConfig: { url: "https://127.0.0.1:1/mutate" },
        excludeNamespaces: [namespace],
        namespaceMatchLabels: { "flyte-secrets.test/never": "matches" },
      }),
    });
    try {
      // A CA "valid" for 60 s is replaced once less than 20 s are left: the clock is passed in, no waiting.
      const options = {
        namespace,
        secretName: "webhook-tls",
        dnsNames: ["hook.example.svc"],
        webhookConfigurationName: configName,
        caValidityDays: 60 / 86_400,
        servingValidityDays: 30 / 86_400,
      };
      const log = createLogger("silent");
      const replicas = [
        new WebhookTls(kubeConfig(), options, log),
        new WebhookTls(kubeConfig(), options, log),
      ];
      const t0 = new Date();
      const [a, b] = await Promise.all(replicas.map((r) => r.ensure(t0)));
      expect(a?.caPem).toBe(b?.caPem);
      expect(a?.configured).toBe(true);

      const core = kubeConfig().makeApiClient(CoreV1Api);
      const read = async () => {
        const secret = await core.readNamespacedSecret({ name: "webhook-tls", namespace });
        const field = (k: string) => Buffer.from(secret.data?.[k] ?? "", "base64").toString();
        const config = await admission.readMutatingWebhookConfiguration({ name: configName });
        return {
          ca: field("ca.crt"),
          serving: new X509Certificate(field("tls.crt")),
          bundles: (config.webhooks ?? []).map((w) =>
            Buffer.from(w.clientConfig.caBundle ?? "", "base64").toString(),
          ),
        };
      };
      const first = await read();
      const firstCa = certificates(first.ca);
      expect(firstCa).toHaveLength(1);
      expect(first.serving.checkIssued(firstCa[0] as X509Certificate)).toBe(true);
      expect(first.serving.checkHost("hook.example.svc")).toBe("hook.example.svc");
      expect(first.bundles).toEqual([first.ca, first.ca]);

      // 25 s later the serving certificate (30 s, renewed with a third left) is due: same CA, caBundle unchanged.
      await replicas[0]?.ensure(new Date(t0.getTime() + 25_000));
      const renewed = await read();
      expect(renewed.ca).toBe(first.ca);
      expect(renewed.serving.serialNumber).not.toBe(first.serving.serialNumber);
      expect(renewed.serving.checkIssued(firstCa[0] as X509Certificate)).toBe(true);

      // 45 s later the CA is due: a new CA signs, and the bundle still trusts the previous one.
      await replicas[1]?.ensure(new Date(t0.getTime() + 45_000));
      const replaced = await read();
      const [newCa, oldCa] = certificates(replaced.ca);
      expect(oldCa?.fingerprint256).toBe(firstCa[0]?.fingerprint256);
      expect(newCa?.fingerprint256).not.toBe(firstCa[0]?.fingerprint256);
      expect(replaced.serving.checkIssued(newCa as X509Certificate)).toBe(true);
      expect(replaced.bundles).toEqual([replaced.ca, replaced.ca]);
    } finally {
      await admission.deleteMutatingWebhookConfiguration({ name: configName }).catch(() => undefined);
    }
  });

  it("names what it serves: the Flyte API's pair says api in its CA and its log lines", async () => {
    const namespace = await createNamespace("api-tls");
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const keeper = new WebhookTls(
      kubeConfig(),
      { namespace, secretName: "api-tls", dnsNames: ["api.example.svc"], serves: "api" },
      log,
    );
    await keeper.ensure();
    const secret = await kubeConfig()
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ name: "api-tls", namespace });
    const ca = new X509Certificate(Buffer.from(secret.data?.["ca.crt"] ?? "", "base64").toString());
    expect(ca.subject).toContain("CN=flyte-secrets-api-ca");
    const written = lines.map((l) => JSON.parse(l) as { component?: string; msg?: string });
    expect(written).toContainEqual(
      expect.objectContaining({ component: "api-tls", msg: "api certificate written" }),
    );
    expect(lines.join("\n")).not.toContain("webhook");
  });
});
