// The test node's guards: a process holding a node (and a running container) is killed with SIGKILL, and nothing of
// the node keeps running — no kubelet, containerd, shim or container process; what it left on disk and in the cgroup
// tree (it could not clean up) is removed by the next run's cleanup. And the shared node never touched the host's
// sysctls or mount table.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ControlPlaneInfo } from "../controlplane/controlplane.ts";
import {
  cgroupMounts,
  cleanUpAfterKilledRuns,
  type NodeInfo,
  processesMentioning,
  TEST_NODE_TAINT,
} from "../controlplane/node.ts";
import { waitFor } from "../controlplane/wait.ts";
import { clusterOf } from "./support/cluster.ts";
import { nodeInfo, testNode } from "./support/node.ts";

const child = fileURLToPath(new URL("./support/node-child.ts", import.meta.url));

/** Every process in the cgroup tree named `cgroupName`, in every hierarchy. */
function cgroupProcesses(cgroupName: string): number[] {
  const pids: number[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const line of readFileSync(join(dir, "cgroup.procs"), "utf8").split("\n"))
      if (line) pids.push(Number(line));
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  for (const mount of cgroupMounts()) walk(join(mount, cgroupName));
  return pids;
}

describe.skipIf(!testNode().available)("the test node's guards", () => {
  let holder: ChildProcess | undefined;
  let planeDir: string | undefined;

  afterAll(async () => {
    holder?.kill("SIGKILL");
    if (planeDir) await rm(planeDir, { recursive: true, force: true });
  });

  it("leaves no process after a SIGKILL, and the next run removes its folder and cgroups", {
    timeout: 180_000,
  }, async () => {
    holder = spawn(process.execPath, [child], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    holder.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    holder.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    const facts = await waitFor(
      () => {
        if (holder?.exitCode !== null) throw new Error(`the node holder exited: ${err}`);
        const line = out.split("\n").find((l) => l.startsWith("{"));
        return line ? (JSON.parse(line) as { node: NodeInfo; plane: ControlPlaneInfo }) : undefined;
      },
      {
        description: "the node holder to start its control plane and node",
        timeoutMs: 120_000,
        intervalMs: 200,
      },
    );
    planeDir = facts.plane.dir;

    // A container really running on that node.
    const cluster = clusterOf(facts.plane);
    const podFile = join(facts.plane.dir, "pod.json");
    await writeFile(
      podFile,
      JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "sleeper", namespace: "default" },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 1,
          containers: [
            {
              name: "c",
              image: facts.node.images.busybox,
              imagePullPolicy: "Never",
              command: ["sleep", "3600"],
            },
          ],
        },
      }),
    );
    expect((await cluster.kubectl("create", "-f", podFile)).code).toBe(0);
    const waited = await cluster.kubectl("wait", "--for=condition=Ready", "pod/sleeper", "--timeout=60s");
    expect(waited.code, waited.stderr).toBe(0);
    expect(cgroupProcesses(facts.node.cgroupName).length).toBeGreaterThan(0);
    expect(processesMentioning(facts.node.dir).length).toBeGreaterThan(0);

    holder.kill("SIGKILL");
    // Its guards end the node's namespace: every process in it (kubelet, containerd, shims, the container) dies.
    await waitFor(
      () =>
        processesMentioning(facts.node.dir).length === 0 &&
        cgroupProcesses(facts.node.cgroupName).length === 0
          ? true
          : undefined,
      { description: "every process of the killed run's node to end", timeoutMs: 30_000, intervalMs: 200 },
    );
    // A killed run cannot clean up: its folder and cgroups are still there, until the next run removes them.
    expect(existsSync(facts.node.dir)).toBe(true);
    await cleanUpAfterKilledRuns();
    expect(existsSync(facts.node.dir)).toBe(false);
    for (const mount of cgroupMounts()) expect(existsSync(join(mount, facts.node.cgroupName))).toBe(false);
  });

  it("changes no sysctl and no mount of the host", async () => {
    // The kubelet wants vm.overcommit_memory=1, kernel.panic=10 and kernel.panic_on_oops=1; it only saw read-only
    // files with those values, inside its own mount namespace.
    const node = nodeInfo();
    expect(node.taints).toContainEqual(TEST_NODE_TAINT);
    const mounts = await readFile("/proc/self/mountinfo", "utf8");
    expect(mounts).not.toContain(node.dir);
    expect(mounts).not.toContain("/var/lib/kubelet");
    expect(mounts).not.toContain("overcommit_memory");
  });
});
