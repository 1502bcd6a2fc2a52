import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createCertificateAuthority,
  createSigningKeyPair,
  issueCertificate,
} from "../../../src/tls/certificates.ts";

const validity = { notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2027-01-01T00:00:00Z") };

describe("certificates", () => {
  it("issues a serving certificate that chains to its CA and names its hosts", async () => {
    const ca = await createCertificateAuthority("test-ca", validity);
    const leaf = await issueCertificate(ca, {
      ...validity,
      commonName: "webhook.flyte-secrets.svc",
      dnsNames: ["webhook.flyte-secrets.svc", "localhost"],
      ipAddresses: ["127.0.0.1"],
      usage: "server",
    });
    const caCert = new X509Certificate(ca.certPem);
    const cert = new X509Certificate(leaf.certPem);

    expect(caCert.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.checkHost("webhook.flyte-secrets.svc")).toBe("webhook.flyte-secrets.svc");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkHost("other.example")).toBeUndefined();
    expect(cert.keyUsage).toContain("1.3.6.1.5.5.7.3.1");
    expect(new Date(cert.validFrom).toISOString()).toBe(validity.notBefore.toISOString());
    expect(new Date(cert.validTo).toISOString()).toBe(validity.notAfter.toISOString());
    expect(cert.checkPrivateKey(createPrivateKey(leaf.keyPem))).toBe(true);
  });

  it("puts organizations in the subject of client certificates", async () => {
    const ca = await createCertificateAuthority("test-ca", validity);
    const client = await issueCertificate(ca, {
      ...validity,
      commonName: "admin",
      organizations: ["system:masters"],
      usage: "client",
    });
    const cert = new X509Certificate(client.certPem);
    expect(cert.subject.split("\n")).toEqual(expect.arrayContaining(["O=system:masters", "CN=admin"]));
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);
  });

  it("does not chain a certificate to a different CA", async () => {
    const ca = await createCertificateAuthority("one", validity);
    const other = await createCertificateAuthority("two", validity);
    const leaf = await issueCertificate(ca, { ...validity, commonName: "x", usage: "server" });
    expect(new X509Certificate(leaf.certPem).verify(new X509Certificate(other.certPem).publicKey)).toBe(
      false,
    );
  });

  it("creates signing key pairs whose halves match", async () => {
    const pair = await createSigningKeyPair();
    const fromPrivate = createPublicKey(createPrivateKey(pair.privateKeyPem)).export({
      format: "pem",
      type: "spki",
    });
    expect(fromPrivate).toBe(createPublicKey(pair.publicKeyPem).export({ format: "pem", type: "spki" }));
  });
});
