// The Helm chart with the real helm and the real API server: lint, schema, server-side dry-run, install and upgrade,
// and the rendered objects checked against DESIGN §5.3 and §6 and against each other (names the program's config
// refers to must be the names the chart gives its objects).
import { AdmissionregistrationV1Api, AppsV1Api, CoreV1Api } from "@kubernetes/client-node";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.ts";
import { defaultLimits } from "../../src/domain/defaults.ts";
import { webhookConfiguration } from "../../src/webhook/configuration.ts";
import {
  chartDir,
  configText,
  isolatedValues,
  type Manifest,
  only,
  podOf,
  renderChart,
  renderChartRaw,
  sharedCluster,
  temporaryFile,
  valuesFile,
} from "./support/chart.ts";
import { createNamespace, uniqueName } from "./support/cluster.ts";

const cluster = sharedCluster();

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

const rulesOf = (manifests: readonly Manifest[], kind: string, name: string): Rule[] => {
  const role = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (role === undefined) throw new Error(`no ${kind} ${name}`);
  return role.rules as Rule[];
};

const everything = {
  tls: { certManager: { enabled: true } },
  serviceMonitor: { enabled: true, labels: { release: "prometheus" } },
  controller: { replicas: 2 },
  namespaceTemplate: { enabled: true },
  extraControlNamespaces: ["flyte-secrets-extra"],
  webhook: {
    namespaceSelector: { matchLabels: { "flyte-secrets": "enabled" } },
    excludeNamespaces: ["monitoring"],
  },
};

describe("helm chart", () => {
  it("passes helm lint --strict, with default values and with every option on", async () => {
    for (const values of [{}, everything]) {
      const result = await cluster.helm("lint", chartDir, "--strict", "-f", await valuesFile(values));
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(/\[(WARNING|ERROR)\]/);
    }
  });

  it("refuses invalid values with the schema's message", async () => {
    const cases: Array<[object, string]> = [
      [{ webhook: { replicas: 0 } }, "/webhook/replicas"],
      [{ controller: { replicas: 3 } }, "/controller/replicas"],
      [{ logLevel: "verbose" }, "/logLevel"],
      [{ extraControlNamespaces: ["Not_A_Namespace"] }, "/extraControlNamespaces/0"],
      [{ podLabels: { project: "bad key!", domain: "domain" } }, "/podLabels/project"],
      [{ tls: { certManager: { enabled: true, issuerRef: { name: "x" } } } }, "/tls/certManager/issuerRef"],
      [{ webhook: { timeoutSeconds: 31 } }, "/webhook/timeoutSeconds"],
      [{ replicas: 2 }, "additional properties 'replicas' not allowed"],
      [{ controller: { leaderElection: { renewDeadlineSeconds: 15 } } }, "renewDeadlineSeconds must be less"],
    ];
    for (const [values, message] of cases) {
      const result = await renderChartRaw("bad", "flyte-secrets", values);
      expect(result.code, JSON.stringify(values)).not.toBe(0);
      expect(result.stderr).toContain(message);
    }
  });

  it("renders objects the API server accepts (server-side dry-run into a fresh namespace)", async () => {
    const namespace = await createNamespace("chart-dry");
    const release = uniqueName("dry");
    for (const values of [{}, { controller: { replicas: 2 }, namespaceTemplate: { enabled: true } }]) {
      const rendered = await renderChartRaw(release, namespace, values);
      expect(rendered.code, rendered.stderr).toBe(0);
      const file = await temporaryFile("rendered.yaml", rendered.stdout);
      const applied = await cluster.kubectl("apply", "--dry-run=server", "-n", namespace, "-f", file);
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain("mutatingwebhookconfiguration.admissionregistration.k8s.io");
      expect(applied.stdout).toContain(
        `deployment.apps/${release}-flyte-secrets-webhook created (server dry run)`,
      );
    }
  });

  it("renders the MutatingWebhookConfiguration of DESIGN §5.3, as the program builds it", async () => {
    const namespace = "flyte-secrets";
    const manifests = await renderChart("flyte-secrets", namespace);
    const config = only(manifests, "MutatingWebhookConfiguration");
    expect(config.metadata.name).toBe("flyte-secrets");
    const webhooks = config.webhooks as Array<Record<string, unknown>>;
    expect(webhooks.map((w) => w.name)).toEqual(["native.secrets.flyte.org", "flyte.secrets.flyte.org"]);
    expect(webhooks.map((w) => w.objectSelector)).toEqual([
      { matchLabels: { "secrets.flyte.org/inject": "true" } },
      { matchLabels: { "inject-flyte-secrets": "true" } },
    ]);
    for (const webhook of webhooks) {
      expect(webhook).toMatchObject({
        failurePolicy: "Fail",
        sideEffects: "None",
        timeoutSeconds: 5,
        reinvocationPolicy: "IfNeeded",
        admissionReviewVersions: ["v1"],
        rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }],
        namespaceSelector: {
          matchExpressions: [
            {
              key: "kubernetes.io/metadata.name",
              operator: "NotIn",
              values: ["flyte-secrets", "kube-system"],
            },
          ],
        },
        clientConfig: { service: { namespace, name: "flyte-secrets-webhook", path: "/mutate", port: 443 } },
      });
      // caBundle is the controller's to patch (self-managed TLS).
      expect((webhook.clientConfig as Record<string, unknown>).caBundle).toBeUndefined();
    }
    const built = webhookConfiguration({
      name: "flyte-secrets",
      clientConfig: { service: { namespace, name: "flyte-secrets-webhook" } },
      excludeNamespaces: [namespace],
    });
    expect(webhooks).toEqual(built.webhooks);

    // Extra namespace conditions are ANDed with the exclusions, as the program's namespaceMatchLabels are.
    const selected = only(
      await renderChart("flyte-secrets", namespace, isolatedValues("x1")),
      "MutatingWebhookConfiguration",
    );
    expect(selected.webhooks).toEqual(
      webhookConfiguration({
        name: "flyte-secrets",
        clientConfig: { service: { namespace, name: "flyte-secrets-webhook" } },
        excludeNamespaces: [namespace],
        namespaceMatchLabels: { "flyte-secrets.test/chart-only": "x1" },
      }).webhooks,
    );
  });

  it("renders a config.yaml the program accepts, naming the objects the chart creates", async () => {
    const release = "fs";
    const namespace = "flyte-system";
    for (const values of [{}, everything]) {
      const manifests = await renderChart(release, namespace, values);
      const parsed = parseConfig(configText(manifests), namespace, "config.yaml");
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      const config = parsed.config;
      const certManager = values === everything;
      expect(config.controlNamespaces[0]).toBe(namespace);
      expect(config.controller.leaderElection.enabled).toBe(true);
      // The chart's limits are the program's defaults: 128 keys per managed Secret.
      expect(config.controller.limits).toEqual(defaultLimits);
      expect(config.controller.webhookTls.enabled).toBe(!certManager);
      const service = only(manifests, "Service", "webhook");
      expect(config.controller.webhookTls.serviceName).toBe(service.metadata.name);
      expect(config.controller.webhookTls.webhookConfigurationName).toBe(
        only(manifests, "MutatingWebhookConfiguration").metadata.name,
      );
      const webhookPod = podOf(only(manifests, "Deployment", "webhook"));
      const tlsVolume = webhookPod.spec.volumes?.find((v) => v.name === "tls") as
        | { secret: { secretName: string } }
        | undefined;
      expect(tlsVolume?.secret.secretName).toBe(config.controller.webhookTls.secretName);
      expect(webhookPod.container.volumeMounts).toContainEqual({
        name: "tls",
        mountPath: config.webhook.certDir,
        readOnly: true,
      });
      const lease = rulesOf(manifests, "Role", `${release}-flyte-secrets-controller-leader-election`);
      expect(lease).toContainEqual({
        apiGroups: ["coordination.k8s.io"],
        resources: ["leases"],
        resourceNames: [config.controller.leaderElection.leaseName],
        verbs: ["get", "update"],
      });
      const ports = (service.spec as { ports: Array<{ name: string; port: number; targetPort: string }> })
        .ports;
      expect(ports).toContainEqual({ name: "https", port: 443, targetPort: "https", protocol: "TCP" });
      expect(webhookPod.container.ports).toContainEqual({
        name: "https",
        containerPort: config.webhook.port,
        protocol: "TCP",
      });
      if (certManager) {
        expect(config.namespaceTemplate?.domains).toEqual(["development", "staging", "production"]);
        expect(config.controlNamespaces).toEqual([namespace, "flyte-secrets-extra"]);
      }
    }
  });

  it("runs both components hardened, probed, with the webhook spread out and given only tls.crt and tls.key", async () => {
    const manifests = await renderChart("flyte-secrets", "flyte-secrets");
    for (const component of ["controller", "webhook"]) {
      const { spec, container } = podOf(only(manifests, "Deployment", component));
      expect(spec.serviceAccountName).toBe(`flyte-secrets-${component}`);
      expect(spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 65532,
        seccompProfile: { type: "RuntimeDefault" },
      });
      expect(container.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 65532,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
      });
      expect(container.resources).toMatchObject({
        requests: { cpu: expect.any(String), memory: expect.any(String) },
      });
      expect(container.readinessProbe).toMatchObject({ httpGet: { path: "/readyz", port: "metrics" } });
      expect(container.livenessProbe).toMatchObject({ httpGet: { path: "/healthz", port: "metrics" } });
      expect(container.args[0]).toBe(component);
      expect(container.args).toContain("--config=/etc/flyte-secrets/config.yaml");
      expect(container.env).toContainEqual({
        name: "POD_NAMESPACE",
        valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } },
      });
    }
    expect(podOf(only(manifests, "Deployment", "controller")).container.args).toContain("--leader-elect");
    const controller = only(manifests, "Deployment", "controller").spec as { replicas: number };
    expect(controller.replicas).toBe(1);

    const webhook = only(manifests, "Deployment", "webhook");
    const webhookSpec = webhook.spec as { replicas: number };
    expect(webhookSpec.replicas).toBe(2);
    const { spec, container: webhookContainer } = podOf(webhook);
    // The webhook's Node flags (README "Sizing"): an 8 MiB young generation, source maps as the image has them.
    expect(webhookContainer.env).toContainEqual({
      name: "NODE_OPTIONS",
      value: "--max-semi-space-size=8 --enable-source-maps",
    });
    expect(spec.topologySpreadConstraints).toEqual(
      expect.arrayContaining([expect.objectContaining({ topologyKey: "kubernetes.io/hostname" })]),
    );
    expect(spec.affinity).toMatchObject({
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{}] },
    });
    const tls = spec.volumes?.find((v) => v.name === "tls");
    expect(tls).toEqual({
      name: "tls",
      secret: {
        secretName: "flyte-secrets-webhook-tls",
        defaultMode: 0o440,
        items: [
          { key: "tls.crt", path: "tls.crt" },
          { key: "tls.key", path: "tls.key" },
        ],
      },
    });
    expect(only(manifests, "PodDisruptionBudget", "webhook").spec).toMatchObject({ minAvailable: 1 });
    expect(manifests.filter((m) => m.kind === "PodDisruptionBudget")).toHaveLength(1);
    expect(manifests.some((m) => m.kind === "ServiceMonitor" || m.kind === "Certificate")).toBe(false);
  });

  it("grants the webhook nothing on Secrets, and the controller only what it needs", async () => {
    const manifests = await renderChart("flyte-secrets", "flyte-secrets");
    expect(rulesOf(manifests, "ClusterRole", "flyte-secrets-webhook")).toEqual([
      { apiGroups: ["secrets.flyte.org"], resources: ["flytesecrets"], verbs: ["get", "list", "watch"] },
      { apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list", "watch"] },
    ]);
    const webhookRoles = manifests.filter(
      (m) => /Role$/.test(m.kind) && m.metadata.labels?.["app.kubernetes.io/component"] === "webhook",
    );
    expect(webhookRoles.map((m) => m.kind)).toEqual(["ClusterRole"]);
    expect(rulesOf(manifests, "ClusterRole", "flyte-secrets-controller")).toEqual([
      { apiGroups: ["secrets.flyte.org"], resources: ["flytesecrets"], verbs: ["get", "list", "watch"] },
      { apiGroups: ["secrets.flyte.org"], resources: ["flytesecrets/status"], verbs: ["patch", "update"] },
      { apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list", "watch"] },
      {
        apiGroups: [""],
        resources: ["secrets"],
        verbs: ["get", "list", "watch", "create", "update", "delete"],
      },
      // Checked by other installations' ValidatingAdmissionPolicies (README "Two installations").
      {
        apiGroups: ["secrets.flyte.org"],
        resources: ["installations"],
        resourceNames: ["flyte-secrets"],
        verbs: ["manage"],
      },
      {
        apiGroups: ["admissionregistration.k8s.io"],
        resources: ["mutatingwebhookconfigurations"],
        resourceNames: ["flyte-secrets"],
        verbs: ["get", "update"],
      },
    ]);
    expect(rulesOf(manifests, "Role", "flyte-secrets-controller-events")).toEqual([
      { apiGroups: [""], resources: ["events"], verbs: ["create", "patch"] },
    ]);
  });

  it("hands TLS to cert-manager when asked: a CA, an Issuer, a Certificate for the Service, CA injection", async () => {
    const namespace = "flyte-secrets";
    const manifests = await renderChart("flyte-secrets", namespace, {
      tls: { certManager: { enabled: true } },
    });
    const certificates = manifests.filter((m) => m.kind === "Certificate");
    expect(certificates.map((c) => c.metadata.name).sort()).toEqual([
      "flyte-secrets-api",
      "flyte-secrets-ca",
      "flyte-secrets-webhook",
    ]);
    const serving = certificates.find((c) => c.metadata.name === "flyte-secrets-webhook");
    expect(serving?.spec).toMatchObject({
      secretName: "flyte-secrets-webhook-tls",
      dnsNames: expect.arrayContaining(["flyte-secrets-webhook.flyte-secrets.svc"]),
      issuerRef: { name: "flyte-secrets-ca", kind: "Issuer" },
    });
    expect(
      manifests
        .filter((m) => m.kind === "Issuer")
        .map((i) => i.metadata.name)
        .sort(),
    ).toEqual(["flyte-secrets-ca", "flyte-secrets-selfsigned"]);
    expect(only(manifests, "MutatingWebhookConfiguration").metadata.annotations).toEqual({
      "cert-manager.io/inject-ca-from": `${namespace}/flyte-secrets-webhook`,
    });
    // The controller neither manages the certificate nor may touch the webhook configuration.
    const rules = rulesOf(manifests, "ClusterRole", "flyte-secrets-controller");
    expect(rules.some((r) => r.resources.includes("mutatingwebhookconfigurations"))).toBe(false);

    const external = await renderChart("flyte-secrets", namespace, {
      tls: { certManager: { enabled: true, issuerRef: { name: "corp-ca", kind: "ClusterIssuer" } } },
    });
    expect(external.filter((m) => m.kind === "Issuer")).toEqual([]);
    expect(only(external, "Certificate", "webhook").spec).toMatchObject({
      issuerRef: { name: "corp-ca", kind: "ClusterIssuer" },
    });
  });

  it("renders a ServiceMonitor that scrapes both components' metrics ports", async () => {
    const manifests = await renderChart("flyte-secrets", "flyte-secrets", {
      serviceMonitor: { enabled: true },
    });
    const monitor = only(manifests, "ServiceMonitor");
    const selector = (monitor.spec as { selector: { matchLabels: Record<string, string> } }).selector
      .matchLabels;
    const scraped = manifests.filter(
      (m) => m.kind === "Service" && Object.entries(selector).every(([k, v]) => m.metadata.labels?.[k] === v),
    );
    expect(scraped.map((s) => s.metadata.name).sort()).toEqual([
      "flyte-secrets-controller",
      "flyte-secrets-webhook",
    ]);
    for (const service of scraped) {
      expect((service.spec as { ports: Array<{ name: string }> }).ports.map((p) => p.name)).toContain(
        "metrics",
      );
    }
  });

  describe("install and upgrade", () => {
    const release = uniqueName("fs");
    const id = uniqueName("only");
    let namespace = "";

    afterAll(async () => {
      if (namespace === "") return;
      await cluster.helm("uninstall", release, "--namespace", namespace, "--wait", "--timeout", "60s");
      await cluster.kubectl("delete", "namespace", namespace, "--wait=false");
    });

    it("installs into a fresh namespace, then upgrades with changed values, keeping the patched caBundle", async () => {
      namespace = await createNamespace("chart-install");
      const base = isolatedValues(id);
      const installed = await cluster.helm(
        "install",
        release,
        chartDir,
        "--namespace",
        namespace,
        "-f",
        await valuesFile(base),
      );
      expect(installed.code, installed.stderr).toBe(0);
      expect(installed.stdout).toContain("STATUS: deployed");
      expect(installed.stdout).toContain("secrets.flyte.org/project=flytesnacks");

      const kc = cluster.kubeConfig();
      const apps = kc.makeApiClient(AppsV1Api);
      const core = kc.makeApiClient(CoreV1Api);
      const admission = kc.makeApiClient(AdmissionregistrationV1Api);
      const name = `${release}-flyte-secrets`;
      expect(
        (await apps.readNamespacedDeployment({ name: `${name}-webhook`, namespace })).spec?.replicas,
      ).toBe(2);
      expect(
        (await apps.readNamespacedDeployment({ name: `${name}-controller`, namespace })).spec?.replicas,
      ).toBe(1);
      const configMap = await core.readNamespacedConfigMap({ name: `${name}-config`, namespace });
      expect(configMap.data?.["config.yaml"]).toContain("logLevel: info");

      // The controller patches the CA into the configuration; an upgrade must not take it away.
      const live = await admission.readMutatingWebhookConfiguration({ name });
      const caBundle = Buffer.from("-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n").toString(
        "base64",
      );
      live.webhooks = (live.webhooks ?? []).map((w) => ({
        ...w,
        clientConfig: { ...w.clientConfig, caBundle },
      }));
      await admission.replaceMutatingWebhookConfiguration({ name, body: live });

      const upgraded = await cluster.helm(
        "upgrade",
        release,
        chartDir,
        "--namespace",
        namespace,
        "-f",
        await valuesFile({
          ...base,
          logLevel: "debug",
          controller: { replicas: 2 },
          webhook: { ...base.webhook, replicas: 3 },
        }),
      );
      expect(upgraded.code, upgraded.stderr).toBe(0);
      expect(upgraded.stdout).toContain("REVISION: 2");
      expect(
        (await apps.readNamespacedDeployment({ name: `${name}-controller`, namespace })).spec?.replicas,
      ).toBe(2);
      expect(
        (await apps.readNamespacedDeployment({ name: `${name}-webhook`, namespace })).spec?.replicas,
      ).toBe(3);
      const upgradedConfig = await core.readNamespacedConfigMap({ name: `${name}-config`, namespace });
      expect(upgradedConfig.data?.["config.yaml"]).toContain("logLevel: debug");
      const pdbs = await cluster.kubectl("get", "pdb", "-n", namespace, "-o", "name");
      expect(pdbs.stdout.split("\n").filter(Boolean).sort()).toEqual([
        `poddisruptionbudget.policy/${name}-controller`,
        `poddisruptionbudget.policy/${name}-webhook`,
      ]);
      const after = await admission.readMutatingWebhookConfiguration({ name });
      expect(after.webhooks?.map((w) => w.clientConfig.caBundle)).toEqual([caBundle, caBundle]);
      // The configuration's namespace selector still keeps it away from every other test's namespaces.
      expect(after.webhooks?.[0]?.namespaceSelector?.matchLabels).toEqual(
        base.webhook.namespaceSelector.matchLabels,
      );
    });
  });
});
