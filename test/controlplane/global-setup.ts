// Vitest global setup for the integration project: one real control plane per `npm test` run, shared by every
// integration test (each isolates itself in its own namespaces), and, where the machine allows, one real node
// (kubelet + containerd + runc + kube-scheduler) shared by the node-* tests. Logs are kept when any test failed.
import type { TestProject } from "vitest/node";
import { ensureVenv } from "../python/venv.ts";
import { ensureBinaries } from "./binaries.ts";
import { ControlPlane, type ControlPlaneInfo } from "./controlplane.ts";
import { LocalNode, type NodeAvailability, nodeUnsupportedReason, TEST_NODE_TAINT } from "./node.ts";

/** The flytekit environment a task container uses, mounted read-only from the host (see test/integration/support/node.ts). */
export type FlytekitAvailability =
  | { readonly available: true; readonly venv: string; readonly basePrefix: string }
  | { readonly available: false; readonly reason: string };

declare module "vitest" {
  export interface ProvidedContext {
    controlPlane: ControlPlaneInfo;
    node: NodeAvailability;
    flytekit: FlytekitAvailability;
  }
}

const log = (line: string): void => {
  process.stderr.write(`[controlplane] ${line}\n`);
};

/** How often the test node's kubelet re-syncs pods: a directory mount sees a rotated value within about 1.5 times this. */
export const TEST_NODE_SYNC_FREQUENCY = "5s";

async function flytekit(): Promise<FlytekitAvailability> {
  try {
    const venv = await ensureVenv("flytekit", log);
    const { execFileSync } = await import("node:child_process");
    const basePrefix = execFileSync(`${venv}/bin/python`, ["-c", "import sys; print(sys.base_prefix)"], {
      encoding: "utf8",
    }).trim();
    return { available: true, venv, basePrefix };
  } catch (error) {
    const reason = `no flytekit environment (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
    log(`${reason}: the flytekit task tests are skipped`);
    return { available: false, reason };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binaries = await ensureBinaries(log);
  const plane = await ControlPlane.start({ binaries, log });
  project.provide("controlPlane", plane.info);
  log(`logs in ${plane.info.logDir} (kept if a test fails)`);
  let node: LocalNode | undefined;
  try {
    const reason = await nodeUnsupportedReason();
    if (reason === undefined) {
      node = await LocalNode.start({
        plane: plane.info,
        syncFrequency: TEST_NODE_SYNC_FREQUENCY,
        taints: [TEST_NODE_TAINT],
        log: (line) => log(`node: ${line}`),
      });
      project.provide("node", { available: true, node: node.info });
      project.provide("flytekit", await flytekit());
    } else {
      log(`no test node on this machine: ${reason}. The node-* tests (pods that really run) are skipped.`);
      project.provide("node", { available: false, reason });
      project.provide("flytekit", { available: false, reason });
    }
  } catch (error) {
    await plane.stop({ keepFiles: true });
    throw error;
  }
  return async () => {
    const state = project.vitest.state;
    const failed = state.getCountOfFailedTests() > 0 || state.getFailedFilepaths().length > 0;
    await node?.stop();
    await plane.stop({ keepFiles: failed });
  };
}
