// The Helm chart's Flyte API: a Service onto the controller's `api` port, the program's api settings naming the
// chart's own objects, TLS self-managed or by cert-manager from the webhook's issuer, and exactly the extra rights
// the API needs (reviews cluster-wide; create/delete FlyteSecrets only in the control namespaces). Off: none of it.
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.ts";
import { configText, type Manifest, only, podOf, renderChart } from "./support/chart.ts";

const byName = (manifests: readonly Manifest[], kind: string, name: string): Manifest | undefined =>
  manifests.find((m) => m.kind === kind && m.metadata.name === name);

describe("helm chart: the Flyte API", () => {
  it("serves it from the controller pods through a Service, TLS self-managed, with the API's own rights", async () => {
    const namespace = "flyte-secrets";
    const manifests = await renderChart("flyte-secrets", namespace, { extraControlNamespaces: ["more"] });
    const parsed = parseConfig(configText(manifests), namespace);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.api).toEqual({
      enabled: true,
      port: 8443,
      host: "",
      plaintext: false,
      tls: {
        secretName: "flyte-secrets-api-tls",
        selfManaged: true,
        dnsNames: [
          "flyte-secrets-api",
          "flyte-secrets-api.flyte-secrets",
          "flyte-secrets-api.flyte-secrets.svc",
          "flyte-secrets-api.flyte-secrets.svc.cluster.local",
        ],
        ipAddresses: [],
      },
    });
    const controller = podOf(only(manifests, "Deployment", "controller"));
    expect(controller.container.ports).toContainEqual({ name: "api", containerPort: 8443, protocol: "TCP" });
    const service = byName(manifests, "Service", "flyte-secrets-api");
    expect(service?.spec).toMatchObject({
      selector: { "app.kubernetes.io/component": "controller" },
      ports: [{ name: "api", port: 443, targetPort: "api", protocol: "TCP", appProtocol: "https" }],
    });
    expect(byName(manifests, "ClusterRole", "flyte-secrets-controller-api")?.rules).toEqual([
      { apiGroups: ["authentication.k8s.io"], resources: ["tokenreviews"], verbs: ["create"] },
      { apiGroups: ["authorization.k8s.io"], resources: ["subjectaccessreviews"], verbs: ["create"] },
    ]);
    const roles = manifests.filter(
      (m) => m.kind === "Role" && m.metadata.name === "flyte-secrets-controller-api",
    );
    expect(roles.map((r) => r.metadata.namespace).sort()).toEqual([namespace, "more"]);
    for (const role of roles) {
      expect(role.rules).toEqual([
        { apiGroups: ["secrets.flyte.org"], resources: ["flytesecrets"], verbs: ["create", "delete"] },
      ]);
    }
    const bindings = manifests.filter(
      (m) => /RoleBinding$/.test(m.kind) && m.metadata.name === "flyte-secrets-controller-api",
    );
    expect(bindings).toHaveLength(3);
    for (const binding of bindings) {
      expect(binding.subjects).toEqual([
        { kind: "ServiceAccount", name: "flyte-secrets-controller", namespace },
      ]);
    }
  });

  it("has cert-manager issue its certificate from the webhook's issuer, for the Service and extra names", async () => {
    const manifests = await renderChart("flyte-secrets", "flyte-secrets", {
      tls: { certManager: { enabled: true } },
      api: { tls: { extraDnsNames: ["flyte.example.com"] } },
    });
    expect(byName(manifests, "Certificate", "flyte-secrets-api")?.spec).toMatchObject({
      secretName: "flyte-secrets-api-tls",
      dnsNames: expect.arrayContaining(["flyte-secrets-api.flyte-secrets.svc", "flyte.example.com"]),
      issuerRef: { name: "flyte-secrets-ca", kind: "Issuer" },
    });
    const parsed = parseConfig(configText(manifests), "flyte-secrets");
    expect(parsed.ok && parsed.config.api.tls.selfManaged).toBe(false);
  });

  it("renders none of it when api.enabled is false", async () => {
    const manifests = await renderChart("flyte-secrets", "flyte-secrets", { api: { enabled: false } });
    expect(manifests.filter((m) => m.metadata.name.endsWith("-api"))).toEqual([]);
    const parsed = parseConfig(configText(manifests), "flyte-secrets");
    expect(parsed.ok && parsed.config.api.enabled).toBe(false);
    const ports = podOf(only(manifests, "Deployment", "controller")).container.ports as { name: string }[];
    expect(ports.map((p) => p.name)).toEqual(["metrics"]);
  });
});
