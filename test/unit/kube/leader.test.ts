import { KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { LeaderElector } from "../../../src/kube/leader.ts";
import { createLogger } from "../../../src/observability/logger.ts";

describe("LeaderElector", () => {
  it("logs a failed lease update in full: the API error's message and the stack", async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: "c", server: "http://127.0.0.1:1" }],
      users: [{ name: "u" }],
      contexts: [{ name: "x", cluster: "c", user: "u" }],
      currentContext: "x",
    });
    let logged: (line: Record<string, unknown>) => void = () => undefined;
    const firstWarning = new Promise<Record<string, unknown>>((resolve) => {
      logged = resolve;
    });
    const log = createLogger("warn", {
      write: (line: string) => {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed.msg === "lease update failed") logged(parsed);
      },
    });
    const elector = new LeaderElector(
      kc,
      {
        namespace: "ns",
        name: "lease",
        identity: "me",
        retryPeriodSeconds: 60,
        onStartedLeading: () => undefined,
        onStoppedLeading: () => undefined,
      },
      log,
    );
    elector.start();
    const line = await firstWarning;
    await elector.release();
    expect(line.message).toEqual(expect.stringMatching(/\S/));
    expect((line.err as { stack?: string } | undefined)?.stack).toEqual(expect.stringContaining("\n"));
  });
});
