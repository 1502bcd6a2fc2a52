// Flyte's messages in and out, and every outcome of the secret operations as a Connect code Flyte's CLI handles:
// never Unknown, and never a message with the words that make it start a login flow.
import { Code, type ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import {
  OverallStatus,
  SecretPresenceStatus,
  SecretType,
} from "../../../src/api/gen/flyteidl2/secret/definition_pb.js";
import {
  createError,
  deleteError,
  getError,
  kubeTypeOf,
  pageOf,
  presenceOf,
  secretMessage,
  secretValueOf,
  targetOf,
  updateError,
} from "../../../src/api/messages.ts";
import type { SecretStatus } from "../../../src/domain/conditions.ts";
import type { SecretInfo } from "../../../src/operations/index.ts";

function info(
  key: string,
  name = key.toLowerCase(),
  status: SecretStatus = { state: "pending" },
): SecretInfo {
  return {
    name,
    key,
    scope: {},
    type: "Generic",
    createdAt: "2026-01-02T03:04:05Z",
    status,
    object: {
      metadata: { name, namespace: "ns" },
      spec: { key, valueFrom: { secretKeyRef: { name, key: "value" } } },
    },
  };
}

const ready = (reason: string): SecretStatus => ({ state: "ready", reason, message: "" });
const notReady = (status: string, reason: string): SecretStatus => ({
  state: "notReady",
  status,
  reason,
  message: "",
});

describe("presence", () => {
  it.each<[string, SecretStatus, OverallStatus, SecretPresenceStatus]>([
    ["Ready Materialized", ready("Materialized"), OverallStatus.FULLY_PRESENT, SecretPresenceStatus.PRESENT],
    ["Ready NoNamespaces", ready("NoNamespaces"), OverallStatus.FULLY_PRESENT, SecretPresenceStatus.PRESENT],
    [
      "Ready Materializing",
      ready("Materializing"),
      OverallStatus.PARTIALLY_PRESENT,
      SecretPresenceStatus.PRESENT,
    ],
    ["Ready Blocked", ready("Blocked"), OverallStatus.PARTIALLY_PRESENT, SecretPresenceStatus.PRESENT],
    [
      "Ready False SourceNotFound",
      notReady("False", "SourceNotFound"),
      OverallStatus.UNKNOWN_STATUS,
      SecretPresenceStatus.MISSING,
    ],
    [
      "Ready False Conflict",
      notReady("False", "Conflict"),
      OverallStatus.UNKNOWN_STATUS,
      SecretPresenceStatus.MISSING,
    ],
    [
      "Ready Unknown Pending",
      notReady("Unknown", "Pending"),
      OverallStatus.UNKNOWN_STATUS,
      SecretPresenceStatus.UNKNOWN,
    ],
    ["not reported yet", { state: "pending" }, OverallStatus.UNKNOWN_STATUS, SecretPresenceStatus.UNKNOWN],
    ["being deleted", { state: "deleting" }, OverallStatus.UNKNOWN_STATUS, SecretPresenceStatus.UNKNOWN],
  ])("%s", (_name, status, overall, cluster) => {
    expect(presenceOf(status)).toEqual({ overall, cluster });
  });
});

describe("messages in", () => {
  it("takes key and scope from the identifier, ignoring organization, empty meaning any", () => {
    expect(targetOf({ name: "K", organization: "org", project: "p", domain: "" } as never)).toEqual({
      key: "K",
      scope: { project: "p" },
    });
    expect(() => targetOf(undefined)).toThrow(/no secret name/);
  });

  it("takes string_value as text and binary_value as bytes, and refuses neither", () => {
    expect(secretValueOf({ value: { case: "stringValue", value: "v" }, type: 0 } as never)).toBe("v");
    expect(
      secretValueOf({ value: { case: "binaryValue", value: new Uint8Array([0, 255]) }, type: 0 } as never),
    ).toEqual(new Uint8Array([0, 255]));
    expect(() => secretValueOf({ value: { case: undefined }, type: 0 } as never)).toThrow(
      /string_value or secret_spec.binary_value/,
    );
  });

  it("knows both secret types and refuses others", () => {
    expect(kubeTypeOf(SecretType.GENERIC)).toBe("Generic");
    expect(kubeTypeOf(SecretType.IMAGE_PULL_SECRET)).toBe("ImagePull");
    expect(() => kubeTypeOf(7 as SecretType)).toThrow(/unknown secret type 7/);
  });
});

describe("messages out", () => {
  it("shows identifier, created time, type and status, and no value", () => {
    const message = secretMessage(
      { ...info("K", "k", ready("Materialized")), scope: { project: "p", domain: "d" } },
      "c1",
    );
    expect(message.id).toMatchObject({ name: "K", project: "p", domain: "d" });
    expect(Number(message.secretMetadata?.createdTime?.seconds)).toBe(
      Date.parse("2026-01-02T03:04:05Z") / 1000,
    );
    expect(message.secretMetadata?.type).toBe(SecretType.GENERIC);
    expect(message.secretMetadata?.secretStatus?.overallStatus).toBe(OverallStatus.FULLY_PRESENT);
    expect(message.secretMetadata?.secretStatus?.clusterStatus).toMatchObject([
      { cluster: { name: "c1" }, presenceStatus: SecretPresenceStatus.PRESENT },
    ]);
  });

  it("pages by position: every secret once, in order, whatever the page size", () => {
    const all = ["E", "A", "C", "B", "D"].map((k) => info(k));
    for (const limit of [1, 2, 3, 5, 9]) {
      const seen: string[] = [];
      let token = "";
      do {
        const { page, next } = pageOf(all, limit, token);
        expect(page.length).toBeLessThanOrEqual(limit);
        seen.push(...page.map((s) => s.key));
        token = next;
      } while (token !== "");
      expect(seen).toEqual(["A", "B", "C", "D", "E"]);
    }
    expect(pageOf(all, 0, "").page).toHaveLength(5);
  });

  it("continues after the last secret shown even when secrets are created or deleted between pages", () => {
    const first = pageOf(
      ["A", "B", "C", "D"].map((k) => info(k)),
      2,
      "",
    );
    expect(first.page.map((s) => s.key)).toEqual(["A", "B"]);
    const second = pageOf(
      ["AA", "C", "D"].map((k) => info(k)),
      2,
      first.next,
    );
    expect(second.page.map((s) => s.key)).toEqual(["C", "D"]);
  });

  it("refuses a page token it did not give out", () => {
    expect(() => pageOf([], 1, "not-a-token")).toThrow(/page token/);
  });
});

describe("outcomes as Connect errors", () => {
  const target = { key: "K", scope: { project: "p" } };
  const cases: [string, ConnectError | undefined, Code | undefined, RegExp][] = [
    ["created", createError(target, "ns", { kind: "created", secret: info("K") }), undefined, /.*/],
    [
      "already exists",
      createError(target, "ns", { kind: "alreadyExists", scope: {} }),
      Code.AlreadyExists,
      /K already exists in project p \(namespace ns\)/,
    ],
    [
      "invalid key",
      createError(target, "ns", {
        kind: "invalid",
        problem: { kind: "key", key: "a b", reason: "may only contain letters" },
      }),
      Code.InvalidArgument,
      /"a b" is not a valid secret name/,
    ],
    [
      "image pull scoped",
      createError(target, "ns", { kind: "invalid", problem: { kind: "imagePullScoped" } }),
      Code.InvalidArgument,
      /organization-wide/,
    ],
    [
      "empty value",
      createError(target, "ns", { kind: "invalid", problem: { kind: "value", problem: { kind: "empty" } } }),
      Code.InvalidArgument,
      /value of K is empty/,
    ],
    [
      "source not owned",
      createError(target, "ns", { kind: "sourceNotOwned", secret: "k" }),
      Code.FailedPrecondition,
      /remove or rename that Secret/,
    ],
    ["busy", createError(target, "ns", { kind: "busy", secret: "k" }), Code.Aborted, /try again/],
    [
      "update not found elsewhere",
      updateError(target, "ns", { kind: "notFound", elsewhere: [{}] }),
      Code.NotFound,
      /not found in project p \(namespace ns\); it exists in organization/,
    ],
    [
      "type mismatch",
      updateError(target, "ns", { kind: "typeMismatch", type: "ImagePull" }),
      Code.FailedPrecondition,
      /type image_pull/,
    ],
    [
      "source missing",
      updateError(target, "ns", { kind: "sourceMissing", secret: "src" }),
      Code.FailedPrecondition,
      /Secret src, which does not exist/,
    ],
    [
      "get not found",
      getError(target, "ns", { kind: "notFound", elsewhere: [] }),
      Code.NotFound,
      /secret K not found/,
    ],
    [
      "delete not found",
      deleteError(target, "ns", { kind: "notFound", elsewhere: [] }),
      Code.NotFound,
      /secret K not found/,
    ],
    [
      "delete invalid scope",
      deleteError(target, "ns", {
        kind: "invalid",
        problem: { kind: "scope", dimension: "domain", value: "-x", reason: "use letters" },
      }),
      Code.InvalidArgument,
      /domain "-x" is not valid/,
    ],
  ];
  it.each(cases)("%s", (_name, error, code, message) => {
    expect(error?.code).toBe(code);
    if (error === undefined) return;
    expect(error.code).not.toBe(Code.Unknown);
    expect(error.rawMessage).toMatch(message);
    expect(error.rawMessage.toLowerCase()).not.toMatch(/unauthori[sz]ed|unauthenticated/);
  });
});
