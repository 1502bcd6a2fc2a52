// The webhook's compact caches: what they drop never changes a decision — the catalog built from compact objects
// equals the one built from the objects as the API server serves them — and they keep what the informer keys on.
import type { V1Namespace } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { catalogOf } from "../../../src/domain/catalog.ts";
import type { FlyteSecretResource } from "../../../src/kube/sources.ts";
import { compactFlyteSecret, compactNamespace, sameForCatalog } from "../../../src/webhook/caches.ts";

const managedFields = [
  {
    manager: "kubectl",
    operation: "Update",
    apiVersion: "secrets.flyte.org/v1alpha1",
    fieldsType: "FieldsV1",
    fieldsV1: {
      "f:spec": { "f:key": {}, "f:valueFrom": { "f:secretKeyRef": { "f:name": {}, "f:key": {} } } },
    },
  },
];

function flyteSecret(
  name: string,
  spec: Record<string, unknown>,
  status?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): FlyteSecretResource {
  return {
    apiVersion: "secrets.flyte.org/v1alpha1",
    kind: "FlyteSecret",
    metadata: {
      name,
      namespace: "flyte-secrets",
      uid: `uid-${name}`,
      generation: 2,
      resourceVersion: `rv-${name}`,
      creationTimestamp: "2026-01-01T00:00:00Z" as unknown as Date,
      labels: { team: "a" },
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(spec) },
      managedFields: managedFields as never,
      ...extra,
    },
    spec: { valueFrom: { secretKeyRef: { name: `${name}-src`, key: "value" } }, ...spec } as never,
    ...(status ? { status: status as never } : {}),
  };
}

const ready = (reason: string, status = "True") => ({
  observedGeneration: 2,
  namespaces: 3,
  expectedNamespaces: 3,
  conditions: [
    {
      type: "Progressing",
      status: "False",
      reason: "Done",
      message: "x",
      lastTransitionTime: "2026-01-01T00:00:00Z",
    },
    {
      type: "Ready",
      status,
      reason,
      message: "in 3 of 3 namespaces",
      lastTransitionTime: "2026-01-01T00:00:00Z",
    },
  ],
});

const objects: FlyteSecretResource[] = [
  flyteSecret("org", { key: "ORG", description: "a long description ".repeat(20) }, ready("Materialized")),
  flyteSecret("proj", { key: "P", project: "p1" }, ready("Materializing")),
  flyteSecret("dom", { key: "D", domain: "development", type: "ImagePull" }, ready("NoNamespaces")),
  flyteSecret(
    "pd",
    { key: "PD", project: "p1", domain: "development" },
    {
      ...ready("Blocked"),
      blocked: [
        { namespace: "p1-development", secret: "flyte-secrets.p.p1.d.development", reason: "NotManaged" },
      ],
    },
  ),
  flyteSecret("missing", { key: "M" }, ready("SourceNotFound", "False")),
  flyteSecret("pending", { key: "N" }),
  flyteSecret("going", { key: "G" }, ready("Materialized"), { deletionTimestamp: "2026-01-02T00:00:00Z" }),
  {
    ...flyteSecret("elsewhere", { key: "E" }, ready("Materialized")),
    metadata: { name: "elsewhere", namespace: "x" },
  },
  flyteSecret("conflict-newer", { key: "ORG" }, ready("Materialized"), {
    creationTimestamp: "2026-02-01T00:00:00Z",
  }),
];

describe("compactFlyteSecret", () => {
  it("gives the same catalog as the full objects", () => {
    const full = catalogOf(objects, ["flyte-secrets"]);
    const compact = catalogOf(objects.map(compactFlyteSecret), ["flyte-secrets"]);
    expect(compact).toEqual(full);
    expect(full.entries.length).toBeGreaterThan(3);
  });

  it("keeps identity, the Ready condition and status.blocked, and drops the rest", () => {
    const compact = compactFlyteSecret(objects[3] as FlyteSecretResource);
    expect(compact.metadata).toEqual({
      name: "pd",
      namespace: "flyte-secrets",
      resourceVersion: "rv-pd",
      uid: "uid-pd",
      generation: 2,
      creationTimestamp: "2026-01-01T00:00:00Z",
    });
    expect(compact.spec).toEqual({
      key: "PD",
      project: "p1",
      domain: "development",
      valueFrom: { secretKeyRef: { name: "pd-src", key: "value" } },
    });
    expect(compact.status?.conditions).toEqual([{ type: "Ready", status: "True", reason: "Blocked" }]);
    expect((compact.status as { blocked?: unknown }).blocked).toHaveLength(1);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(objects[3]).length / 2);
  });

  it("tells a progress-only status update from one the catalog sees", () => {
    const before = compactFlyteSecret(flyteSecret("x", { key: "X" }, ready("Materializing")));
    const progressed = flyteSecret("x", { key: "X" }, ready("Materializing"), { resourceVersion: "rv-2" });
    const withMessage = (progressed.status?.conditions ?? []).map((c) => ({
      ...c,
      message: "in 5 of 7 namespaces",
    }));
    const later = compactFlyteSecret({
      ...progressed,
      status: { ...progressed.status, conditions: withMessage },
    });
    expect(sameForCatalog(before, later)).toBe(true);
    const done = compactFlyteSecret(
      flyteSecret("x", { key: "X" }, ready("Materialized"), { resourceVersion: "rv-3" }),
    );
    expect(sameForCatalog(before, done)).toBe(false);
    const failed = compactFlyteSecret(flyteSecret("x", { key: "X" }, ready("SourceNotFound", "False")));
    expect(sameForCatalog(before, failed)).toBe(false);
  });

  it("keeps an object without status or spec parts readable", () => {
    const bare = compactFlyteSecret({
      metadata: { name: "b", namespace: "flyte-secrets" },
    } as FlyteSecretResource);
    expect(bare).toEqual({ metadata: { name: "b", namespace: "flyte-secrets" }, spec: { key: undefined } });
    expect(catalogOf([bare], ["flyte-secrets"]).entries).toEqual([]);
  });
});

describe("compactNamespace", () => {
  it("keeps name, resourceVersion and labels only", () => {
    const ns: V1Namespace = {
      metadata: {
        name: "p1-development",
        resourceVersion: "42",
        uid: "u",
        labels: { "secrets.flyte.org/project": "p1" },
        annotations: { big: "x".repeat(1000) },
        managedFields: managedFields as never,
      },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    };
    expect(compactNamespace(ns)).toEqual({
      metadata: {
        name: "p1-development",
        resourceVersion: "42",
        labels: { "secrets.flyte.org/project": "p1" },
      },
    });
  });
});
