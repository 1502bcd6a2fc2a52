import { describe, expect, it } from "vitest";
import { CliError } from "../../../src/cli/errors.ts";
import { oneLine, run } from "../../../src/cli/program.ts";
import type { FlyteSecretObject } from "../../../src/domain/api.ts";
import { flyteSecretName, flyteSecretNames } from "../../../src/domain/names.ts";
import { ownerReferenceTo } from "../../../src/operations/resources.ts";
import { FakeStore, fakeDependencies, fakeTerminal } from "./fakes.ts";

const VALUE = "my_secret_value";
const DOCKER = '{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}';
const orgName = flyteSecretName("MY_SECRET_KEY", {});
const pdName = flyteSecretName("MY_SECRET_KEY", { project: "my_project", domain: "development" });

async function flyte(
  argv: string[],
  options: {
    store?: FakeStore;
    stdin?: Uint8Array;
    terminal?: boolean;
    typed?: string | undefined;
    env?: Record<string, string>;
    files?: Record<string, Uint8Array>;
    programName?: string;
  } = {},
) {
  const store = options.store ?? new FakeStore();
  const terminal = fakeTerminal({
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
    ...("typed" in options ? { typed: options.typed } : {}),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  for (const [path, data] of Object.entries(options.files ?? {})) terminal.files.set(path, data);
  const { deps, connections } = fakeDependencies(store, terminal, options.programName);
  const code = await run(argv, deps);
  return {
    code,
    stdout: terminal.stdout(),
    stderr: terminal.stderr(),
    store,
    connections,
    prompts: terminal.prompts,
  };
}

function storedValue(store: FakeStore, name: string): Buffer {
  return Buffer.from(store.secrets.get(name)?.data?.value ?? "", "base64");
}

function expectOneErrorLine(result: { code: number; stderr: string; stdout: string }, text: string): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toContain(text);
}

describe("options before or after the arguments", () => {
  it.each([
    [["create", "secret", "MY_SECRET_KEY", VALUE], {}],
    [
      ["create", "secret", "--project", "my_project", "--domain", "development", "MY_SECRET_KEY", VALUE],
      { project: "my_project", domain: "development" },
    ],
    [
      ["create", "secret", "MY_SECRET_KEY", VALUE, "--project", "my_project", "--domain", "development"],
      { project: "my_project", domain: "development" },
    ],
    [
      ["create", "secret", "-p", "my_project", "MY_SECRET_KEY", "-d", "development", VALUE],
      { project: "my_project", domain: "development" },
    ],
    [["create", "secret", "--project=my_project", "MY_SECRET_KEY", VALUE], { project: "my_project" }],
    [["create", "secrets", "-ddevelopment", "MY_SECRET_KEY", VALUE], { domain: "development" }],
    [["create", "secret", "MY_SECRET_KEY", "--value", VALUE], {}],
    [
      ["create", "secret", "MY_SECRET_KEY", `--value=${VALUE}`, "-p", "my_project"],
      { project: "my_project" },
    ],
    [["create", "secret", "--value", VALUE, "MY_SECRET_KEY", "-d", "development"], { domain: "development" }],
    [["-of", "json", "create", "secret", "MY_SECRET_KEY", VALUE], {}],
  ])("%j", async (argv, scope) => {
    const result = await flyte(argv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const name = flyteSecretName("MY_SECRET_KEY", scope);
    const created = result.store.flyteSecrets.get(name);
    expect(created?.spec).toEqual({
      key: "MY_SECRET_KEY",
      ...scope,
      type: "Generic",
      valueFrom: { secretKeyRef: { name, key: "value" } },
    });
    expect(storedValue(result.store, name).toString()).toBe(VALUE);
  });

  it.each([
    [["-n", "team", "get", "secret"], {}, "team"],
    [["get", "secret", "-n", "team"], {}, "team"],
    [["get", "-n", "team", "secret"], {}, "team"],
    [["get", "secret", "--namespace=team"], {}, "team"],
    [["get", "secret"], { FLYTE_SECRETS_NAMESPACE: "from-env" }, "from-env"],
    [["get", "secret", "-n", "team"], { FLYTE_SECRETS_NAMESPACE: "from-env" }, "team"],
    [["get", "secret"], {}, "flyte-secrets"],
    [["get", "secret"], { FLYTE_SECRETS_NAMESPACE: "" }, "flyte-secrets"],
  ])("%j with env %j uses namespace %s", async (argv, env, namespace) => {
    const result = await flyte(argv, { env });
    expect(result.code).toBe(0);
    expect(result.connections).toEqual([{ kubeconfig: undefined, context: undefined, namespace }]);
  });

  it("passes --kubeconfig and --context wherever they are", async () => {
    const result = await flyte(["--kubeconfig", "/k", "get", "secret", "--context", "c"]);
    expect(result.connections).toEqual([{ kubeconfig: "/k", context: "c", namespace: "flyte-secrets" }]);
  });
});

describe("create secret", () => {
  it("creates the FlyteSecret, then its Secret owned by it", async () => {
    const result = await flyte(["create", "secret", "MY_SECRET_KEY", VALUE]);
    expect(result.stdout).toBe("secret MY_SECRET_KEY created in the organization scope\n");
    expect(result.store.calls).toEqual([
      "list flytesecrets",
      `create flytesecrets/${orgName}`,
      `create secrets/${orgName}`,
    ]);
    const owner = result.store.flyteSecrets.get(orgName);
    const secret = result.store.secrets.get(orgName);
    expect(secret?.type).toBe("Opaque");
    expect(secret?.metadata?.ownerReferences).toEqual([
      ownerReferenceTo({ name: orgName, uid: owner?.metadata.uid ?? "?" }),
    ]);
  });

  it.each([
    ["a value argument", ["K", "v"], {}, Buffer.from("v")],
    [
      "stdin, every byte",
      ["K"],
      { stdin: Uint8Array.from({ length: 256 }, (_, i) => i) },
      Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => i)),
    ],
    [
      "a file, every byte",
      ["K", "--from-file", "/f"],
      { files: { "/f": new Uint8Array([0, 1, 254, 255, 10]) } },
      Buffer.from([0, 1, 254, 255, 10]),
    ],
    [
      "the hidden prompt on a terminal",
      ["K"],
      { terminal: true, typed: "typed value" },
      Buffer.from("typed value"),
    ],
  ])("takes the value from %s", async (_what, args, options, expected) => {
    const result = await flyte(["create", "secret", ...args], options);
    expect(result.code).toBe(0);
    expect(storedValue(result.store, flyteSecretName("K", {}))).toEqual(expected);
    expect(result.prompts).toEqual("terminal" in options ? ["Value for K (hidden): "] : []);
  });

  it("refuses an existing key and scope, whatever its name, before reading a value", async () => {
    const store = new FakeStore();
    store.addFlyteSecret("made-by-hand", {
      key: "MY_SECRET_KEY",
      project: "my_project",
      domain: "development",
      valueFrom: { secretKeyRef: { name: "x", key: "y" } },
    });
    const result = await flyte(
      ["create", "secret", "-p", "my_project", "-d", "development", "MY_SECRET_KEY"],
      {
        store,
        terminal: true,
        typed: VALUE,
      },
    );
    expectOneErrorLine(
      result,
      "secret MY_SECRET_KEY already exists in project my_project, domain development (namespace flyte-secrets); " +
        "to change its value use: flyte update secret MY_SECRET_KEY --project my_project --domain development",
    );
    expect(result.prompts).toEqual([]);
    expect(store.calls).toEqual(["list flytesecrets"]);
  });

  it("reports a FlyteSecret created meanwhile (409) the same way", async () => {
    const store = new FakeStore();
    store.outcomes.set("createFlyteSecret", ["exists"]);
    const result = await flyte(["create", "secret", "K", "v"], { store });
    expectOneErrorLine(result, "already exists");
    expect(store.secrets.size).toBe(0);
  });

  it("removes the FlyteSecret again when its Secret cannot be created", async () => {
    const store = new FakeStore();
    store.failures.set(
      "createSecret",
      new CliError("forbidden: you may not create secrets in namespace flyte-secrets"),
    );
    const result = await flyte(["create", "secret", "MY_SECRET_KEY", VALUE], { store });
    expectOneErrorLine(result, "forbidden: you may not create secrets in namespace flyte-secrets");
    expect(store.flyteSecrets.size).toBe(0);
    expect(store.calls.at(-1)).toBe(`delete flytesecrets/${orgName}`);
  });

  it("says so when removing the half-made FlyteSecret fails too", async () => {
    const store = new FakeStore();
    store.failures.set("createSecret", new CliError("forbidden: secrets"));
    store.failures.set("deleteFlyteSecret", new CliError("forbidden: flytesecrets"));
    const result = await flyte(["create", "secret", "K", "v"], { store });
    expectOneErrorLine(result, "forbidden: secrets; removing the FlyteSecret");
  });

  it("never takes over a Secret it did not create: takes the fallback name, or refuses when that is taken too", async () => {
    const store = new FakeStore();
    const [name = "", fallback = ""] = flyteSecretNames("K", {});
    const theirs = { metadata: { name, uid: "mine", resourceVersion: "7" }, data: { mine: "eA==" } };
    store.secrets.set(name, structuredClone(theirs));
    const created = await flyte(["create", "secret", "K", "v"], { store });
    expect(created.code).toBe(0);
    expect(store.secrets.get(name)).toEqual(theirs);
    expect([...store.flyteSecrets.keys()]).toEqual([fallback]);
    expect(storedValue(store, fallback).toString()).toBe("v");

    const crowded = new FakeStore();
    const [other = "", otherFallback = ""] = flyteSecretNames("L", {});
    for (const taken of [other, otherFallback]) {
      crowded.secrets.set(taken, { metadata: { name: taken, uid: "mine" }, data: {} });
    }
    const result = await flyte(["create", "secret", "L", "v"], { store: crowded });
    expectOneErrorLine(
      result,
      `a Secret named ${otherFallback} already exists in namespace flyte-secrets and flyte did not create it`,
    );
    expect(crowded.flyteSecrets.size).toBe(0);
  });

  it("names a FlyteSecret readably, falling back when another key holds that name", async () => {
    const first = await flyte(["create", "secret", "MY_KEY", "v", "-p", "my_project"]);
    expect([...first.store.flyteSecrets.keys()]).toEqual(["my-key.p.my-project"]);
    const second = await flyte(["create", "secret", "my-key", "v", "-p", "my-project"], {
      store: first.store,
    });
    expect(second.code).toBe(0);
    expect([...first.store.flyteSecrets.keys()]).toEqual([
      "my-key.p.my-project",
      flyteSecretNames("my-key", { project: "my-project" })[1],
    ]);
    const updated = await flyte(["update", "secret", "my-key", "w", "-p", "my-project"], {
      store: first.store,
    });
    expect(updated.code).toBe(0);
    expect(storedValue(first.store, "my-key.p.my-project").toString()).toBe("v");
  });

  it("takes over its own leftover Secret of an earlier FlyteSecret of that name", async () => {
    const store = new FakeStore();
    const name = flyteSecretName("K", {});
    store.secrets.set(name, {
      metadata: {
        name,
        uid: "s1",
        resourceVersion: "3",
        ownerReferences: [ownerReferenceTo({ name, uid: "gone" })],
      },
      data: { value: "b2xk" },
    });
    const result = await flyte(["create", "secret", "K", "new"], { store });
    expect(result.code).toBe(0);
    const uid = store.flyteSecrets.get(name)?.metadata.uid ?? "?";
    expect(store.secrets.get(name)?.metadata?.ownerReferences).toEqual([ownerReferenceTo({ name, uid })]);
    expect(storedValue(store, name).toString()).toBe("new");
  });

  it.each([
    [["--type", "image_pull", "R", VALUE], "is not a Docker config JSON"],
    [["--type", "image_pull", "R", '{"auths":{}}'], 'has no registries under "auths"'],
    [
      ["--type", "image_pull", "-p", "my_project", "R", DOCKER],
      "image_pull secrets are organization-wide, as in Flyte",
    ],
    [["--type", "image_pull", "R", DOCKER, "--domain", "development"], "drop --project and --domain"],
    [["K", ""], "the value of K is empty"],
    [["K", "--from-file", "/missing"], "cannot read --from-file /missing: no such file"],
    [
      ["K", VALUE, "--from-file", "/f"],
      "give the value one way: as VALUE, with --value, or with --from-file",
    ],
    [["K", VALUE, "--value", VALUE], "give the value one way"],
    [["K", "--value", VALUE, "--from-file", "/f"], "give the value one way"],
    [["K", "--value", ""], "the value of K is empty"],
    [["bad/key", VALUE], "is not a valid secret name"],
    [["K", VALUE, "--project", "not valid"], "is not a valid project"],
  ])("refuses %j without writing", async (args, message) => {
    const result = await flyte(["create", "secret", ...args]);
    expectOneErrorLine(result, message);
    expect(result.store.calls.filter((c) => !c.startsWith("list"))).toEqual([]);
  });

  it("creates an image_pull secret from a Docker config", async () => {
    const result = await flyte(["create", "secret", "--type", "image_pull", "my-registry", DOCKER]);
    expect(result.code).toBe(0);
    const name = flyteSecretName("my-registry", {});
    expect(result.store.flyteSecrets.get(name)?.spec.type).toBe("ImagePull");
    expect(storedValue(result.store, name).toString()).toBe(DOCKER);
  });

  it("gives up with exit code 130 when the prompt is interrupted", async () => {
    const result = await flyte(["create", "secret", "K"], { terminal: true, typed: undefined });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("error: cancelled: no value was entered\n");
    expect(result.store.flyteSecrets.size).toBe(0);
  });
});

describe("empty scope flags", () => {
  // A script with an unset $PROJECT must not make (or delete) an organization-wide secret.
  it.each([
    [
      ["create", "secret", "--project", "", "K", VALUE],
      "--project is empty (an unset variable?): give a project, or leave --project out",
    ],
    [["create", "secret", "K", VALUE, "--project="], "--project is empty"],
    [["create", "secret", "-p", "", "K", VALUE], "--project is empty"],
    [["create", "secret", "--domain", "", "K", VALUE], "--domain is empty"],
    [["create", "secret", "-d", "", "-p", "p", "K"], "--domain is empty"],
    [["update", "secret", "K", VALUE, "-p", ""], "give the secret's project, or leave --project out"],
    [
      ["delete", "secret", "K", "--domain", ""],
      "--domain is empty (an unset variable?): give the secret's domain",
    ],
    [["delete", "secret", "K", "--project="], "--project is empty"],
    [
      ["get", "secret", "--project", ""],
      "give a project to list, or leave --project out to list every project",
    ],
    [["get", "secret", "K", "-d", ""], "--domain is empty"],
    [["-n", "", "get", "secret"], "-n/--namespace is empty (an unset variable?)"],
    [["get", "secret", "--namespace="], "-n/--namespace is empty"],
  ])("refuses %j before touching the cluster", async (argv, text) => {
    const store = new FakeStore();
    store.addFlyteSecret("org", { key: "K", valueFrom: { secretKeyRef: { name: "org", key: "value" } } });
    const result = await flyte(argv, { store, terminal: true, typed: VALUE });
    expectOneErrorLine(result, text);
    expect(result.prompts).toEqual([]);
    expect(result.connections).toEqual([]);
    expect(store.calls).toEqual([]);
    expect([...store.flyteSecrets.keys()]).toEqual(["org"]);
  });
});

describe("update secret", () => {
  async function withSecret(scope: string[] = [], type = "regular", value = VALUE) {
    const created = await flyte(["create", "secret", "--type", type, "MY_SECRET_KEY", value, ...scope]);
    expect(created.code).toBe(0);
    created.store.calls.length = 0;
    return created.store;
  }

  it("replaces the value of the secret at exactly that scope", async () => {
    const store = await withSecret(["-p", "my_project", "-d", "development"]);
    const result = await flyte(
      ["update", "secret", "MY_SECRET_KEY", "rotated", "--project", "my_project", "--domain", "development"],
      { store },
    );
    expect(result.stdout).toBe("secret MY_SECRET_KEY updated in project my_project, domain development\n");
    expect(storedValue(store, pdName).toString()).toBe("rotated");
    const uid = store.flyteSecrets.get(pdName)?.metadata.uid ?? "?";
    expect(store.secrets.get(pdName)?.metadata?.ownerReferences).toEqual([
      ownerReferenceTo({ name: pdName, uid }),
    ]);
  });

  it("retries when the Secret changed meanwhile", async () => {
    const store = await withSecret();
    store.outcomes.set("replaceSecret", ["conflict"]);
    const result = await flyte(["update", "secret", "MY_SECRET_KEY", "rotated"], { store });
    expect(result.code).toBe(0);
    expect(store.calls.filter((c) => c.startsWith("update"))).toHaveLength(2);
    expect(storedValue(store, orgName).toString()).toBe("rotated");
  });

  it("gives up after repeated conflicts", async () => {
    const store = await withSecret();
    store.outcomes.set("replaceSecret", ["conflict", "conflict", "conflict"]);
    const result = await flyte(["update", "secret", "MY_SECRET_KEY", "rotated"], { store });
    expectOneErrorLine(result, "kept changing");
  });

  it("writes its own Secret again when it went missing", async () => {
    const store = await withSecret();
    store.secrets.clear();
    const result = await flyte(["update", "secret", "MY_SECRET_KEY", "rotated"], { store });
    expect(result.code).toBe(0);
    expect(storedValue(store, orgName).toString()).toBe("rotated");
  });

  it("points to create when there is no such secret (there, or at all)", async () => {
    const store = await withSecret(["-p", "my_project"]);
    const result = await flyte(["update", "secret", "MY_SECRET_KEY", "x"], { store });
    expectOneErrorLine(
      result,
      "secret MY_SECRET_KEY not found in the organization scope (namespace flyte-secrets); it exists in project my_project: " +
        "pass that --project/--domain; to create it use: flyte create secret MY_SECRET_KEY",
    );
  });

  it("never writes a Secret it did not create", async () => {
    const store = new FakeStore();
    store.addFlyteSecret("by-hand", {
      key: "K",
      valueFrom: { secretKeyRef: { name: "vault-synced", key: "token" } },
    });
    store.secrets.set("vault-synced", {
      metadata: { name: "vault-synced", uid: "v", resourceVersion: "1" },
      data: { token: "eA==" },
    });
    const result = await flyte(["update", "secret", "K", "x"], { store });
    expectOneErrorLine(result, "takes its value from Secret vault-synced, which flyte did not create");
    expect(store.secrets.get("vault-synced")?.data).toEqual({ token: "eA==" });

    store.secrets.clear();
    const missing = await flyte(["update", "secret", "K", "x"], { store });
    expectOneErrorLine(missing, "takes its value from Secret vault-synced, which does not exist");
    expect(store.secrets.size).toBe(0);
  });

  it.each([
    [["--type", "image_pull"], "regular", VALUE, "is of type regular and its type cannot change"],
    [[], "image_pull", DOCKER, "is not a Docker config JSON"],
  ])("checks the type: %j on a %s secret", async (flags, type, initial, message) => {
    const store = await withSecret([], type, initial);
    const result = await flyte(["update", "secret", "MY_SECRET_KEY", "plain", ...flags], { store });
    expectOneErrorLine(result, message);
    expect(storedValue(store, orgName).toString()).toBe(initial);
  });
});

describe("get secret", () => {
  function populated(): FakeStore {
    const store = new FakeStore();
    const ref = { secretKeyRef: { name: "s", key: "value" } };
    store.addFlyteSecret(
      "a",
      { key: "MY_SECRET_KEY", valueFrom: ref },
      {
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "Materialized",
            message: "",
            lastTransitionTime: "2025-01-31T12:00:01Z",
          },
        ],
      },
    );
    store.addFlyteSecret("b", {
      key: "MY_SECRET_KEY",
      project: "my_project",
      domain: "development",
      valueFrom: ref,
    });
    store.addFlyteSecret(
      "c",
      { key: "OTHER", domain: "development", type: "ImagePull", valueFrom: ref },
      {
        conditions: [
          {
            type: "Ready",
            status: "False",
            reason: "SourceNotFound",
            message: "",
            lastTransitionTime: "2025-01-31T12:00:01Z",
          },
        ],
      },
    );
    return store;
  }

  it("lists every secret as Flyte's table", async () => {
    const result = await flyte(["get", "secret"], { store: populated() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "PROJECT      DOMAIN        NAME            TYPE         CREATED                STATUS",
        "-            -             MY_SECRET_KEY   regular      2025-01-31T12:00:00Z   Ready",
        "my_project   development   MY_SECRET_KEY   regular      2025-01-31T12:00:00Z   Pending",
        "-            development   OTHER           image_pull   2025-01-31T12:00:00Z   SourceNotFound",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [["--project", "my_project", "--domain", "development"], ["b"]],
    [
      ["-d", "development"],
      ["b", "c"],
    ],
    [["MY_SECRET_KEY"], ["a", "b"]],
    [["MY_SECRET_KEY", "-p", "my_project"], ["b"]],
  ])("%j keeps %j", async (args, names) => {
    const result = await flyte(["get", "secret", ...args, "-o", "json"], { store: populated() });
    const list = JSON.parse(result.stdout) as { items: FlyteSecretObject[] };
    expect(list.items.map((o) => o.metadata.name)).toEqual(names);
  });

  it("--effective shows, per key, the secret a task of the project and domain receives", async () => {
    const result = await flyte(["get", "secret", "-p", "my_project", "-d", "development", "--effective"], {
      store: populated(),
    });
    expect(result.code).toBe(0);
    // MY_SECRET_KEY: my_project/development is still Pending, so the organization's Ready one wins; OTHER has no
    // servable secret, so its candidate shows with its status.
    expect(result.stdout).toBe(
      [
        "PROJECT   DOMAIN        NAME            TYPE         CREATED                STATUS",
        "-         -             MY_SECRET_KEY   regular      2025-01-31T12:00:00Z   Ready",
        "-         development   OTHER           image_pull   2025-01-31T12:00:00Z   SourceNotFound",
        "",
      ].join("\n"),
    );
    const json = await flyte(
      ["get", "secret", "-p", "my_project", "-d", "development", "--effective", "-o", "json"],
      {
        store: populated(),
      },
    );
    expect(
      (JSON.parse(json.stdout) as { items: FlyteSecretObject[] }).items.map((o) => o.metadata.name),
    ).toEqual(["a"]);
  });

  it("--effective needs both --project and --domain", async () => {
    expectOneErrorLine(
      await flyte(["get", "secret", "-p", "my_project", "--effective"], { store: populated() }),
      "pass both --project and --domain",
    );
  });

  it("says when a named key is not there", async () => {
    expectOneErrorLine(
      await flyte(["get", "secret", "NOPE"], { store: populated() }),
      "secret NOPE not found (namespace flyte-secrets)",
    );
    expectOneErrorLine(
      await flyte(["get", "secret", "OTHER", "-p", "my_project"], { store: populated() }),
      "secret OTHER not found with project my_project (namespace flyte-secrets)",
    );
  });

  it("notes an empty namespace on stderr", async () => {
    const result = await flyte(["get", "secret"]);
    expect(result).toMatchObject({
      code: 0,
      stdout: "",
      stderr: "No secrets found in namespace flyte-secrets.\n",
    });
  });
});

describe("delete secret", () => {
  it("deletes the secret at exactly that scope, and its own Secret", async () => {
    const { store } = await flyte(["create", "secret", "MY_SECRET_KEY", VALUE]);
    await flyte(["create", "secret", "-p", "my_project", "-d", "development", "MY_SECRET_KEY", VALUE], {
      store,
    });
    const result = await flyte(["delete", "secret", "MY_SECRET_KEY"], { store });
    expect(result.stdout).toBe("secret MY_SECRET_KEY deleted from the organization scope\n");
    expect([...store.flyteSecrets.keys()]).toEqual([pdName]);
    expect([...store.secrets.keys()]).toEqual([pdName]);
  });

  it("leaves alone a Secret it did not create", async () => {
    const store = new FakeStore();
    store.addFlyteSecret("by-hand", {
      key: "K",
      valueFrom: { secretKeyRef: { name: "by-hand", key: "value" } },
    });
    store.secrets.set("by-hand", { metadata: { name: "by-hand", uid: "u" }, data: { value: "eA==" } });
    const result = await flyte(["delete", "secret", "K"], { store });
    expect(result.code).toBe(0);
    expect(store.flyteSecrets.size).toBe(0);
    expect(store.secrets.has("by-hand")).toBe(true);
  });

  it("still succeeds when it may not touch Secrets (the garbage collector removes its own)", async () => {
    const { store } = await flyte(["create", "secret", "K", "v"]);
    store.failures.set("readSecret", new CliError("forbidden"));
    const result = await flyte(["delete", "secret", "K"], { store });
    expect(result.code).toBe(0);
    expect(store.flyteSecrets.size).toBe(0);
  });

  it("says where the key exists when it is not at that scope", async () => {
    const { store } = await flyte(["create", "secret", "-d", "development", "K", "v"]);
    const result = await flyte(["delete", "secret", "K", "-p", "my_project"], { store });
    expectOneErrorLine(
      result,
      "secret K not found in project my_project (namespace flyte-secrets); it exists in domain development: pass that --project/--domain",
    );
    expect(store.flyteSecrets.size).toBe(1);
  });
});

describe("the program", () => {
  it.each([
    [[], "Usage: flyte [options] [command]"],
    [
      ["--help"],
      "$ flyte create secret --project my_project --domain development MY_SECRET_KEY my_secret_value",
    ],
    [
      ["create", "secret", "--help"],
      "$ flyte create secret MY_SECRET_KEY --from-file /local/path/to/my_secret_file",
    ],
    [["update", "secret", "--help"], "$ flyte update secret MY_SECRET_KEY my_new_value"],
    [["get", "secret", "--help"], "$ flyte get secret --project my_project --domain development"],
    [["delete", "secret", "--help"], "$ flyte delete secret MY_SECRET_KEY"],
    [["create", "--help"], "secret [options] <NAME> [VALUE]"],
  ])("%j shows help with the Flyte docs' examples", async (argv, text) => {
    const result = await flyte(argv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(text);
    expect(result.store.calls).toEqual([]);
  });

  it("calls itself kubectl flyte as the kubectl plugin", async () => {
    const help = await flyte(["get", "secret", "--help"], { programName: "kubectl flyte" });
    expect(help.stdout).toContain("Usage: kubectl flyte get secret");
    expect(help.stdout).toContain("$ kubectl flyte get secret --project my_project --domain development");
    const { store } = await flyte(["create", "secret", "K", "v"]);
    const duplicate = await flyte(["create", "secret", "K", "v"], { store, programName: "kubectl flyte" });
    expect(duplicate.stderr).toContain("use: kubectl flyte update secret K");
  });

  it.each([
    [["create", "secret"], "error: missing required argument 'NAME'"],
    [["create"], "say what to create: flyte create secret"],
    [["create", "secert", "K", VALUE], 'unknown resource "secert"'],
    [["crate", "secret", "K", VALUE], 'unknown command "crate"'],
    [["create", "secret", "K", VALUE, "extra"], "too many arguments: expected NAME [VALUE]"],
    [
      ["create", "secret", "K", `-${VALUE}`],
      "unknown option, or a VALUE that starts with '-' (not repeated: it may be a value): a VALUE that starts " +
        "with '-' goes after --, as in: flyte create secret NAME -- VALUE (or --value=VALUE)",
    ],
    [["create", "secret", "K", `--${VALUE}=x`], "a VALUE that starts with '-' goes after --"],
    [["update", "secret", "K", `-${VALUE}`], "as in: flyte update secret NAME -- VALUE"],
    [["create", "secret", "K", "--projet", "p", VALUE], "did you mean --project?"],
    [["create", "secret", "K", "my", `-${VALUE}`], "not repeated: it may be part of a value"],
    [["create", "secret", "K", "--from-file", "/f", `-${VALUE}`], "quote a value that contains spaces"],
    [["create", "secret", "K", VALUE, "--type", "other"], "Allowed choices are regular, image_pull"],
    [["get", "secret", "-o", "wide"], "Allowed choices are table, json, yaml"],
    [["get", "secret", "K", VALUE], "too many arguments: expected [NAME]"],
    [["delete", "secret"], "missing required argument 'NAME'"],
    [["--kubeconfig", "/missing", "get", "secret"], "cannot read the kubeconfig /missing: no such file"],
  ])("%j fails with one line and never repeats a value", async (argv, text) => {
    const result = await flyte(argv);
    expectOneErrorLine(result, text);
    expect(result.stderr).not.toContain(VALUE);
  });

  it.each([
    // The case: stdin holds the value, and `-dash` would have become `--domain ash`.
    [["create", "secret", "K", "-dash"], "-d with text attached after NAME is ambiguous"],
    [["create", "secret", "K", "-d"], "argument missing"],
    [["update", "secret", "K", "-ps3cr3t"], "write -p PROJECT with a space"],
    [["create", "secret", "K", "-ns3cr3t"], "write -n NAMESPACE with a space"],
    [["create", "secret", "K", "v", "-ds3cr3t"], "quote a value that contains spaces"],
    [["create", "secret", "K", "-hs3cr3t"], "not repeated"],
  ])("never reads a value after NAME as an option with text attached: %j", async (argv, text) => {
    const result = await flyte(argv, { stdin: Buffer.from(VALUE) });
    expectOneErrorLine(result, text);
    expect(result.stderr).not.toMatch(/s3cr3t|ash/);
    expect(result.store.calls).toEqual([]);
  });

  it.each([
    [["get", "secret", "--foo"], 'unknown option "--foo" (see flyte get secret --help)'],
    [["get", "secret", "--foo=bar"], 'unknown option "--foo" (see flyte get secret --help)'],
    [
      ["get", "secret", "--projct", "p"],
      'unknown option "--projct" (see flyte get secret --help); did you mean --project?',
    ],
    [
      ["delete", "secret", "-x", "K"],
      'unknown option "-x" (see flyte delete secret --help); a NAME that starts with',
    ],
    [
      ["delete", "secret", "-mykey"],
      "a NAME that starts with '-' goes after --, as in: flyte delete secret -- NAME",
    ],
    [["get", "secret", "K", "-x"], 'unknown option "-x" (see flyte get secret --help)'],
    [["--bogus", "get", "secret"], 'unknown option "--bogus" (see flyte --help)'],
    [["create", "secret", "--from-flie", "f", "K"], "did you mean --from-file?"],
    [["get", "secret", "-o", "json", "-of", "yaml"], "-o and -of/--output-format ask for different formats"],
    [["get", "secret", "-of", "wide"], "Allowed choices are table, json, yaml"],
  ])("names an unknown option where it cannot be a value: %j", async (argv, text) => {
    const result = await flyte(argv);
    expectOneErrorLine(result, text);
    expect(result.store.calls).toEqual([]);
  });

  it.each([
    [["get", "secret", "-of", "json"]],
    [["-of", "json", "get", "secret"]],
    [["get", "secret", "--output-format", "json"]],
    [["get", "secret", "--output-format=json"]],
    [["get", "secret", "-of=json"]],
    [["get", "secret", "-o", "json", "-of", "json"]],
    [["get", "secret", "-ojson"]],
  ])("takes Flyte 2's -of/--output-format beside -o: %j", async (argv) => {
    const result = await flyte(argv);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: "List", items: [] });
  });

  it("keeps an option's value its own, even when it looks like another option", async () => {
    const result = await flyte(["create", "secret", "K", "--value", "-nx", "-p", "my_project"]);
    expect(result.stderr).toBe("");
    expect(result.connections).toEqual([
      { kubeconfig: undefined, context: undefined, namespace: "flyte-secrets" },
    ]);
    expect(storedValue(result.store, flyteSecretName("K", { project: "my_project" })).toString()).toBe("-nx");
    const dashed = await flyte(["create", "secret", "K", "--value=--project"]);
    expect(storedValue(dashed.store, flyteSecretName("K", {})).toString()).toBe("--project");
  });

  it("prints its version", async () => {
    const result = await flyte(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^flyte-secrets \d+\.\d+\.\d+\n$/);
    expect(result.store.calls).toEqual([]);
    expect(result.connections).toEqual([]);
  });

  it("documents --value and -of/--output-format in help", async () => {
    expect((await flyte(["create", "secret", "--help"])).stdout).toContain("--value <value>");
    expect((await flyte(["update", "secret", "--help"])).stdout).toContain("--value <value>");
    const get = await flyte(["get", "secret", "--help"]);
    expect(get.stdout).toContain("-of, --output-format <format>");
    expect(get.stdout).toContain("-o, --output <format>");
  });

  it("takes a value that starts with '-' after --", async () => {
    const result = await flyte(["create", "secret", "-p", "my_project", "K", "--", "-dash"]);
    expect(result.code).toBe(0);
    expect(storedValue(result.store, flyteSecretName("K", { project: "my_project" })).toString()).toBe(
      "-dash",
    );
  });
});

describe("oneLine", () => {
  it.each([
    ["error: a\n(Did you mean b?)\n", "error: a (Did you mean b?)\n"],
    [
      "error: option '--x=s3cr3t' argument 'y' is invalid.\n",
      "error: option '--x=...' argument 'y' is invalid.\n",
    ],
    ["error: unknown option '-s3cr3t'\n", expect.not.stringContaining("s3cr3t")],
  ])("%j", (input, expected) => {
    expect(oneLine(input)).toEqual(expected);
  });
});
