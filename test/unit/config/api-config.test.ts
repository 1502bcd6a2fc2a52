// The Flyte API's settings (the `api:` block of the configuration file): defaults, every setting, and refusals that
// name the setting and what it should be.
import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../../src/config/config.ts";

describe("the api settings", () => {
  it("are off by default, with TLS from a self-managed Secret covering the Service's names", () => {
    expect(defaultConfig("ops").api).toEqual({
      enabled: false,
      port: 8443,
      host: "",
      plaintext: false,
      tls: {
        secretName: "flyte-secrets-api-tls",
        selfManaged: true,
        dnsNames: [
          "flyte-secrets-api",
          "flyte-secrets-api.ops",
          "flyte-secrets-api.ops.svc",
          "flyte-secrets-api.ops.svc.cluster.local",
        ],
        ipAddresses: [],
      },
    });
  });

  it("reads every setting", () => {
    const result = parseConfig(
      `api:
  enabled: true
  port: 9000
  host: 0.0.0.0
  plaintext: true
  tls: {secretName: api-tls, selfManaged: false, dnsNames: [api.example.com], ipAddresses: [127.0.0.1, "::1"]}
`,
      "ops",
    );
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({
        api: {
          enabled: true,
          port: 9000,
          host: "0.0.0.0",
          plaintext: true,
          tls: {
            secretName: "api-tls",
            selfManaged: false,
            dnsNames: ["api.example.com"],
            ipAddresses: ["127.0.0.1", "::1"],
          },
        },
      }),
    });
  });

  it.each([
    ["api: {port: 70000}", "api.port must be a whole number from 0 to 65535"],
    ["api: {plaintext: yes please}", "api.plaintext must be true or false"],
    ["api: {enabled: 1}", "api.enabled must be true or false"],
    ["api: {tls: {secretName: Not_A_Name}}", "api.tls.secretName must be a Secret name"],
    ["api: {tls: {dnsNames: [bad name]}}", "api.tls.dnsNames[0] must be a DNS name"],
    ["api: {tls: {ipAddresses: [localhost]}}", "api.tls.ipAddresses[0] must be an IP address"],
    [
      "api: {tls: {cert: x}}",
      "api.tls.cert is not a known setting (known: secretName, selfManaged, dnsNames, ipAddresses)",
    ],
    [
      "api: {insecure: true}",
      "api.insecure is not a known setting (known: enabled, port, host, plaintext, tls)",
    ],
    ["api: [1]", "api must be a mapping"],
  ])("refuses %s", (text, message) => {
    const result = parseConfig(text, "ops");
    expect(result).toEqual({ ok: false, errors: [message] });
  });
});
