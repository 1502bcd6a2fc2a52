import { describe, expect, it } from "vitest";
import { defaultConfig, installationOf, parseConfig } from "../../../src/config/config.ts";

describe("configuration file", () => {
  it("gives the defaults for an empty file, scoped to the namespace", () => {
    expect(parseConfig("", "ops")).toEqual({ ok: true, config: defaultConfig("ops") });
    expect(defaultConfig("ops").controlNamespaces).toEqual(["ops"]);
  });

  it("reads every setting the chart renders", () => {
    const text = `
controlNamespaces: [flyte-secrets, more-secrets]
podLabels: {project: flyte.org/project, domain: flyte.org/domain}
namespaceSelector: {example.com/tenant: blue}
namespaceTemplate: {template: "{{ project }}-{{ domain }}", domains: [development, production]}
logLevel: debug
controller:
  metricsPort: 9090
  leaderElection: {enabled: true, leaseName: lease, leaseDurationSeconds: 20, renewDeadlineSeconds: 12, retryPeriodSeconds: 3}
  limits: {maxValueBytes: 1000, maxScopeBytes: 5000, maxKeysPerSecret: 64}
  webhookTls: {enabled: true, secretName: tls, serviceName: hook, webhookConfigurationName: hooks}
webhook: {port: 8443, metricsPort: 9091, certDir: /tls}
`;
    const result = parseConfig(text, "ignored");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      controlNamespaces: ["flyte-secrets", "more-secrets"],
      podLabels: { project: "flyte.org/project", domain: "flyte.org/domain" },
      namespaceSelector: { "example.com/tenant": "blue" },
      namespaceTemplate: { template: "{{ project }}-{{ domain }}", domains: ["development", "production"] },
      logLevel: "debug",
      controller: {
        metricsPort: 9090,
        leaderElection: { enabled: true, leaseName: "lease", leaseDurationSeconds: 20 },
        limits: { maxValueBytes: 1000, maxScopeBytes: 5000, maxKeysPerSecret: 64 },
        webhookTls: {
          enabled: true,
          secretName: "tls",
          serviceName: "hook",
          webhookConfigurationName: "hooks",
        },
      },
      webhook: { port: 8443, metricsPort: 9091, certDir: "/tls" },
    });
  });

  it("names the installation: the setting, else the first control namespace (also when given by flag)", () => {
    const set = parseConfig("installation: blue\ncontrolNamespaces: [ops]", "ns");
    expect(set.ok && installationOf(set.config)).toBe("blue");
    const unset = parseConfig("controlNamespaces: [ops, more]", "ns");
    expect(unset.ok && installationOf(unset.config)).toBe("ops");
    expect(installationOf(defaultConfig("flyte-secrets"))).toBe("flyte-secrets");
    // main.ts replaces controlNamespaces with --control-namespace; the default follows it.
    expect(unset.ok && installationOf({ ...unset.config, controlNamespaces: ["flag-ns"] })).toBe("flag-ns");
  });

  it.each([
    ["controlNamespaces: Flyte_Secrets", "controlNamespaces must be a non-empty list"],
    ["controlNamespaces: [Flyte_Secrets]", "controlNamespaces[0] must be a DNS label"],
    ["webhook: {port: 70000}", "webhook.port must be a whole number from 0 to 65535"],
    [
      "webhook: {prot: 1}",
      "webhook.prot is not a known setting (known: port, metricsPort, certDir, flyteForm)",
    ],
    ["webhook: {flyteForm: flyte3}", "webhook.flyteForm must be auto, flyte1 or flyte2"],
    [
      "controller: {limits: {maxKeysPerSecret: 0}}",
      "controller.limits.maxKeysPerSecret must be a whole number from 1 to 10000",
    ],
    ["logLevel: loud", "logLevel must be one of fatal, error, warn, info, debug, trace, silent"],
    [
      "controller: {leaderElection: {enabled: yes}}",
      "controller.leaderElection.enabled must be true or false",
    ],
    [
      "controller: {leaderElection: {leaseDurationSeconds: 5, renewDeadlineSeconds: 10}}",
      "renewDeadlineSeconds must be less than leaseDurationSeconds",
    ],
    [
      "namespaceTemplate: {template: '{{ project }}', domains: [development]}",
      "must contain {{ project }} and {{ domain }}",
    ],
    ["podLabels: {project: 'not a key'}", "podLabels.project must be a label key"],
    ["controller: [1]", "controller must be a mapping"],
    ["namespaceSelector: {'bad key!': x}", 'namespaceSelector key "bad key!" must be a label key'],
    ["key: [unclosed", "config: "],
    ["installation: ''", "installation must be a label value of 1 to 63 characters"],
    ["installation: 'team a'", "installation must be a label value"],
    [`installation: ${"x".repeat(64)}`, "installation must be a label value of 1 to 63 characters"],
  ])("refuses %s", (text, message) => {
    const result = parseConfig(text, "ns");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errors.join("\n")).toContain(message);
  });
});
