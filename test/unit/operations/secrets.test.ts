import { KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { Condition } from "../../../src/domain/api.ts";
import { flyteSecretNames } from "../../../src/domain/names.ts";
import { kubeSecretStore } from "../../../src/kube/secret-store.ts";
import {
  createSecret,
  deleteSecret,
  effectiveSecrets,
  getSecret,
  IncompleteCreateError,
  listSecrets,
  StoreError,
  updateSecret,
} from "../../../src/operations/index.ts";
import { FakeStore } from "../cli/fakes.ts";

const DOCKER = '{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}';
const ready = (status: "True" | "False", reason: string): Condition => ({
  type: "Ready",
  status,
  reason,
  message: `m ${reason}`,
  lastTransitionTime: "2025-01-31T12:00:01Z",
});

function sourceValue(store: FakeStore, name: string): string {
  return Buffer.from(store.secrets.get(name)?.data?.value ?? "", "base64").toString();
}

describe("createSecret outcomes", () => {
  it.each([
    [
      { key: ".", scope: {} },
      { kind: "invalid", problem: { kind: "key", key: "." } },
    ],
    [
      { key: "..x", scope: {} },
      { kind: "invalid", problem: { kind: "key", key: "..x" } },
    ],
    [
      { key: "a/b", scope: {} },
      { kind: "invalid", problem: { kind: "key" } },
    ],
    [
      { key: "K", scope: { project: "not valid" } },
      { kind: "invalid", problem: { kind: "scope", dimension: "project", value: "not valid" } },
    ],
    [
      { key: "K", scope: {}, value: "" },
      { kind: "invalid", problem: { kind: "value", problem: { kind: "empty" } } },
    ],
    [
      { key: "K", scope: {}, value: new Uint8Array(512 * 1024 + 1) },
      {
        kind: "invalid",
        problem: { kind: "value", problem: { kind: "tooLarge", bytes: 524289, limit: 524288 } },
      },
    ],
    [
      { key: "R", scope: {}, type: "ImagePull", value: '{"auths":{}}' },
      { kind: "invalid", problem: { kind: "value", problem: { kind: "notDockerConfig" } } },
    ],
    [
      { key: "R", scope: { project: "p" }, type: "ImagePull", value: DOCKER },
      { kind: "invalid", problem: { kind: "imagePullScoped" } },
    ],
    [
      { key: "K", scope: { domain: "development" } },
      { kind: "created", secret: { key: "K" } },
    ],
    [
      { key: "R", scope: {}, type: "ImagePull", value: DOCKER },
      { kind: "created", secret: { type: "ImagePull" } },
    ],
  ] as const)("%j", async (request, expected) => {
    const store = new FakeStore();
    const outcome = await createSecret(store, { value: "v", ...request });
    expect(outcome).toMatchObject(expected);
    if (expected.kind !== "created") expect(store.flyteSecrets.size).toBe(0);
  });

  it("writes string and binary values byte for byte, the FlyteSecret before its Secret", async () => {
    const store = new FakeStore();
    const bytes = Uint8Array.from([0, 255, 10]);
    const outcome = await createSecret(store, { key: "BIN", scope: {}, value: bytes });
    expect(outcome.kind).toBe("created");
    const name = outcome.kind === "created" ? outcome.secret.name : "";
    expect(store.calls).toEqual([
      "list flytesecrets",
      `create flytesecrets/${name}`,
      `create secrets/${name}`,
    ]);
    expect([...Buffer.from(store.secrets.get(name)?.data?.value ?? "", "base64")]).toEqual([0, 255, 10]);
  });

  it("reads a lazy value only after the checks that need none", async () => {
    const store = new FakeStore();
    await createSecret(store, { key: "K", scope: {}, value: "v" });
    let read = false;
    const outcome = await createSecret(store, {
      key: "K",
      scope: {},
      value: async () => {
        read = true;
        return new Uint8Array([1]);
      },
    });
    expect(outcome).toEqual({ kind: "alreadyExists", scope: {} });
    expect(read).toBe(false);
  });

  it("never writes into someone else's Secret of the readable name", async () => {
    const store = new FakeStore();
    const first = await createSecret(store, { key: "K", scope: {}, value: "v" });
    const name = first.kind === "created" ? first.secret.name : "";
    await deleteSecret(store, "K", {});
    store.secrets.set(name, { metadata: { name, uid: "theirs" }, data: {} });
    const outcome = await createSecret(store, { key: "K", scope: {}, value: "v" });
    // The readable name's Secret is someone else's: the FlyteSecret takes the fallback name instead.
    expect(outcome).toMatchObject({ kind: "created", secret: { name: flyteSecretNames("K", {})[1] } });
    expect(store.secrets.get(name)).toEqual({ metadata: { name, uid: "theirs" }, data: {} });
  });

  it("throws the store's error, with a typed error naming the leftover when the clean-up fails too", async () => {
    const store = new FakeStore();
    const denied = new Error("forbidden: secrets");
    store.failures.set("createSecret", denied);
    await expect(createSecret(store, { key: "K", scope: {}, value: "v" })).rejects.toBe(denied);
    expect(store.flyteSecrets.size).toBe(0);

    store.failures.set("createSecret", denied);
    const cleanup = new Error("forbidden: flytesecrets");
    store.failures.set("deleteFlyteSecret", cleanup);
    const error = await createSecret(store, { key: "K", scope: {}, value: "v" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteCreateError);
    expect(error).toMatchObject({ cause: denied, cleanupCause: cleanup, leftover: expect.any(String) });
  });
});

describe("updateSecret outcomes", () => {
  async function withSecret(): Promise<FakeStore> {
    const store = new FakeStore();
    await createSecret(store, { key: "K", scope: { project: "p" }, value: "old" });
    return store;
  }

  it.each([
    [
      { key: "K", scope: {} },
      { kind: "notFound", elsewhere: [{ project: "p" }] },
    ],
    [
      { key: "NONE", scope: {} },
      { kind: "notFound", elsewhere: [] },
    ],
    [
      { key: "K", scope: { project: "p" }, type: "ImagePull" },
      { kind: "typeMismatch", type: "Generic" },
    ],
    [
      { key: "K", scope: { project: "p" }, value: "" },
      { kind: "invalid", problem: { kind: "value" } },
    ],
    [
      { key: "K", scope: { project: "p" } },
      { kind: "updated", secret: { key: "K", scope: { project: "p" } } },
    ],
  ] as const)("%j", async (request, expected) => {
    const store = await withSecret();
    expect(await updateSecret(store, { value: "new", ...request })).toMatchObject(expected);
  });

  it("retries on conflict, then reports busy", async () => {
    const store = await withSecret();
    store.outcomes.set("replaceSecret", ["conflict"]);
    expect((await updateSecret(store, { key: "K", scope: { project: "p" }, value: "new" })).kind).toBe(
      "updated",
    );
    store.outcomes.set("replaceSecret", ["conflict", "conflict", "conflict"]);
    expect(await updateSecret(store, { key: "K", scope: { project: "p" }, value: "x" })).toMatchObject({
      kind: "busy",
    });
    const name = [...store.flyteSecrets.keys()][0] ?? "";
    expect(sourceValue(store, name)).toBe("new");
  });

  it("never writes a Secret flyte did not create", async () => {
    const store = new FakeStore();
    store.addFlyteSecret("by-hand", { key: "K", valueFrom: { secretKeyRef: { name: "vault", key: "v" } } });
    expect(await updateSecret(store, { key: "K", scope: {}, value: "x" })).toEqual({
      kind: "sourceMissing",
      secret: "vault",
    });
    store.secrets.set("vault", { metadata: { name: "vault", uid: "u" }, data: { v: "eA==" } });
    expect(await updateSecret(store, { key: "K", scope: {}, value: "x" })).toEqual({
      kind: "sourceNotOwned",
      secret: "vault",
    });
    expect(store.secrets.get("vault")?.data).toEqual({ v: "eA==" });
  });
});

describe("getSecret, listSecrets, deleteSecret", () => {
  async function populated(): Promise<FakeStore> {
    const store = new FakeStore();
    for (const scope of [
      {},
      { project: "p" },
      { domain: "d" },
      { project: "p", domain: "d" },
      { project: "q" },
    ]) {
      await createSecret(store, { key: "K", scope, value: "v" });
    }
    await createSecret(store, { key: "OTHER", scope: { project: "p" }, value: "v" });
    return store;
  }

  it("gets one by key and exact scope, with type, created time and status", async () => {
    const store = await populated();
    const name = [...store.flyteSecrets.values()].find((o) => o.spec.project === "p" && o.spec.domain === "d")
      ?.metadata.name;
    const object = store.flyteSecrets.get(name ?? "");
    if (object !== undefined) {
      store.flyteSecrets.set(name ?? "", {
        ...object,
        metadata: { ...object.metadata, creationTimestamp: "2025-01-31T12:00:00Z" },
        status: { conditions: [ready("True", "Materialized")] },
      });
    }
    expect(await getSecret(store, "K", { project: "p", domain: "d" })).toMatchObject({
      kind: "found",
      secret: {
        key: "K",
        scope: { project: "p", domain: "d" },
        type: "Generic",
        createdAt: "2025-01-31T12:00:00Z",
        status: { state: "ready", reason: "Materialized" },
      },
    });
    expect(await getSecret(store, "K", { domain: "x" })).toMatchObject({ kind: "notFound" });
  });

  it.each([
    [{}, 6],
    [{ project: "p" }, 3],
    [{ project: "p", domain: "d" }, 1],
    [{ domain: "d" }, 2],
    [{ key: "OTHER" }, 1],
  ])("lists %j exactly", async (filter, count) => {
    const outcome = await listSecrets(await populated(), filter);
    expect(outcome.kind === "listed" ? outcome.secrets.length : -1).toBe(count);
  });

  it("lists page by page with a continue token", async () => {
    const store = await populated();
    const seen: string[] = [];
    let continueToken: string | undefined;
    let pages = 0;
    do {
      const outcome = await listSecrets(store, {}, { limit: 4, continueToken });
      if (outcome.kind !== "listed") throw new Error(outcome.kind);
      seen.push(...outcome.secrets.map((s) => s.name));
      continueToken = outcome.continueToken;
      pages += 1;
    } while (continueToken !== undefined);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual([...store.flyteSecrets.keys()].sort());
  });

  it("deletes exactly the scope, and its own source Secret", async () => {
    const store = await populated();
    const outcome = await deleteSecret(store, "K", { project: "p" });
    expect(outcome).toMatchObject({ kind: "deleted", names: [expect.any(String)] });
    const name = outcome.kind === "deleted" ? outcome.names[0] : "";
    expect(store.flyteSecrets.has(name ?? "")).toBe(false);
    expect(store.secrets.has(name ?? "")).toBe(false);
    expect(store.flyteSecrets.size).toBe(5);
    expect(await deleteSecret(store, "K", { project: "p" })).toMatchObject({ kind: "notFound" });
  });

  it("says which source Secret it leaves to the garbage collector when it may not read Secrets", async () => {
    const store = await populated();
    store.failures.set("readSecret", new Error("forbidden"));
    const outcome = await deleteSecret(store, "K", {});
    expect(outcome).toMatchObject({
      kind: "deleted",
      leftToGarbageCollector: [flyteSecretNames("K", {})[0]],
    });
  });
});

describe("effectiveSecrets", () => {
  it("names, per key, the scope a task of the project and domain gets", async () => {
    const store = new FakeStore();
    const add = (name: string, key: string, scope: object, status?: Condition) =>
      store.addFlyteSecret(
        name,
        { key, ...scope, valueFrom: { secretKeyRef: { name, key: "value" } } },
        status === undefined ? undefined : { conditions: [status] },
      );
    add("a-org", "A", {}, ready("True", "Materialized"));
    add("a-p", "A", { project: "p" }, ready("True", "Materialized"));
    add("a-pd", "A", { project: "p", domain: "d" }, ready("False", "SourceNotFound"));
    add("b-org", "B", {}, ready("False", "TooLarge"));
    add("c-q", "C", { project: "q" }, ready("True", "Materialized"));
    const view = await effectiveSecrets(store, "p", "d");
    expect(view.map((e) => [e.key, e.winner?.name, e.candidates.map((c) => c.name)])).toEqual([
      ["A", "a-p", ["a-pd", "a-p", "a-org"]],
      ["B", undefined, ["b-org"]],
    ]);
  });
});

describe("kubeSecretStore", () => {
  it("throws a StoreError naming the call and keeping the client's error as cause", async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: "c", server: "http://127.0.0.1:1", skipTLSVerify: true }],
      users: [{ name: "u" }],
      contexts: [{ name: "x", cluster: "c", user: "u" }],
      currentContext: "x",
    });
    const error = await kubeSecretStore(kc, "ns")
      .readSecret("s")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      call: { verb: "get", resource: "secrets", name: "s", namespace: "ns", server: "http://127.0.0.1:1" },
      status: undefined,
    });
    expect((error as StoreError).cause).toBeDefined();
  });
});
