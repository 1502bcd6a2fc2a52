// Integrity (issue 10), the controller's side, through the real API server: a Secret with a managed name that is not
// this installation's own — squatted before the namespace took part, taken over by removing our label, or another
// installation's — is never changed or deleted, and the FlyteSecrets concerned say so (Ready reason Blocked,
// status.blocked, a Warning Event naming the namespace and the Secret). A labelled copy whose content someone else
// changed is restored. Two installations over the same namespaces never touch each other's Secrets.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CoreV1Api } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labels } from "../../src/domain/api.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import { waitFor } from "../controlplane/wait.ts";
import { controlPlane, kubeConfig, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import { createFlyteSecret, waitForReady } from "./support/flytesecrets.ts";
import {
  createInstallation,
  INSTANCE_LABEL,
  type Installation,
  type RunningController,
  secretData,
  waitForSecret,
} from "./support/operator.ts";

const core = () => kubeConfig().makeApiClient(CoreV1Api);
const run = promisify(execFile);

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await run(controlPlane().binaries.kubectl, args, {
    env: { ...process.env, KUBECONFIG: controlPlane().kubeconfigPath },
  });
  return stdout;
}

async function labelNamespace(name: string, extra: Record<string, string>): Promise<void> {
  await kubectl("label", "namespace", name, ...Object.entries(extra).map(([k, v]) => `${k}=${v}`));
}

async function warningEvent(namespace: string, flyteSecret: string, text: string) {
  return waitFor(
    async () => {
      const events = await core().listNamespacedEvent({
        namespace,
        fieldSelector: `involvedObject.name=${flyteSecret}`,
      });
      return events.items.find(
        (e) => e.type === "Warning" && e.reason === "Blocked" && e.message?.includes(text),
      );
    },
    { description: `a Blocked Warning Event on ${flyteSecret} naming ${text}` },
  );
}

describe("integrity of managed Secrets", () => {
  let install: Installation;
  let running: RunningController;
  const project = uniqueName("alpha");
  const domain = "development";
  const name = scopeSecretName({ project });

  beforeAll(async () => {
    await installCrd();
    install = await createInstallation("integrity");
    running = await install.startController({ blockedRecheckSeconds: 1 });
    await createFlyteSecret(install, "alpha", { key: "ALPHA_KEY", project }, `alpha-${uniqueName("v")}`);
    await waitForReady(install.controlNamespace, "alpha", { status: "True", reason: "NoNamespaces" });
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("never points at a Secret squatted before the namespace took part, and reports it", async () => {
    const squat = await install.namespace("squat");
    const planted = await core().createNamespacedSecret({
      namespace: squat,
      body: { metadata: { name }, stringData: { ALPHA_KEY: "attacker-value" } },
    });
    await labelNamespace(squat, { [labels.project]: project, [labels.domain]: domain });
    const status = await waitForReady(install.controlNamespace, "alpha", {
      status: "True",
      reason: "Blocked",
    });
    expect(status.status?.blocked).toEqual([{ namespace: squat, secret: name, reason: "NotManaged" }]);
    expect(status.status?.namespaces).toBe(0);
    expect(status.status?.expectedNamespaces).toBe(1);
    const event = await warningEvent(install.controlNamespace, "alpha", `${squat}/${name}`);
    expect(event.message).toContain("delete it");
    const after = await core().readNamespacedSecret({ namespace: squat, name });
    expect(after.metadata?.resourceVersion).toBe(planted.metadata?.resourceVersion);

    // Once the squatter is gone, the controller writes its own copy and the FlyteSecret is Materialized again.
    await core().deleteNamespacedSecret({ namespace: squat, name });
    await waitForSecret(
      squat,
      name,
      (d) => d?.ALPHA_KEY !== undefined && d.ALPHA_KEY !== "attacker-value",
      "own copy",
    );
    const healed = await waitForReady(install.controlNamespace, "alpha", {
      status: "True",
      reason: "Materialized",
    });
    expect(healed.status?.blocked ?? []).toEqual([]);
  });

  it("reports a copy taken over by removing its managed-by label, and leaves it alone", async () => {
    const taken = await install.namespace("takeover", { [labels.project]: project });
    await waitForSecret(taken, name, (d) => d?.ALPHA_KEY !== undefined, "the controller's copy");
    await kubectl("-n", taken, "label", "secret", name, `${labels.managedBy}-`);
    await kubectl(
      "-n",
      taken,
      "patch",
      "secret",
      name,
      "--type=merge",
      "-p",
      JSON.stringify({ data: { ALPHA_KEY: Buffer.from("attacker-value").toString("base64") } }),
    );
    const status = await waitForReady(install.controlNamespace, "alpha", {
      status: "True",
      reason: "Blocked",
    });
    expect(status.status?.blocked).toEqual(
      expect.arrayContaining([{ namespace: taken, secret: name, reason: "NotManaged" }]),
    );
    await warningEvent(install.controlNamespace, "alpha", `${taken}/${name}`);
    // Not ours any more: never changed back or deleted behind the user's back.
    expect((await secretData(taken, name))?.ALPHA_KEY).toBe("attacker-value");
    await core().deleteNamespacedSecret({ namespace: taken, name });
    await waitForSecret(
      taken,
      name,
      (d) => d?.ALPHA_KEY !== undefined && d.ALPHA_KEY !== "attacker-value",
      "own copy",
    );
  });

  it("restores a labelled copy whose content someone else changed", async () => {
    const edited = await install.namespace("edited", { [labels.project]: project });
    await waitForSecret(edited, name, (d) => d?.ALPHA_KEY !== undefined, "the controller's copy");
    const original = (await secretData(edited, name))?.ALPHA_KEY;
    await kubectl(
      "-n",
      edited,
      "patch",
      "secret",
      name,
      "--type=merge",
      "-p",
      JSON.stringify({ data: { ALPHA_KEY: Buffer.from("attacker-value").toString("base64") } }),
    );
    await waitForSecret(edited, name, (d) => d?.ALPHA_KEY === original, "the edit reverted");
    const logs = await install.logs();
    expect(logs).toContain("restored a managed Secret whose content was changed by someone else");
    expect(logs).not.toContain("attacker-value");
  });

  it("keeps two installations over the same namespaces from touching each other's Secrets", async () => {
    const other = await createInstallation("integrity-b");
    // One namespace both installations select (as two installations without a namespaceSelector would).
    const both = await install.namespace("both", { [labels.shared]: "true" });
    const otherSelector = { [`${INSTANCE_LABEL}-b`]: uniqueName("b") };
    await labelNamespace(both, otherSelector);
    await labelNamespace(other.controlNamespace, otherSelector);
    await waitForSecret(both, name, (d) => d?.ALPHA_KEY !== undefined, "the first installation's copy");
    const first = await core().readNamespacedSecret({ namespace: both, name });
    expect(first.metadata?.labels?.[labels.installation]).toBe(install.controlNamespace);

    const second = await other.startController({
      namespaceSelector: otherSelector,
      blockedRecheckSeconds: 1,
    });
    try {
      await createFlyteSecret(other, "beta", { key: "BETA_KEY", project }, `beta-${uniqueName("v")}`);
      const status = await waitForReady(other.controlNamespace, "beta", {
        status: "True",
        reason: "Blocked",
      });
      expect(status.status?.blocked).toEqual([
        { namespace: both, secret: name, reason: "OtherInstallation" },
      ]);
      await warningEvent(other.controlNamespace, "beta", `${both}/${name}`);
      // Deleting the second installation's FlyteSecret deletes nothing of the first.
      await kubectl("-n", other.controlNamespace, "delete", "flytesecret", "beta");
      await waitFor(
        () =>
          second.controller.isIdle() &&
          second.controller.flyteSecrets.get(other.controlNamespace, "beta") === undefined
            ? true
            : undefined,
        { description: "the second installation to settle" },
      );
      const after = await core().readNamespacedSecret({ namespace: both, name });
      expect(after.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
      expect(Object.keys(after.data ?? {})).toEqual(["ALPHA_KEY"]);
    } finally {
      await second.stop();
    }
  });

  it("has the webhook refuse pods in a squatted namespace, naming the namespace, the Secret and the fix", async () => {
    const guarded = await createInstallation("integrity-webhook");
    const operator = await guarded.startOperator({ blockedRecheckSeconds: 1 });
    try {
      const squat = await guarded.namespace("squat");
      await core().createNamespacedSecret({
        namespace: squat,
        body: { metadata: { name }, stringData: { ALPHA_KEY: "attacker-value" } },
      });
      await labelNamespace(squat, { [labels.project]: project, [labels.domain]: domain });
      await createFlyteSecret(guarded, "alpha", { key: "ALPHA_KEY", project }, `alpha-${uniqueName("v")}`);
      await waitForReady(guarded.controlNamespace, "alpha", { status: "True", reason: "Blocked" });
      const pod = {
        metadata: {
          name: "task",
          labels: { [labels.inject]: "true", project, domain },
          annotations: { "secrets.flyte.org/secrets": JSON.stringify([{ key: "ALPHA_KEY" }]) },
        },
        spec: { containers: [{ name: "main", image: "registry.invalid/task:1" }] },
      };
      const refusal = await waitFor(
        async () => {
          try {
            await core().createNamespacedPod({ namespace: squat, body: pod, dryRun: "All" });
            return undefined;
          } catch (error) {
            const body = String((error as { body?: unknown }).body ?? error);
            return body.includes(name) ? body : undefined;
          }
        },
        { description: "the webhook to refuse a pod in the squatted namespace" },
      );
      expect(refusal).toContain(squat);
      expect(refusal).toContain("403");
      expect(refusal).not.toContain("attacker-value");
    } finally {
      await operator.stop();
    }
  });
});
