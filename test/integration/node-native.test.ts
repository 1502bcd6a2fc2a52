// Task pods that really run on the test node (kubelet + containerd + runc), asking for secrets in the native form:
// what each container sees, read back with `kubectl logs` and `kubectl exec` — a native env var, a directory mount,
// an exact-file mount, in several containers and an init container; rotation with `flyte update secret` reaching a
// running pod's directory mount while its env var keeps the old value until the task restarts; and a deleted
// FlyteSecret refusing new pods while running ones go on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotations, labels } from "../../src/domain/api.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import { waitFor } from "../controlplane/wait.ts";
import { flyteArgs } from "./support/cli.ts";
import { kubectl, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import {
  createAllowedPod,
  createPod,
  exec,
  keyValues,
  logs,
  nodeInfo,
  nodePod,
  shContainer,
  testNode,
  waitForRunning,
  waitForSucceeded,
} from "./support/node.ts";
import {
  createInstallation,
  type Installation,
  type RunningOperator,
  waitForSecret,
} from "./support/operator.ts";

const node = testNode();

describe.skipIf(!node.available)("task pods on a real node (native form)", () => {
  let install: Installation;
  let operator: RunningOperator;
  let ns: string;
  const project = uniqueName("nodeproj");
  const domain = "development";
  const values: string[] = [];
  const value = (label: string): string => {
    const v = `${label}-${uniqueName("v")}-s3cr3t`;
    values.push(v);
    return v;
  };
  const created: Record<string, string> = {};

  /** `flyte create secret` (or update) through our CLI, as an admin does. */
  async function flyteSecret(
    verb: "create" | "update",
    key: string,
    v: string,
    scope: string[],
  ): Promise<void> {
    const result = await flyteArgs(install.controlNamespace, [verb, "secret", key, v, ...scope]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }

  /** Waits until the task namespace's managed Secret holds `key` with `v` (what the kubelet will read). */
  function materialized(scope: { project?: string; domain?: string }, key: string, v: string | undefined) {
    return waitForSecret(ns, scopeSecretName(scope), (data) => data?.[key] === v, `${key} materialized`);
  }

  beforeAll(async () => {
    await installCrd();
    install = await createInstallation("node");
    ns = await install.namespace("tasks", { [labels.project]: project, [labels.domain]: domain });
    operator = await install.startOperator();
    const scoped = ["--project", project, "--domain", domain];
    created.env = value("env");
    created.dir = value("dir");
    created.file = value("file");
    await flyteSecret("create", "MY_SECRET_KEY", created.env, scoped);
    await flyteSecret("create", "TLS_CERT", created.dir, ["--project", project]);
    await flyteSecret("create", "SERVICE_ACCOUNT_JSON", created.file, []);
    await materialized({ project, domain }, "MY_SECRET_KEY", created.env);
    await materialized({ project }, "TLS_CERT", created.dir);
    await materialized({}, "SERVICE_ACCOUNT_JSON", created.file);
  });

  afterAll(async () => {
    await operator?.stop();
    // The operator's logs never carry a value, even at debug level.
    const text = await install?.logs();
    for (const v of values) expect(text).not.toContain(v);
  });

  const requests = [
    "- key: MY_SECRET_KEY",
    "  as_env_var: MY_SECRET_ENV_VAR",
    "- key: TLS_CERT",
    "  mount: /etc/flyte/secrets",
    "- key: SERVICE_ACCOUNT_JSON",
    "  mount: /root/sa.json",
  ].join("\n");
  const printAll = [
    'echo "ENV=$MY_SECRET_ENV_VAR"',
    'echo "DIR=$(cat /etc/flyte/secrets/TLS_CERT)"',
    'echo "FILE=$(cat /root/sa.json)"',
    'echo "DIR_ENTRIES=$(ls /etc/flyte/secrets | tr "\\n" " ")"',
  ].join("; ");

  it("gives every container and the init container its env var, directory mount and exact-file mount", async () => {
    const pod = nodePod(
      "all-forms",
      {
        labels: { [labels.inject]: "true", project, domain },
        annotations: { [annotations.secrets]: requests },
      },
      {
        initContainers: [shContainer("init", printAll)],
        containers: [shContainer("main", printAll), shContainer("sidecar", printAll)],
      },
    );
    await createAllowedPod(ns, pod);
    const done = await waitForSucceeded(ns, "all-forms");
    expect(done.spec?.nodeName).toBe(nodeInfo().name);
    // The pod spec holds references only, never a value.
    expect(JSON.stringify(done)).not.toMatch(/s3cr3t/);
    for (const container of ["init", "main", "sidecar"]) {
      const seen = keyValues(await logs(ns, "all-forms", container));
      expect(seen, container).toMatchObject({
        ENV: created.env,
        DIR: created.dir,
        FILE: created.file,
      });
      // The directory holds only what the pod asked to find there.
      expect(seen.DIR_ENTRIES?.trim(), container).toBe("TLS_CERT");
    }
  });

  it("rotation reaches a running pod's directory mount; its env var keeps the old value until the task restarts", {
    timeout: 120_000,
  }, async () => {
    const old = value("rotate-old");
    const rotated = value("rotate-new");
    await flyteSecret("create", "ROTATING_KEY", old, ["--project", project, "--domain", domain]);
    await materialized({ project, domain }, "ROTATING_KEY", old);
    const rotating = (name: string) =>
      nodePod(
        name,
        {
          labels: { [labels.inject]: "true", project, domain },
          annotations: {
            [annotations.secrets]: [
              "- key: ROTATING_KEY",
              "  as_env_var: ROTATING_ENV",
              "- key: ROTATING_KEY",
              "  mount: /etc/flyte/secrets",
            ].join("\n"),
          },
        },
        { containers: [shContainer("task", 'echo "ENV=$ROTATING_ENV"; exec sleep 3600')] },
      );
    await createAllowedPod(ns, rotating("long-task"));
    await waitForRunning(ns, "long-task");
    expect(await exec(ns, "long-task", "task", "cat", "/etc/flyte/secrets/ROTATING_KEY")).toBe(old);

    const started = Date.now();
    await flyteSecret("update", "ROTATING_KEY", rotated, ["--project", project, "--domain", domain]);
    // The kubelet rewrites Secret volumes on its periodic pod sync: within about 1.5 × syncFrequency.
    await waitFor(
      async () =>
        (await exec(ns, "long-task", "task", "cat", "/etc/flyte/secrets/ROTATING_KEY")) === rotated
          ? true
          : undefined,
      {
        description: `the running pod's directory mount to show the rotated value (kubelet syncFrequency ${nodeInfo().syncFrequency})`,
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    console.info(
      `node-native: rotated value reached the running pod's directory mount in ${Date.now() - started} ms`,
    );
    // Environment variables are fixed when the container starts.
    expect(await exec(ns, "long-task", "task", "sh", "-c", 'printf %s "$ROTATING_ENV"')).toBe(old);
    expect(keyValues(await logs(ns, "long-task", "task")).ENV).toBe(old);

    // A new task (a restart) starts with the new value in its env var too.
    await createAllowedPod(ns, rotating("restarted-task"));
    await waitForRunning(ns, "restarted-task");
    expect(await exec(ns, "restarted-task", "task", "sh", "-c", 'printf %s "$ROTATING_ENV"')).toBe(rotated);
    await kubectl("delete", "pod", "-n", ns, "long-task", "restarted-task", "--wait=false");
  });

  it("a deleted FlyteSecret refuses new pods and leaves running ones be", async () => {
    const v = value("deleted");
    await flyteSecret("create", "SOON_DELETED", v, ["--project", project, "--domain", domain]);
    await materialized({ project, domain }, "SOON_DELETED", v);
    const asking = (name: string) =>
      nodePod(
        name,
        {
          labels: { [labels.inject]: "true", project, domain },
          annotations: { [annotations.secrets]: "- key: SOON_DELETED\n  as_env_var: SOON_DELETED_ENV" },
        },
        { containers: [shContainer("task", "exec sleep 3600")] },
      );
    await createAllowedPod(ns, asking("running-before"));
    const before = await waitForRunning(ns, "running-before");

    const deleted = await flyteArgs(install.controlNamespace, [
      "delete",
      "secret",
      "SOON_DELETED",
      "--project",
      project,
      "--domain",
      domain,
    ]);
    expect(deleted.code, deleted.stderr).toBe(0);
    await materialized({ project, domain }, "SOON_DELETED", undefined);

    const refused = await waitFor(
      async () => {
        const result = await createPod(ns, asking("created-after"));
        return result.code !== 0 ? result : undefined;
      },
      { description: "the webhook to refuse a pod asking for the deleted secret" },
    );
    expect(refused.stderr).toContain("SOON_DELETED");
    expect(refused.stderr).toContain(`project ${project}, domain ${domain}`);
    expect(refused.stderr).toContain("Fix:");

    // The running pod is untouched: same container, never restarted, still holding the value it started with.
    const after = await waitForRunning(ns, "running-before");
    expect(after.metadata?.uid).toBe(before.metadata?.uid);
    expect(after.status?.containerStatuses?.[0]?.restartCount).toBe(0);
    expect(await exec(ns, "running-before", "task", "sh", "-c", 'printf %s "$SOON_DELETED_ENV"')).toBe(v);
    await kubectl("delete", "pod", "-n", ns, "running-before", "--wait=false");
  });
});
