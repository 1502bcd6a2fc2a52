// Decisions the shells used to make themselves, now pure in domain/: which FlyteSecrets pods may resolve to (the
// webhook's catalog) and which namespaces an installation considers (the controller's namespaceSelector).
import { describe, expect, it } from "vitest";
import type { Condition, FlyteSecretLike } from "../../../src/domain/api.ts";
import { selectorMatches } from "../../../src/domain/binding.ts";
import { catalogOf, isServable, resolve, servableEntries } from "../../../src/domain/catalog.ts";

const condition = (type: string, status: string, reason = "R"): Condition =>
  ({ type, status, reason, message: "", lastTransitionTime: "2025-01-31T12:00:00Z" }) as Condition;

describe("isServable", () => {
  it.each([
    [undefined, false],
    [{}, false],
    [{ conditions: [] }, false],
    [{ conditions: [condition("Ready", "True", "Materialized")] }, true],
    [{ conditions: [condition("Ready", "True", "Materializing")] }, true],
    [{ conditions: [condition("Ready", "True", "NoNamespaces")] }, true],
    [{ conditions: [condition("Ready", "True", "Blocked")] }, true],
    [{ conditions: [condition("Ready", "False", "SourceNotFound")] }, false],
    [{ conditions: [condition("Ready", "Unknown", "Pending")] }, false],
    [{ conditions: [condition("Other", "True")] }, false],
  ])("%j -> %s", (status, servable) => {
    expect(isServable(status)).toBe(servable);
  });
});

describe("servableEntries", () => {
  const object = (
    name: string,
    namespace: string,
    extra: Partial<FlyteSecretLike> = {},
  ): FlyteSecretLike => ({
    metadata: { name, namespace, uid: name, creationTimestamp: "2025-01-31T12:00:00Z" },
    spec: { key: name.toUpperCase(), valueFrom: { secretKeyRef: { name, key: "value" } } },
    status: { conditions: [condition("Ready", "True", "Materialized")] },
    ...extra,
  });
  it.each([
    ["ready in a control namespace", object("a", "control"), ["a"]],
    ["in another namespace", object("b", "elsewhere"), []],
    [
      "being deleted",
      object("c", "control", {
        metadata: { name: "c", namespace: "control", deletionTimestamp: "2025-01-31T12:00:01Z" },
      }),
      [],
    ],
    ["not Ready", object("d", "control", { status: { conditions: [condition("Ready", "False")] } }), []],
    ["without status", object("e", "control", { status: {} }), []],
  ])("%s", (_title, input, names) => {
    expect(servableEntries([input], ["control"]).map((e) => e.name)).toEqual(names);
  });
});

describe("catalogOf (the webhook's catalog)", () => {
  const object = (
    name: string,
    key: string,
    namespace: string,
    reason?: string,
    deleting = false,
  ): FlyteSecretLike => ({
    metadata: {
      name,
      namespace,
      uid: name,
      creationTimestamp: "2025-01-31T12:00:00Z",
      ...(deleting ? { deletionTimestamp: "2025-01-31T12:00:01Z" } : {}),
    },
    spec: { key, valueFrom: { secretKeyRef: { name, key: "value" } } },
    ...(reason === undefined
      ? {}
      : {
          status: { conditions: [condition("Ready", reason === "Materialized" ? "True" : "False", reason)] },
        }),
  });
  const catalog = catalogOf(
    [
      object("ready", "A", "control", "Materialized"),
      object("broken", "B", "control", "SourceNotFound"),
      object("new", "C", "control"),
      object("elsewhere", "D", "other", "SourceNotFound"),
      object("going", "E", "control", "Materialized", true),
    ],
    ["control"],
  );
  it.each([
    ["A", "ready", undefined],
    ["B", undefined, "SourceNotFound"],
    ["C", undefined, "Pending"],
    ["D", undefined, undefined],
    ["E", undefined, undefined],
  ])("%s resolves to %j, unservable because %j", (key, resolved, reason) => {
    expect(resolve(catalog, key, "p", "d")?.entry.name).toBe(resolved);
    expect(catalog.unservable?.get(key)?.[0]?.reason).toBe(reason);
  });
});

describe("selectorMatches", () => {
  it.each([
    [undefined, {}, true],
    [{}, { any: "x" }, true],
    [{ team: "a" }, { team: "a", other: "b" }, true],
    [{ team: "a" }, { team: "b" }, false],
    [{ team: "a" }, undefined, false],
    [{ team: "a", env: "dev" }, { team: "a" }, false],
    [{ team: "" }, { team: "" }, true],
  ])("%j over %j -> %s", (selector, labels, matches) => {
    expect(selectorMatches(selector, labels)).toBe(matches);
  });
});
