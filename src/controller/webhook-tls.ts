// Self-managed TLS for the webhook (DESIGN §6): the controller keeps one Secret in the control namespace holding a
// CA and a serving certificate (created once, create races tolerated, renewed well before expiry) and patches the
// CA into the MutatingWebhookConfiguration. Webhook pods mount only tls.crt/tls.key from it and hot-reload them;
// the webhook's own ServiceAccount never reads Secrets.
import { X509Certificate } from "node:crypto";
import {
  AdmissionregistrationV1Api,
  CoreV1Api,
  type KubeConfig,
  type V1Secret,
} from "@kubernetes/client-node";
import type { Logger } from "pino";
import { MANAGED_BY } from "../domain/api.ts";
import { statusCode } from "../kube/errors.ts";
import { createCertificateAuthority, issueCertificate } from "../tls/certificates.ts";
import { firstPem, planTls, type TlsMaterial } from "../tls/rotation.ts";

const day = 24 * 60 * 60 * 1000;

export interface WebhookTlsOptions {
  readonly namespace: string;
  readonly secretName: string;
  /** DNS names the serving certificate covers (the webhook Service's names). */
  readonly dnsNames: readonly string[];
  readonly ipAddresses?: readonly string[];
  /** The MutatingWebhookConfiguration whose webhooks get the caBundle; none to skip patching. */
  readonly webhookConfigurationName?: string;
  readonly servingValidityDays?: number;
  readonly caValidityDays?: number;
  /**
   * What the certificate serves, for log lines and the CA's name: `webhook` (default) or `api` (the Flyte API, which
   * keeps its own pair with the same machinery).
   */
  readonly serves?: "webhook" | "api";
}

function field(secret: V1Secret | undefined, key: string): string | undefined {
  const value = secret?.data?.[key];
  return value === undefined ? undefined : Buffer.from(value, "base64").toString("utf8");
}

function stillValid(pem: string, now: Date): boolean {
  try {
    return Date.parse(new X509Certificate(pem).validTo) > now.getTime();
  } catch {
    return false;
  }
}

export class WebhookTls {
  private readonly core: CoreV1Api;
  private readonly admission: AdmissionregistrationV1Api;
  private readonly options: WebhookTlsOptions;
  private readonly log: Logger;
  private readonly serves: "webhook" | "api";

  constructor(kc: KubeConfig, options: WebhookTlsOptions, log: Logger) {
    this.core = kc.makeApiClient(CoreV1Api);
    this.admission = kc.makeApiClient(AdmissionregistrationV1Api);
    this.options = options;
    this.serves = options.serves ?? "webhook";
    this.log = log.child({
      component: `${this.serves}-tls`,
      secret: `${options.namespace}/${options.secretName}`,
    });
  }

  /** Makes the Secret and the caBundle right; returns the CA bundle in force. Safe to run concurrently. */
  async ensure(now = new Date()): Promise<{ caPem: string; configured: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.read();
      const current = existing && {
        caCertPem: field(existing, "ca.crt") ?? "",
        caKeyPem: field(existing, "ca.key") ?? "",
        certPem: field(existing, "tls.crt") ?? "",
        keyPem: field(existing, "tls.key") ?? "",
      };
      const servingDays = this.options.servingValidityDays ?? 365;
      const caDays = this.options.caValidityDays ?? 3650;
      const plan = planTls(
        current,
        {
          dnsNames: this.options.dnsNames,
          ipAddresses: this.options.ipAddresses ?? [],
          renewServingBeforeMs: (servingDays / 3) * day,
          renewCaBeforeMs: (caDays / 3) * day,
        },
        now,
      );
      if (plan.action === "keep" && current) {
        return { caPem: current.caCertPem, configured: await this.patchCaBundle(current.caCertPem) };
      }
      const material = await this.issue(
        plan.action === "new-ca" ? undefined : current,
        now,
        servingDays,
        caDays,
      );
      if (plan.action === "new-ca" && current?.caCertPem) {
        // Keep trusting the previous CA while webhook pods still serve its certificate (until the kubelet syncs
        // the new files): `ca.crt` is a bundle, newest first; only the newest signs.
        const previous = firstPem(current.caCertPem);
        if (previous !== undefined && stillValid(previous, now)) {
          material.caCertPem = `${material.caCertPem.trimEnd()}\n${previous}`;
        }
      }
      try {
        await this.write(existing, material);
        this.log.info(
          { reason: plan.action === "keep" ? "" : plan.reason },
          `${this.serves} certificate written`,
        );
        return { caPem: material.caCertPem, configured: await this.patchCaBundle(material.caCertPem) };
      } catch (error) {
        // Another replica wrote first: read what it wrote and decide again.
        if (statusCode(error) === 409) continue;
        throw error;
      }
    }
    throw new Error(
      `could not settle the ${this.serves} certificate in Secret ${this.options.namespace}/${this.options.secretName}`,
    );
  }

  private async read(): Promise<V1Secret | undefined> {
    try {
      return await this.core.readNamespacedSecret({
        name: this.options.secretName,
        namespace: this.options.namespace,
      });
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  private async issue(
    current: TlsMaterial | undefined,
    now: Date,
    servingDays: number,
    caDays: number,
  ): Promise<{ -readonly [K in keyof TlsMaterial]: TlsMaterial[K] }> {
    const notBefore = new Date(now.getTime() - 5 * 60 * 1000);
    const ca =
      current && current.caCertPem !== ""
        ? { certPem: firstPem(current.caCertPem) ?? "", keyPem: current.caKeyPem }
        : await createCertificateAuthority(`flyte-secrets-${this.serves}-ca`, {
            notBefore,
            notAfter: new Date(now.getTime() + caDays * day),
          });
    const serving = await issueCertificate(ca, {
      commonName: this.options.dnsNames[0] ?? `flyte-secrets-${this.serves}`,
      dnsNames: this.options.dnsNames,
      ipAddresses: this.options.ipAddresses ?? [],
      usage: "server",
      notBefore,
      notAfter: new Date(now.getTime() + servingDays * day),
    });
    // A kept CA keeps its stored bundle byte for byte, so the caBundle does not change.
    const caCertPem = current && current.caCertPem !== "" ? current.caCertPem : ca.certPem;
    return { caCertPem, caKeyPem: ca.keyPem, certPem: serving.certPem, keyPem: serving.keyPem };
  }

  private async write(existing: V1Secret | undefined, material: TlsMaterial): Promise<void> {
    const b64 = (s: string): string => Buffer.from(s).toString("base64");
    const body: V1Secret = {
      apiVersion: "v1",
      kind: "Secret",
      type: "kubernetes.io/tls",
      metadata: {
        name: this.options.secretName,
        namespace: this.options.namespace,
        labels: { ...(existing?.metadata?.labels ?? {}), "app.kubernetes.io/part-of": MANAGED_BY },
        ...(existing?.metadata?.resourceVersion
          ? { resourceVersion: existing.metadata.resourceVersion }
          : {}),
      },
      data: {
        "ca.crt": b64(material.caCertPem),
        "ca.key": b64(material.caKeyPem),
        "tls.crt": b64(material.certPem),
        "tls.key": b64(material.keyPem),
      },
    };
    if (existing === undefined) {
      await this.core.createNamespacedSecret({ namespace: this.options.namespace, body });
    } else {
      await this.core.replaceNamespacedSecret({
        name: this.options.secretName,
        namespace: this.options.namespace,
        body,
      });
    }
  }

  /** Returns false when the configuration does not exist (yet). */
  private async patchCaBundle(caPem: string): Promise<boolean> {
    const name = this.options.webhookConfigurationName;
    if (!name) return true;
    const bundle = Buffer.from(caPem).toString("base64");
    // Another replica (or Helm) may update the configuration at the same time: re-read and retry on conflict.
    for (let attempt = 0; attempt < 5; attempt++) {
      let config: Awaited<ReturnType<AdmissionregistrationV1Api["readMutatingWebhookConfiguration"]>>;
      try {
        config = await this.admission.readMutatingWebhookConfiguration({ name });
      } catch (error) {
        if (statusCode(error) === 404) {
          this.log.info(
            { webhookConfiguration: name },
            "MutatingWebhookConfiguration not found yet; caBundle not set",
          );
          return false;
        }
        throw error;
      }
      const webhooks = config.webhooks ?? [];
      if (webhooks.every((w) => w.clientConfig.caBundle === bundle)) return true;
      config.webhooks = webhooks.map((w) => ({
        ...w,
        clientConfig: { ...w.clientConfig, caBundle: bundle },
      }));
      try {
        await this.admission.replaceMutatingWebhookConfiguration({ name, body: config });
        this.log.info({ webhookConfiguration: name }, "caBundle updated");
        return true;
      } catch (error) {
        if (statusCode(error) !== 409) throw error;
      }
    }
    throw new Error(
      `could not update the caBundle of MutatingWebhookConfiguration ${name}: it kept changing`,
    );
  }
}
