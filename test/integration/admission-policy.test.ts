// The ValidatingAdmissionPolicy guarding managed Secrets (issue 10), through the real API server: the chart installs
// it; the real controller, authenticated only by the chart's ServiceAccount token, writes managed Secrets; a user with
// Secret rights in a task namespace (kubectl as that user) cannot create, change, relabel or delete them, nor squat a
// managed name; ordinary Secrets are untouched; the break-glass group, another installation's controller (for its own
// Secrets) and namespace deletion pass. The chart renders the policy from the same source as `npm start`.
//
// On a control plane of its own: the policy applies to the whole cluster, and the other test files run controllers
// as the admin user.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api } from "@kubernetes/client-node";
import { load, loadAll } from "js-yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { managedSecretsPolicy } from "../../scripts/managed-secrets-policy.ts";
import { labels } from "../../src/domain/api.ts";
import { waitFor } from "../controlplane/wait.ts";
import {
  type Cluster,
  chartDir,
  createNamespaceIn,
  freePort,
  type HostProcess,
  httpStatus,
  isolatedValues,
  type Manifest,
  only,
  podOf,
  serviceAccountToken,
  startDedicatedCluster,
  startProgram,
  temporaryFile,
  tokenKubeconfigFor,
  valuesFile,
} from "./support/chart.ts";
import { scratchDir, uniqueName } from "./support/cluster.ts";

const release = "flyte-secrets";
const namespace = "flyte-secrets";
const policyName = "flyte-secrets-managed-secrets";
const controllerUser = `system:serviceaccount:${namespace}:flyte-secrets-controller`;
const breakGlass = "platform-admins";
const managed = "flyte-secrets.p.alpha";
const participates = "policy-test/participates";

describe("the ValidatingAdmissionPolicy guarding managed Secrets", () => {
  let dedicated: Awaited<ReturnType<typeof startDedicatedCluster>> | undefined;
  let cluster: Cluster;
  let controller: HostProcess | undefined;
  let failed = true;
  // `other` takes no part, so this installation's controller leaves its Secrets alone.
  const ns = { tasks: "alpha-development", squat: "squat", gone: "alpha-gone", other: "beta-development" };

  /** kubectl as alice, who may do anything to Secrets in the task namespaces (a Role there). */
  const asAlice = (...args: string[]) => cluster.kubectl("--as=alice", ...args);
  const secretValue = async (where: string, name: string, key: string) => {
    const secret = await cluster
      .kubeConfig()
      .makeApiClient(CoreV1Api)
      .readNamespacedSecret({ name, namespace: where });
    return Buffer.from(secret.data?.[key] ?? "", "base64").toString("utf8");
  };
  const expectRefused = (
    result: { code: number; stderr: string },
    where: string,
    name: string,
    verb: string,
    user = "alice",
  ) => {
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toContain(`ValidatingAdmissionPolicy '${policyName}'`);
    expect(result.stderr).toContain(
      `Secret ${where}/${name} is managed by flyte-secrets (installation ${namespace}), so ${user} may not ${verb} it: only the flyte-secrets controller (${controllerUser}) writes Secrets`,
    );
    expect(result.stderr).toContain("flyte update secret KEY");
  };

  beforeAll(async () => {
    // Its folder inside the shared control plane's, so it is kept or removed with it.
    dedicated = await startDedicatedCluster(await scratchDir("dedicated-"));
    cluster = dedicated.cluster;
    const scratch = await scratchDir("flyte-secrets-policy-");
    const installed = await cluster.helm(
      "install",
      release,
      chartDir,
      "--namespace",
      namespace,
      "--create-namespace",
      "-f",
      await valuesFile({
        ...isolatedValues(uniqueName("unreached")),
        admissionPolicy: { enabled: true, breakGlassGroups: [breakGlass] },
      }),
    );
    if (installed.code !== 0) throw new Error(`helm install failed: ${installed.stderr}`);

    // alice edits (Secrets included) in the task namespaces; the namespaces exist before anything is materialized.
    for (const name of Object.values(ns)) {
      await createNamespaceIn(cluster, name);
      const role = await cluster.kubectl(
        "-n",
        name,
        "create",
        "role",
        "secrets-rw",
        "--verb=get,list,watch,create,update,patch,delete",
        "--resource=secrets",
      );
      expect(role.code, role.stderr).toBe(0);
      const bound = await cluster.kubectl(
        "-n",
        name,
        "create",
        "rolebinding",
        "alice-secrets-rw",
        "--role=secrets-rw",
        "--user=alice",
      );
      expect(bound.code, bound.stderr).toBe(0);
    }
    for (const name of [ns.tasks, ns.gone]) {
      const labelled = await cluster.kubectl(
        "label",
        "namespace",
        name,
        `${labels.project}=alpha`,
        `${labels.domain}=development`,
        `${participates}=true`,
      );
      expect(labelled.code, labelled.stderr).toBe(0);
    }

    // The control namespace is selected too (namespaceSelector applies to it as well, see below).
    const control = await cluster.kubectl("label", "namespace", namespace, `${participates}=true`);
    expect(control.code, control.stderr).toBe(0);
    // The source and its FlyteSecret, as an admin would write them in the control namespace.
    const source = await cluster.kubectl(
      "-n",
      namespace,
      "create",
      "secret",
      "generic",
      "alpha-key",
      "--from-literal=value=controller-value",
    );
    expect(source.code, source.stderr).toBe(0);
    const flyteSecret = await temporaryFile(
      "fsec.yaml",
      JSON.stringify({
        apiVersion: "secrets.flyte.org/v1alpha1",
        kind: "FlyteSecret",
        metadata: { name: "alpha-key", namespace },
        spec: {
          key: "ALPHA_KEY",
          project: "alpha",
          valueFrom: { secretKeyRef: { name: "alpha-key", key: "value" } },
        },
      }),
    );
    await waitFor(
      async () => ((await cluster.kubectl("apply", "-f", flyteSecret)).code === 0 ? true : undefined),
      {
        description: "the chart's CRD to serve FlyteSecrets",
        timeoutMs: 60_000,
      },
    );

    // The policy is enforced once the API server has loaded it: a dry-run squat is then refused.
    await waitFor(
      async () => {
        const tried = await asAlice(
          "-n",
          ns.squat,
          "create",
          "secret",
          "generic",
          managed,
          "--from-literal=ALPHA_KEY=x",
          "--dry-run=server",
        );
        return tried.code !== 0 && tried.stderr.includes(policyName) ? true : undefined;
      },
      { description: "the API server to enforce the policy", timeoutMs: 60_000 },
    );

    // The real controller, as the chart runs it, with only its ServiceAccount's token.
    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    const configMap = await core.readNamespacedConfigMap({ name: "flyte-secrets-config", namespace });
    const configFile = join(scratch, "config.yaml");
    // One addition: a namespaceSelector, so that the controller leaves ns.other (where the test plays a second
    // installation) entirely alone.
    await writeFile(
      configFile,
      `${configMap.data?.["config.yaml"] ?? ""}\nnamespaceSelector: {${participates}: "true"}\n`,
    );
    const manifest = await cluster.helm("get", "manifest", release, "--namespace", namespace);
    const manifests = loadAll(manifest.stdout).filter(
      (d): d is Manifest => typeof d === "object" && d !== null,
    );
    const args = podOf(only(manifests, "Deployment", "controller")).container.args.map((a) =>
      a.startsWith("--config=") ? `--config=${configFile}` : a,
    );
    const metrics = await freePort();
    const token = await serviceAccountToken(cluster, namespace, "flyte-secrets-controller");
    controller = startProgram(
      "policy-controller",
      [
        ...args,
        `--kubeconfig=${await tokenKubeconfigFor(cluster, scratch, token)}`,
        `--metrics-port=${metrics}`,
      ],
      { POD_NAMESPACE: namespace },
      join(cluster.info.logDir, "operators"),
    );
    await waitFor(async () => ((await httpStatus(metrics, "/readyz")) === 200 ? true : undefined), {
      description: "the controller's /readyz",
      timeoutMs: 60_000,
    });
    failed = false;
  }, 240_000);

  afterEach((context) => {
    if (context.task.result?.state === "fail") failed = true;
  });

  afterAll(async () => {
    await controller?.stop();
    await dedicated?.stop(failed);
  }, 60_000);

  it("installs without CEL type-checking warnings", async () => {
    const checked = await waitFor(
      async () => {
        const got = await cluster.kubectl("get", "validatingadmissionpolicy", policyName, "-o", "json");
        const policy = JSON.parse(got.stdout) as {
          metadata: { generation: number };
          status?: { observedGeneration?: number; typeChecking?: { expressionWarnings?: unknown[] } };
        };
        return policy.status?.observedGeneration === policy.metadata.generation ? policy : undefined;
      },
      { description: "the policy to be type-checked", timeoutMs: 30_000 },
    );
    expect(checked.status?.typeChecking?.expressionWarnings ?? []).toEqual([]);
  });

  it("admits the controller's ServiceAccount: it writes and updates the managed Secret", async () => {
    await waitFor(
      async () =>
        (await secretValue(ns.tasks, managed, "ALPHA_KEY").catch(() => "")) === "controller-value"
          ? true
          : undefined,
      { description: `the controller to write ${ns.tasks}/${managed}`, timeoutMs: 30_000 },
    );
    const rotated = await cluster.kubectl(
      "-n",
      namespace,
      "patch",
      "secret",
      "alpha-key",
      "-p",
      JSON.stringify({ stringData: { value: "rotated-value" } }),
    );
    expect(rotated.code, rotated.stderr).toBe(0);
    await waitFor(
      async () =>
        (await secretValue(ns.tasks, managed, "ALPHA_KEY")) === "rotated-value" ? true : undefined,
      { description: "the controller to update the managed copy", timeoutMs: 30_000 },
    );
  });

  it("refuses the squat of issue 10: a user cannot create a Secret with a managed name", async () => {
    const squat = await asAlice(
      "-n",
      ns.squat,
      "create",
      "secret",
      "generic",
      managed,
      "--from-literal=ALPHA_KEY=attacker-value",
    );
    expectRefused(squat, ns.squat, managed, "create");
    expectRefused(
      await asAlice("-n", ns.squat, "create", "secret", "generic", "flyte-secrets", "--from-literal=K=v"),
      ns.squat,
      "flyte-secrets",
      "create",
    );
    // Any name, when it carries the managed-by label.
    const labelled = await temporaryFile(
      "labelled.yaml",
      JSON.stringify({
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: "innocent", labels: { "app.kubernetes.io/managed-by": "flyte-secrets" } },
        stringData: { ALPHA_KEY: "attacker-value" },
      }),
    );
    expectRefused(await asAlice("-n", ns.squat, "apply", "-f", labelled), ns.squat, "innocent", "create");
    // Labelled for the project afterwards, the namespace gets the controller's copy, not the attacker's.
    const joined = await cluster.kubectl(
      "label",
      "namespace",
      ns.squat,
      `${labels.project}=alpha`,
      `${participates}=true`,
    );
    expect(joined.code, joined.stderr).toBe(0);
    await waitFor(
      async () =>
        (await secretValue(ns.squat, managed, "ALPHA_KEY").catch(() => "")) !== "" ? true : undefined,
      { description: `the controller to write ${ns.squat}/${managed}`, timeoutMs: 30_000 },
    );
    expect(await secretValue(ns.squat, managed, "ALPHA_KEY")).not.toBe("attacker-value");
  });

  it("refuses a user's update, relabel, label rename and delete of a managed Secret; the copy stays the controller's", async () => {
    const where = ["-n", ns.tasks];
    expectRefused(
      await asAlice(
        ...where,
        "patch",
        "secret",
        managed,
        "-p",
        JSON.stringify({ stringData: { ALPHA_KEY: "mine" } }),
      ),
      ns.tasks,
      managed,
      "change or relabel",
    );
    expectRefused(
      await asAlice(...where, "label", "secret", managed, "app.kubernetes.io/managed-by-"),
      ns.tasks,
      managed,
      "change or relabel",
    );
    expectRefused(
      await asAlice(...where, "label", "--overwrite", "secret", managed, `${labels.scopeKind}=organization`),
      ns.tasks,
      managed,
      "change or relabel",
    );
    expectRefused(await asAlice(...where, "delete", "secret", managed), ns.tasks, managed, "delete");
    // Cluster admins too, unless they use the break-glass.
    const admin = await cluster.kubectl(...where, "delete", "secret", managed);
    expectRefused(admin, ns.tasks, managed, "delete", "flyte-secrets-admin");
    const value = await secretValue(ns.tasks, managed, "ALPHA_KEY");
    expect(["controller-value", "rotated-value"]).toContain(value);
  });

  it("admits ordinary Secrets: create, update, relabel and delete", async () => {
    for (const name of ["my-own", "flyte-secretsx", "flyte-secrets-webhook-tls"]) {
      const where = ["-n", ns.tasks];
      const steps = [
        ["create", "secret", "generic", name, "--from-literal=K=v"],
        ["patch", "secret", name, "-p", JSON.stringify({ stringData: { K: "w" } })],
        ["label", "secret", name, "team=a"],
        ["delete", "secret", name],
      ];
      for (const step of steps) {
        const result = await asAlice(...where, ...step);
        expect(result.code, `${step.join(" ")}: ${result.stderr}`).toBe(0);
      }
    }
  });

  it("admits the break-glass group, and anyone removing an unlabelled squat", async () => {
    const glass = ["--as=oncall", "--as-group=system:masters", `--as-group=${breakGlass}`];
    const squat = await cluster.kubectl(
      ...glass,
      "-n",
      ns.gone,
      "create",
      "secret",
      "generic",
      "flyte-secrets.d.production",
      "--from-literal=K=v",
    );
    expect(squat.code, squat.stderr).toBe(0);
    // It carries no managed-by label: a user with Secret rights may delete it (the fix the controller suggests).
    const removed = await asAlice("-n", ns.gone, "delete", "secret", "flyte-secrets.d.production");
    expect(removed.code, removed.stderr).toBe(0);
    const annotated = await cluster.kubectl(
      ...glass,
      "-n",
      ns.tasks,
      "annotate",
      "secret",
      managed,
      "oncall=looked",
    );
    expect(annotated.code, annotated.stderr).toBe(0);
  });

  it("lets another installation's controller write only Secrets labelled with its own installation", async () => {
    // A second installation's controller, with the permission its chart grants: manage installations/other.
    const other = "system:serviceaccount:other:flyte-secrets-controller";
    const role = await temporaryFile(
      "other.yaml",
      [
        JSON.stringify({
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "ClusterRole",
          metadata: { name: "other-controller" },
          rules: [
            { apiGroups: [""], resources: ["secrets"], verbs: ["get", "create", "update", "delete"] },
            {
              apiGroups: ["secrets.flyte.org"],
              resources: ["installations"],
              resourceNames: ["other"],
              verbs: ["manage"],
            },
          ],
        }),
        JSON.stringify({
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "ClusterRoleBinding",
          metadata: { name: "other-controller" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "other-controller" },
          subjects: [{ kind: "User", name: other }],
        }),
      ].join("\n---\n"),
    );
    expect((await cluster.kubectl("apply", "-f", role)).code).toBe(0);
    const secret = (name: string, installation?: string) =>
      temporaryFile(
        `${name}.yaml`,
        JSON.stringify({
          apiVersion: "v1",
          kind: "Secret",
          metadata: {
            name,
            namespace: ns.other,
            labels: {
              "app.kubernetes.io/managed-by": "flyte-secrets",
              ...(installation ? { "secrets.flyte.org/installation": installation } : {}),
            },
          },
          stringData: { K: "v" },
        }),
      );
    const asOther = (...args: string[]) => cluster.kubectl(`--as=${other}`, ...args);
    const own = await asOther("apply", "-f", await secret("flyte-secrets.d.staging", "other"));
    expect(own.code, own.stderr).toBe(0);
    const deleted = await asOther("-n", ns.other, "delete", "secret", "flyte-secrets.d.staging");
    expect(deleted.code, deleted.stderr).toBe(0);
    // Not with this installation's label, nor with none, and alice may not claim the other installation either.
    expectRefused(
      await asOther("apply", "-f", await secret("flyte-secrets.d.qa", namespace)),
      ns.other,
      "flyte-secrets.d.qa",
      "create",
      other,
    );
    expectRefused(
      await asOther("apply", "-f", await secret("flyte-secrets.d.qa")),
      ns.other,
      "flyte-secrets.d.qa",
      "create",
      other,
    );
    expectRefused(
      await asAlice("apply", "-f", await secret("flyte-secrets.d.qa", "other")),
      ns.other,
      "flyte-secrets.d.qa",
      "create",
    );
  });

  it("does not stop a namespace holding managed Secrets from being deleted", async () => {
    await waitFor(
      async () =>
        (await secretValue(ns.gone, managed, "ALPHA_KEY").catch(() => "")) !== "" ? true : undefined,
      { description: `the controller to write ${ns.gone}/${managed}`, timeoutMs: 30_000 },
    );
    expect((await cluster.kubectl("delete", "namespace", ns.gone, "--wait=false")).code).toBe(0);
    await waitFor(
      async () => ((await cluster.kubectl("get", "namespace", ns.gone)).code !== 0 ? true : undefined),
      { description: `namespace ${ns.gone} to be deleted`, timeoutMs: 90_000 },
    );
  });

  it("logged no warning or error in the controller (nothing it wrote was refused)", async () => {
    const lines = ((await controller?.logs()) ?? "").split("\n").filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThan(0);
    const troubles = lines.filter((line) => ((JSON.parse(line) as { level?: number }).level ?? 0) >= 40);
    expect(troubles).toEqual([]);
  });

  it("is rendered by the chart exactly as npm start renders it, from one source; and left out when disabled", async () => {
    const render = async (values: object) => {
      const result = await cluster.helm(
        "template",
        "blue",
        chartDir,
        "--namespace",
        "ops",
        "-f",
        await valuesFile(values),
      );
      expect(result.code, result.stderr).toBe(0);
      return loadAll(result.stdout).filter((d): d is Manifest => typeof d === "object" && d !== null);
    };
    const chart = await render({
      installation: "blue-1",
      admissionPolicy: { enabled: true, breakGlassGroups: ["a<b", "sre"] },
    });
    const ours = managedSecretsPolicy({
      name: "blue-flyte-secrets-managed-secrets",
      installation: "blue-1",
      controllerUsernames: ["system:serviceaccount:ops:blue-flyte-secrets-controller"],
      breakGlassGroups: ["a<b", "sre"],
    });
    const policy = only(chart, "ValidatingAdmissionPolicy");
    const binding = only(chart, "ValidatingAdmissionPolicyBinding");
    expect(policy.metadata.name).toBe(ours.policy.metadata.name);
    expect(policy.spec).toEqual(ours.policy.spec);
    expect(binding.spec).toEqual(ours.binding.spec);
    // The chart's config names the same installation, and its controller may manage it (for other installations' policies).
    expect(
      load((only(chart, "ConfigMap").data as Record<string, string>)["config.yaml"] ?? ""),
    ).toMatchObject({
      installation: "blue-1",
    });
    const off = await render({ admissionPolicy: { enabled: false } });
    expect(off.filter((m) => m.kind.startsWith("ValidatingAdmissionPolicy"))).toEqual([]);
  });

  it("installs and uninstalls with the policy off", async () => {
    const offNamespace = "flyte-secrets-off";
    const installed = await cluster.helm(
      "install",
      "off",
      chartDir,
      "--namespace",
      offNamespace,
      "--create-namespace",
      "-f",
      await valuesFile({
        ...isolatedValues(uniqueName("unreached")),
        installation: "off",
        admissionPolicy: { enabled: false },
      }),
    );
    expect(installed.code, installed.stderr).toBe(0);
    const manifest = await cluster.helm("get", "manifest", "off", "--namespace", offNamespace);
    expect(manifest.stdout).not.toContain("ValidatingAdmissionPolicy");
    const removed = await cluster.helm("uninstall", "off", "--namespace", offNamespace);
    expect(removed.code, removed.stderr).toBe(0);
  });
});
