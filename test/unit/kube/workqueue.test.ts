import { describe, expect, it } from "vitest";
import { Backoff } from "../../../src/kube/backoff.ts";
import { WorkQueue } from "../../../src/kube/workqueue.ts";
import { waitFor } from "../../controlplane/wait.ts";

describe("WorkQueue", () => {
  it("processes a key once however often it was added while waiting", async () => {
    const queue = new WorkQueue();
    const seen: string[] = [];
    queue.add("a");
    queue.add("b");
    queue.add("a");
    queue.add("a");
    const running = queue.run(
      async (key) => {
        seen.push(key);
      },
      () => {},
    );
    await waitFor(() => (seen.length >= 2 ? true : undefined), { description: "both keys" });
    queue.stop();
    await running;
    expect(seen).toEqual(["a", "b"]);
  });

  it("processes a key again, never concurrently, when it is added while being processed", async () => {
    const queue = new WorkQueue();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => {};
    const running = queue.run(
      async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs += 1;
        if (runs === 1)
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        active -= 1;
      },
      () => {},
    );
    queue.add("ns");
    await waitFor(() => (runs === 1 ? true : undefined), { description: "first run" });
    queue.add("ns");
    queue.add("ns");
    release();
    await waitFor(() => (runs === 2 ? true : undefined), { description: "second run" });
    queue.stop();
    await running;
    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
  });

  it("retries failures with growing per-key delays, and forgets them after success", () => {
    const queue = new WorkQueue({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect([
      queue.retry("k"),
      queue.retry("k"),
      queue.retry("k"),
      queue.retry("k"),
      queue.retry("k"),
    ]).toEqual([100, 200, 400, 800, 1000]);
    queue.forget("k");
    expect(queue.retry("k")).toBe(100);
    expect(queue.retry("other")).toBe(100);
    queue.stop();
  });

  it("reports errors to the caller and keeps going", async () => {
    const queue = new WorkQueue();
    const errors: string[] = [];
    const done: string[] = [];
    const running = queue.run(
      async (key) => {
        if (key === "bad") throw new Error("boom");
        done.push(key);
      },
      (key) => errors.push(key),
    );
    queue.add("bad");
    queue.add("good");
    await waitFor(() => (done.length === 1 ? true : undefined), { description: "the good key" });
    queue.stop();
    await running;
    expect(errors).toEqual(["bad"]);
  });
});

describe("WorkQueue with several workers", () => {
  it("works on different keys at once, never on one key twice, and never delays a first attempt", async () => {
    const queue = new WorkQueue();
    const active = new Set<string>();
    let most = 0;
    let overlap = false;
    const done: string[] = [];
    const releases: Array<() => void> = [];
    const running = queue.run(
      async (key) => {
        if (active.has(key)) overlap = true;
        active.add(key);
        most = Math.max(most, active.size);
        await new Promise<void>((resolve) => releases.push(resolve));
        active.delete(key);
        done.push(key);
      },
      () => {},
      4,
    );
    for (let i = 0; i < 200; i++) queue.add(`k${i % 8}`);
    await waitFor(() => (active.size === 4 ? true : undefined), { description: "four keys at once" });
    queue.add("k0");
    for (;;) {
      const release = releases.shift();
      if (release === undefined) {
        if (done.length >= 9) break;
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    queue.stop();
    await running;
    expect(most).toBe(4);
    expect(overlap).toBe(false);
    // k0 was added again while being processed: once more afterwards, 9 runs in all for 8 keys.
    expect(done.filter((k) => k === "k0")).toHaveLength(2);
    expect(done).toHaveLength(9);
  });
});

describe("Backoff", () => {
  it("grows exponentially within jitter bounds, up to the cap, and resets", () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1000 });
    const ceilings = [100, 200, 400, 800, 1000, 1000];
    for (const ceiling of ceilings) {
      const delay = backoff.next();
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
    backoff.reset();
    expect(backoff.next()).toBeLessThanOrEqual(100);
  });
});
