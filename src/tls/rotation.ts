// Decides what the webhook's self-managed TLS needs (pure; the clock is passed in): keep the current pair, issue a
// new serving certificate from the same CA (near expiry, or the names changed), or start over with a new CA.
import { X509Certificate } from "node:crypto";

export interface TlsMaterial {
  readonly caCertPem: string;
  readonly caKeyPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface TlsWanted {
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** Renew the serving certificate when less than this much of its life is left. */
  readonly renewServingBeforeMs: number;
  readonly renewCaBeforeMs: number;
}

export type TlsPlan =
  | { readonly action: "keep" }
  | { readonly action: "issue-serving"; readonly reason: string }
  | { readonly action: "new-ca"; readonly reason: string };

/** The first certificate of a PEM bundle (the CA bundle lists the newest CA first). */
export function firstPem(bundle: string): string | undefined {
  const match = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(bundle);
  return match ? `${match[0]}\n` : undefined;
}

function sanSet(cert: X509Certificate): Set<string> {
  return new Set(
    (cert.subjectAltName ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );
}

export function planTls(current: Partial<TlsMaterial> | undefined, wanted: TlsWanted, now: Date): TlsPlan {
  if (!current?.caCertPem || !current.caKeyPem)
    return { action: "new-ca", reason: "no certificate authority yet" };
  let ca: X509Certificate;
  try {
    ca = new X509Certificate(firstPem(current.caCertPem) ?? "");
  } catch {
    return { action: "new-ca", reason: "the stored CA certificate does not parse" };
  }
  if (Date.parse(ca.validTo) - now.getTime() < wanted.renewCaBeforeMs) {
    return { action: "new-ca", reason: "the CA expires soon" };
  }
  if (!current.certPem || !current.keyPem)
    return { action: "issue-serving", reason: "no serving certificate yet" };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(current.certPem);
  } catch {
    return { action: "issue-serving", reason: "the stored serving certificate does not parse" };
  }
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
    return { action: "issue-serving", reason: "the serving certificate was not issued by the stored CA" };
  }
  if (Date.parse(cert.validTo) - now.getTime() < wanted.renewServingBeforeMs) {
    return { action: "issue-serving", reason: "the serving certificate expires soon" };
  }
  const have = sanSet(cert);
  const want = [
    ...wanted.dnsNames.map((d) => `DNS:${d}`),
    ...wanted.ipAddresses.map((ip) => `IP Address:${ip}`),
  ];
  if (want.some((n) => !have.has(n)) || have.size !== want.length) {
    return { action: "issue-serving", reason: "the serving certificate's names changed" };
  }
  return { action: "keep" };
}
