import { describe, expect, it } from "vitest";
import type { FlyteSecretObject } from "../../../src/domain/api.ts";
import { flyteSecretName } from "../../../src/domain/names.ts";
import {
  atScope,
  flyteSecretManifest,
  hasCliLayout,
  isLeftoverFor,
  isOwnedBy,
  ownerReferenceTo,
  scopesOfKey,
  secretData,
  sourceSecretManifest,
} from "../../../src/operations/resources.ts";

function flyteSecret(
  name: string,
  key: string,
  scope: { project?: string; domain?: string },
): FlyteSecretObject {
  return {
    metadata: { name, namespace: "ns", uid: `uid-${name}` },
    spec: { key, ...scope, valueFrom: { secretKeyRef: { name, key: "value" } } },
  };
}

describe("flyteSecretManifest", () => {
  it.each([
    [{}, {}],
    [{ project: "my_project" }, { project: "my_project" }],
    [{ domain: "development" }, { domain: "development" }],
    [
      { project: "my_project", domain: "development" },
      { project: "my_project", domain: "development" },
    ],
  ])("scope %j sets exactly %j", (scope, fields) => {
    const name = flyteSecretName("MY_SECRET_KEY", scope);
    expect(flyteSecretManifest("MY_SECRET_KEY", scope, "Generic")).toEqual({
      apiVersion: "secrets.flyte.org/v1alpha1",
      kind: "FlyteSecret",
      metadata: { name },
      spec: {
        key: "MY_SECRET_KEY",
        ...fields,
        type: "Generic",
        valueFrom: { secretKeyRef: { name, key: "value" } },
      },
    });
  });

  it("names each (key, scope) differently (readable names; a clash falls back, see secrets.test.ts)", () => {
    const names = [
      flyteSecretName("K", {}),
      flyteSecretName("K", { project: "p" }),
      flyteSecretName("K", { domain: "p" }),
      flyteSecretName("K", { project: "p", domain: "d" }),
      flyteSecretName("K", { project: "my_project" }),
    ];
    expect(new Set(names).size).toBe(names.length);
  });

  it("takes a given name", () => {
    expect(flyteSecretManifest("K", {}, "Generic", "k--abcdefgh").metadata.name).toBe("k--abcdefgh");
  });
});

describe("source Secret", () => {
  const owner = { name: "my-secret-key-abc", uid: "1234" };

  it("is owned by its FlyteSecret without being controlled or blocking its deletion", () => {
    expect(ownerReferenceTo(owner)).toEqual({
      apiVersion: "secrets.flyte.org/v1alpha1",
      kind: "FlyteSecret",
      name: owner.name,
      uid: "1234",
      controller: false,
      blockOwnerDeletion: false,
    });
  });

  it("holds every byte under `value`, base64-encoded", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const secret = sourceSecretManifest(owner, all);
    expect(secret.type).toBe("Opaque");
    expect(secret.metadata?.name).toBe(owner.name);
    expect(secret.metadata?.ownerReferences).toEqual([ownerReferenceTo(owner)]);
    expect(Object.keys(secret.data ?? {})).toEqual(["value"]);
    expect(new Uint8Array(Buffer.from(secret.data?.value ?? "", "base64"))).toEqual(all);
  });

  it("encodes a view into a larger buffer by its own bytes only", () => {
    const backing = Buffer.from("xxhelloxx");
    expect(secretData(backing.subarray(2, 7), "k")).toEqual({ k: Buffer.from("hello").toString("base64") });
  });

  it.each([
    [[ownerReferenceTo(owner)], true],
    [[{ ...ownerReferenceTo(owner), apiVersion: "secrets.flyte.org/v1" }], true],
    [[{ ...ownerReferenceTo(owner), uid: "other" }], false],
    [[{ ...ownerReferenceTo(owner), kind: "ConfigMap" }], false],
    [[{ ...ownerReferenceTo(owner), apiVersion: "example.com/v1alpha1" }], false],
    [[], false],
    [undefined, false],
  ])("isOwnedBy with %j -> %s", (ownerReferences, expected) => {
    expect(
      isOwnedBy({ metadata: { name: owner.name, ...(ownerReferences ? { ownerReferences } : {}) } }, owner),
    ).toBe(expected);
  });

  it.each([
    // left over from an earlier FlyteSecret of the same name
    [[{ ...ownerReferenceTo(owner), uid: "old" }], true],
    // owned by the live one: not a leftover
    [[ownerReferenceTo(owner)], false],
    // the user's own Secret, or owned by something else too
    [[], false],
    [[{ ...ownerReferenceTo(owner), name: "another", uid: "old" }], false],
    [
      [
        { ...ownerReferenceTo(owner), uid: "old" },
        { ...ownerReferenceTo(owner), name: "another", uid: "x" },
      ],
      false,
    ],
  ])("isLeftoverFor with %j -> %s", (ownerReferences, expected) => {
    expect(isLeftoverFor({ metadata: { ownerReferences } }, owner.name, owner.uid)).toBe(expected);
  });
});

describe("atScope", () => {
  const cliName = flyteSecretName("K", { project: "p" });
  const objects = [
    flyteSecret("zz-by-hand", "K", { project: "p" }),
    flyteSecret(cliName, "K", { project: "p" }),
    flyteSecret("org", "K", {}),
    flyteSecret("both", "K", { project: "p", domain: "d" }),
    flyteSecret("other-key", "L", { project: "p" }),
  ];

  it.each([
    [{ project: "p" }, [cliName, "zz-by-hand"]],
    [{}, ["org"]],
    [{ project: "p", domain: "d" }, ["both"]],
    [{ domain: "d" }, []],
  ])("%j -> %j (the CLI's own name first)", (scope, names) => {
    expect(atScope(objects, "K", scope).map((o) => o.metadata.name)).toEqual(names);
  });

  it("lists the scopes a key exists in", () => {
    expect(scopesOfKey(objects, "K")).toEqual([
      { project: "p" },
      { project: "p" },
      {},
      { project: "p", domain: "d" },
    ]);
  });
});

describe("hasCliLayout", () => {
  it.each([
    [{ name: "a", key: "value" }, true],
    [{ name: "b", key: "value" }, false],
    [{ name: "a", key: "token" }, false],
  ])("%j -> %s", (secretKeyRef, expected) => {
    expect(
      hasCliLayout({
        metadata: { name: "a", namespace: "ns" },
        spec: { key: "K", valueFrom: { secretKeyRef } },
      }),
    ).toBe(expected);
  });
});
