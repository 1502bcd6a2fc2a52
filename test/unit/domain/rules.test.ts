// Each rule lives once in domain/; these tables check the rule itself and that every caller (the CLI, the secret
// operations, the controller's assessment, config defaults) answers as it does. The drifts of issue 9 each have a row.
import { describe, expect, it } from "vitest";
import { valueProblem as cliValueProblem, keyProblem } from "../../../src/cli/arguments.ts";
import { defaultConfig } from "../../../src/config/config.ts";
import { defaultAdmitConfig } from "../../../src/domain/admit.ts";
import { assess, type CatalogEntry, sourceFactsOf } from "../../../src/domain/catalog.ts";
import { defaultLeaseTimings, defaultLimits, defaultPodLabels } from "../../../src/domain/defaults.ts";
import { dockerConfigProblem } from "../../../src/domain/docker-config.ts";
import { imagePullSecretName, managedSecretNameOf, scopeSecretName } from "../../../src/domain/names.ts";
import { isScopeValue } from "../../../src/domain/scope.ts";
import { secretKeyProblem } from "../../../src/domain/secret-key.ts";
import { valueProblem } from "../../../src/domain/secret-value.ts";
import { isMapping, typeName } from "../../../src/domain/shapes.ts";
import { requestProblem } from "../../../src/operations/secrets.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function entry(key: string, type: "Generic" | "ImagePull" = "Generic"): CatalogEntry {
  return {
    name: "n",
    namespace: "control",
    uid: "u",
    generation: 1,
    createdAt: "2025-01-31T12:00:00Z",
    key,
    scope: {},
    type,
    source: { name: "src", key: "value" },
  };
}

/** The controller's reason for one FlyteSecret whose source holds `value`. */
function controllerReason(key: string, value: Uint8Array, type: "Generic" | "ImagePull" = "Generic"): string {
  const facts = sourceFactsOf(
    "src",
    { uid: "s", resourceVersion: "1" },
    {
      value: Buffer.from(value).toString("base64"),
    },
  );
  const assessed = assess([entry(key, type)], () => facts, {
    controlNamespaces: ["control"],
    ...defaultLimits,
  });
  return assessed.get("control/n")?.reason ?? "?";
}

describe("key syntax: one rule for the CLI, the operations, the controller and the CRD", () => {
  it.each([
    ["MY_SECRET_KEY", true],
    ["my-secret.key_1", true],
    ["-leading-dash", true],
    [".hidden", true],
    ["a..b", true],
    ["x.", true],
    ["k".repeat(253), true],
    ["", false],
    [".", false],
    ["..", false],
    ["..x", false],
    ["has space", false],
    ["slash/key", false],
    ["k".repeat(254), false],
    ["ключ", false],
  ])("%j valid: %s", (key, valid) => {
    expect(secretKeyProblem(key) === undefined).toBe(valid);
    expect(keyProblem(key) === undefined).toBe(valid);
    expect(requestProblem(key, {}) === undefined).toBe(valid);
    if (key !== "") expect(controllerReason(key, bytes("v")) === "InvalidSpec").toBe(!valid);
  });
});

describe("Docker config shape: one rule for the CLI and the controller", () => {
  it.each([
    ['{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}', true],
    ['{"auths":{"a":{}}}', true],
    // Accepted by the controller before, refused by the CLI: the drift of issue 9. No registry: nothing to pull.
    ['{"auths":{}}', false],
    ['{"auths":{"r":"x"}}', false],
    ['{"auths":[]}', false],
    ['{"credsStore":"desktop"}', false],
    ["not json", false],
  ])("%s usable: %s", (text, usable) => {
    const value = bytes(text);
    expect(dockerConfigProblem(value) === undefined).toBe(usable);
    expect(cliValueProblem("R", "image_pull", value) === undefined).toBe(usable);
    expect(controllerReason("R", value, "ImagePull") === "Materialized").toBe(usable);
  });
});

describe("value size: the operator's limit, checked by the CLI before writing", () => {
  it.each([
    [1, true],
    [defaultLimits.maxValueBytes, true],
    [defaultLimits.maxValueBytes + 1, false],
    // Passed the CLI's old 1 MiB check, then went TooLarge: the drift of issue 9.
    [600 * 1024, false],
  ])("%i bytes accepted: %s", (size, accepted) => {
    const value = new Uint8Array(size);
    expect(valueProblem("Generic", value) === undefined).toBe(accepted);
    expect(cliValueProblem("K", "regular", value) === undefined).toBe(accepted);
    expect(controllerReason("K", value) === "Materialized").toBe(accepted);
  });

  it("refuses an empty value everywhere it is written", () => {
    expect(valueProblem("Generic", new Uint8Array())).toEqual({ kind: "empty" });
  });
});

describe("project and domain: label-value syntax", () => {
  it.each([
    ["my_project", true],
    ["My.Project-1", true],
    ["a".repeat(63), true],
    ["a".repeat(64), false],
    ["_leading", false],
    ["trailing-", false],
    ["has space", false],
    ["", false],
  ])("%j: %s", (value, valid) => {
    expect(isScopeValue(value)).toBe(valid);
    expect(requestProblem("K", { project: value }) === undefined).toBe(valid);
  });
});

describe("defaults: config reads the constants every component falls back to", () => {
  it("pod labels, limits and lease timings", () => {
    const config = defaultConfig("flyte-secrets");
    expect(config.podLabels).toEqual(defaultPodLabels);
    expect(defaultAdmitConfig.podLabels).toEqual(defaultPodLabels);
    expect(config.controller.limits).toEqual(defaultLimits);
    expect(config.controller.leaderElection).toMatchObject(defaultLeaseTimings);
  });
});

describe("shapes", () => {
  it.each([
    [{}, true, "a mapping"],
    [[], false, "a list"],
    [null, false, "null"],
    ["x", false, "a string"],
    [1, false, "a number"],
    [undefined, false, "a undefined"],
  ])("%j", (value, mapping, name) => {
    expect(isMapping(value)).toBe(mapping);
    expect(typeName(value)).toBe(name);
  });
});

describe("the managed Secret of an entry (webhook and controller)", () => {
  it.each([
    [{ type: "Generic", scope: {}, key: "K" }, scopeSecretName({})],
    [
      { type: "Generic", scope: { project: "p", domain: "d" }, key: "K" },
      scopeSecretName({ project: "p", domain: "d" }),
    ],
    [{ type: "ImagePull", scope: {}, key: "my-registry" }, imagePullSecretName({}, "my-registry")],
  ] as const)("%j", (of, name) => {
    expect(managedSecretNameOf(of)).toBe(name);
  });
});
