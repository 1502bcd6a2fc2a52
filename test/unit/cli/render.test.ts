import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { formatCreated, renderObjects, renderTable, rowOf, statusOf } from "../../../src/cli/render.ts";
import type { Condition, FlyteSecretObject } from "../../../src/domain/api.ts";
import { selectSecrets } from "../../../src/operations/secrets.ts";

function object(
  key: string,
  scope: { project?: string; domain?: string } = {},
  extra: {
    conditions?: Condition[];
    generation?: number;
    type?: "Generic" | "ImagePull";
    deleting?: boolean;
  } = {},
): FlyteSecretObject {
  return {
    apiVersion: "secrets.flyte.org/v1alpha1",
    kind: "FlyteSecret",
    metadata: {
      name: `${key.toLowerCase()}-${scope.project ?? "x"}-${scope.domain ?? "x"}`,
      namespace: "flyte-secrets",
      creationTimestamp: "2025-01-31T12:00:00Z",
      ...(extra.generation === undefined ? {} : { generation: extra.generation }),
      ...(extra.deleting ? { deletionTimestamp: "2025-02-01T00:00:00Z" } : {}),
    },
    spec: {
      key,
      ...scope,
      ...(extra.type === undefined ? {} : { type: extra.type }),
      valueFrom: { secretKeyRef: { name: "n", key: "value" } },
    },
    ...(extra.conditions === undefined ? {} : { status: { conditions: extra.conditions } }),
  };
}

const ready = (
  status: "True" | "False" | "Unknown",
  reason: string,
  observedGeneration?: number,
): Condition => ({
  type: "Ready",
  status,
  reason,
  message: "m",
  lastTransitionTime: "2025-01-31T12:00:01Z",
  ...(observedGeneration === undefined ? {} : { observedGeneration }),
});

describe("statusOf", () => {
  it.each([
    [{}, "Pending"],
    [{ conditions: [] }, "Pending"],
    [{ conditions: [{ ...ready("True", "Materialized"), type: "Other" }] }, "Pending"],
    [{ conditions: [ready("True", "Materialized")] }, "Ready"],
    [{ conditions: [ready("False", "SourceNotFound")] }, "SourceNotFound"],
    [{ conditions: [ready("False", "Conflict")] }, "Conflict"],
    [{ conditions: [ready("Unknown", "")] }, "Unknown"],
    [{ conditions: [ready("True", "Materialized", 1)], generation: 2 }, "Pending"],
    [{ conditions: [ready("True", "Materialized", 2)], generation: 2 }, "Ready"],
    [{ conditions: [ready("True", "Materialized")], deleting: true }, "Deleting"],
  ])("%j -> %s", (extra, expected) => {
    expect(statusOf(object("K", {}, extra))).toBe(expected);
  });
});

describe("formatCreated", () => {
  it.each([
    ["2025-01-31T12:00:00Z", "2025-01-31T12:00:00Z"],
    ["2025-01-31T12:00:00.123Z", "2025-01-31T12:00:00Z"],
    [new Date(Date.UTC(2025, 0, 31, 12, 0, 0)), "2025-01-31T12:00:00Z"],
    [undefined, "-"],
    ["not a date", "-"],
  ])("%j -> %s", (input, expected) => {
    expect(formatCreated(input)).toBe(expected);
  });
});

describe("rowOf", () => {
  it.each([
    [object("K"), { project: "-", domain: "-", name: "K", type: "regular", status: "Pending" }],
    [
      object("K", { project: "p" }),
      { project: "p", domain: "-", name: "K", type: "regular", status: "Pending" },
    ],
    [object("K", { domain: "d" }, { type: "Generic" }), { project: "-", domain: "d", type: "regular" }],
    [object("R", {}, { type: "ImagePull" }), { project: "-", domain: "-", name: "R", type: "image_pull" }],
  ])("%#", (input, expected) => {
    expect(rowOf(input)).toMatchObject({ created: "2025-01-31T12:00:00Z", ...expected });
  });
});

describe("selectSecrets", () => {
  const all = [
    object("B", { project: "my_project", domain: "development" }),
    object("A", { project: "my_project" }),
    object("A"),
    object("A", { domain: "development" }),
    object("A", { project: "my_project", domain: "development" }),
    object("C", { project: "other", domain: "development" }),
  ];
  const keys = (query: Parameters<typeof selectSecrets>[1]) =>
    selectSecrets(all, query).map((o) => `${o.spec.key}:${o.spec.project ?? "-"}:${o.spec.domain ?? "-"}`);

  it.each([
    [
      {},
      [
        "A:-:-",
        "A:-:development",
        "A:my_project:-",
        "A:my_project:development",
        "B:my_project:development",
        "C:other:development",
      ],
    ],
    [{ project: "my_project" }, ["A:my_project:-", "A:my_project:development", "B:my_project:development"]],
    [
      { domain: "development" },
      ["A:-:development", "A:my_project:development", "B:my_project:development", "C:other:development"],
    ],
    [
      { project: "my_project", domain: "development" },
      ["A:my_project:development", "B:my_project:development"],
    ],
    [{ key: "A" }, ["A:-:-", "A:-:development", "A:my_project:-", "A:my_project:development"]],
    [{ key: "A", domain: "development" }, ["A:-:development", "A:my_project:development"]],
    [{ key: "Z" }, []],
  ])("%j", (query, expected) => {
    expect(keys(query)).toEqual(expected);
  });
});

describe("renderTable", () => {
  it("aligns columns as kubectl does", () => {
    const rows = [
      {
        project: "-",
        domain: "-",
        name: "MY_SECRET_KEY",
        type: "regular",
        created: "2025-01-31T12:00:00Z",
        status: "Ready",
      },
      {
        project: "my_project",
        domain: "development",
        name: "K",
        type: "image_pull",
        created: "2025-01-31T12:00:00Z",
        status: "SourceNotFound",
      },
    ];
    expect(renderTable(rows)).toBe(
      [
        "PROJECT      DOMAIN        NAME            TYPE         CREATED                STATUS",
        "-            -             MY_SECRET_KEY   regular      2025-01-31T12:00:00Z   Ready",
        "my_project   development   K               image_pull   2025-01-31T12:00:00Z   SourceNotFound",
        "",
      ].join("\n"),
    );
  });

  it("prints only the header for no rows", () => {
    expect(renderTable([])).toBe("PROJECT   DOMAIN   NAME   TYPE   CREATED   STATUS\n");
  });

  it("neutralizes control characters in cells", () => {
    const row = {
      project: "p\u001b[2J",
      domain: "d\n",
      name: "K",
      type: "regular",
      created: "-",
      status: "Ready",
    };
    const text = renderTable([row]);
    expect(text).not.toContain("\u001b");
    expect(text.split("\n")).toEqual([
      expect.stringMatching(/^PROJECT/),
      expect.stringMatching(/^p\?\[2J +d\? +K +/),
      "",
    ]);
  });
});

describe("renderObjects", () => {
  const withFields = {
    ...object("K", { project: "p" }),
    metadata: { ...object("K").metadata, managedFields: [{ manager: "flyte" }] },
  } as FlyteSecretObject;

  it.each(["json", "yaml"] as const)("prints a List of the objects without managedFields (%s)", (format) => {
    const text = renderObjects([withFields], format);
    const parsed = (format === "json" ? JSON.parse(text) : load(text)) as {
      kind: string;
      items: Array<{ metadata: Record<string, unknown>; spec: { key: string } }>;
    };
    expect(parsed.kind).toBe("List");
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]?.spec.key).toBe("K");
    expect(parsed.items[0]?.metadata.managedFields).toBeUndefined();
    expect(parsed.items[0]?.metadata.name).toBe(withFields.metadata.name);
  });

  it("prints an empty List for no objects", () => {
    expect(JSON.parse(renderObjects([], "json"))).toEqual({
      apiVersion: "v1",
      kind: "List",
      items: [],
      metadata: { resourceVersion: "" },
    });
  });
});
