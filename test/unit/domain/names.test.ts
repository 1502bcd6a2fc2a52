import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dnsLabelOf,
  flyteSecretName,
  imagePullSecretName,
  scopeSecretName,
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
    expect(dnsLabelOf("my_project")).toMatch(/^my-project-[a-z2-7]{8}$/);
    expect(dnsLabelOf("MY_SECRET_KEY")).toMatch(/^my-secret-key-[a-z2-7]{8}$/);
    expect(dnsLabelOf("...")).toMatch(/^x-[a-z2-7]{8}$/);
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
          ]) {
            expect(name).toMatch(dnsSubdomain);
            expect(name.length).toBeLessThanOrEqual(253);
          }
        },
      ),
    );
  });

  it("never gives two scopes the same Secret", () => {
    const scopes = [{}, { project: "d" }, { domain: "p" }, { project: "p", domain: "d" }, { project: "p.d" }];
    const names = scopes.map(scopeSecretName);
    expect(new Set(names).size).toBe(names.length);
  });
});
