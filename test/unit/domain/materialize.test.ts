// Namespace bindings and the desired managed Secrets of a namespace, against tables and a brute-force oracle: a
// scope's Secret belongs in a namespace exactly when some pod allowed to run there could resolve a key to it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annotations, labels } from "../../../src/domain/api.ts";
import {
  bindingOf,
  compileNameTemplate,
  type NamespaceBinding,
  podIdentity,
} from "../../../src/domain/binding.ts";
import type { CatalogEntry } from "../../../src/domain/catalog.ts";
import { imagePullSecretName, scopeSecretName } from "../../../src/domain/names.ts";
import { type Scope, scopeIncludes } from "../../../src/domain/scope.ts";
import { desiredSecrets } from "../../../src/domain/scope-secrets.ts";
import { catalogEntry } from "./entries.ts";

const INSTALLATION = "flyte-secrets";

const podLabels = { project: "project", domain: "domain" };

describe("bindingOf", () => {
  const template = compileNameTemplate({
    template: "{{ project }}-{{ domain }}",
    domains: ["development", "staging", "production"],
  });
  if (!template.ok) throw new Error(template.message);
  const table: Array<[string, Record<string, string>, string, NamespaceBinding]> = [
    ["no labels", {}, "default", { kind: "none" }],
    [
      "project and domain",
      { [labels.project]: "p", [labels.domain]: "d" },
      "x",
      { kind: "bound", via: "labels", project: "p", domain: "d" },
    ],
    ["project only", { [labels.project]: "p" }, "x", { kind: "bound", via: "labels", project: "p" }],
    ["domain only", { [labels.domain]: "d" }, "x", { kind: "bound", via: "labels", domain: "d" }],
    ["shared", { [labels.shared]: "true" }, "x", { kind: "shared" }],
    ["shared false is not shared", { [labels.shared]: "false" }, "x", { kind: "none" }],
    [
      "name template",
      {},
      "flytesnacks-development",
      { kind: "bound", via: "name", project: "flytesnacks", domain: "development" },
    ],
    [
      "name template with dashes in project",
      {},
      "my-proj-staging",
      { kind: "bound", via: "name", project: "my-proj", domain: "staging" },
    ],
    ["name template, unknown domain", {}, "flytesnacks-qa", { kind: "none" }],
    [
      "labels win over the name",
      { [labels.project]: "p" },
      "flytesnacks-development",
      { kind: "bound", via: "labels", project: "p" },
    ],
  ];
  it.each(table)("%s", (_name, nsLabels, name, expected) => {
    expect(bindingOf({ name, labels: nsLabels }, template.match)).toEqual(expected);
  });

  it.each([
    [{ [labels.shared]: "yes" }, `${labels.shared}="yes"`],
    [{ [labels.shared]: "true", [labels.project]: "p" }, "either shared or bound"],
  ])("refuses contradictory labels %o", (nsLabels, message) => {
    const binding = bindingOf({ name: "x", labels: nsLabels });
    expect(binding.kind).toBe("invalid");
    expect(binding.kind === "invalid" && binding.message).toContain(message);
  });

  it("refuses a template without both placeholders", () => {
    expect(compileNameTemplate({ template: "{{ project }}", domains: ["d"] }).ok).toBe(false);
  });
});

describe("podIdentity", () => {
  const bound: NamespaceBinding = { kind: "bound", via: "labels", project: "p", domain: "d" };
  const projectOnly: NamespaceBinding = { kind: "bound", via: "labels", project: "p" };
  const table: Array<[string, NamespaceBinding, string | undefined, string | undefined, string]> = [
    ["labels agree", bound, "p", "d", "ok p/d"],
    ["missing labels come from the binding", bound, undefined, undefined, "ok p/d"],
    ["project contradicts", bound, "q", "d", "contradicts namespace ns, which is bound to project p"],
    ["domain contradicts", bound, "p", "e", "bound to domain d"],
    ["partial binding takes the domain from the pod", projectOnly, undefined, "e", "ok p/e"],
    ["partial binding without a domain label", projectOnly, "p", undefined, "has no domain (label domain)"],
    ["shared needs both", { kind: "shared" }, "p", undefined, "has no domain label"],
    ["shared with both", { kind: "shared" }, "p", "d", "ok p/d"],
    ["not participating", { kind: "none" }, "p", "d", "does not take part"],
  ];
  it.each(table)("%s", (_name, binding, project, domain, expected) => {
    const result = podIdentity(binding, "ns", project, domain, podLabels);
    expect(result.ok ? `ok ${result.project}/${result.domain}` : result.message).toContain(expected);
  });
});

describe("desiredSecrets", () => {
  const entry = (key: string, scope: Scope, type: CatalogEntry["type"] = "Generic") =>
    catalogEntry(key, scope, { type });
  const value = (e: CatalogEntry) => ({
    data: Buffer.from(`value of ${e.key}`).toString("base64"),
    version: `${e.uid}@1`,
  });

  it("puts every key of a scope in one Secret with scope labels and a content version", () => {
    const entries = [entry("B", { project: "my_project" }), entry("A", { project: "my_project" })];
    const [secret, ...rest] = desiredSecrets(
      { kind: "bound", via: "labels", project: "my_project" },
      entries,
      value,
      INSTALLATION,
    );
    expect(rest).toEqual([]);
    expect(secret?.name).toBe(scopeSecretName({ project: "my_project" }));
    expect(secret?.name).toMatch(/^flyte-secrets\.p\.my-project--[a-z2-7]{8}$/);
    expect(Object.keys(secret?.data ?? {})).toEqual(["A", "B"]);
    expect(secret?.labels).toEqual({
      [labels.managedBy]: "flyte-secrets",
      [labels.scopeKind]: "project",
      [labels.scopeProject]: "my_project",
      [labels.installation]: INSTALLATION,
    });
    const version = secret?.annotations[annotations.contentVersion] ?? "";
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(version).not.toContain(Buffer.from("value of A").toString("hex").slice(0, 8));
  });

  it("changes the content version when a source changes, and only then", () => {
    const entries = [entry("A", {})];
    const first = desiredSecrets({ kind: "shared" }, entries, value, INSTALLATION)[0];
    const same = desiredSecrets({ kind: "shared" }, entries, value, INSTALLATION)[0];
    const changed = desiredSecrets(
      { kind: "shared" },
      entries,
      (e) => ({
        ...value(e),
        version: `${e.uid}@2`,
      }),
      INSTALLATION,
    )[0];
    expect(same?.annotations).toEqual(first?.annotations);
    expect(changed?.annotations).not.toEqual(first?.annotations);
  });

  it("gives each ImagePull key a dockerconfigjson Secret of its own", () => {
    const pull = entry("registry", {}, "ImagePull");
    const [secret] = desiredSecrets({ kind: "shared" }, [pull], value, INSTALLATION);
    expect(secret).toMatchObject({
      name: imagePullSecretName({}, "registry"),
      type: "kubernetes.io/dockerconfigjson",
    });
    expect(Object.keys(secret?.data ?? {})).toEqual([".dockerconfigjson"]);
  });

  it("holds nothing in a namespace that does not take part", () => {
    expect(desiredSecrets({ kind: "none" }, [entry("A", {})], value, INSTALLATION)).toEqual([]);
  });

  // Oracle: a scope's Secret belongs in a namespace iff some pod allowed there (by the binding) could see it.
  const projects = ["p1", "p2", "my_project"];
  const domains = ["d1", "d2"];
  function allowedPods(binding: NamespaceBinding): Array<[string, string]> {
    const pods: Array<[string, string]> = [];
    for (const p of projects)
      for (const d of domains) {
        const identity = podIdentity(binding, "ns", p, d, podLabels);
        if (identity.ok) pods.push([identity.project, identity.domain]);
      }
    return pods;
  }

  it("agrees with the oracle for every binding and random catalogs", () => {
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const scopeArb = fc.record({
      project: opt(fc.constantFrom(...projects)),
      domain: opt(fc.constantFrom(...domains)),
    });
    const bindingArb: fc.Arbitrary<NamespaceBinding> = fc.oneof(
      fc.constant<NamespaceBinding>({ kind: "shared" }),
      fc.constant<NamespaceBinding>({ kind: "none" }),
      scopeArb
        .filter((s) => s.project !== undefined || s.domain !== undefined)
        .map((s) => ({ kind: "bound" as const, via: "labels" as const, ...clean(s) })),
    );
    fc.assert(
      fc.property(
        bindingArb,
        fc.array(fc.record({ key: fc.constantFrom("A", "B"), scope: scopeArb })),
        (binding, specs) => {
          const entries = specs.map((s) => entry(s.key, clean(s.scope)));
          const pods = allowedPods(binding);
          const expectedNames = new Set(
            entries
              .filter((e) => pods.some(([p, d]) => scopeIncludes(e.scope, p, d)))
              .map((e) => scopeSecretName(e.scope)),
          );
          const actual = desiredSecrets(binding, entries, value, INSTALLATION);
          expect(new Set(actual.map((s) => s.name))).toEqual(expectedNames);
          for (const e of entries) {
            const holds = actual.some((s) => s.name === scopeSecretName(e.scope) && e.key in s.data);
            expect(holds).toBe(expectedNames.has(scopeSecretName(e.scope)));
          }
        },
      ),
    );
  });
});

function clean(scope: { project?: string | undefined; domain?: string | undefined }): Scope {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined)) as Scope;
}
