// Vitest global setup for the integration project: one real control plane per `npm test` run, shared by every
// integration test (each isolates itself in its own namespaces). Its logs are kept when any test failed.
import type { TestProject } from "vitest/node";
import { ensureBinaries } from "./binaries.ts";
import { ControlPlane, type ControlPlaneInfo } from "./controlplane.ts";

declare module "vitest" {
  export interface ProvidedContext {
    controlPlane: ControlPlaneInfo;
  }
}

const log = (line: string): void => {
  process.stderr.write(`[controlplane] ${line}\n`);
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binaries = await ensureBinaries(log);
  const plane = await ControlPlane.start({ binaries, log });
  project.provide("controlPlane", plane.info);
  log(`logs in ${plane.info.logDir} (kept if a test fails)`);
  return async () => {
    const state = project.vitest.state;
    const failed = state.getCountOfFailedTests() > 0 || state.getFailedFilepaths().length > 0;
    await plane.stop({ keepFiles: failed });
  };
}
