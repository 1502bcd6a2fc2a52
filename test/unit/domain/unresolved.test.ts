// A pod asking for a key that exists in a scope it can see but is not Ready: the refusal names the FlyteSecret, its
// real status and the fix for that status, instead of "flyte create secret", which would fail (issue 11, item 14).
import { describe, expect, it } from "vitest";
import { admit, defaultAdmitConfig, type NamespaceFacts } from "../../../src/domain/admit.ts";
import type { FlyteSecretLike } from "../../../src/domain/api.ts";
import { catalogOf } from "../../../src/domain/catalog.ts";

const namespace: NamespaceFacts = {
  name: "flytesnacks-development",
  labels: { "secrets.flyte.org/project": "flytesnacks", "secrets.flyte.org/domain": "development" },
};

function pod(...keys: string[]): unknown {
  return {
    metadata: {
      name: "task",
      namespace: namespace.name,
      labels: { "secrets.flyte.org/inject": "true" },
      annotations: { "secrets.flyte.org/secrets": JSON.stringify(keys.map((key) => ({ key }))) },
    },
    spec: { containers: [{ name: "main", image: "python" }] },
  };
}

function flyteSecret(
  name: string,
  key: string,
  scope: { project?: string; domain?: string },
  reason: string | undefined,
  namespaceName = "flyte-secrets",
): FlyteSecretLike {
  return {
    metadata: { name, namespace: namespaceName, uid: name, creationTimestamp: "2025-01-31T12:00:00Z" },
    spec: { key, ...scope, valueFrom: { secretKeyRef: { name, key: "value" } } },
    ...(reason === undefined
      ? {}
      : {
          status: { conditions: [{ type: "Ready", status: reason === "Ready" ? "True" : "False", reason }] },
        }),
  };
}

const catalog = catalogOf(
  [
    flyteSecret("missing-source", "MISSING_SOURCE", { project: "flytesnacks" }, "SourceNotFound"),
    flyteSecret("too-large", "TOO_LARGE", {}, "TooLarge"),
    flyteSecret("new", "NEW", { domain: "development" }, undefined),
    flyteSecret("invalid", "INVALID", {}, "InvalidSpec"),
    flyteSecret("elsewhere", "ELSEWHERE", { project: "other" }, "SourceNotFound"),
    flyteSecret("outside", "OUTSIDE", {}, "SourceNotFound", "not-control"),
    flyteSecret("ready", "READY", {}, "Ready"),
  ],
  ["flyte-secrets"],
);

function refusal(...keys: string[]): string {
  const result = admit(pod(...keys), namespace, catalog, defaultAdmitConfig);
  if (result.allowed) throw new Error("allowed");
  expect(result.code).toBe(403);
  return result.message;
}

describe("refusing a key that exists but is not Ready", () => {
  it.each([
    [
      "MISSING_SOURCE",
      "its FlyteSecret flyte-secrets/missing-source (project=flytesnacks) exists but is not Ready (SourceNotFound)",
      "flyte update secret MISSING_SOURCE --project flytesnacks",
    ],
    [
      "TOO_LARGE",
      "(organization) exists but is not Ready (TooLarge)",
      "store a smaller one with flyte update secret TOO_LARGE",
    ],
    ["NEW", "(domain=development) exists but is not Ready (Pending)", "retry in a few seconds"],
    ["INVALID", "is not Ready (InvalidSpec)", "kubectl describe flytesecret -n flyte-secrets invalid"],
  ])("%s: names the status and its fix", (key, where, fix) => {
    const message = refusal(key);
    expect(message).toContain(where);
    expect(message).toContain(`Fix: `);
    expect(message).toContain(fix);
    expect(message).not.toContain("flyte create secret");
  });

  it("keeps the create hint for a key that exists only where the pod cannot see, or not at all", () => {
    expect(refusal("ELSEWHERE")).toContain(
      "Fix: flyte create secret ELSEWHERE --project flytesnacks --domain development",
    );
    expect(refusal("OUTSIDE")).toContain("no Ready FlyteSecret has this key");
    expect(refusal("NOPE")).toContain("Fix: flyte create secret NOPE");
  });

  it("gives each key its own fix when several are missing", () => {
    const message = refusal("NOPE", "MISSING_SOURCE", "READY");
    expect(message).toMatch(
      /^2 requested secrets are not available to project flytesnacks, domain development: /,
    );
    expect(message).toContain("NOPE: flyte create secret NOPE --project flytesnacks --domain development");
    expect(message).toContain("MISSING_SOURCE: the Secret holding its value is missing");
  });
});
