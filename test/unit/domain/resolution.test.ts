// Resolution, conflicts and readiness, checked against tables and against an independent brute-force oracle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assess,
  type CatalogEntry,
  defaultLimits,
  readyCatalog,
  resolve,
  type SourceFacts,
  sourceFactsOf,
} from "../../../src/domain/catalog.ts";
import { type Scope, scopeIncludes, scopeKind } from "../../../src/domain/scope.ts";
import { catalogEntry } from "./entries.ts";

const entry = catalogEntry;

const org: Scope = {};
const p1: Scope = { project: "p1" };
const d1: Scope = { domain: "d1" };
const p1d1: Scope = { project: "p1", domain: "d1" };

describe("resolve", () => {
  const all = [entry("K", org), entry("K", p1), entry("K", d1), entry("K", p1d1)];
  const table: Array<[string, readonly CatalogEntry[], string, string, Scope | undefined]> = [
    ["project+domain beats everything", all, "p1", "d1", p1d1],
    [
      "project beats domain and organization",
      all.filter((e) => scopeKind(e.scope) !== "project-domain"),
      "p1",
      "d1",
      p1,
    ],
    ["domain beats organization", [entry("K", org), entry("K", d1)], "p1", "d1", d1],
    ["organization serves everyone", [entry("K", org)], "anything", "else", org],
    ["another project's secret is invisible", [entry("K", p1)], "p2", "d1", undefined],
    ["another domain's secret is invisible", [entry("K", d1)], "p1", "d2", undefined],
    ["project+domain of another domain is invisible", [entry("K", p1d1)], "p1", "d2", undefined],
    ["falls back to a broader scope", [entry("K", p1d1), entry("K", org)], "p1", "d2", org],
    ["keys are exact", [entry("k", org)], "p1", "d1", undefined],
  ];
  it.each(table)("%s", (_name, entries, project, domain, expected) => {
    const found = resolve(readyCatalog(entries), "K", project, domain);
    expect(found?.scope).toEqual(expected);
  });

  it("gives a slot with two Ready entries to the older one", () => {
    const older = entry("K", p1, { createdAt: "2026-01-01T00:00:00Z", name: "b" });
    const newer = entry("K", p1, { createdAt: "2026-02-01T00:00:00Z", name: "a" });
    expect(resolve(readyCatalog([newer, older]), "K", "p1", "d1")?.entry.name).toBe("b");
  });

  it("breaks a creation-time tie by name", () => {
    const a = entry("K", p1, { createdAt: "2026-01-01T00:00:00Z", name: "a" });
    const b = entry("K", p1, { createdAt: "2026-01-01T00:00:00Z", name: "b" });
    expect(resolve(readyCatalog([b, a]), "K", "p1", "d1")?.entry.name).toBe("a");
  });

  // Oracle: among the entries for the key whose scope includes (project, domain), the most specific wins;
  // project beats domain; within a scope, the oldest.
  const specificity = (s: Scope): number =>
    (s.project !== undefined ? 2 : 0) + (s.domain !== undefined ? 1 : 0);
  function oracle(entries: readonly CatalogEntry[], key: string, project: string, domain: string) {
    const candidates = entries
      .filter((e) => e.key === key && scopeIncludes(e.scope, project, domain))
      .sort((a, b) => specificity(b.scope) - specificity(a.scope) || a.createdAt.localeCompare(b.createdAt));
    return candidates[0];
  }

  it("agrees with the oracle on random catalogs", () => {
    const name = fc.constantFrom("p1", "p2", "p3");
    const dom = fc.constantFrom("d1", "d2");
    const scope = fc.record({
      project: fc.option(name, { nil: undefined }),
      domain: fc.option(dom, { nil: undefined }),
    });
    const anEntry = fc.record({
      key: fc.constantFrom("A", "B"),
      scope,
      t: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(anEntry, { maxLength: 12 }),
        name,
        dom,
        fc.constantFrom("A", "B"),
        (specs, p, d, key) => {
          const entries = specs.map((s, i) =>
            entry(s.key, Object.fromEntries(Object.entries(s.scope).filter(([, v]) => v !== undefined)), {
              name: `e${i}`,
              createdAt: new Date(s.t * 1000 + i).toISOString(),
            }),
          );
          const expected = oracle(entries, key, p, d);
          const actual = resolve(readyCatalog(entries), key, p, d);
          expect(actual?.entry.name).toBe(expected?.name);
        },
      ),
    );
  });
});

describe("sourceFactsOf", () => {
  it("measures decoded sizes and recognises Docker configs without keeping values", () => {
    const docker = Buffer.from(JSON.stringify({ auths: { "r.example": { auth: "eA==" } } })).toString(
      "base64",
    );
    const facts = sourceFactsOf(
      "src",
      { uid: "u", resourceVersion: "7" },
      {
        value: Buffer.from("hello").toString("base64"),
        empty: "",
        ".dockerconfigjson": docker,
        list: Buffer.from(JSON.stringify({ auths: [] })).toString("base64"),
      },
    );
    expect(facts).toEqual({
      name: "src",
      uid: "u",
      resourceVersion: "7",
      sizes: { value: 5, empty: 0, ".dockerconfigjson": Buffer.from(docker, "base64").length, list: 12 },
      dockerConfigKeys: [".dockerconfigjson"],
    });
  });
});

describe("assess", () => {
  const source = (
    name: string,
    sizes: Record<string, number>,
    dockerConfigKeys: string[] = [],
  ): SourceFacts => ({
    name,
    uid: `uid-${name}`,
    resourceVersion: "1",
    sizes,
    dockerConfigKeys,
  });
  const options = { controlNamespaces: ["flyte-secrets"], ...defaultLimits };

  it("reports each reason with a message naming the fix", () => {
    const ok = entry("OK", org, { source: { name: "s-ok", key: "value" } });
    const older = entry("DUP", p1, { source: { name: "s-ok", key: "value" }, name: "older" });
    const newer = entry("DUP", p1, { source: { name: "s-ok", key: "value" }, name: "newer" });
    const missing = entry("MISSING", org, { source: { name: "nope", key: "value" } });
    const noKey = entry("NOKEY", org, { source: { name: "s-ok", key: "other" } });
    const tooBig = entry("BIG", org, { source: { name: "s-big", key: "value" } });
    const elsewhere = entry("ELSEWHERE", org, { namespace: "default" });
    const badKey = entry("bad key", org);
    const pull = entry("PULL", org, { type: "ImagePull", source: { name: "s-ok", key: "value" } });
    const sources: Record<string, SourceFacts> = {
      "s-ok": source("s-ok", { value: 10 }),
      "s-big": source("s-big", { value: defaultLimits.maxValueBytes + 1 }),
    };
    const result = assess(
      [ok, older, newer, missing, noKey, tooBig, elsewhere, badKey, pull],
      (_ns, name) => sources[name],
      options,
    );
    const reasons = Object.fromEntries([...result].map(([id, a]) => [id.split("/")[1], a.reason]));
    expect(reasons).toEqual({
      [ok.name]: "Materialized",
      older: "Materialized",
      newer: "Conflict",
      [missing.name]: "SourceNotFound",
      [noKey.name]: "SourceKeyNotFound",
      [tooBig.name]: "TooLarge",
      [elsewhere.name]: "NotInControlNamespace",
      [badKey.name]: "InvalidSpec",
      [pull.name]: "InvalidSpec",
    });
    expect(result.get("flyte-secrets/newer")?.message).toContain("flyte-secrets/older");
    expect(result.get(`flyte-secrets/${missing.name}`)?.message).toContain("flyte-secrets/nope");
  });

  it("fills a scope's Secret oldest first and places what no longer fits in the scope's next one", () => {
    const half = Math.floor(defaultLimits.maxScopeBytes / 2) + 1;
    const first = entry("A", p1, { source: { name: "s", key: "value" } });
    const second = entry("B", p1, { source: { name: "s", key: "value" } });
    const otherScope = entry("C", p1d1, { source: { name: "s", key: "value" } });
    const result = assess([second, otherScope, first], () => source("s", { value: half }), options);
    const placed = (e: CatalogEntry) => {
      const a = result.get(`flyte-secrets/${e.name}`);
      return a?.ready === true ? a.secretName : a?.reason;
    };
    expect(placed(first)).toBe("flyte-secrets.p.p1");
    expect(placed(second)).toBe("flyte-secrets.p.p1.s.1");
    expect(placed(otherScope)).toBe("flyte-secrets.p.p1.d.d1");
  });

  it("counts key names in a Secret's bytes, as the API server's 1 MiB limit does", () => {
    const key = "K".repeat(200);
    const a = entry(key, org, { source: { name: "s", key: "value" } });
    const b = entry(`${key}2`, org, { source: { name: "s", key: "value" } });
    const value = Math.floor(defaultLimits.maxScopeBytes / 2) - 150;
    const result = assess([a, b], () => source("s", { value }), options);
    const second = result.get(`flyte-secrets/${b.name}`);
    expect(second?.ready === true && second.secretName).toBe("flyte-secrets.s.1");
  });

  it("accepts an ImagePull entry whose value is a Docker config", () => {
    const pull = entry("PULL", org, { type: "ImagePull", source: { name: "s", key: ".dockerconfigjson" } });
    const result = assess(
      [pull],
      () => source("s", { ".dockerconfigjson": 50 }, [".dockerconfigjson"]),
      options,
    );
    expect(result.get(`flyte-secrets/${pull.name}`)?.ready).toBe(true);
  });
});
