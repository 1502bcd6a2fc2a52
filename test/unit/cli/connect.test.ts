// The CLI's connection to a cluster, before any request: what a user without a kubeconfig is told.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../../../src/cli/store.ts";

describe("connect", () => {
  const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
  let home: string;

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), "flyte-cli-home-"));
    process.env.HOME = home;
    delete process.env.KUBECONFIG;
  });

  afterEach(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(home, { recursive: true, force: true });
  });

  it.each([[{}], [{ context: "somewhere" }]])(
    "says no cluster is configured and how to configure one, never localhost:8080 (%j)",
    (options) => {
      expect(() => connect({ namespace: "flyte-secrets", ...options })).toThrow(
        "no Kubernetes cluster is configured (no $KUBECONFIG, no ~/.kube/config, not in a cluster): set KUBECONFIG or pass --kubeconfig",
      );
    },
  );
});
