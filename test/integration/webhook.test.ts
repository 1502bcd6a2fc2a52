// The webhook as a cluster runs it: the real API server calls it over HTTPS through the MutatingWebhookConfiguration
// of DESIGN §5.3 and applies its patch; pods are created with the real kubectl.

import { writeFile } from "node:fs/promises";
import { createServer } from "node:https";
import { join } from "node:path";
import { connect } from "node:tls";
import { AdmissionregistrationV1Api, CoreV1Api, type V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotations, labels } from "../../src/domain/api.ts";
import { encodeFlyteSecret } from "../../src/domain/flyte-encoding.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import { createCertificateAuthority, issueCertificate } from "../../src/tls/certificates.ts";
import { waitFor } from "../controlplane/wait.ts";
import { kubeConfig, kubectl, scratchDir, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import { createFlyteSecret, readFlyteSecret, waitForReady } from "./support/flytesecrets.ts";
import {
  createInstallation,
  type Installation,
  type RunningOperator,
  secretData,
  waitForSecret,
} from "./support/operator.ts";

const core = () => kubeConfig().makeApiClient(CoreV1Api);

async function kubectlCreate(
  namespace: string,
  pod: V1Pod,
): Promise<{ code: number; pod?: V1Pod; stderr: string }> {
  const file = join(await scratchDir("pod-"), "pod.json");
  await writeFile(file, JSON.stringify({ apiVersion: "v1", kind: "Pod", ...pod }));
  const result = await kubectl("create", "-n", namespace, "-f", file, "-o", "json");
  return result.code === 0
    ? { code: 0, pod: JSON.parse(result.stdout) as V1Pod, stderr: result.stderr }
    : { code: result.code, stderr: result.stderr };
}

function taskPod(
  name: string,
  podLabels: Record<string, string>,
  podAnnotations: Record<string, string>,
): V1Pod {
  return {
    metadata: { name, labels: podLabels, annotations: podAnnotations },
    spec: {
      initContainers: [{ name: "init", image: "registry.invalid/init:1" }],
      containers: [
        { name: "main", image: "registry.invalid/task:1", env: [{ name: "MY_ENV", value: "placeholder" }] },
        { name: "sidecar", image: "registry.invalid/sidecar:1" },
      ],
    },
  };
}

const allContainers = (pod: V1Pod) => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];

describe("webhook", () => {
  let install: Installation;
  let operator: RunningOperator;
  const project = uniqueName("wproj");
  const domain = "development";
  const values: string[] = [];
  const ns: Record<string, string> = {};

  beforeAll(async () => {
    await installCrd();
    install = await createInstallation("wh");
    ns.bound = await install.namespace("bound", { [labels.project]: project, [labels.domain]: domain });
    ns.shared = await install.namespace("shared", { [labels.shared]: "true" });
    ns.plain = await install.namespace("plain");
    operator = await install.startOperator();
    const secrets: Array<[string, { key: string; project?: string; domain?: string }]> = [
      ["org-key", { key: "ORG_KEY" }],
      ["proj-key", { key: "MY_SECRET_KEY", project, domain }],
      ["flyte-key", { key: "my_key" }],
      ["file-key", { key: "TLS_CERT", project }],
    ];
    for (const [name, spec] of secrets) {
      const v = `${name}-${uniqueName("v")}-s3cr3t`;
      values.push(v);
      await createFlyteSecret(install, name, spec, v);
    }
    for (const [name] of secrets)
      await waitForReady(install.controlNamespace, name, { status: "True", reason: "Materialized" });
    // The webhook's cache must see them Ready too.
    await waitFor(
      () => (operator.webhook.caches.readyCatalog().entries.length >= secrets.length ? true : undefined),
      {
        description: "the webhook cache to see the Ready FlyteSecrets",
      },
    );
  });

  afterAll(async () => {
    await operator?.stop();
  });

  it("injects native-form secrets by reference into every container and init container", async () => {
    const request = [
      { key: "MY_SECRET_KEY", as_env_var: "MY_ENV" },
      { key: "ORG_KEY" },
      { key: "TLS_CERT", mount: "/etc/flyte/secrets" },
    ];
    const created = await kubectlCreate(
      ns.bound ?? "",
      taskPod("native", { [labels.inject]: "true" }, { [annotations.secrets]: JSON.stringify(request) }),
    );
    expect(created.code, created.stderr).toBe(0);
    const pod = created.pod as V1Pod;
    for (const container of allContainers(pod)) {
      const env = container.env ?? [];
      expect(
        env.filter((e) => e.name === "MY_ENV"),
        container.name,
      ).toEqual([
        {
          name: "MY_ENV",
          valueFrom: { secretKeyRef: { name: scopeSecretName({ project, domain }), key: "MY_SECRET_KEY" } },
        },
      ]);
      expect(env.find((e) => e.name === "ORG_KEY")?.valueFrom?.secretKeyRef).toEqual({
        name: scopeSecretName({}),
        key: "ORG_KEY",
      });
      const mount = container.volumeMounts?.find((m) => m.mountPath === "/etc/flyte/secrets");
      expect(mount?.readOnly, container.name).toBe(true);
    }
    const volume = pod.spec?.volumes?.find((v) =>
      v.projected?.sources?.some((s) => s.secret?.name === scopeSecretName({ project })),
    );
    expect(volume).toBeDefined();
    expect(pod.metadata?.annotations?.[annotations.injected]).toContain("MY_SECRET_KEY");
    expect(JSON.stringify(pod)).not.toMatch(/s3cr3t/);
  });

  it("injects Flyte propeller's encoded secrets the way flytekit looks them up", async () => {
    const created = await kubectlCreate(
      ns.bound ?? "",
      taskPod(
        "flyte-form",
        { [labels.flyteInject]: "true" },
        {
          "flyte.secrets/s0": encodeFlyteSecret({ key: "my_key", mountRequirement: "ENV_VAR" }),
          "flyte.secrets/s1": encodeFlyteSecret({
            key: "TLS_CERT",
            group: "certs",
            mountRequirement: "FILE",
          }),
        },
      ),
    );
    expect(created.code, created.stderr).toBe(0);
    const pod = created.pod as V1Pod;
    for (const container of allContainers(pod)) {
      const env = container.env ?? [];
      expect(env.find((e) => e.name === "_FSEC_MY_KEY")?.valueFrom?.secretKeyRef).toEqual({
        name: scopeSecretName({}),
        key: "my_key",
      });
      expect(env.find((e) => e.name === "FLYTE_SECRETS_DEFAULT_DIR")?.value).toBe("/etc/flyte/secrets");
      expect(env.find((e) => e.name === "FLYTE_SECRETS_ENV_PREFIX")?.value).toBe("_FSEC_");
      expect(
        container.volumeMounts?.some((m) => m.mountPath.startsWith("/etc/flyte/secrets") && m.readOnly),
      ).toBe(true);
    }
    const items =
      pod.spec?.volumes?.flatMap((v) => v.projected?.sources ?? []).flatMap((s) => s.secret?.items ?? []) ??
      [];
    expect(items.some((i) => i.key === "TLS_CERT" && i.path.endsWith("certs/tls_cert"))).toBe(true);
  });

  it("injects Flyte 2's encoded secrets the way Flyte 2's tasks read them", async () => {
    // Labels and annotations as Flyte 2's executor writes them for flyte.Secret(key=..., as_env_var=...) and
    // flyte.Secret(key=..., mount="/etc/flyte/secrets"); the organization label marks the pod as Flyte 2's.
    const created = await kubectlCreate(
      ns.bound ?? "",
      taskPod(
        "flyte2-form",
        {
          [labels.flyteInject]: "true",
          organization: "testorg",
          project,
          domain,
          "flyte.org/managed": "true",
        },
        {
          "flyte.secrets/s0": encodeFlyteSecret({
            key: "MY_SECRET_KEY",
            mountRequirement: "ENV_VAR",
            envVar: "MY_SECRET_ENV_VAR",
          }),
          "flyte.secrets/s1": encodeFlyteSecret({ key: "TLS_CERT", mountRequirement: "FILE" }),
          "flyte.secrets/s2": encodeFlyteSecret({ key: "ORG_KEY", mountRequirement: "ENV_VAR" }),
        },
      ),
    );
    expect(created.code, created.stderr).toBe(0);
    const pod = created.pod as V1Pod;
    for (const container of allContainers(pod)) {
      const env = container.env ?? [];
      expect(env.find((e) => e.name === "MY_SECRET_ENV_VAR")?.valueFrom?.secretKeyRef).toEqual({
        name: scopeSecretName({ project, domain }),
        key: "MY_SECRET_KEY",
      });
      expect(env.find((e) => e.name === "_UNION_ORG_KEY")?.valueFrom?.secretKeyRef).toEqual({
        name: scopeSecretName({}),
        key: "ORG_KEY",
      });
      expect(
        env.some((e) => e.name.startsWith("_FSEC_")),
        container.name,
      ).toBe(false);
      expect(env.find((e) => e.name === "FLYTE_SECRETS_ENV_PREFIX")?.value).toBe("_UNION_");
      expect(
        container.volumeMounts?.find((m) => m.mountPath === "/etc/flyte/secrets")?.readOnly,
        container.name,
      ).toBe(true);
    }
    const items =
      pod.spec?.volumes?.flatMap((v) => v.projected?.sources ?? []).flatMap((s) => s.secret?.items ?? []) ??
      [];
    expect(items.filter((i) => i.key === "TLS_CERT").map((i) => i.path)).toEqual(["TLS_CERT", "tls_cert"]);
    expect(JSON.stringify(pod)).not.toMatch(/s3cr3t/);
  });

  it("refuses an opted-in pod that names a managed Secret itself, and kubectl shows why", async () => {
    const pod = taskPod(
      "names-managed",
      { [labels.inject]: "true" },
      { [annotations.secrets]: "- key: ORG_KEY" },
    );
    const main = pod.spec?.containers[0];
    if (main === undefined) throw new Error("taskPod has no main container");
    main.env = [
      ...(main.env ?? []),
      {
        name: "BORROWED",
        valueFrom: { secretKeyRef: { name: scopeSecretName({ project, domain }), key: "MY_SECRET_KEY" } },
      },
    ];
    const created = await kubectlCreate(ns.bound ?? "", pod);
    expect(created.code).not.toBe(0);
    expect(created.stderr).toContain("names managed Secrets itself");
    expect(created.stderr).toContain(
      `env "BORROWED" (valueFrom.secretKeyRef) names ${scopeSecretName({ project, domain })}`,
    );
    expect(created.stderr).toContain("Fix: remove those references");
  });

  it("accepts its own references when the API server reinvokes it after another webhook changed the pod", async () => {
    // A second mutating webhook, ordered after ours (configurations run in name order), that annotates the pod: the
    // API server then calls ours again (reinvocationPolicy IfNeeded) on a pod already holding our references.
    const validity = { notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 3_600_000) };
    const ca = await createCertificateAuthority("reinvoke-test", validity);
    const serving = await issueCertificate(ca, {
      ...validity,
      commonName: "127.0.0.1",
      ipAddresses: ["127.0.0.1"],
      usage: "server",
    });
    const touched = "test.flyte.org/touched";
    let calls = 0;
    const server = createServer({ cert: serving.certPem, key: serving.keyPem }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        calls += 1;
        const review = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          request: { uid: string; object: V1Pod };
        };
        const has = review.request.object.metadata?.annotations?.[touched] !== undefined;
        const patch = has
          ? []
          : [{ op: "add", path: `/metadata/annotations/${touched.replace("/", "~1")}`, value: "yes" }];
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            apiVersion: "admission.k8s.io/v1",
            kind: "AdmissionReview",
            response: {
              uid: review.request.uid,
              allowed: true,
              ...(patch.length > 0
                ? { patchType: "JSONPatch", patch: Buffer.from(JSON.stringify(patch)).toString("base64") }
                : {}),
            },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const admission = kubeConfig().makeApiClient(AdmissionregistrationV1Api);
    const name = `zz-reinvoke-${uniqueName("t")}`;
    const reinvokeLabel = "test.flyte.org/reinvoke";
    try {
      await admission.createMutatingWebhookConfiguration({
        body: {
          metadata: { name },
          webhooks: [
            {
              name: "reinvoke.test.flyte.org",
              clientConfig: {
                url: `https://127.0.0.1:${port}/`,
                caBundle: Buffer.from(ca.certPem).toString("base64"),
              },
              rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }],
              objectSelector: { matchLabels: { [reinvokeLabel]: "true" } },
              namespaceSelector: { matchLabels: { ...install.selector } },
              admissionReviewVersions: ["v1"],
              sideEffects: "None",
              failurePolicy: "Fail",
              timeoutSeconds: 5,
              reinvocationPolicy: "Never",
            },
          ],
        },
      });
      const pod = (podName: string) =>
        taskPod(
          podName,
          { [labels.inject]: "true", [reinvokeLabel]: "true" },
          { [annotations.secrets]: "- key: ORG_KEY" },
        );
      // The API server loads the configuration asynchronously: dry-run until it calls the second webhook.
      await waitFor(
        async () => {
          await core().createNamespacedPod({ namespace: ns.bound ?? "", body: pod("probe"), dryRun: "All" });
          return calls > 0 ? true : undefined;
        },
        { description: "the API server to call the second webhook", timeoutMs: 30_000, intervalMs: 250 },
      );
      const total = async () =>
        (await operator.webhook.metrics.admissions.get()).values.reduce((sum, v) => sum + v.value, 0);
      const before = await total();
      const created = await kubectlCreate(ns.bound ?? "", pod("reinvoked"));
      expect(created.code, created.stderr).toBe(0);
      // Called once, and once more after the second webhook's change: both times allowed.
      expect((await total()) - before).toBe(2);
      expect(created.pod?.metadata?.annotations?.[touched]).toBe("yes");
      for (const container of allContainers(created.pod as V1Pod)) {
        expect(
          container.env?.filter((e) => e.name === "ORG_KEY"),
          container.name,
        ).toEqual([
          { name: "ORG_KEY", valueFrom: { secretKeyRef: { name: scopeSecretName({}), key: "ORG_KEY" } } },
        ]);
      }
    } finally {
      await admission.deleteMutatingWebhookConfiguration({ name }).catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("spreads a scope's keys over Secrets of maxKeysPerSecret keys, never moves one, and points pods at its Secret", async () => {
    // Its own installation and operator, with two keys per Secret.
    const spread = await createInstallation("spread");
    const spreadProject = uniqueName("sproj");
    const bound = await spread.namespace("bound", {
      [labels.project]: spreadProject,
      [labels.domain]: domain,
    });
    const spreadOperator = await spread.startOperator({ limits: { maxKeysPerSecret: 2 } });
    try {
      const first = scopeSecretName({ project: spreadProject });
      const secretNameOf = async (name: string) =>
        (await waitForReady(spread.controlNamespace, name, { status: "True", reason: "Materialized" })).status
          ?.secretName;
      // One at a time, so creation order is age order.
      for (const i of [1, 2, 3, 4, 5]) {
        await createFlyteSecret(
          spread,
          `spread-${i}`,
          { key: `KEY_${i}`, project: spreadProject },
          `v${i}-s3cr3t`,
        );
        await waitForReady(spread.controlNamespace, `spread-${i}`, {
          status: "True",
          reason: "Materialized",
        });
      }
      const placed = async () =>
        Object.fromEntries(
          await Promise.all(
            [1, 2, 3, 4, 5, 6]
              .filter((i) => i !== 1 || !deleted)
              .map(async (i) => [
                `KEY_${i}`,
                i === 6 && !added ? undefined : await secretNameOf(`spread-${i}`),
              ]),
          ),
        );
      let deleted = false;
      let added = false;
      expect(await placed()).toMatchObject({
        KEY_1: first,
        KEY_2: first,
        KEY_3: `${first}.s.1`,
        KEY_4: `${first}.s.1`,
        KEY_5: `${first}.s.2`,
      });
      await waitForSecret(bound, `${first}.s.2`, (d) => d?.KEY_5 === "v5-s3cr3t", "the third Secret");
      expect(Object.keys((await secretData(bound, first)) ?? {}).sort()).toEqual(["KEY_1", "KEY_2"]);
      expect(Object.keys((await secretData(bound, `${first}.s.1`)) ?? {}).sort()).toEqual(["KEY_3", "KEY_4"]);

      // A key deleted leaves a hole the next new key fills; no other key moves.
      await kubectl("delete", "flytesecret", "-n", spread.controlNamespace, "spread-1");
      deleted = true;
      await createFlyteSecret(spread, "spread-6", { key: "KEY_6", project: spreadProject }, "v6-s3cr3t");
      added = true;
      expect(await placed()).toEqual({
        KEY_2: first,
        KEY_3: `${first}.s.1`,
        KEY_4: `${first}.s.1`,
        KEY_5: `${first}.s.2`,
        KEY_6: first,
      });
      await waitForSecret(
        bound,
        first,
        (d) =>
          Object.keys(d ?? {})
            .sort()
            .join() === "KEY_2,KEY_6",
        "the first Secret to hold KEY_2 and KEY_6",
      );
      await waitFor(
        () =>
          spreadOperator.webhook.caches.readyCatalog().entries.filter((e) => e.secretName !== undefined)
            .length === 5
            ? true
            : undefined,
        { description: "the webhook cache to see the five placed keys" },
      );

      // The API server calls the webhook, which points each reference at the Secret holding the key.
      const created = await kubectlCreate(
        bound,
        taskPod(
          "spread",
          { [labels.inject]: "true" },
          {
            [annotations.secrets]: JSON.stringify([
              { key: "KEY_5" },
              { key: "KEY_6" },
              { key: "KEY_3", mount: "/etc/k3" },
            ]),
          },
        ),
      );
      expect(created.code, created.stderr).toBe(0);
      const pod = created.pod as V1Pod;
      for (const container of allContainers(pod)) {
        const env = container.env ?? [];
        expect(env.find((e) => e.name === "KEY_5")?.valueFrom?.secretKeyRef).toEqual({
          name: `${first}.s.2`,
          key: "KEY_5",
        });
        expect(env.find((e) => e.name === "KEY_6")?.valueFrom?.secretKeyRef).toEqual({
          name: first,
          key: "KEY_6",
        });
      }
      const mounted = (pod.spec?.volumes ?? [])
        .flatMap((v) => v.projected?.sources ?? [])
        .flatMap((s) => (s.secret === undefined ? [] : [s.secret]));
      expect(mounted).toEqual([{ name: `${first}.s.1`, items: [{ key: "KEY_3", path: "KEY_3" }] }]);
      expect(JSON.stringify(pod)).not.toMatch(/s3cr3t/);

      // A status edited by hand to name another of the scope's Secrets is put back by the controller.
      const edited = await kubectl(
        "patch",
        "flytesecret",
        "-n",
        spread.controlNamespace,
        "spread-5",
        "--subresource=status",
        "--type=merge",
        "-p",
        JSON.stringify({ status: { secretName: `${first}.s.9` } }),
      );
      expect(edited.code, edited.stderr).toBe(0);
      await waitFor(
        async () =>
          (await readFlyteSecret(spread.controlNamespace, "spread-5")).status?.secretName === `${first}.s.2`
            ? true
            : undefined,
        { description: "the controller to put back status.secretName of spread-5" },
      );
    } finally {
      await spreadOperator.stop();
    }
  });

  it("refuses an unknown or out-of-scope secret, and kubectl shows why", async () => {
    const unknown = await kubectlCreate(
      ns.bound ?? "",
      taskPod("unknown", { [labels.inject]: "true" }, { [annotations.secrets]: "- key: NO_SUCH_KEY" }),
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("NO_SUCH_KEY");
    expect(unknown.stderr).toContain(project);

    // MY_SECRET_KEY exists only for (project, development): a pod of another project in the shared namespace.
    const outOfScope = await kubectlCreate(
      ns.shared ?? "",
      taskPod(
        "out-of-scope",
        { [labels.inject]: "true", project: "someone-else", domain },
        { [annotations.secrets]: "- key: MY_SECRET_KEY" },
      ),
    );
    expect(outOfScope.code).not.toBe(0);
    expect(outOfScope.stderr).toContain("MY_SECRET_KEY");
    expect(outOfScope.stderr).toContain("someone-else");
  });

  it("refuses pod labels that contradict a bound namespace, and resolves by labels in a shared one", async () => {
    const contradicting = await kubectlCreate(
      ns.bound ?? "",
      taskPod(
        "liar",
        { [labels.inject]: "true", project: "not-mine" },
        { [annotations.secrets]: "- key: ORG_KEY" },
      ),
    );
    expect(contradicting.code).not.toBe(0);
    expect(contradicting.stderr).toContain("not-mine");

    const shared = await kubectlCreate(
      ns.shared ?? "",
      taskPod(
        "shared",
        { [labels.inject]: "true", project, domain },
        { [annotations.secrets]: "- key: MY_SECRET_KEY" },
      ),
    );
    expect(shared.code, shared.stderr).toBe(0);
    const ref = shared.pod?.spec?.containers?.[0]?.env?.find((e) => e.name === "MY_SECRET_KEY")?.valueFrom
      ?.secretKeyRef;
    expect(ref).toEqual({ name: scopeSecretName({ project, domain }), key: "MY_SECRET_KEY" });

    const unlabelled = await kubectlCreate(
      ns.shared ?? "",
      taskPod("no-labels", { [labels.inject]: "true" }, { [annotations.secrets]: "- key: ORG_KEY" }),
    );
    expect(unlabelled.code).not.toBe(0);
    expect(unlabelled.stderr).toContain("shared");
  });

  it("only ever references managed Secrets and keys that exist", async () => {
    const pods = await core().listNamespacedPod({ namespace: ns.bound ?? "" });
    const refs = pods.items.flatMap((p) =>
      allContainers(p)
        .flatMap((c) => c.env ?? [])
        .flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : [])),
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const data = await secretData(ns.bound ?? "", ref.name ?? "");
      expect(data, `${ref.name}`).toBeDefined();
      expect(Object.keys(data ?? {}), `${ref.name}/${ref.key}`).toContain(ref.key);
    }
  });

  it("is never sent pods without the opt-in label", async () => {
    const before = (await operator.webhook.metrics.admissions.get()).values.reduce((s, v) => s + v.value, 0);
    const created = await kubectlCreate(
      ns.bound ?? "",
      taskPod("not-opted-in", {}, { [annotations.secrets]: "- key: NO_SUCH_KEY" }),
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.pod?.metadata?.annotations?.[annotations.injected]).toBeUndefined();
    const after = (await operator.webhook.metrics.admissions.get()).values.reduce((s, v) => s + v.value, 0);
    expect(after).toBe(before);
  });

  it("refuses pods in a namespace that does not take part", async () => {
    const created = await kubectlCreate(
      ns.plain ?? "",
      taskPod(
        "plain",
        { [labels.inject]: "true", project, domain },
        { [annotations.secrets]: "- key: ORG_KEY" },
      ),
    );
    expect(created.code).not.toBe(0);
    expect(created.stderr).toContain("does not take part");
  });

  it("keeps admitting pods while the serving certificate rotates", async () => {
    const fingerprint = () =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(
          { host: "127.0.0.1", port: operator.webhook.port, rejectUnauthorized: false },
          () => {
            resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? "");
            socket.end();
          },
        );
        socket.on("error", reject);
      });
    const before = await fingerprint();
    const body = taskPod(
      "rotating",
      { [labels.inject]: "true" },
      { [annotations.secrets]: "- key: ORG_KEY" },
    );
    let stop = false;
    let created = 0;
    const failures: string[] = [];
    const creating = (async () => {
      while (!stop) {
        try {
          await core().createNamespacedPod({
            namespace: ns.bound ?? "",
            body: { ...body, metadata: { ...body.metadata, name: uniqueName("rotating") } },
          });
          created += 1;
        } catch (error) {
          failures.push(String((error as { body?: string }).body ?? error));
        }
      }
    })();
    // Put a serving certificate from a foreign CA in the Secret; the controller replaces it with one from its own
    // CA (the caBundle stays valid throughout); "kubelet" then syncs the files into the running webhook.
    const secret = await core().readNamespacedSecret({
      name: "flyte-secrets-webhook-tls",
      namespace: install.controlNamespace,
    });
    const validity = { notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 3_600_000) };
    const foreign = await issueCertificate(await createCertificateAuthority("foreign", validity), {
      ...validity,
      commonName: "foreign",
      usage: "server",
    });
    const data = {
      ...(secret.data ?? {}),
      "tls.crt": Buffer.from(foreign.certPem).toString("base64"),
      "tls.key": Buffer.from(foreign.keyPem).toString("base64"),
    };
    await core().replaceNamespacedSecret({
      name: "flyte-secrets-webhook-tls",
      namespace: install.controlNamespace,
      body: { ...secret, data },
    });
    await operator.controller.controller.ensureWebhookTls();
    await operator.syncTlsFiles();
    await waitFor(async () => ((await fingerprint()) !== before ? true : undefined), {
      description: "the webhook to serve the new certificate",
    });
    const target = created + 5;
    await waitFor(() => (created >= target ? true : undefined), {
      description: "pods created after the rotation",
    });
    stop = true;
    await creating;
    expect(failures).toEqual([]);
    expect(created).toBeGreaterThan(5);
  });

  it("never puts a value in a log line or a pod", async () => {
    const logs = await install.logs();
    const pods = await core().listNamespacedPod({ namespace: ns.bound ?? "" });
    const visible = `${logs}\n${JSON.stringify(pods.items)}`;
    for (const v of values) {
      expect(visible).not.toContain(v);
      expect(visible).not.toContain(Buffer.from(v).toString("base64"));
    }
  });
});
