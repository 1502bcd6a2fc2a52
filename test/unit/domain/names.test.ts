import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dnsLabelOf,
  firstSecretNameOf,
  flyteSecretName,
  flyteSecretNames,
  imagePullSecretName,
  isManagedSecretName,
  MAX_SECRETS_PER_SCOPE,
  readableFlyteSecretName,
  scopeSecretName,
  shardOf,
  uniqueFlyteSecretName,
} from "../../../src/domain/names.ts";

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

describe("names", () => {
  it.each([
    [{}, "flyte-secrets"],
    [{ domain: "development" }, "flyte-secrets.d.development"],
    [{ project: "flytesnacks" }, "flyte-secrets.p.flytesnacks"],
    [{ project: "flytesnacks", domain: "production" }, "flyte-secrets.p.flytesnacks.d.production"],
  ])("names the Secret of scope %o %s", (scope, name) => {
    expect(scopeSecretName(scope)).toBe(name);
  });

  it("escapes values that are not DNS labels, readably", () => {
    expect(dnsLabelOf("my_project")).toMatch(/^my-project--[a-z2-7]{8}$/);
    expect(dnsLabelOf("MY_SECRET_KEY")).toMatch(/^my-secret-key--[a-z2-7]{8}$/);
    expect(dnsLabelOf("...")).toMatch(/^x--[a-z2-7]{8}$/);
  });

  it.each([
    // A safe label whose last word has 8 letters looked escaped and was hashed (issue 11: `.pull.my-registry-qwcr3dre`).
    ["my-registry", "my-registry"],
    ["flytesnacks", "flytesnacks"],
    ["a-12345678", "a-12345678"],
  ])("keeps the safe label %j as it is", (value, label) => {
    expect(dnsLabelOf(value)).toBe(label);
  });

  it("names the image-pull copy of a key flyte-secrets.pull.<key>, as the README says", () => {
    expect(imagePullSecretName({}, "my-registry")).toBe("flyte-secrets.pull.my-registry");
  });

  it("escapes safe values that look escaped, so the mapping stays injective", () => {
    const escaped = dnsLabelOf("my_project");
    expect(dnsLabelOf(escaped)).not.toBe(escaped);
  });

  it("is injective and always yields valid names (property)", () => {
    const labelValue = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/);
    const key = fc.stringMatching(/^[-._a-zA-Z0-9]{1,253}$/);
    fc.assert(
      fc.property(labelValue, labelValue, (a, b) => {
        expect(dnsLabelOf(a)).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        expect(dnsLabelOf(a).length).toBeLessThanOrEqual(63);
        if (a !== b) expect(dnsLabelOf(a)).not.toBe(dnsLabelOf(b));
      }),
    );
    fc.assert(
      fc.property(
        key,
        fc.option(labelValue, { nil: undefined }),
        fc.option(labelValue, { nil: undefined }),
        (k, p, d) => {
          const scope = { ...(p ? { project: p } : {}), ...(d ? { domain: d } : {}) };
          for (const name of [
            scopeSecretName(scope),
            imagePullSecretName(scope, k),
            flyteSecretName(k, scope),
            uniqueFlyteSecretName(k, scope),
          ]) {
            expect(name).toMatch(dnsSubdomain);
            expect(name.length).toBeLessThanOrEqual(253);
          }
        },
      ),
    );
  });

  it("names a scope's further Secrets <first>.s.<n>, injectively and only for n below the limit", () => {
    expect(scopeSecretName({}, 1)).toBe("flyte-secrets.s.1");
    expect(scopeSecretName({ project: "p", domain: "d" }, 2)).toBe("flyte-secrets.p.p.d.d.s.2");
    const labelValue = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/);
    const scope = fc.record(
      {
        project: fc.option(labelValue, { nil: undefined }),
        domain: fc.option(labelValue, { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        scope,
        scope,
        fc.nat(MAX_SECRETS_PER_SCOPE - 1),
        fc.nat(MAX_SECRETS_PER_SCOPE - 1),
        fc.string({ minLength: 1, maxLength: 20 }),
        (a, b, i, j, key) => {
          const clean = (s: typeof a) =>
            Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
          const [sa, sb] = [clean(a), clean(b)];
          const name = scopeSecretName(sa, i);
          expect(name).toMatch(dnsSubdomain);
          expect(name.length).toBeLessThanOrEqual(253);
          expect(firstSecretNameOf(name)).toBe(scopeSecretName(sa));
          expect(shardOf(sa, name)).toBe(i);
          // No ImagePull Secret, and no Secret of another scope, reads as one of this scope's.
          expect(shardOf(sa, imagePullSecretName(sb, key))).toBeUndefined();
          expect(firstSecretNameOf(imagePullSecretName(sb, key))).toBe(imagePullSecretName(sb, key));
          if (scopeSecretName(sa) !== scopeSecretName(sb)) expect(shardOf(sb, name)).toBeUndefined();
          if (i !== j) expect(scopeSecretName(sb, j)).not.toBe(name);
        },
      ),
    );
    expect(shardOf({}, `flyte-secrets.s.${MAX_SECRETS_PER_SCOPE}`)).toBeUndefined();
    expect(shardOf({}, "flyte-secrets.s.0")).toBeUndefined();
    expect(shardOf({}, "flyte-secrets.pull.s")).toBeUndefined();
    expect(imagePullSecretName({}, "s.1")).not.toBe("flyte-secrets.s.1");
  });

  it("never gives two scopes the same Secret", () => {
    const scopes = [{}, { project: "d" }, { domain: "p" }, { project: "p", domain: "d" }, { project: "p.d" }];
    const names = scopes.map(scopeSecretName);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ["MY_SECRET_KEY", {}, "my-secret-key"],
    [
      "MY_SECRET_KEY",
      { project: "flytesnacks", domain: "development" },
      "my-secret-key.p.flytesnacks.d.development",
    ],
    ["MY_SECRET_KEY", { project: "my_project" }, "my-secret-key.p.my-project"],
    ["my.key", { domain: "Dev" }, "my.key.d.dev"],
    ["-leading", {}, undefined],
    [".hidden", {}, undefined],
    ["a..b", {}, undefined],
    ["k".repeat(250), { project: "p" }, undefined],
    // Managed Secret names are the controller's alone (the admission policy refuses them to the CLI).
    ["FLYTE_SECRETS", {}, undefined],
    ["flyte-secrets", { project: "p" }, undefined],
    ["FLYTE_SECRETS_X", {}, "flyte-secrets-x"],
  ])("names the FlyteSecret of %j in %j readably: %j", (key, scope, name) => {
    expect(readableFlyteSecretName(key, scope)).toBe(name);
    expect(flyteSecretName(key, scope)).toBe(name ?? uniqueFlyteSecretName(key, scope));
    expect(isManagedSecretName(flyteSecretName(key, scope))).toBe(false);
    expect(flyteSecretNames(key, scope)).toEqual(
      name === undefined ? [uniqueFlyteSecretName(key, scope)] : [name, uniqueFlyteSecretName(key, scope)],
    );
  });

  it("falls back to an injective name, distinct for every (key, scope)", () => {
    const pairs: Array<[string, { project?: string; domain?: string }]> = [
      ["K", {}],
      ["k", {}],
      ["K", { project: "p" }],
      ["K", { domain: "p" }],
      ["K", { project: "my_project" }],
      ["K", { project: "my-project" }],
      ["x.p.y", {}],
      ["x", { project: "y" }],
    ];
    const names = pairs.map(([k, s]) => uniqueFlyteSecretName(k, s));
    expect(new Set(names).size).toBe(names.length);
  });
});
