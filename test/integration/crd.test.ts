// The FlyteSecret CRD as a user meets it through the real API server and kubectl: what it accepts and defaults, what it
// refuses and why, what can never change, what `kubectl explain` and `kubectl get` show, and the status subresource.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FlyteSecretSpec } from "../../src/domain/api.ts";
import { secretKeyProblem } from "../../src/domain/secret-key.ts";
import { createNamespace, kubectl, scratchDir } from "./support/cluster.ts";
import { applyManifest, flyteSecretManifest, installCrd } from "./support/crd.ts";

beforeAll(installCrd);

const valueFrom = { secretKeyRef: { name: "my-secret-key", key: "value" } };

/** Parses kubectl's aligned table output into rows keyed by column header (empty cells are ""). */
function parseTable(output: string): { headers: string[]; rows: Array<Record<string, string>> } {
  const [headerLine = "", ...lines] = output.split("\n").filter((line) => line.trim() !== "");
  const columns = [...headerLine.matchAll(/\S+/g)].map((match) => ({ name: match[0], start: match.index }));
  const rows = lines.map((line) =>
    Object.fromEntries(
      columns.map((column, i) => [column.name, line.slice(column.start, columns[i + 1]?.start).trim()]),
    ),
  );
  return { headers: columns.map((column) => column.name), rows };
}

/** kubectl wraps explain text at 80 columns; compare prose with whitespace collapsed. */
function prose(text: string): string {
  return text.replace(/\s+/g, " ");
}

async function getSpec(namespace: string, name: string): Promise<FlyteSecretSpec> {
  const result = await kubectl("get", "flytesecret", name, "-n", namespace, "-o", "jsonpath={.spec}");
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as FlyteSecretSpec;
}

async function apply(namespace: string, name: string, spec: Record<string, unknown>): Promise<void> {
  const result = await applyManifest(namespace, flyteSecretManifest(name, spec));
  expect(result.code, result.stderr).toBe(0);
}

describe("FlyteSecret CRD", () => {
  it("accepts a FlyteSecret at each of the four scopes and defaults type to Generic", async () => {
    const namespace = await createNamespace("crd-scopes");
    const scopes: Array<[string, Record<string, string>]> = [
      ["organization", {}],
      ["project", { project: "my_project" }],
      ["domain", { domain: "development" }],
      ["project-domain", { project: "my_project", domain: "development" }],
    ];
    for (const [name, scope] of scopes) {
      await apply(namespace, name, { key: "MY_SECRET_KEY", ...scope, valueFrom });
    }

    for (const [name, scope] of scopes) {
      expect(await getSpec(namespace, name)).toEqual({
        key: "MY_SECRET_KEY",
        ...scope,
        type: "Generic",
        valueFrom,
      });
    }
  });

  it("keeps an explicit ImagePull type, with or without a scope", async () => {
    const namespace = await createNamespace("crd-imagepull");
    await apply(namespace, "registry", { key: "REGISTRY", type: "ImagePull", valueFrom });
    await apply(namespace, "registry-dev", {
      key: "REGISTRY",
      project: "my_project",
      domain: "development",
      type: "ImagePull",
      valueFrom,
    });
    expect((await getSpec(namespace, "registry")).type).toBe("ImagePull");
    expect((await getSpec(namespace, "registry-dev")).type).toBe("ImagePull");
  });

  it("lists FlyteSecrets with kubectl get fsec, showing the printer columns", async () => {
    const namespace = await createNamespace("crd-columns");
    await apply(namespace, "org", { key: "ORG_KEY", valueFrom });
    await apply(namespace, "scoped", {
      key: "SCOPED_KEY",
      project: "my_project",
      domain: "development",
      type: "ImagePull",
      valueFrom,
    });

    const result = await kubectl("get", "fsec", "-n", namespace);
    expect(result.code, result.stderr).toBe(0);
    const table = parseTable(result.stdout);
    expect(table.headers).toEqual([
      "NAME",
      "KEY",
      "PROJECT",
      "DOMAIN",
      "TYPE",
      "READY",
      "REASON",
      "NAMESPACES",
      "AGE",
    ]);
    expect(table.rows).toEqual([
      expect.objectContaining({
        NAME: "org",
        KEY: "ORG_KEY",
        PROJECT: "",
        DOMAIN: "",
        TYPE: "Generic",
        READY: "",
      }),
      expect.objectContaining({
        NAME: "scoped",
        KEY: "SCOPED_KEY",
        PROJECT: "my_project",
        DOMAIN: "development",
        TYPE: "ImagePull",
        READY: "",
        REASON: "",
        NAMESPACES: "",
      }),
    ]);
    expect(table.rows.every((row) => /^\d+s$/.test(row.AGE ?? ""))).toBe(true);
  });

  it("lists FlyteSecrets under the flyte category", async () => {
    const namespace = await createNamespace("crd-category");
    await apply(namespace, "in-category", { key: "MY_SECRET_KEY", valueFrom });

    const result = await kubectl("get", "flyte", "-n", namespace, "-o", "name");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe("flytesecret.secrets.flyte.org/in-category");
  });

  it("accepts exactly the keys domain/secret-key.ts accepts (pattern, length and CEL rule agree)", async () => {
    const namespace = await createNamespace("crd-key-rule");
    const keys = [
      "MY_SECRET_KEY",
      "a",
      "-dash",
      "x.",
      ".hidden",
      "a..b",
      "k".repeat(253),
      ".",
      "..",
      "..x",
      "has space",
      "slash/key",
      "k".repeat(254),
      "ключ",
    ];
    const dir = await scratchDir("flyte-secrets-keys-");
    const disagreements: string[] = [];
    for (const [i, key] of keys.entries()) {
      const file = join(dir, `${i}.json`);
      await writeFile(file, JSON.stringify(flyteSecretManifest(`key-${i}`, { key, valueFrom })));
      const created = await kubectl("create", "--dry-run=server", "-n", namespace, "-f", file);
      const domainAccepts = secretKeyProblem(key) === undefined;
      if ((created.code === 0) !== domainAccepts) {
        disagreements.push(
          `${JSON.stringify(key.slice(0, 20))}: CRD ${created.code === 0}, domain ${domainAccepts}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
  });

  describe("refuses an invalid FlyteSecret, naming the field", () => {
    const cases: Array<{ title: string; spec: Record<string, unknown>; field: string; says: string }> = [
      { title: "missing key", spec: { valueFrom }, field: "spec.key", says: "Required value" },
      {
        title: "a key with a space",
        spec: { key: "MY KEY", valueFrom },
        field: "spec.key",
        says: "should match '^[-._a-zA-Z0-9]+$'",
      },
      {
        title: "a key with a slash",
        spec: { key: "a/b", valueFrom },
        field: "spec.key",
        says: "should match '^[-._a-zA-Z0-9]+$'",
      },
      {
        title: "a key of '..'",
        spec: { key: "..", valueFrom },
        field: "spec.key",
        says: "key must not be '.' or start with '..'",
      },
      {
        title: "a key longer than 253 characters",
        spec: { key: "k".repeat(254), valueFrom },
        field: "spec.key",
        says: "may not be more than 253",
      },
      {
        title: "a project starting with '-'",
        spec: { key: "K", project: "-x", valueFrom },
        field: "spec.project",
        says: "should match",
      },
      {
        title: "a project with a space",
        spec: { key: "K", project: "a b", valueFrom },
        field: "spec.project",
        says: "should match",
      },
      {
        title: "a project longer than 63 characters",
        spec: { key: "K", project: "p".repeat(64), valueFrom },
        field: "spec.project",
        says: "may not be more than 63",
      },
      {
        title: "an empty project",
        spec: { key: "K", project: "", valueFrom },
        field: "spec.project",
        says: "at least 1 chars long",
      },
      {
        title: "an empty domain",
        spec: { key: "K", domain: "", valueFrom },
        field: "spec.domain",
        says: "at least 1 chars long",
      },
      {
        title: "an unknown type",
        spec: { key: "K", type: "Other", valueFrom },
        field: "spec.type",
        says: 'Unsupported value: "Other": supported values: "Generic", "ImagePull"',
      },
      { title: "missing valueFrom", spec: { key: "K" }, field: "spec.valueFrom", says: "Required value" },
      {
        title: "missing secretKeyRef.name",
        spec: { key: "K", valueFrom: { secretKeyRef: { key: "value" } } },
        field: "spec.valueFrom.secretKeyRef.name",
        says: "Required value",
      },
      {
        title: "a secretKeyRef.name that is not a DNS subdomain",
        spec: { key: "K", valueFrom: { secretKeyRef: { name: "Not_DNS", key: "value" } } },
        field: "spec.valueFrom.secretKeyRef.name",
        says: "should match",
      },
    ];

    it.each(cases)("$title", async ({ spec, field, says }) => {
      const namespace = await createNamespace("crd-invalid");
      const result = await applyManifest(namespace, flyteSecretManifest("invalid", spec));

      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`${field}:`);
      expect(result.stderr).toContain(says);
      const listed = await kubectl("get", "flytesecrets", "-n", namespace, "-o", "name");
      expect(listed).toMatchObject({ code: 0, stdout: "" });
    });
  });

  describe("immutability", () => {
    const scoped = { key: "MY_SECRET_KEY", project: "my_project", domain: "development", valueFrom };
    const unscoped = { key: "MY_SECRET_KEY", valueFrom };
    const cases: Array<{
      title: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      says: string;
    }> = [
      {
        title: "changing the key",
        before: scoped,
        after: { ...scoped, key: "OTHER_KEY" },
        says: "spec.key: Forbidden: key is immutable; create a new FlyteSecret for a different key",
      },
      {
        title: "changing the project",
        before: scoped,
        after: { ...scoped, project: "other_project" },
        says: "spec.project: Forbidden: project is immutable",
      },
      {
        title: "changing the domain",
        before: scoped,
        after: { ...scoped, domain: "production" },
        says: "spec.domain: Forbidden: domain is immutable",
      },
      {
        title: "changing the type",
        before: unscoped,
        after: { ...unscoped, type: "ImagePull" },
        says: "spec.type: Forbidden: type is immutable; create a new FlyteSecret for a different type",
      },
      {
        title: "adding a project to an unscoped FlyteSecret",
        before: unscoped,
        after: { ...unscoped, project: "my_project" },
        says: "spec.project: Forbidden: project is immutable (it cannot be added, changed or removed)",
      },
      {
        title: "removing the project from a scoped FlyteSecret",
        before: scoped,
        after: { key: "MY_SECRET_KEY", domain: "development", valueFrom },
        says: "spec.project: Forbidden: project is immutable (it cannot be added, changed or removed)",
      },
      {
        title: "adding a domain to an unscoped FlyteSecret",
        before: unscoped,
        after: { ...unscoped, domain: "development" },
        says: "spec.domain: Forbidden: domain is immutable (it cannot be added, changed or removed)",
      },
      {
        title: "removing the domain from a scoped FlyteSecret",
        before: scoped,
        after: { key: "MY_SECRET_KEY", project: "my_project", valueFrom },
        says: "spec.domain: Forbidden: domain is immutable (it cannot be added, changed or removed)",
      },
    ];

    it.each(cases)("refuses $title", async ({ before, after, says }) => {
      const namespace = await createNamespace("crd-immutable");
      await apply(namespace, "fixed", before);

      const result = await applyManifest(namespace, flyteSecretManifest("fixed", after));
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(says);
      expect(await getSpec(namespace, "fixed")).toEqual({ type: "Generic", ...before });
    });

    it("allows changing the description and valueFrom", async () => {
      const namespace = await createNamespace("crd-mutable");
      await apply(namespace, "rotating", { ...scoped, description: "first" });

      const moved = { secretKeyRef: { name: "vault-synced", key: "token" } };
      await apply(namespace, "rotating", { ...scoped, description: "synced from Vault", valueFrom: moved });
      expect(await getSpec(namespace, "rotating")).toEqual({
        ...scoped,
        type: "Generic",
        description: "synced from Vault",
        valueFrom: moved,
      });
    });
  });

  describe("kubectl explain", () => {
    it("describes valueFrom: the value never lives in the FlyteSecret, the Secret is in its own namespace", async () => {
      const result = await kubectl("explain", "flytesecret.spec.valueFrom");
      expect(result.code, result.stderr).toBe(0);
      const text = prose(result.stdout);
      expect(text).toContain("The value never lives in the FlyteSecret");
      expect(text).toContain(
        "a Kubernetes Secret in this FlyteSecret's own namespace (the operator's control namespace)",
      );
      expect(text).toContain("secretKeyRef <Object> -required-");
    });

    it("describes the key: what tasks ask for, its syntax, and that it is immutable", async () => {
      const result = await kubectl("explain", "flytesecret.spec.key");
      expect(result.code, result.stderr).toBe(0);
      const text = prose(result.stdout);
      expect(text).toContain('flyte.Secret(key="MY_SECRET_KEY")');
      expect(text).toContain("([-._a-zA-Z0-9]+), at most 253 characters");
      expect(text).toContain("Immutable");
    });

    it("describes the scope fields and the resolution order", async () => {
      const result = await kubectl("explain", "flytesecret.spec.project");
      expect(result.code, result.stderr).toBe(0);
      const text = prose(result.stdout);
      expect(text).toContain("Omit it to allow tasks of any project");
      expect(text).toContain("project P and domain D, then project P, then domain D, then organization");
    });

    it("describes every field of the schema", async () => {
      for (const path of [
        "spec",
        "spec.key",
        "spec.project",
        "spec.domain",
        "spec.type",
        "spec.valueFrom",
        "spec.valueFrom.secretKeyRef",
        "spec.valueFrom.secretKeyRef.name",
        "spec.valueFrom.secretKeyRef.key",
        "spec.description",
        "status",
        "status.observedGeneration",
        "status.namespaces",
        "status.expectedNamespaces",
        "status.blocked",
        "status.blocked.namespace",
        "status.blocked.secret",
        "status.blocked.reason",
        "status.conditions",
        "status.conditions.type",
        "status.conditions.status",
        "status.conditions.reason",
        "status.conditions.message",
        "status.conditions.lastTransitionTime",
        "status.conditions.observedGeneration",
      ]) {
        const field = await kubectl("explain", `flytesecret.${path}`);
        expect(field.code, field.stderr).toBe(0);
        expect(field.stdout, path).toMatch(/DESCRIPTION:\n\s+\S/);
      }
    });
  });

  it("takes a status through the status subresource and shows it in the Ready, Reason and Namespaces columns", async () => {
    const namespace = await createNamespace("crd-status");
    await apply(namespace, "observed", { key: "MY_SECRET_KEY", valueFrom });

    const status = {
      observedGeneration: 1,
      namespaces: 3,
      expectedNamespaces: 3,
      blocked: [],
      conditions: [
        {
          type: "Ready",
          status: "True",
          reason: "Materialized",
          message: "delivered to 3 namespaces",
          lastTransitionTime: "2025-01-01T00:00:00Z",
          observedGeneration: 1,
        },
      ],
    };
    const patched = await kubectl(
      "patch",
      "flytesecret",
      "observed",
      "-n",
      namespace,
      "--subresource=status",
      "--type=merge",
      "-p",
      JSON.stringify({ status }),
    );
    expect(patched.code, patched.stderr).toBe(0);

    const table = parseTable((await kubectl("get", "fsec", "-n", namespace)).stdout);
    expect(table.rows).toEqual([
      expect.objectContaining({ NAME: "observed", READY: "True", REASON: "Materialized", NAMESPACES: "3" }),
    ]);
    const stored = await kubectl(
      "get",
      "flytesecret",
      "observed",
      "-n",
      namespace,
      "-o",
      "jsonpath={.status}",
    );
    expect(JSON.parse(stored.stdout)).toEqual(status);
  });

  it("refuses a status whose condition has an unknown status value", async () => {
    const namespace = await createNamespace("crd-status-invalid");
    await apply(namespace, "observed", { key: "MY_SECRET_KEY", valueFrom });

    const condition = {
      type: "Ready",
      status: "Maybe",
      reason: "Materialized",
      message: "",
      lastTransitionTime: "2025-01-01T00:00:00Z",
    };
    const patched = await kubectl(
      "patch",
      "flytesecret",
      "observed",
      "-n",
      namespace,
      "--subresource=status",
      "--type=merge",
      "-p",
      JSON.stringify({ status: { conditions: [condition] } }),
    );
    expect(patched.code).not.toBe(0);
    expect(patched.stderr).toContain("status.conditions[0].status: Unsupported value");
  });
});
