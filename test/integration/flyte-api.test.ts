// Flyte's own clients against flyte-secrets: the unmodified `flyte` CLI and the `flyte` Python SDK from PyPI (pinned,
// test/python/flyte) manage secrets through the operator's Flyte API — in plaintext on loopback as the local mode
// runs it, and over TLS with a Kubernetes ServiceAccount token from `admin.command` — and a task pod then gets the
// secret through the webhook. Connect, gRPC and gRPC-Web are each called with connect-node's own clients. No value
// and no token ever reaches an output or the operator's log.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from "@connectrpc/connect-node";
import { CoreV1Api, CustomObjectsApi, RbacAuthorizationV1Api } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SelectClusterRequestSchema } from "../../src/api/gen/flyteidl2/cluster/payload_pb.js";
import { ClusterService } from "../../src/api/gen/flyteidl2/cluster/service_pb.js";
import { SecretService } from "../../src/api/gen/flyteidl2/secret/secret_pb.js";
import { type FlyteSecretObject, GROUP, PLURAL, VERSION } from "../../src/domain/api.ts";
import { scopeSecretName } from "../../src/domain/names.ts";
import { waitFor } from "../controlplane/wait.ts";
import { allOutputs } from "./support/cli.ts";
import { kubeConfig, scratchDir, uniqueName } from "./support/cluster.ts";
import { installCrd } from "./support/crd.ts";
import {
  apiCaFile,
  type FlyteTools,
  flyteConfig,
  flyteTools,
  type RunningApi,
  startFlyteApi,
  tokenCommand,
} from "./support/flyte-api.ts";
import { createInstallation, type Installation, type RunningOperator } from "./support/operator.ts";

const PROJECT = "flytesnacks";
const DOMAIN = "development";

let installation: Installation;
let operator: RunningOperator;
let plain: RunningApi;
let tls: RunningApi;
let tools: FlyteTools;
let dir: string;
let plainConfig: string;
let writerConfig: string;
let nobodyConfig: string;
let taskNamespace: string;

/** Every value a test gives a client; the last tests prove none was ever printed or logged. */
const values: string[] = [];
function value(label: string): string {
  const v = `${label}-${uniqueName("v")}-s3cr3t`;
  values.push(v);
  return v;
}

async function flyteSecrets(): Promise<FlyteSecretObject[]> {
  const list = (await kubeConfig().makeApiClient(CustomObjectsApi).listNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    plural: PLURAL,
    namespace: installation.controlNamespace,
  })) as { items: FlyteSecretObject[] };
  return list.items;
}

async function flyteSecretOf(key: string): Promise<FlyteSecretObject[]> {
  return (await flyteSecrets()).filter((o) => o.spec.key === key);
}

/** The bytes of the value behind a FlyteSecret (its source Secret in the control namespace). */
async function valueBehind(object: FlyteSecretObject): Promise<Buffer> {
  const ref = object.spec.valueFrom.secretKeyRef;
  const secret = await kubeConfig()
    .makeApiClient(CoreV1Api)
    .readNamespacedSecret({ name: ref.name, namespace: installation.controlNamespace });
  return Buffer.from(secret.data?.[ref.key] ?? "", "base64");
}

/** The CLI's `-of json-raw` output, parsed (it prints through rich, which adds styles). */
function jsonOf(stdout: string): { id: { name: string; project?: string; domain?: string } }[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what is removed
  return JSON.parse(stdout.replace(/\x1b\[[0-9;]*m/g, "")) as { id: { name: string } }[];
}

function expectOk(result: { code: number; stderr: string; stdout: string; signal?: string }): void {
  const ended = result.signal === undefined ? "" : `killed by ${result.signal}; `;
  expect(result.code, `${ended}${result.stdout}${result.stderr}`).toBe(0);
}

/** The CLI's error box, as one line of text (rich draws a frame around it). */
function errorText(result: { stderr: string; stdout: string }): string {
  return (result.stderr + result.stdout)
    .split("\n")
    .map((line) => line.replace(/[│╭╮╰╯─]/g, "").trim())
    .join(" ")
    .replace(/\s+/g, " ");
}

async function serviceAccount(name: string, rights: boolean): Promise<void> {
  const namespace = installation.controlNamespace;
  await kubeConfig()
    .makeApiClient(CoreV1Api)
    .createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  if (!rights) return;
  const rbac = kubeConfig().makeApiClient(RbacAuthorizationV1Api);
  // Exactly what README "Errors and permissions" lists for the flyte CLI.
  await rbac.createNamespacedRole({
    namespace,
    body: {
      metadata: { name },
      rules: [
        { apiGroups: [GROUP], resources: [PLURAL], verbs: ["get", "list", "create", "delete"] },
        { apiGroups: [""], resources: ["secrets"], verbs: ["get", "create", "update", "delete"] },
      ],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
      subjects: [{ kind: "ServiceAccount", name, namespace }],
    },
  });
}

beforeAll(async () => {
  await installCrd();
  installation = await createInstallation("flyteapi");
  operator = await installation.startOperator();
  taskNamespace = await installation.namespace("tasks", {
    "secrets.flyte.org/project": PROJECT,
    "secrets.flyte.org/domain": DOMAIN,
  });
  plain = await startFlyteApi(installation, "plaintext");
  tls = await startFlyteApi(installation, "tls");
  dir = await scratchDir("flyte-api-");
  tools = await flyteTools(dir);
  plainConfig = await flyteConfig(dir, "local", { endpoint: plain.endpoint, insecure: true });
  await serviceAccount("writer", true);
  await serviceAccount("nobody", false);
  const ca = await apiCaFile(installation, dir);
  const tokenAuth = (account: string) => ({
    endpoint: tls.endpoint,
    caCertFilePath: ca,
    authType: "ExternalCommand",
    command: tokenCommand(installation.controlNamespace, account),
  });
  writerConfig = await flyteConfig(dir, "writer", tokenAuth("writer"));
  nobodyConfig = await flyteConfig(dir, "nobody", tokenAuth("nobody"));
}, 240_000);

afterAll(async () => {
  await plain?.server.stop();
  await tls?.server.stop();
  await operator?.stop();
});

describe("the flyte CLI in local mode (plaintext on loopback)", () => {
  it("creates a secret as Flyte's docs show: flyte create secret MY_SECRET_KEY --value my_secret_value", async () => {
    values.push("my_secret_value");
    expectOk(
      await tools.cli(plainConfig, ["create", "secret", "MY_SECRET_KEY", "--value", "my_secret_value"]),
    );
    const [object, ...others] = await flyteSecretOf("MY_SECRET_KEY");
    expect(others).toEqual([]);
    expect(object?.spec).toMatchObject({ key: "MY_SECRET_KEY", type: "Generic" });
    expect(object?.spec.project).toBeUndefined();
    expect(object?.spec.domain).toBeUndefined();
    expect((await valueBehind(object as FlyteSecretObject)).toString()).toBe("my_secret_value");
  });

  it("answers AlreadyExists for the same key and scope", async () => {
    const again = await tools.cli(plainConfig, [
      "create",
      "secret",
      "MY_SECRET_KEY",
      "--value",
      value("again"),
    ]);
    expect(again.code).toBe(1);
    expect(errorText(again)).toContain("Resource already exists.");
    expect(
      (await valueBehind((await flyteSecretOf("MY_SECRET_KEY"))[0] as FlyteSecretObject)).toString(),
    ).toBe("my_secret_value");
  });

  it("scopes with -p/-d, and lists by exact scope as a table and as JSON", async () => {
    expectOk(
      await tools.cli(plainConfig, [
        "create",
        "secret",
        "DB_PASSWORD",
        "--value",
        value("db"),
        "-p",
        PROJECT,
        "-d",
        DOMAIN,
      ]),
    );
    const [object] = await flyteSecretOf("DB_PASSWORD");
    expect(object?.spec).toMatchObject({ project: PROJECT, domain: DOMAIN });

    const table = await tools.cli(plainConfig, ["get", "secret", "-p", PROJECT, "-d", DOMAIN]);
    expectOk(table);
    const row = table.stdout.split("\n").find((line) => line.includes("DB_PASSWORD")) ?? "";
    for (const cell of [PROJECT, DOMAIN, "DB_PASSWORD", "regular", "PRESENT"]) expect(row).toContain(cell);
    expect(table.stdout).toMatch(/Project.*Domain.*Name.*Type.*Created_time.*Status.*Cluster_status/);
    // Exact scope, as Flyte's server lists: the organization-wide secret is not in this scope's list...
    expect(table.stdout).not.toContain("MY_SECRET_KEY");
    // ... and the organization's list does not show the project+domain one.
    const org = await tools.cli(plainConfig, ["-of", "json-raw", "get", "secret"]);
    expectOk(org);
    const listed = jsonOf(org.stdout);
    expect(listed.map((s) => s.id.name)).toContain("MY_SECRET_KEY");
    expect(listed.map((s) => s.id.name)).not.toContain("DB_PASSWORD");

    const json = await tools.cli(plainConfig, ["-of", "json", "get", "secret", "-p", PROJECT, "-d", DOMAIN]);
    expectOk(json);
    expect(json.stdout).toContain("'name': 'DB_PASSWORD'");
    expect(json.stdout).toContain(`'project': '${PROJECT}'`);
    expect(json.stdout).toMatch(/'overallStatus': '(FULLY_PRESENT|PARTIALLY_PRESENT|UNKNOWN_STATUS)'/);
    expect(json.stdout).toMatch(/'createdTime': '\d{4}-\d\d-\d\dT/);
  });

  it("gets one secret by name with its status once the operator has materialized it", async () => {
    const object = (await flyteSecretOf("DB_PASSWORD"))[0] as FlyteSecretObject;
    await waitFor(
      async () => {
        const result = await tools.cli(plainConfig, [
          "get",
          "secret",
          "DB_PASSWORD",
          "-p",
          PROJECT,
          "-d",
          DOMAIN,
        ]);
        return result.code === 0 && result.stdout.includes("'overallStatus': 'FULLY_PRESENT'")
          ? result
          : undefined;
      },
      { description: `FULLY_PRESENT for ${object.metadata.name}`, timeoutMs: 30_000, intervalMs: 500 },
    );
  });

  it("keeps a project-only scope (Flyte's own server refuses it)", async () => {
    expectOk(
      await tools.cli(plainConfig, [
        "create",
        "secret",
        "PROJECT_ONLY",
        "--value",
        value("p"),
        "-p",
        PROJECT,
      ]),
    );
    const [object] = await flyteSecretOf("PROJECT_ONLY");
    expect(object?.spec.project).toBe(PROJECT);
    expect(object?.spec.domain).toBeUndefined();
    const listed = await tools.cli(plainConfig, ["-of", "json-raw", "get", "secret", "-p", PROJECT]);
    expectOk(listed);
    expect(jsonOf(listed.stdout).map((s) => s.id.name)).toEqual(["PROJECT_ONLY"]);
  });

  it("stores --from-file byte for byte (binary_value)", async () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 255, 254, 10, 13]), Buffer.from(value("file"))]);
    const file = join(dir, "secret.bin");
    await writeFile(file, bytes);
    expectOk(await tools.cli(plainConfig, ["create", "secret", "FROM_FILE", "--from-file", file]));
    expect(await valueBehind((await flyteSecretOf("FROM_FILE"))[0] as FlyteSecretObject)).toEqual(bytes);
  });

  it("creates an image pull secret (--type image_pull), organization-wide", async () => {
    const password = value("registry-password");
    expectOk(
      await tools.cli(plainConfig, [
        "create",
        "secret",
        "MY_REGISTRY",
        "--type",
        "image_pull",
        "--registry",
        "registry.example.com",
        "--username",
        "robot",
        "--password",
        password,
      ]),
    );
    const [object] = await flyteSecretOf("MY_REGISTRY");
    expect(object?.spec.type).toBe("ImagePull");
    const config = JSON.parse((await valueBehind(object as FlyteSecretObject)).toString()) as {
      auths: Record<string, { auth?: string }>;
    };
    expect(Buffer.from(config.auths["registry.example.com"]?.auth ?? "", "base64").toString()).toBe(
      `robot:${password}`,
    );
    const get = await tools.cli(plainConfig, ["get", "secret", "MY_REGISTRY"]);
    expectOk(get);
    expect(get.stdout).toContain("'type': 'SECRET_TYPE_IMAGE_PULL_SECRET'");
  });

  it("answers InvalidArgument with what is wrong", async () => {
    const empty = join(dir, "empty");
    await writeFile(empty, "");
    const result = await tools.cli(plainConfig, ["create", "secret", "EMPTY_VALUE", "--from-file", empty]);
    expect(result.code).toBe(1);
    expect(errorText(result)).toContain(
      "Invalid argument provided. Please check your input. Error: the value of EMPTY_VALUE is empty",
    );
    const badName = await tools.cli(plainConfig, ["create", "secret", "no spaces", "--value", value("bad")]);
    expect(badName.code).toBe(1);
    expect(errorText(badName)).toContain('"no spaces" is not a valid secret name');
    expect(await flyteSecretOf("EMPTY_VALUE")).toEqual([]);
  });

  it("deletes a secret, and answers NotFound naming where it looked and where the key is", async () => {
    expectOk(await tools.cli(plainConfig, ["delete", "secret", "FROM_FILE"]));
    expect(await flyteSecretOf("FROM_FILE")).toEqual([]);
    const missing = await tools.cli(plainConfig, ["delete", "secret", "DB_PASSWORD"]);
    expect(missing.code).toBe(1);
    expect(errorText(missing)).toContain(
      `Requested object NOT FOUND. Please check your input. Error: secret DB_PASSWORD not found in organization ` +
        `(namespace ${installation.controlNamespace}); it exists in project ${PROJECT}, domain ${DOMAIN}`,
    );
  });

  it("lets a task pod get the secret created through the Flyte CLI, by reference, through the webhook", async () => {
    const secretName = scopeSecretName({ project: PROJECT, domain: DOMAIN });
    await waitFor(
      async () => {
        try {
          const s = await kubeConfig()
            .makeApiClient(CoreV1Api)
            .readNamespacedSecret({ name: secretName, namespace: taskNamespace });
          return s.data?.DB_PASSWORD !== undefined ? true : undefined;
        } catch {
          return undefined;
        }
      },
      { description: `DB_PASSWORD in ${taskNamespace}/${secretName}`, timeoutMs: 30_000 },
    );
    const pod = await kubeConfig()
      .makeApiClient(CoreV1Api)
      .createNamespacedPod({
        namespace: taskNamespace,
        body: {
          metadata: {
            name: "task",
            labels: { "secrets.flyte.org/inject": "true", project: PROJECT, domain: DOMAIN },
            annotations: { "secrets.flyte.org/secrets": "[{key: DB_PASSWORD, as_env_var: DB_PASSWORD}]" },
          },
          spec: { containers: [{ name: "main", image: "registry.invalid/task:1" }] },
        },
      });
    expect(pod.spec?.containers[0]?.env).toContainEqual({
      name: "DB_PASSWORD",
      valueFrom: { secretKeyRef: { name: secretName, key: "DB_PASSWORD" } },
    });
  });
});

describe("the flyte CLI over TLS with a Kubernetes token (admin.authType: ExternalCommand)", () => {
  it("creates, gets and deletes for a ServiceAccount with the CLI's rights", async () => {
    expectOk(await tools.cli(writerConfig, ["create", "secret", "TLS_SECRET", "--value", value("tls")]));
    expect(await flyteSecretOf("TLS_SECRET")).toHaveLength(1);
    const get = await tools.cli(writerConfig, ["get", "secret", "TLS_SECRET"]);
    expectOk(get);
    expect(get.stdout).toContain("'name': 'TLS_SECRET'");
    expectOk(await tools.cli(writerConfig, ["delete", "secret", "TLS_SECRET"]));
    expect(await flyteSecretOf("TLS_SECRET")).toEqual([]);
  });

  it("answers PermissionDenied naming the verb and resource to a ServiceAccount without rights", async () => {
    const result = await tools.cli(nobodyConfig, ["create", "secret", "DENIED", "--value", value("denied")]);
    expect(result.code).toBe(1);
    expect(errorText(result)).toContain(
      `Permission denied. Please check your access rights. Error: system:serviceaccount:${installation.controlNamespace}:nobody ` +
        `may not list flytesecrets.secrets.flyte.org in namespace ${installation.controlNamespace}, which CreateSecret needs`,
    );
    const list = await tools.cli(nobodyConfig, ["get", "secret"]);
    expect(list.code).toBe(1);
    expect(errorText(list)).toContain("may not list flytesecrets.secrets.flyte.org");
    expect(await flyteSecretOf("DENIED")).toEqual([]);
  });
});

describe("the flyte CLI over TLS with Flyte's default login (PKCE)", () => {
  it("fails saying what to configure instead: flyte-secrets has no OAuth server", async () => {
    const ca = await apiCaFile(installation, dir);
    const pkce = await flyteConfig(dir, "pkce", { endpoint: tls.endpoint, caCertFilePath: ca });
    const result = await tools.cli(pkce, ["get", "secret"]);
    expect(result.code).toBe(1);
    expect(errorText(result)).toContain(
      "it has no OAuth server: authenticate with a Kubernetes token (admin.authType: ExternalCommand",
    );
  });
});

describe("the flyte Python SDK", () => {
  it("flyte.init(...) then flyte.remote.Secret.create / get / listall / delete", async () => {
    const script = join(dir, "sdk.py");
    await writeFile(
      script,
      [
        "import json, sys",
        "import flyte",
        "from flyte.remote import Secret",
        "flyte.init(endpoint=sys.argv[1], insecure=True)",
        "Secret.create(name='SDK_TEXT', value=sys.argv[2])",
        "Secret.create(name='SDK_BYTES', value=bytes([0, 1, 255]))",
        "got = Secret.get('SDK_TEXT')",
        "names = [s.name for s in Secret.listall(limit=2)]",
        "Secret.delete('SDK_BYTES')",
        "try:",
        "    Secret.get('SDK_BYTES')",
        "    after = 'still there'",
        "except Exception as e:",
        "    after = str(e)",
        "print(json.dumps({'got': [got.name, got.type], 'names': names, 'after': after}))",
      ].join("\n"),
    );
    const text = value("sdk");
    const result = await tools.python(script, [plain.endpoint, text]);
    expectOk(result);
    const out = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as {
      got: string[];
      names: string[];
      after: string;
    };
    expect(out.got).toEqual(["SDK_TEXT", "regular"]);
    // listall pages (limit 2) through every organization-wide secret.
    expect(out.names).toEqual(
      expect.arrayContaining(["MY_SECRET_KEY", "MY_REGISTRY", "SDK_TEXT", "SDK_BYTES"]),
    );
    expect(new Set(out.names).size).toBe(out.names.length);
    expect(out.after).toContain("secret SDK_BYTES not found");
    expect((await valueBehind((await flyteSecretOf("SDK_TEXT"))[0] as FlyteSecretObject)).toString()).toBe(
      text,
    );
    expect(await flyteSecretOf("SDK_BYTES")).toEqual([]);
  });
});

describe("the protocols", () => {
  const selectCluster = create(SelectClusterRequestSchema, {});

  it("serves Connect over HTTP/1.1 and HTTP/2 (h2c) in plaintext, gzip-compressed", async () => {
    for (const httpVersion of ["1.1", "2"] as const) {
      const transport = createConnectTransport({
        baseUrl: plain.url,
        httpVersion,
        useBinaryFormat: true,
        sendCompression: (await import("@connectrpc/connect-node")).compressionGzip,
      });
      expect(await createClient(ClusterService, transport).selectCluster(selectCluster)).toMatchObject({});
      const list = await createClient(SecretService, transport).listSecrets({});
      expect(list.secrets.map((s) => s.id?.name)).toContain("MY_SECRET_KEY");
    }
  });

  it("updates a value with UpdateSecret (Flyte's CLI and SDK have no update), refusing what cannot change", async () => {
    const client = createClient(
      SecretService,
      createConnectTransport({ baseUrl: plain.url, httpVersion: "1.1" }),
    );
    const rotated = value("rotated");
    await client.updateSecret({
      id: { name: "PROJECT_ONLY", project: PROJECT },
      secretSpec: { value: { case: "stringValue", value: rotated } },
    });
    expect(
      (await valueBehind((await flyteSecretOf("PROJECT_ONLY"))[0] as FlyteSecretObject)).toString(),
    ).toBe(rotated);
    const missing = await client
      .updateSecret({
        id: { name: "PROJECT_ONLY" },
        secretSpec: { value: { case: "stringValue", value: "x" } },
      })
      .catch((e: unknown) => e as ConnectError);
    expect(missing).toMatchObject({ code: Code.NotFound });
    expect((missing as ConnectError).rawMessage).toContain(`it exists in project ${PROJECT}`);
    const retyped = await client
      .updateSecret({
        id: { name: "PROJECT_ONLY", project: PROJECT },
        secretSpec: { value: { case: "stringValue", value: "{}" }, type: 1 },
      })
      .catch((e: unknown) => e as ConnectError);
    expect(retyped).toMatchObject({ code: Code.FailedPrecondition });
    expect((retyped as ConnectError).rawMessage).toContain("its type cannot change");
  });

  it("serves gRPC and gRPC-Web over TLS (HTTP/2 by ALPN) to a token holder, and Unauthenticated without one", async () => {
    const ca = (
      await kubeConfig()
        .makeApiClient(CoreV1Api)
        .readNamespacedSecret({ name: "flyte-secrets-api-tls", namespace: installation.controlNamespace })
    ).data?.["ca.crt"];
    const nodeOptions = { ca: Buffer.from(ca ?? "", "base64") };
    const token = (
      await kubeConfig()
        .makeApiClient(CoreV1Api)
        .createNamespacedServiceAccountToken({
          name: "writer",
          namespace: installation.controlNamespace,
          body: { spec: {} },
        })
    ).status?.token;
    const headers = { authorization: `Bearer ${token}` };
    const grpc = createGrpcTransport({ baseUrl: tls.url, nodeOptions });
    const grpcWeb = createGrpcWebTransport({ baseUrl: tls.url, httpVersion: "1.1", nodeOptions });
    for (const transport of [grpc, grpcWeb]) {
      const list = await createClient(SecretService, transport).listSecrets({}, { headers });
      expect(list.secrets.map((s) => s.id?.name)).toContain("MY_SECRET_KEY");
      const refused = await createClient(SecretService, transport)
        .listSecrets({})
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ConnectError);
      expect((refused as ConnectError).code).toBe(Code.Unauthenticated);
      expect((refused as ConnectError).rawMessage).toContain("no bearer token in the request");
      const bad = await createClient(SecretService, transport)
        .listSecrets({}, { headers: { authorization: "Bearer not-a-token" } })
        .catch((e: unknown) => e);
      expect((bad as ConnectError).code).toBe(Code.Unauthenticated);
    }
  });
});

describe("secrecy", () => {
  it("never prints a value", () => {
    for (const output of allOutputs()) for (const v of values) expect(output.text).not.toContain(v);
  });

  it("never logs a value or a token", async () => {
    const logs = await installation.logs();
    expect(logs).toContain("secret created through the Flyte API");
    for (const v of values) expect(logs).not.toContain(v);
    expect(logs).not.toMatch(/eyJhbGciOi/);
  });
});
