// The flyte CLI as a user runs it (bin/flyte as a subprocess, and `kubectl flyte` through kubectl's plugin lookup)
// against the real API server: the Flyte docs' command lines verbatim, values from arguments, files (every byte
// value) and stdin reaching the task namespaces through the controller, rotation, deletion with the garbage
// collector, image_pull validation, and one clear line for every error. No output ever contains a value.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api, CustomObjectsApi, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUP, labels, PLURAL, VERSION } from "../../src/domain/api.ts";
import { flyteSecretName, imagePullSecretName, scopeSecretName } from "../../src/domain/names.ts";
import { waitFor } from "../controlplane/wait.ts";
import {
  allOutputs,
  closedServerUrl,
  flyte,
  flyteArgs,
  kubectlWithPlugin,
  readFlyteSecret,
  secretBytes,
  tokenKubeconfig,
} from "./support/cli.ts";
import {
  type CommandResult,
  createNamespace,
  kubeConfig,
  scratchDir,
  uniqueName,
} from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import { createInstallation, type Installation, type RunningController } from "./support/operator.ts";

const core = () => kubeConfig().makeApiClient(CoreV1Api);

/** Every value a test gives the CLI; the last check proves none was ever printed, as text or base64. */
const values: Buffer[] = [];
/** The docs' example value: in no output either, except help, whose examples are the docs' command lines. */
const DOCS_VALUE = "my_secret_value";

function value(label: string): string {
  const v = `${label}-${uniqueName("value")}-s3cr3t`;
  values.push(Buffer.from(v));
  return v;
}

function expectOk(result: CommandResult): void {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
}

function expectOneErrorLine(result: CommandResult, text: string): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toContain(text);
}

/** The data rows of a `get secret` table, each split into its columns. */
function tableRows(stdout: string): string[][] {
  const [header, ...rows] = stdout.trimEnd().split("\n");
  expect(header?.split(/\s+/)).toEqual(["PROJECT", "DOMAIN", "NAME", "TYPE", "CREATED", "STATUS"]);
  return rows.map((row) => row.split(/\s+/));
}

let scratch: string;

beforeAll(async () => {
  await installCrd();
  scratch = await scratchDir("flyte-secrets-cli-");
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the Flyte docs' walkthrough", () => {
  let ns: string;
  const org = flyteSecretName("MY_SECRET_KEY", {});
  const scoped = flyteSecretName("MY_SECRET_KEY", { project: "my_project", domain: "development" });

  beforeAll(async () => {
    ns = await createNamespace("cli-docs");
  });

  it("creates an organization-wide secret: a FlyteSecret and its Secret, owned by it", async () => {
    const result = await flyte(ns, "flyte create secret MY_SECRET_KEY my_secret_value");
    expectOk(result);
    expect(result.stdout).toBe("secret MY_SECRET_KEY created in the organization scope\n");

    const created = await readFlyteSecret(ns, org);
    expect(created?.spec).toEqual({
      key: "MY_SECRET_KEY",
      type: "Generic",
      valueFrom: { secretKeyRef: { name: org, key: "value" } },
    });
    const source = await core().readNamespacedSecret({ name: org, namespace: ns });
    expect(source.type).toBe("Opaque");
    expect(Object.keys(source.data ?? {})).toEqual(["value"]);
    expect(await secretBytes(ns, org, "value")).toEqual(Buffer.from("my_secret_value"));
    expect(source.metadata?.ownerReferences).toEqual([
      {
        apiVersion: `${GROUP}/${VERSION}`,
        kind: "FlyteSecret",
        name: org,
        uid: created?.metadata.uid,
        controller: false,
        blockOwnerDeletion: false,
      },
    ]);
  });

  it("creates a secret scoped to my_project/development", async () => {
    const result = await flyte(
      ns,
      "flyte create secret  --project my_project --domain development MY_SECRET_KEY my_secret_value",
    );
    expectOk(result);
    expect(result.stdout).toBe("secret MY_SECRET_KEY created in project my_project, domain development\n");
    expect((await readFlyteSecret(ns, scoped))?.spec).toMatchObject({
      key: "MY_SECRET_KEY",
      project: "my_project",
      domain: "development",
    });
    expect(await secretBytes(ns, scoped, "value")).toEqual(Buffer.from("my_secret_value"));
  });

  it("lists every secret", async () => {
    const result = await flyte(ns, "flyte get secret");
    expectOk(result);
    const rows = tableRows(result.stdout);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ["-", "-", "MY_SECRET_KEY", "regular"],
      ["my_project", "development", "MY_SECRET_KEY", "regular"],
    ]);
    for (const row of rows) expect(row[4]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("lists the secrets of my_project/development only", async () => {
    const result = await flyte(ns, "flyte get secret --project my_project --domain development");
    expectOk(result);
    expect(tableRows(result.stdout).map((r) => r.slice(0, 4))).toEqual([
      ["my_project", "development", "MY_SECRET_KEY", "regular"],
    ]);
  });

  it("shows the FlyteSecret objects as YAML and JSON, which hold no value", async () => {
    const yaml = await flyte(ns, "flyte get secret MY_SECRET_KEY -o yaml");
    expectOk(yaml);
    expect(yaml.stdout).toContain("kind: FlyteSecret");
    const json = await flyte(ns, "flyte get secret MY_SECRET_KEY -p my_project -o json");
    expectOk(json);
    expect((JSON.parse(json.stdout) as { items: Array<{ metadata: { name: string } }> }).items).toEqual([
      expect.objectContaining({ metadata: expect.objectContaining({ name: scoped }) }),
    ]);
  });

  it("refuses to create the same key in the same scope again, pointing to update", async () => {
    const result = await flyte(ns, "flyte create secret MY_SECRET_KEY my_secret_value");
    expectOneErrorLine(
      result,
      `secret MY_SECRET_KEY already exists in the organization scope (namespace ${ns}); to change its value use: ` +
        "flyte update secret MY_SECRET_KEY",
    );
  });

  it("deletes the organization-wide secret and its Secret, and only that one", async () => {
    const result = await flyte(ns, "flyte delete secret MY_SECRET_KEY");
    expectOk(result);
    expect(result.stdout).toBe("secret MY_SECRET_KEY deleted from the organization scope\n");
    expect(await readFlyteSecret(ns, org)).toBeUndefined();
    expect(await secretBytes(ns, org, "value")).toBeUndefined();
    expect(await readFlyteSecret(ns, scoped)).toBeDefined();
    expect(await secretBytes(ns, scoped, "value")).toBeDefined();

    const again = await flyte(ns, "flyte delete secret MY_SECRET_KEY");
    expectOneErrorLine(
      again,
      `secret MY_SECRET_KEY not found in the organization scope (namespace ${ns}); it exists in project my_project, domain development`,
    );
  });

  it("works as `kubectl flyte` through kubectl's plugin lookup", async () => {
    const result = await kubectlWithPlugin(["flyte", "get", "secret", "-n", ns]);
    expectOk(result);
    expect(tableRows(result.stdout).map((r) => r.slice(0, 3))).toEqual([
      ["my_project", "development", "MY_SECRET_KEY"],
    ]);
    const help = await kubectlWithPlugin(["flyte", "create", "secret", "--help"]);
    expectOk(help);
    expect(help.stdout).toContain("Usage: kubectl flyte create secret");
    expect(help.stdout).toContain("$ kubectl flyte create secret MY_SECRET_KEY my_secret_value");
  });
});

describe("values delivered by the controller", () => {
  let install: Installation;
  let running: RunningController;
  let bound: string;
  let control: string;
  const project = "my_project";
  const domain = "development";

  const managed = (key: string, scope: { project?: string; domain?: string }) =>
    secretBytes(bound, scopeSecretName(scope), key);

  function waitForManaged(
    key: string,
    scope: { project?: string; domain?: string },
    expected: Buffer | undefined,
    description: string,
  ): Promise<true> {
    return waitFor(
      async () => {
        const bytes = await managed(key, scope);
        const matches = expected === undefined ? bytes === undefined : bytes?.equals(expected) === true;
        return matches ? true : undefined;
      },
      { description, timeoutMs: 20_000 },
    );
  }

  beforeAll(async () => {
    install = await createInstallation("cli");
    control = install.controlNamespace;
    bound = await install.namespace("cli-bound", { [labels.project]: project, [labels.domain]: domain });
    running = await install.startController();
  });

  afterAll(async () => {
    await running?.stop();
  });

  it("round-trips a file of every byte value into the task namespace", async () => {
    const bytes = Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i));
    values.push(bytes);
    const file = join(scratch, "binary.bin");
    await writeFile(file, bytes);
    const result = await flyteArgs(control, [
      "create",
      "secret",
      "--project",
      project,
      "--domain",
      domain,
      "BINARY_KEY",
      "--from-file",
      file,
    ]);
    expectOk(result);
    expect(await secretBytes(control, flyteSecretName("BINARY_KEY", { project, domain }), "value")).toEqual(
      bytes,
    );
    await waitForManaged("BINARY_KEY", { project, domain }, bytes, "the binary value in the bound namespace");

    const ready = await waitFor(
      async () => {
        const listed = await flyte(control, "flyte get secret BINARY_KEY");
        return listed.stdout.includes(" Ready") ? listed : undefined;
      },
      { description: "flyte get secret to show BINARY_KEY Ready", timeoutMs: 20_000 },
    );
    expect(tableRows(ready.stdout)).toEqual([
      [project, domain, "BINARY_KEY", "regular", expect.stringMatching(/Z$/), "Ready"],
    ]);
  });

  it("reads a value from stdin, and rotates it with update", async () => {
    const first = Buffer.concat([Buffer.from(value("stdin")), Buffer.from([0, 10, 255])]);
    const created = await flyte(control, "flyte create secret STDIN_KEY", { stdin: first });
    expectOk(created);
    await waitForManaged("STDIN_KEY", {}, first, "the stdin value in the bound namespace");

    const rotated = Buffer.from(value("rotated"));
    const updated = await flyte(control, "flyte update secret STDIN_KEY", { stdin: rotated });
    expectOk(updated);
    expect(updated.stdout).toBe("secret STDIN_KEY updated in the organization scope\n");
    await waitForManaged("STDIN_KEY", {}, rotated, "the rotated value in the bound namespace");

    const argument = value("argument");
    expectOk(await flyte(control, `flyte update secret STDIN_KEY ${argument}`));
    await waitForManaged("STDIN_KEY", {}, Buffer.from(argument), "the value given as an argument");
  });

  it("refuses to update a secret that does not exist, pointing to create", async () => {
    const result = await flyte(
      control,
      `flyte update secret --domain ${domain} NO_SUCH_KEY ${value("unused")}`,
    );
    expectOneErrorLine(
      result,
      `secret NO_SUCH_KEY not found in domain development (namespace ${control}); to create it use: ` +
        "flyte create secret NO_SUCH_KEY --domain development",
    );
  });

  it("validates image_pull values and delivers a Docker config as a pull Secret", async () => {
    const notDocker = await flyte(
      control,
      `flyte create secret --type image_pull PULL_KEY ${value("plain")}`,
    );
    expectOneErrorLine(notDocker, "the value of image_pull secret PULL_KEY is not a Docker config JSON");
    const scoped = await flyte(
      control,
      "flyte create secret --type image_pull --project my_project PULL_KEY x",
    );
    expectOneErrorLine(
      scoped,
      "image_pull secrets are organization-wide, as in Flyte: drop --project and --domain",
    );
    expect(await readFlyteSecret(control, flyteSecretName("PULL_KEY", {}))).toBeUndefined();

    const token = value("registry-token");
    const config = Buffer.from(JSON.stringify({ auths: { "registry.example.com": { auth: token } } }));
    const file = join(scratch, "config.json");
    await writeFile(file, config);
    expectOk(
      await flyteArgs(control, ["create", "secret", "--type", "image_pull", "PULL_KEY", "--from-file", file]),
    );
    expect((await readFlyteSecret(control, flyteSecretName("PULL_KEY", {})))?.spec.type).toBe("ImagePull");
    await waitFor(
      async () => {
        const pull = await secretBytes(bound, imagePullSecretName({}, "PULL_KEY"), ".dockerconfigjson");
        return pull?.equals(config) ? true : undefined;
      },
      { description: "the pull Secret in the bound namespace", timeoutMs: 20_000 },
    );
    const listed = await flyte(control, "flyte get secret PULL_KEY");
    expect(tableRows(listed.stdout)[0]?.slice(0, 4)).toEqual(["-", "-", "PULL_KEY", "image_pull"]);
  });

  it("deletes a secret: its Secret and its value in task namespaces go", async () => {
    const key = "DELETE_KEY";
    const name = flyteSecretName(key, { domain });
    expectOk(await flyte(control, `flyte create secret -d ${domain} ${key} ${value("delete")}`));
    await waitFor(async () => ((await managed(key, { domain })) === undefined ? undefined : true), {
      description: "the value to arrive",
      timeoutMs: 20_000,
    });
    const result = await flyte(control, `flyte delete secret ${key} -d ${domain}`);
    expectOk(result);
    expect(await readFlyteSecret(control, name)).toBeUndefined();
    expect(await secretBytes(control, name, "value")).toBeUndefined();
    await waitForManaged(key, { domain }, undefined, "the deleted key to leave the bound namespace");
  });

  it("leaves the Secret to the garbage collector when the FlyteSecret is deleted by other means", async () => {
    const key = "GC_KEY";
    const name = flyteSecretName(key, {});
    expectOk(await flyte(control, `flyte create secret ${key} ${value("gc")}`));
    expect(await secretBytes(control, name, "value")).toBeDefined();
    await kubeConfig().makeApiClient(CustomObjectsApi).deleteNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      plural: PLURAL,
      namespace: control,
      name,
    });
    // The garbage collector may first have to discover the FlyteSecret resource (it resyncs every 30 s).
    await waitFor(
      async () => ((await secretBytes(control, name, "value")) === undefined ? true : undefined),
      {
        description: `the garbage collector to delete Secret ${control}/${name}`,
        timeoutMs: 75_000,
        intervalMs: 250,
      },
    );
    // And the key can be created again right away.
    expectOk(await flyte(control, `flyte create secret ${key} ${value("gc-again")}`));
  }, 120_000);
});

describe("errors", () => {
  let ns: string;

  beforeAll(async () => {
    ns = await createNamespace("cli-errors");
  });

  it("names the server it cannot connect to", async () => {
    const server = await closedServerUrl();
    const kubeconfig = await tokenKubeconfig(scratch, "not-a-token", server);
    const result = await flyteArgs(ns, ["--kubeconfig", kubeconfig, "get", "secret"]);
    expectOneErrorLine(result, `cannot connect to the API server at ${server}: connection refused`);
  });

  it("says which verb and resource RBAC forbids, and where", async () => {
    const api = core();
    await api.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: "reader" } } });
    const request = await api.createNamespacedServiceAccountToken({
      name: "reader",
      namespace: ns,
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    const kubeconfig = await tokenKubeconfig(scratch, request.status?.token ?? "");
    const denied = await flyteArgs(ns, ["--kubeconfig", kubeconfig, "get", "secret"]);
    expectOneErrorLine(denied, `forbidden: you may not list flytesecrets in namespace ${ns}`);

    // Allowed to manage FlyteSecrets but not Secrets: create fails on the Secret and leaves nothing behind.
    const rbac = kubeConfig().makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: ns,
      body: {
        metadata: { name: "flytesecrets-only" },
        rules: [{ apiGroups: [GROUP], resources: [PLURAL], verbs: ["get", "list", "create", "delete"] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: ns,
      body: {
        metadata: { name: "flytesecrets-only" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "flytesecrets-only" },
        subjects: [{ kind: "ServiceAccount", name: "reader", namespace: ns }],
      },
    });
    const partial = await waitFor(
      async () => {
        const attempt = await flyteArgs(ns, [
          "--kubeconfig",
          kubeconfig,
          "create",
          "secret",
          "K",
          value("rbac"),
        ]);
        return attempt.stderr.includes("flytesecrets") ? undefined : attempt;
      },
      { description: "the Role to take effect" },
    );
    expectOneErrorLine(partial, `forbidden: you may not create secrets in namespace ${ns}`);
    expect(await readFlyteSecret(ns, flyteSecretName("K", {}))).toBeUndefined();
  });

  it("says when the control namespace does not exist", async () => {
    const missing = uniqueName("no-such-namespace");
    const result = await flyte(missing, `flyte create secret K ${value("nowhere")}`);
    expectOneErrorLine(result, `namespace ${missing} does not exist: pass -n/--namespace`);
  });

  it("says the namespace does not exist for get and delete too, not that there are no secrets", async () => {
    const missing = uniqueName("no-such-namespace");
    for (const args of [
      ["get", "secret", "-n", missing],
      ["get", "secret", "K", "-n", missing],
      ["delete", "secret", "K", "-n", missing],
      ["update", "secret", "K", value("nowhere"), "-n", missing],
    ]) {
      expectOneErrorLine(
        await flyteArgs(ns, args),
        `namespace ${missing} does not exist: pass -n/--namespace`,
      );
    }
    // An existing namespace without secrets is still just that.
    const empty = await flyteArgs(ns, ["get", "secret"]);
    expect(empty).toMatchObject({ code: 0, stdout: "", stderr: `No secrets found in namespace ${ns}.\n` });
  });

  it("says no cluster is configured, and how to configure one, without a kubeconfig", async () => {
    const home = await scratchDir("flyte-secrets-home-");
    try {
      const result = await flyteArgs(ns, ["get", "secret"], { env: { KUBECONFIG: "", HOME: home } });
      expectOneErrorLine(result, "no Kubernetes cluster is configured");
      expect(result.stderr).toContain("set KUBECONFIG or pass --kubeconfig");
      expect(result.stderr).not.toContain("localhost:8080");
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it("never reads a value that starts with '-' as an option (stdin holds the value)", async () => {
    const result = await flyteArgs(ns, ["create", "secret", "DASH_KEY", "-dash"], { stdin: value("stdin") });
    expectOneErrorLine(result, "-d with text attached after NAME is ambiguous");
    expect(result.stderr).not.toContain("ash");
    expect(await readFlyteSecret(ns, flyteSecretName("DASH_KEY", { domain: "ash" }))).toBeUndefined();
    expect(await readFlyteSecret(ns, flyteSecretName("DASH_KEY", {}))).toBeUndefined();
  });

  it("refuses an empty --project or --domain instead of meaning the organization", async () => {
    const secret = value("empty-scope");
    for (const args of [
      ["create", "secret", "--project", "", "EMPTY_KEY", secret],
      ["create", "secret", "EMPTY_KEY", secret, "--domain="],
      ["delete", "secret", "EMPTY_KEY", "-p", ""],
      ["get", "secret", "--domain", ""],
    ]) {
      expectOneErrorLine(await flyteArgs(ns, args), "is empty (an unset variable?)");
    }
    expect(await readFlyteSecret(ns, flyteSecretName("EMPTY_KEY", {}))).toBeUndefined();
  });

  it("names an unknown option where it cannot be a value", async () => {
    expectOneErrorLine(
      await flyteArgs(ns, ["get", "secret", "--projct", "p"]),
      'unknown option "--projct" (see flyte get secret --help); did you mean --project?',
    );
  });

  it("answers usage mistakes with one line that repeats no value", async () => {
    const secret = value("usage");
    for (const args of [
      ["create", "secret", "K", secret, "extra"],
      ["crate", "secret", "K", secret],
      ["create", "secret", "K", `-${secret}`],
      ["create", "secret", "K", secret, "--from-file", "/no/such/file"],
      ["create", "secret", "bad/key", secret],
    ]) {
      const result = await flyteArgs(ns, args);
      expectOneErrorLine(result, "");
    }
  });
});

describe("Flyte 2's spellings and --version", () => {
  let ns: string;

  beforeAll(async () => {
    ns = await createNamespace("cli-flyte2");
  });

  it("creates with --value and lists with -of json", async () => {
    const secret = value("flag");
    expectOk(
      await flyteArgs(ns, ["create", "secret", "MY_SECRET_KEY", "--value", secret, "-p", "my_project"]),
    );
    const name = flyteSecretName("MY_SECRET_KEY", { project: "my_project" });
    expect(await secretBytes(ns, name, "value")).toEqual(Buffer.from(secret));
    for (const args of [
      ["get", "secret", "-of", "json"],
      ["-of", "json", "get", "secret"],
      ["get", "secret", "--output-format", "json"],
    ]) {
      const listed = await flyteArgs(ns, args);
      expectOk(listed);
      const items = (JSON.parse(listed.stdout) as { items: Array<{ metadata: { name: string } }> }).items;
      expect(items.map((o) => o.metadata.name)).toEqual([name]);
    }
  });

  it("prints its version without a cluster", async () => {
    const result = await flyteArgs(ns, ["--version"], { env: { KUBECONFIG: "/no/such/kubeconfig" } });
    expectOk(result);
    expect(result.stdout).toMatch(/^flyte-secrets \d+\.\d+\.\d+\n$/);
  });
});

describe("no output", () => {
  it("ever contains a value, as text or base64", () => {
    const outputs = allOutputs();
    expect(outputs.length).toBeGreaterThan(60);
    const forms = values.flatMap((v) => [v.toString("utf8"), v.toString("base64")]);
    for (const { args, text } of outputs) {
      for (const form of forms) expect(text.includes(form), `${args.join(" ")} printed a value`).toBe(false);
      if (!args.includes("--help")) {
        for (const form of [DOCS_VALUE, Buffer.from(DOCS_VALUE).toString("base64")]) {
          expect(text.includes(form), `${args.join(" ")} printed the docs' value`).toBe(false);
        }
      }
    }
  });
});
