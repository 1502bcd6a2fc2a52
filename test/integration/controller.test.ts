// The controller against the real API server: FlyteSecrets of every scope are materialized into exactly the right
// namespaces, kept in sync, restored when tampered with, cleaned up, and reported in status; one leader writes;
// a restart with nothing changed writes nothing; no value reaches a log line, an Event or a status.
import { CoreV1Api, CustomObjectsApi, type V1Secret } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, labels, PLURAL, VERSION } from "../../src/domain/api.ts";
import { bindingOf, podIdentity } from "../../src/domain/binding.ts";
import { entryOf, readyCatalog, resolve } from "../../src/domain/catalog.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import type { FlyteSecretResource } from "../../src/kube/sources.ts";
import { waitFor } from "../controlplane/wait.ts";
import { kubeConfig, kubectl, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import { createFlyteSecret, readFlyteSecret, waitForReady } from "./support/flytesecrets.ts";
import {
  createInstallation,
  type Installation,
  type RunningController,
  secretData,
  waitForSecret,
} from "./support/operator.ts";

const core = () => kubeConfig().makeApiClient(CoreV1Api);
const custom = () => kubeConfig().makeApiClient(CustomObjectsApi);

/** Every value a test writes, so the last test can prove none leaked. */
const valuesWritten: string[] = [];

function value(label: string): string {
  const v = `${label}-${uniqueName("value")}-s3cr3t`;
  valuesWritten.push(v);
  return v;
}

async function setNamespaceLabels(name: string, patch: Record<string, string | null>): Promise<void> {
  const ns = await core().readNamespace({ name });
  const next: Record<string, string> = { ...(ns.metadata?.labels ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  await core().replaceNamespace({ name, body: { ...ns, metadata: { ...ns.metadata, labels: next } } });
}

describe("controller", () => {
  let install: Installation;
  let running: RunningController;
  // Unique project/domain names keep this file's scopes apart from every other test's.
  const project = uniqueName("proj").replace(/-/g, "_");
  const domain = uniqueName("dom");
  const otherProject = uniqueName("other");
  const key = "SHARED_KEY";
  const values = {
    org: value("org"),
    domain: value("domain"),
    project: value("project"),
    both: value("both"),
  };
  const ns: Record<string, string> = {};

  beforeAll(async () => {
    await installCrd();
    install = await createInstallation("ctrl");
    ns.both = await install.namespace("bound-both", { [labels.project]: project, [labels.domain]: domain });
    ns.project = await install.namespace("bound-project", { [labels.project]: project });
    ns.domain = await install.namespace("bound-domain", { [labels.domain]: domain });
    ns.other = await install.namespace("bound-other", {
      [labels.project]: otherProject,
      [labels.domain]: domain,
    });
    ns.shared = await install.namespace("shared", { [labels.shared]: "true" });
    ns.none = await install.namespace("plain");
    running = await install.startController({ pendingGraceSeconds: 3 });
    await createFlyteSecret(install, "org", { key }, values.org);
    await createFlyteSecret(install, "dom", { key, domain }, values.domain);
    await createFlyteSecret(install, "proj", { key, project }, values.project);
    await createFlyteSecret(install, "both", { key, project, domain }, values.both);
    for (const name of ["org", "dom", "proj", "both"]) {
      await waitForReady(install.controlNamespace, name, { status: "True", reason: "Materialized" });
    }
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("materializes each scope into exactly the namespaces that can see it", async () => {
    const org = scopeSecretName({});
    const dom = scopeSecretName({ domain });
    const proj = scopeSecretName({ project });
    const both = scopeSecretName({ project, domain });
    // namespace -> the managed Secrets it must hold (all others must be absent)
    const expected: Record<string, string[]> = {
      both: [org, dom, proj, both],
      project: [org, dom, proj, both],
      domain: [org, dom, proj, both],
      other: [org, dom],
      shared: [org, dom, proj, both],
      none: [],
    };
    for (const [kind, names] of Object.entries(expected)) {
      const namespace = ns[kind] ?? "";
      for (const name of [org, dom, proj, both]) {
        const want = names.includes(name);
        await waitForSecret(
          namespace,
          name,
          (d) => (want ? d?.[key] !== undefined : d === undefined),
          `${kind} holds ${name}: ${want}`,
        );
      }
    }
    expect(await secretData(ns.both ?? "", both)).toEqual({ [key]: values.both });
    expect(await secretData(ns.other ?? "", dom)).toEqual({ [key]: values.domain });
    const status = await readFlyteSecret(install.controlNamespace, "org");
    expect(status.status?.namespaces).toBe(5);
  });

  it("serves each kind of namespace the value resolution picks for its pods", async () => {
    const objects = await Promise.all(
      ["org", "dom", "proj", "both"].map((n) => readFlyteSecret(install.controlNamespace, n)),
    );
    const catalog = readyCatalog(objects.map(entryOf));
    const cases: Array<[string, string | undefined, string | undefined, string]> = [
      ["both", undefined, undefined, values.both],
      ["project", undefined, domain, values.both],
      ["project", undefined, uniqueName("dom"), values.project],
      ["domain", otherProject, undefined, values.domain],
      ["other", undefined, undefined, values.domain],
      ["shared", project, domain, values.both],
      ["shared", uniqueName("p"), uniqueName("d"), values.org],
    ];
    for (const [kind, podProject, podDomain, expectedValue] of cases) {
      const namespace = await core().readNamespace({ name: ns[kind] ?? "" });
      const binding = bindingOf({
        name: namespace.metadata?.name ?? "",
        labels: namespace.metadata?.labels ?? {},
      });
      const identity = podIdentity(binding, namespace.metadata?.name ?? "", podProject, podDomain, {
        project: "project",
        domain: "domain",
      });
      expect(identity.ok, `${kind}: ${identity.ok ? "" : identity.message}`).toBe(true);
      if (!identity.ok) continue;
      const resolved = resolve(catalog, key, identity.project, identity.domain);
      expect(resolved, kind).toBeDefined();
      const data = await secretData(ns[kind] ?? "", scopeSecretName(resolved?.scope ?? {}));
      expect(data?.[key], `${kind} pod ${identity.project}/${identity.domain}`).toBe(expectedValue);
    }
  });

  it("adds and removes a namespace's Secrets as it is labelled and unlabelled", async () => {
    const namespace = ns.none ?? "";
    const name = scopeSecretName({ project });
    await setNamespaceLabels(namespace, { [labels.project]: project });
    await waitForSecret(
      namespace,
      name,
      (d) => d?.[key] === values.project,
      "labelled namespace receives the project Secret",
    );
    await setNamespaceLabels(namespace, { [labels.project]: null });
    await waitForSecret(
      namespace,
      name,
      (d) => d === undefined,
      "unlabelled namespace loses the project Secret",
    );
    await waitForSecret(
      namespace,
      scopeSecretName({}),
      (d) => d === undefined,
      "and the organization Secret",
    );
  });

  it("rotates a source's new value into every namespace", async () => {
    const rotated = value("rotated");
    const source = await core().readNamespacedSecret({ name: "dom", namespace: install.controlNamespace });
    await core().replaceNamespacedSecret({
      name: "dom",
      namespace: install.controlNamespace,
      body: { ...source, data: { value: Buffer.from(rotated).toString("base64") } },
    });
    for (const kind of ["both", "project", "domain", "other", "shared"]) {
      await waitForSecret(
        ns[kind] ?? "",
        scopeSecretName({ domain }),
        (d) => d?.[key] === rotated,
        `rotation reaches ${kind}`,
      );
    }
  });

  it("restores a managed Secret a user deleted or edited, and never touches unmanaged Secrets", async () => {
    const namespace = ns.both ?? "";
    const name = scopeSecretName({ project });
    await core().deleteNamespacedSecret({ name, namespace });
    await waitForSecret(namespace, name, (d) => d?.[key] === values.project, "deleted Secret recreated");

    const current = await core().readNamespacedSecret({ name, namespace });
    await core().replaceNamespacedSecret({
      name,
      namespace,
      body: { ...current, data: { [key]: Buffer.from("tampered").toString("base64"), EXTRA: "eA==" } },
    });
    await waitForSecret(
      namespace,
      name,
      (d) => d?.[key] === values.project && d.EXTRA === undefined,
      "edited Secret restored",
    );

    // An unmanaged Secret named like a managed one, in a namespace that should hold one, is left exactly as it is.
    // The namespace takes part only once the Secret exists: labelled first, the controller could create the managed
    // name before the test does (the cause of the old flake, issue 11 item 3).
    const taken: V1Secret = {
      metadata: { name: scopeSecretName({ domain }) },
      stringData: { mine: "user data" },
    };
    const namespaceWithout = await install.namespace("taken");
    const created = await core().createNamespacedSecret({ namespace: namespaceWithout, body: taken });
    await setNamespaceLabels(namespaceWithout, { [labels.project]: project, [labels.domain]: domain });
    await waitForSecret(
      namespaceWithout,
      scopeSecretName({}),
      (d) => d?.[key] !== undefined,
      "the rest arrives",
    );
    // The FlyteSecret of that scope says so: Blocked, naming the namespace and the Secret, with a Warning Event.
    const blocked = await waitForReady(install.controlNamespace, "dom", {
      status: "True",
      reason: "Blocked",
    });
    expect(blocked.status?.blocked).toEqual([
      { namespace: namespaceWithout, secret: scopeSecretName({ domain }), reason: "NotManaged" },
    ]);
    const warning = await waitFor(
      async () => {
        const events = await core().listNamespacedEvent({
          namespace: install.controlNamespace,
          fieldSelector: "involvedObject.name=dom",
        });
        return events.items.find((e) => e.type === "Warning" && e.reason === "Blocked");
      },
      { description: "a Blocked Warning Event on FlyteSecret dom" },
    );
    expect(warning.message).toContain(`${namespaceWithout}/${scopeSecretName({ domain })}`);
    const after = await core().readNamespacedSecret({
      name: scopeSecretName({ domain }),
      namespace: namespaceWithout,
    });
    expect(after.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    expect(after.metadata?.labels).toBeUndefined();
  });

  it("removes a deleted FlyteSecret's key everywhere and leaves its user-made source alone", async () => {
    await createFlyteSecret(install, "temp", { key: "TEMP_KEY", domain }, value("temp"));
    await waitForSecret(
      ns.other ?? "",
      scopeSecretName({ domain }),
      (d) => d?.TEMP_KEY !== undefined,
      "temp key arrives",
    );
    await custom().deleteNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      plural: PLURAL,
      namespace: install.controlNamespace,
      name: "temp",
    });
    for (const kind of ["both", "domain", "other", "shared"]) {
      await waitForSecret(
        ns[kind] ?? "",
        scopeSecretName({ domain }),
        (d) => d !== undefined && d.TEMP_KEY === undefined,
        `temp key gone from ${kind}`,
      );
    }
    // The source Secret was made by hand (no ownerReference), so it stays.
    expect(await secretData(install.controlNamespace, "temp")).toBeDefined();
  });

  it("reports conflicts and missing sources in status, and recovers when the source appears", async () => {
    await createFlyteSecret(install, "zz-duplicate", { key, project, domain }, value("duplicate"));
    const conflict = await waitForReady(install.controlNamespace, "zz-duplicate", {
      status: "False",
      reason: "Conflict",
    });
    expect(conflict.status?.conditions?.find((c) => c.type === "Ready")?.message).toContain(
      `${install.controlNamespace}/both`,
    );

    // As the CLI does it: the FlyteSecret first, its Secret right after. Pending meanwhile; no Warning at all.
    await createFlyteSecret(install, "late", { key: "LATE_KEY" });
    const pending = await waitForReady(install.controlNamespace, "late", {
      status: "Unknown",
      reason: "Pending",
    });
    expect(pending.status?.conditions?.find((c) => c.type === "Ready")?.message).toContain("late");
    await core().createNamespacedSecret({
      namespace: install.controlNamespace,
      body: { metadata: { name: "late" }, stringData: { value: value("late") } },
    });
    const late = await waitForReady(install.controlNamespace, "late", {
      status: "True",
      reason: "Materialized",
    });
    expect(late.status?.namespaces).toBe(late.status?.expectedNamespaces);
    const lateEvents = await core().listNamespacedEvent({
      namespace: install.controlNamespace,
      fieldSelector: "involvedObject.name=late",
    });
    expect(lateEvents.items.filter((e) => e.type === "Warning").map((e) => e.reason)).toEqual([]);
    for (const e of lateEvents.items) expect(e.message).not.toContain(" 0 namespaces");

    // No source after the grace period: SourceNotFound, a Warning.
    await createFlyteSecret(install, "missing", { key: "MISSING_KEY" });
    const missing = await waitForReady(install.controlNamespace, "missing", {
      status: "False",
      reason: "SourceNotFound",
    });
    expect(missing.status?.conditions?.find((c) => c.type === "Ready")?.message).toContain(
      `${install.controlNamespace}/missing`,
    );
    await core().createNamespacedSecret({
      namespace: install.controlNamespace,
      body: { metadata: { name: "missing" }, stringData: { other: value("wrong-key") } },
    });
    await waitForReady(install.controlNamespace, "missing", { status: "False", reason: "SourceKeyNotFound" });
    const events = await core().listNamespacedEvent({
      namespace: install.controlNamespace,
      fieldSelector: "involvedObject.name=missing",
    });
    expect(events.items.map((e) => e.reason)).toEqual(
      expect.arrayContaining(["SourceNotFound", "SourceKeyNotFound"]),
    );
  });

  it("records Normal Events within the budget, counts the rest as dropped, and always records Warnings", async () => {
    // Its own installation and controller, with a budget of two Normal Events that does not refill in the test.
    const budgeted = await createInstallation("budget");
    const budgetProject = uniqueName("budget").replace(/-/g, "_");
    await budgeted.namespace("bound", { [labels.project]: budgetProject });
    const controller = await budgeted.startController({
      pendingGraceSeconds: 1,
      eventBudget: { burst: 2, perSecond: 0.0001 },
    });
    try {
      const names = ["b1", "b2", "b3", "b4", "b5"];
      for (const name of names)
        await createFlyteSecret(
          budgeted,
          name,
          { key: name.toUpperCase(), project: budgetProject },
          value(name),
        );
      await createFlyteSecret(budgeted, "gone", { key: "GONE", project: budgetProject });
      for (const name of names)
        await waitForReady(budgeted.controlNamespace, name, { status: "True", reason: "Materialized" });
      await waitForReady(budgeted.controlNamespace, "gone", { status: "False", reason: "SourceNotFound" });
      const dropped = async (): Promise<number> =>
        (await controller.controller.metrics.eventsDropped.get()).values
          .filter((v) => v.labels.type === "Normal")
          .reduce((sum, v) => sum + v.value, 0);
      const events = await waitFor(
        async () => {
          const list = await core().listNamespacedEvent({ namespace: budgeted.controlNamespace });
          const normal = list.items.filter((e) => e.type === "Normal" && e.reason === "Materialized");
          const warned = list.items.some((e) => e.type === "Warning" && e.reason === "SourceNotFound");
          return normal.length + (await dropped()) === names.length && warned ? list.items : undefined;
        },
        { description: "every Event recorded or counted as dropped", timeoutMs: 30_000 },
      );
      expect(events.filter((e) => e.type === "Normal")).toHaveLength(2);
      expect(await dropped()).toBe(3);
      expect(events.filter((e) => e.type === "Warning").map((e) => e.involvedObject.name)).toEqual(["gone"]);
    } finally {
      await controller.stop();
    }
  });

  it("says so when no namespace can see a FlyteSecret's scope", async () => {
    // Its own installation: this file's shared namespace sees every scope.
    const lonely = await createInstallation("lonely");
    await lonely.namespace("elsewhere", { [labels.project]: uniqueName("someone") });
    const controller = await lonely.startController();
    try {
      await createFlyteSecret(
        lonely,
        "nowhere",
        { key: "NOWHERE_KEY", project: uniqueName("nobody") },
        value("nowhere"),
      );
      const nowhere = await waitForReady(lonely.controlNamespace, "nowhere", {
        status: "True",
        reason: "NoNamespaces",
      });
      expect(nowhere.status?.expectedNamespaces).toBe(0);
      expect(nowhere.status?.namespaces).toBe(0);
      expect(nowhere.status?.conditions?.find((c) => c.type === "Ready")?.message).toContain(
        "no participating namespace",
      );
      const table = (await kubectl("get", "fsec", "-n", lonely.controlNamespace)).stdout;
      expect(table).toMatch(/nowhere\s.*True\s+NoNamespaces\s+0/);
    } finally {
      await controller.stop();
    }
  });

  it("makes zero writes when restarted with nothing changed", async () => {
    await running.stop();
    const snapshot = async () => {
      const secrets = await core().listSecretForAllNamespaces({
        labelSelector: `${labels.managedBy}=flyte-secrets`,
      });
      const fs = (await custom().listNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
        namespace: install.controlNamespace,
      })) as { items: FlyteSecretResource[] };
      return [...secrets.items, ...fs.items]
        .filter(
          (o) =>
            Object.values(ns).includes(o.metadata?.namespace ?? "") ||
            o.metadata?.namespace === install.controlNamespace,
        )
        .map((o) => `${o.metadata?.namespace}/${o.metadata?.name}@${o.metadata?.resourceVersion}`)
        .sort();
    };
    const before = await snapshot();
    running = await install.startController();
    // Let it work through everything: wait until its queue is empty after the initial full pass.
    await waitFor(
      async () => ((await running.controller.metrics.reconciles.get()).values.length > 0 ? true : undefined),
      {
        description: "the restarted controller to reconcile",
      },
    );
    await waitFor(
      async () => {
        const depth = (
          await running.controller.metrics.registry.getSingleMetric("flyte_secrets_queue_depth")?.get()
        )?.values[0]?.value;
        return depth === 0 ? true : undefined;
      },
      { description: "the queue to drain" },
    );
    expect(await running.writes()).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("lets a second controller stand by until the leader stops", async () => {
    await running.stop();
    const lease = {
      enabled: true,
      namespace: install.controlNamespace,
      name: "leader-test",
      leaseDurationSeconds: 4,
      renewDeadlineSeconds: 3,
      retryPeriodSeconds: 1,
    };
    const first = await install.startController({ leaderElection: { ...lease, identity: "first" } });
    await waitFor(() => (first.controller.isLeader() ? true : undefined), { description: "first to lead" });
    const second = await install.startController({ leaderElection: { ...lease, identity: "second" } });
    try {
      // The standby must not write: delete a managed Secret and see only the leader... then stop the leader.
      await waitFor(() => (second.controller.notReadyReason() === undefined ? true : undefined), {
        description: "second synced",
      });
      expect(second.controller.isLeader()).toBe(false);
      await first.stop();
      await waitFor(() => (second.controller.isLeader() ? true : undefined), {
        description: "the standby to take over after the leader released the lease",
        timeoutMs: 15_000,
      });
      const namespace = ns.shared ?? "";
      await core().deleteNamespacedSecret({ name: scopeSecretName({}), namespace });
      await waitForSecret(
        namespace,
        scopeSecretName({}),
        (d) => d?.[key] === values.org,
        "new leader repairs",
      );
      // The Secret is visible a moment before the controller's call returns and counts the write.
      await waitFor(async () => ((await second.writes()) > 0 ? true : undefined), {
        description: "the new leader's write",
      });
      expect(await first.writes()).toBe(0);
    } finally {
      await second.stop();
      running = await install.startController();
    }
  });

  it("never puts a value in a log line, an Event or a status", async () => {
    const logs = await install.logs();
    expect(logs.length).toBeGreaterThan(0);
    const events = await core().listNamespacedEvent({ namespace: install.controlNamespace });
    const statuses = (await custom().listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      plural: PLURAL,
      namespace: install.controlNamespace,
    })) as { items: FlyteSecretResource[] };
    const visible = [
      logs,
      JSON.stringify(events.items),
      JSON.stringify(statuses.items.map((i) => i.status)),
    ].join("\n");
    for (const v of valuesWritten) {
      expect(visible).not.toContain(v);
      expect(visible).not.toContain(Buffer.from(v).toString("base64"));
    }
  });
});
