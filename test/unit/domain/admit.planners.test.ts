// The delivery planners of the webhook's decision, each on its own: what one mechanism contributes to the pod.
import { describe, expect, it } from "vitest";
import { envPlanner } from "../../../src/domain/admission/planners/env.ts";
import { filePlanner } from "../../../src/domain/admission/planners/file.ts";
import { imagePullPlanner } from "../../../src/domain/admission/planners/image-pull.ts";
import { type Assignment, groupByMechanism } from "../../../src/domain/admission/planners/planner.ts";

const env = (key: string, name: string, secret = "flyte-secrets") =>
  ({ mechanism: "env", key, secret, name }) as const;
const file = (key: string, path: string, subPath = false, secret = "flyte-secrets") =>
  ({ mechanism: "file", key, secret, path, subPath }) as const;
const pull = (key: string, secret: string) => ({ mechanism: "imagePull", key, secret }) as const;

describe("planners", () => {
  it("groups assignments by mechanism, keeping their order", () => {
    const all: Assignment[] = [env("A", "A"), file("B", "/x/B"), pull("R", "r"), env("C", "C")];
    expect(groupByMechanism(all)).toEqual({
      env: [env("A", "A"), env("C", "C")],
      file: [file("B", "/x/B")],
      imagePull: [pull("R", "r")],
    });
  });

  it("env: one secretKeyRef per assignment", () => {
    expect(envPlanner.plan([env("A", "X", "flyte-secrets.p.p"), env("A", "Y")])).toEqual({
      env: [
        { name: "X", valueFrom: { secretKeyRef: { name: "flyte-secrets.p.p", key: "A" } } },
        { name: "Y", valueFrom: { secretKeyRef: { name: "flyte-secrets", key: "A" } } },
      ],
    });
    expect(envPlanner.plan([])).toEqual({ env: [] });
  });

  it("image pull: each Secret once, in order", () => {
    expect(imagePullPlanner.plan([pull("R", "b"), pull("S", "a"), pull("R", "b")])).toEqual({
      pullSecrets: ["b", "a"],
    });
  });

  it("file: a volume per outer directory, exact files by subPath with a warning, path env vars", () => {
    const planned = filePlanner.plan([
      { ...file("K", "/etc/flyte/secrets/k"), pathEnv: [{ name: "K_PATH", value: "/etc/flyte/secrets/k" }] },
      file("T", "/opt/tls/T", false, "flyte-secrets.d.d"),
      file("S", "/root/sa.json", true),
    ]);
    expect(planned.mounts).toEqual([
      { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true },
      { name: "flyte-secrets-1", mountPath: "/opt/tls", readOnly: true },
      { name: "flyte-secrets-2", mountPath: "/root/sa.json", subPath: "root/sa.json", readOnly: true },
    ]);
    expect(planned.volumes?.map((v) => v.projected.sources)).toEqual([
      [{ secret: { name: "flyte-secrets", items: [{ key: "K", path: "k" }] } }],
      [{ secret: { name: "flyte-secrets.d.d", items: [{ key: "T", path: "T" }] } }],
      [{ secret: { name: "flyte-secrets", items: [{ key: "S", path: "root/sa.json" }] } }],
    ]);
    expect(planned.env).toEqual([{ name: "K_PATH", value: "/etc/flyte/secrets/k" }]);
    expect(planned.warnings).toEqual([expect.stringContaining("/root/sa.json is mounted by subPath")]);
  });

  it("file: refuses a path Kubernetes reserves inside a volume", () => {
    expect(() => filePlanner.plan([file("K", "/..x/k.json", true)])).toThrow(
      /reserves names starting with '..'/,
    );
  });
});
