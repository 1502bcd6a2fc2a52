// The status contract (COORDINATION contract 1) as a table: which Ready status and reason each situation gets, what
// the counts say, and which transitions raise an Event (no Warning in normal use).
import { describe, expect, it } from "vitest";
import type { BlockedEntry, FlyteSecretStatus } from "../../../src/domain/api.ts";
import type { Assessment } from "../../../src/domain/catalog.ts";
import {
  decideStatus,
  mayDeferStatus,
  type StatusFacts,
  sameStatus,
  statusEvent,
} from "../../../src/domain/conditions.ts";
import { otherContentWriters, ownershipOf } from "../../../src/domain/scope-secrets.ts";

const ready: Assessment = {
  ready: true,
  reason: "Materialized",
  message: "",
  secretName: "flyte-secrets.p.alpha",
};
const missing: Assessment = { ready: false, reason: "SourceNotFound", message: "Secret ns/x does not exist" };
const now = new Date("2026-01-01T00:00:00Z");
const squat: BlockedEntry = { namespace: "squat", secret: "flyte-secrets.p.alpha", reason: "NotManaged" };

function facts(over: Partial<StatusFacts>): StatusFacts {
  return {
    assessment: ready,
    key: "K",
    scope: { project: "alpha" },
    generation: 1,
    holding: 3,
    expected: 3,
    blocked: [],
    pendingGraceMs: 15_000,
    ageMs: 60_000,
    ...over,
  };
}

describe("decideStatus", () => {
  const cases: Array<[string, Partial<StatusFacts>, string, string, RegExp]> = [
    ["every namespace holds it", {}, "True", "Materialized", /available in 3 namespaces/],
    ["some still being written", { holding: 1 }, "True", "Materializing", /in 1 of 3 namespaces/],
    [
      "no namespace can see the scope",
      { holding: 0, expected: 0 },
      "True",
      "NoNamespaces",
      /no participating namespace/,
    ],
    [
      "a copy is not ours",
      { holding: 2, blocked: [squat] },
      "True",
      "Blocked",
      /squat\/flyte-secrets\.p\.alpha/,
    ],
    [
      "brand-new, source not there yet",
      { assessment: missing, ageMs: 1000, expected: 0, holding: 0 },
      "Unknown",
      "Pending",
      /waiting/,
    ],
    [
      "source still missing after the grace",
      { assessment: missing, expected: 0, holding: 0 },
      "False",
      "SourceNotFound",
      /does not exist/,
    ],
  ];
  for (const [name, over, status, reason, message] of cases) {
    it(name, () => {
      const { status: next } = decideStatus(facts(over), undefined, now);
      const condition = next.conditions?.find((c) => c.type === "Ready");
      expect(condition?.status).toBe(status);
      expect(condition?.reason).toBe(reason);
      expect(condition?.message).toMatch(message);
      expect(next.namespaces).toBe(over.holding ?? 3);
      expect(next.expectedNamespaces).toBe(over.expected ?? 3);
    });
  }

  it("asks to be decided again when the Pending grace ends", () => {
    expect(decideStatus(facts({ assessment: missing, ageMs: 5000 }), undefined, now).recheckAfterMs).toBe(
      10_000,
    );
  });

  it("keeps at most 50 blocked entries", () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ ...squat, namespace: `ns-${i}` }));
    const { status } = decideStatus(facts({ blocked: many }), undefined, now);
    expect(status.blocked).toHaveLength(50);
    expect(status.conditions?.[0]?.message).toContain("77 more");
  });

  it("moves lastTransitionTime only when the status changes", () => {
    const first = decideStatus(facts({ holding: 1 }), undefined, now).status;
    const later = new Date(now.getTime() + 60_000);
    const second = decideStatus(facts({}), first, later).status;
    expect(second.conditions?.[0]?.lastTransitionTime).toBe(now.toISOString());
    expect(sameStatus(second, decideStatus(facts({}), second, later).status)).toBe(true);
    expect(sameStatus(first, second)).toBe(false);
  });
});

describe("mayDeferStatus", () => {
  const status = (over: Partial<StatusFacts>) => decideStatus(facts(over), undefined, now).status;
  // Only progress waits, only while copies are being made, and never past the deadline.
  it.each([
    {
      name: "progress while namespaces are pending",
      over: { holding: 1 },
      pending: true,
      waited: 0,
      defer: true,
    },
    { name: "progress, nothing pending", over: { holding: 1 }, pending: false, waited: 0, defer: false },
    { name: "progress past the deadline", over: { holding: 1 }, pending: true, waited: 60_000, defer: false },
    { name: "Materialized (final count)", over: {}, pending: true, waited: 0, defer: false },
    { name: "a failure", over: { assessment: missing }, pending: true, waited: 0, defer: false },
    {
      name: "progress with a blocked copy",
      over: { holding: 1, blocked: [squat] },
      pending: true,
      waited: 0,
      defer: false,
    },
  ])("$name: defer=$defer", ({ over, pending, waited, defer }) => {
    expect(mayDeferStatus(status(over), pending, waited, 60_000)).toBe(defer);
  });
});

describe("statusEvent", () => {
  const status = (over: Partial<StatusFacts>, previous?: FlyteSecretStatus) =>
    decideStatus(facts(over), previous, now).status;
  it("raises no Warning in normal use: Pending, then Materializing, then Materialized (Normal, exact count)", () => {
    const pending = status({ assessment: missing, ageMs: 1000, expected: 0, holding: 0 });
    expect(statusEvent(undefined, pending)).toBeUndefined();
    const materializing = status({ holding: 0 }, pending);
    expect(statusEvent(pending, materializing)).toBeUndefined();
    const done = status({}, materializing);
    expect(statusEvent(materializing, done)).toEqual({
      type: "Normal",
      reason: "Materialized",
      message: "key K is available in 3 namespaces",
    });
  });
  it("says nothing again when newly labelled namespaces were filled in", () => {
    const done = status({});
    const more = status({ expected: 4 }, done);
    expect(statusEvent(done, more)).toBeUndefined();
    expect(statusEvent(more, status({ expected: 4, holding: 4 }, more))).toBeUndefined();
  });
  it("warns about a blocked copy, and again for each newly blocked namespace", () => {
    const done = status({});
    const blocked = status({ holding: 2, blocked: [squat] }, done);
    expect(statusEvent(done, blocked)).toMatchObject({ type: "Warning", reason: "Blocked" });
    expect(statusEvent(blocked, status({ holding: 2, blocked: [squat] }, blocked))).toBeUndefined();
    const second = { ...squat, namespace: "other" };
    const both = status({ holding: 1, blocked: [second, squat] }, blocked);
    expect(statusEvent(blocked, both)?.message).toContain("other/flyte-secrets.p.alpha");
  });
  it("warns when a FlyteSecret stops being servable", () => {
    expect(statusEvent(status({}), status({ assessment: missing, expected: 0, holding: 0 }))).toMatchObject({
      type: "Warning",
      reason: "SourceNotFound",
    });
  });
});

describe("managed Secret ownership", () => {
  const ours = { "app.kubernetes.io/managed-by": "flyte-secrets", "secrets.flyte.org/installation": "me" };
  it.each([
    [ours, "ours"],
    [{ ...ours, "secrets.flyte.org/installation": "them" }, "otherInstallation"],
    [{ "app.kubernetes.io/managed-by": "flyte-secrets" }, "legacy"],
    [{ "secrets.flyte.org/installation": "me" }, "notManaged"],
    [undefined, "notManaged"],
  ])("%j is %s", (secretLabels, expected) => {
    expect(ownershipOf(secretLabels, "me")).toBe(expected);
  });

  it("finds who else wrote a Secret's content from managedFields", () => {
    expect(
      otherContentWriters(
        [
          { manager: "flyte-secrets", fieldsV1: { "f:data": {}, "f:metadata": {} } },
          { manager: "kubectl-label", fieldsV1: { "f:metadata": { "f:labels": {} } } },
          { manager: "kubectl-patch", fieldsV1: { "f:data": { "f:K": {} } } },
        ],
        "flyte-secrets",
      ),
    ).toEqual(["kubectl-patch"]);
  });
});
