import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../../src/domain/token-bucket.ts";

describe("TokenBucket", () => {
  // Each row: the times (ms) of attempts, and which were allowed.
  const cases: Array<{ name: string; burst: number; perSecond: number; at: number[]; allowed: boolean[] }> = [
    {
      name: "a burst, then nothing at once",
      burst: 3,
      perSecond: 1,
      at: [0, 0, 0, 0],
      allowed: [true, true, true, false],
    },
    {
      name: "refills at the rate",
      burst: 1,
      perSecond: 2,
      at: [0, 100, 500, 900, 1000],
      allowed: [true, false, true, false, true],
    },
    {
      name: "never holds more than the burst",
      burst: 2,
      perSecond: 10,
      at: [0, 60_000, 60_000, 60_000],
      allowed: [true, true, true, false],
    },
    {
      name: "a clock going back gives nothing",
      burst: 1,
      perSecond: 1,
      at: [5_000, 1_000, 5_500, 6_000],
      allowed: [true, false, false, true],
    },
  ];
  it.each(cases)("$name", ({ burst, perSecond, at, allowed }) => {
    const bucket = new TokenBucket({ burst, perSecond });
    expect(at.map((t) => bucket.take(t))).toEqual(allowed);
  });
});
