import { beforeAll, describe, expect, it } from "vitest";
import { createCertificateAuthority, issueCertificate, type PemPair } from "../../../src/tls/certificates.ts";
import { planTls, type TlsMaterial } from "../../../src/tls/rotation.ts";

const day = 24 * 3600 * 1000;
const start = new Date("2026-01-01T00:00:00Z");
const wanted = {
  dnsNames: ["hook.ns.svc"],
  ipAddresses: [],
  renewServingBeforeMs: 120 * day,
  renewCaBeforeMs: 1000 * day,
};

describe("planTls", () => {
  let ca: PemPair;
  let material: TlsMaterial;
  let foreign: PemPair;

  beforeAll(async () => {
    ca = await createCertificateAuthority("ca", {
      notBefore: start,
      notAfter: new Date(start.getTime() + 3650 * day),
    });
    const serving = await issueCertificate(ca, {
      commonName: "hook",
      dnsNames: ["hook.ns.svc"],
      usage: "server",
      notBefore: start,
      notAfter: new Date(start.getTime() + 365 * day),
    });
    material = {
      caCertPem: ca.certPem,
      caKeyPem: ca.keyPem,
      certPem: serving.certPem,
      keyPem: serving.keyPem,
    };
    const other = await createCertificateAuthority("other", {
      notBefore: start,
      notAfter: new Date(start.getTime() + 365 * day),
    });
    foreign = await issueCertificate(other, {
      commonName: "hook",
      dnsNames: ["hook.ns.svc"],
      usage: "server",
      notBefore: start,
      notAfter: new Date(start.getTime() + 365 * day),
    });
  });

  const at = (days: number) => new Date(start.getTime() + days * day);

  it("starts with a new CA when there is nothing", () => {
    expect(planTls(undefined, wanted, at(0)).action).toBe("new-ca");
  });

  it("keeps a fresh pair", () => {
    expect(planTls(material, wanted, at(10))).toEqual({ action: "keep" });
  });

  it("renews the serving certificate well before it expires", () => {
    expect(planTls(material, wanted, at(250))).toEqual({
      action: "issue-serving",
      reason: "the serving certificate expires soon",
    });
  });

  it("renews when the names change", () => {
    expect(planTls(material, { ...wanted, dnsNames: ["other.ns.svc"] }, at(10)).action).toBe("issue-serving");
  });

  it("replaces a serving certificate from another CA", () => {
    expect(
      planTls({ ...material, certPem: foreign.certPem, keyPem: foreign.keyPem }, wanted, at(10)),
    ).toEqual({
      action: "issue-serving",
      reason: "the serving certificate was not issued by the stored CA",
    });
  });

  it("issues a serving certificate when only the CA exists", () => {
    expect(planTls({ caCertPem: ca.certPem, caKeyPem: ca.keyPem }, wanted, at(0)).action).toBe(
      "issue-serving",
    );
  });

  it("starts over when the CA nears its end", () => {
    expect(planTls(material, wanted, at(3000)).action).toBe("new-ca");
  });

  it("reads a CA bundle by its first (newest) certificate", () => {
    const bundle = `${material.caCertPem.trimEnd()}\n${foreign.certPem}`;
    expect(planTls({ ...material, caCertPem: bundle }, wanted, at(10))).toEqual({ action: "keep" });
  });

  it("starts over when the stored CA does not parse", () => {
    expect(planTls({ ...material, caCertPem: "garbage" }, wanted, at(0)).action).toBe("new-ca");
  });
});
