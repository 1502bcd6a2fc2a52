// Where each Generic key of a scope is placed (`placeKeys`, DESIGN §4): a table of catalogs and the Secret every key
// lands in, then properties: the same catalog always places the same way, a placed key never moves when others come
// or go, and no Secret takes new keys beyond the limits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CatalogEntry, entryOf, servingSecretName } from "../../../src/domain/catalog.ts";
import { type KeyToPlace, type PlacementLimits, placeKeys } from "../../../src/domain/key-placement.ts";
import { MAX_SECRETS_PER_SCOPE, scopeSecretName } from "../../../src/domain/names.ts";
import type { Scope } from "../../../src/domain/scope.ts";
import { catalogEntry } from "./entries.ts";

const org: Scope = {};
const p1: Scope = { project: "p1" };
const limits: PlacementLimits = { maxKeysPerSecret: 2, maxScopeBytes: 100 };

/** `name@bytes` or `name@bytes>recorded` (recorded: the Secret its status names). */
function keys(scope: Scope, ...specs: string[]): KeyToPlace[] {
  return specs.map((spec) => {
    const [head = "", recorded] = spec.split(">");
    const [key = "", bytes = "1"] = head.split("@");
    const entry = catalogEntry(key, scope, recorded === undefined ? {} : { secretName: recorded });
    return { entry, bytes: Number(bytes) };
  });
}

function placed(toPlace: readonly KeyToPlace[], l: PlacementLimits = limits): Record<string, string> {
  const result = placeKeys(toPlace, l);
  return Object.fromEntries(
    toPlace.map(({ entry }) => {
      const p = result.get(entry);
      return [entry.key, p === undefined ? "?" : p.placed ? p.secretName : "TooLarge"];
    }),
  );
}

describe("placeKeys", () => {
  const table: Array<[string, KeyToPlace[], Record<string, string>]> = [
    [
      "keys under the limits share the scope's first Secret",
      keys(org, "A", "B"),
      { A: "flyte-secrets", B: "flyte-secrets" },
    ],
    [
      "past maxKeysPerSecret the next key goes to the scope's next Secret, oldest first",
      keys(org, "A", "B", "C", "D", "E"),
      {
        A: "flyte-secrets",
        B: "flyte-secrets",
        C: "flyte-secrets.s.1",
        D: "flyte-secrets.s.1",
        E: "flyte-secrets.s.2",
      },
    ],
    [
      "past maxScopeBytes too",
      keys(p1, "A@60", "B@60", "C@30"),
      { A: "flyte-secrets.p.p1", B: "flyte-secrets.p.p1.s.1", C: "flyte-secrets.p.p1" },
    ],
    [
      "a recorded key stays where it is, even past the key limit (it never moves)",
      keys(org, "A>flyte-secrets", "B>flyte-secrets", "C>flyte-secrets", "D"),
      { A: "flyte-secrets", B: "flyte-secrets", C: "flyte-secrets", D: "flyte-secrets.s.1" },
    ],
    [
      "recorded keys are counted before new ones, whatever their age: a new key fills a hole left by a deleted one",
      keys(org, "NEW", "A>flyte-secrets", "C>flyte-secrets.s.1", "D>flyte-secrets.s.1"),
      { NEW: "flyte-secrets", A: "flyte-secrets", C: "flyte-secrets.s.1", D: "flyte-secrets.s.1" },
    ],
    [
      "a recorded key whose value outgrew its Secret moves to the first with room",
      keys(org, "A@70>flyte-secrets", "B@40>flyte-secrets"),
      { A: "flyte-secrets", B: "flyte-secrets.s.1" },
    ],
    [
      "a recorded name that is not one of the scope's Secrets is ignored",
      keys(org, "A>flyte-secrets.p.p1", "B>my-own-secret", "C>flyte-secrets.s.64"),
      { A: "flyte-secrets", B: "flyte-secrets", C: "flyte-secrets.s.1" },
    ],
    ["a value larger than one Secret is not placed", keys(org, "A@101"), { A: "TooLarge" }],
    [
      "scopes fill independently",
      [...keys(org, "A", "B"), ...keys(p1, "C")],
      { A: "flyte-secrets", B: "flyte-secrets", C: "flyte-secrets.p.p1" },
    ],
  ];
  it.each(table)("%s", (_name, toPlace, expected) => {
    expect(placed(toPlace)).toEqual(expected);
  });

  it.each([
    [
      "Ready, naming its Secret",
      { conditions: [{ type: "Ready", status: "True" }], secretName: "flyte-secrets.s.2" },
      "flyte-secrets.s.2",
    ],
    [
      "Ready before placement existed (no secretName): the first Secret",
      { conditions: [{ type: "Ready", status: "True" }] },
      "flyte-secrets",
    ],
    [
      "not Ready, naming where it was",
      { conditions: [{ type: "Ready", status: "False" }], secretName: "flyte-secrets.s.1" },
      "flyte-secrets.s.1",
    ],
    ["not Ready and never placed", { conditions: [{ type: "Ready", status: "False" }] }, undefined],
    ["no status", undefined, undefined],
  ])("reads the recorded Secret of a FlyteSecret %s", (_name, status, recorded) => {
    const entry = entryOf({
      metadata: { name: "x", namespace: "flyte-secrets" },
      spec: { key: "K" },
      ...(status ? { status } : {}),
    });
    expect(entry.secretName).toBe(recorded);
  });

  it("keeps keys made Ready before placement existed in the first Secret, however many there are", () => {
    const legacy = Array.from({ length: 5 }, (_, i) =>
      entryOf({
        metadata: { name: `old-${i}`, namespace: "flyte-secrets", creationTimestamp: "2025-01-01T00:00:00Z" },
        spec: { key: `OLD_${i}` },
        status: { conditions: [{ type: "Ready", status: "True" }] },
      }),
    );
    const toPlace = [...legacy.map((entry) => ({ entry, bytes: 1 })), ...keys(org, "NEW")];
    expect(placed(toPlace)).toEqual({
      OLD_0: "flyte-secrets",
      OLD_1: "flyte-secrets",
      OLD_2: "flyte-secrets",
      OLD_3: "flyte-secrets",
      OLD_4: "flyte-secrets",
      NEW: "flyte-secrets.s.1",
    });
  });

  it.each([
    ["its scope's first Secret", {}, "Generic", "flyte-secrets.p.p1", "flyte-secrets.p.p1"],
    ["a further Secret of its scope", {}, "Generic", "flyte-secrets.p.p1.s.5", "flyte-secrets.p.p1.s.5"],
    ["another scope's Secret", {}, "Generic", "flyte-secrets", undefined],
    ["a Secret that is not managed", {}, "Generic", "kube-root-ca.crt", undefined],
    [
      "its own ImagePull Secret",
      {},
      "ImagePull",
      "flyte-secrets.p.p1.pull.reg",
      "flyte-secrets.p.p1.pull.reg",
    ],
    ["an ImagePull entry naming the scope's Secret", {}, "ImagePull", "flyte-secrets.p.p1", undefined],
  ] as const)("points pods at %s only when it may hold the key", (_name, _o, type, secretName, serving) => {
    const entry = catalogEntry(type === "ImagePull" ? "reg" : "K", p1, { type, secretName });
    expect(servingSecretName(entry)).toBe(serving);
  });

  it("refuses a key once every Secret of the scope is full, saying how to fix it", () => {
    const toPlace = keys(org, ...Array.from({ length: MAX_SECRETS_PER_SCOPE + 1 }, (_, i) => `K${i}@60`));
    const result = placeKeys(toPlace, limits);
    const last = result.get((toPlace.at(-1) as KeyToPlace).entry);
    expect(last).toEqual({
      placed: false,
      message: expect.stringMatching(
        /already fills 64 Secrets .*delete keys of this scope or store a smaller value/,
      ),
    });
    const before = result.get((toPlace.at(-2) as KeyToPlace).entry);
    expect(before).toEqual({ placed: true, secretName: scopeSecretName(org, MAX_SECRETS_PER_SCOPE - 1) });
  });

  // Properties over random catalogs: keys 0..n of one scope with random sizes, some deleted, some added.
  const arbitraryCatalog = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 });
  const withRecorded = (
    toPlace: readonly KeyToPlace[],
    from: Map<CatalogEntry, { placed: boolean; secretName?: string }>,
  ) =>
    toPlace.map(({ entry, bytes }) => {
      const p = from.get(entry);
      const recorded: CatalogEntry = p?.placed ? { ...entry, secretName: p.secretName as string } : entry;
      return { entry: recorded, bytes };
    });

  it("places the same catalog the same way, before and after the placement is recorded", () => {
    fc.assert(
      fc.property(arbitraryCatalog, (sizes) => {
        const toPlace = keys(org, ...sizes.map((b, i) => `K${i}@${b}`));
        const first = placeKeys(toPlace, limits);
        const again = placeKeys(withRecorded(toPlace, first), limits);
        const names = (m: Map<CatalogEntry, { placed: boolean; secretName?: string }>) =>
          [...m.values()].map((p) => (p.placed ? p.secretName : "TooLarge"));
        expect(names(again)).toEqual(names(first));
      }),
    );
  });

  it("never moves a placed key when others are deleted or added, and fills no Secret past the limits", () => {
    fc.assert(
      fc.property(
        arbitraryCatalog,
        fc.array(fc.boolean()),
        fc.array(fc.integer({ min: 1, max: 60 })),
        (sizes, kept, added) => {
          const toPlace = keys(org, ...sizes.map((b, i) => `K${i}@${b}`));
          const first = withRecorded(toPlace, placeKeys(toPlace, limits));
          const survivors = first.filter((_, i) => kept[i] !== false);
          const next = [...survivors, ...keys(org, ...added.map((b, i) => `N${i}@${b}`))];
          const result = placeKeys(next, limits);
          for (const { entry } of survivors)
            if (entry.secretName !== undefined)
              expect(result.get(entry)).toEqual({ placed: true, secretName: entry.secretName });
          const bySecret = new Map<string, { keys: number; bytes: number; newKeys: number }>();
          for (const { entry, bytes } of next) {
            const p = result.get(entry);
            if (!p?.placed) continue;
            const u = bySecret.get(p.secretName) ?? { keys: 0, bytes: 0, newKeys: 0 };
            u.keys += 1;
            u.bytes += bytes;
            if (entry.secretName === undefined) u.newKeys += 1;
            bySecret.set(p.secretName, u);
          }
          for (const u of bySecret.values()) {
            expect(u.bytes).toBeLessThanOrEqual(limits.maxScopeBytes);
            // Recorded keys may exceed the key limit (they never move); a Secret that took a new key does not.
            if (u.newKeys > 0) expect(u.keys).toBeLessThanOrEqual(limits.maxKeysPerSecret);
          }
        },
      ),
    );
  });
});
