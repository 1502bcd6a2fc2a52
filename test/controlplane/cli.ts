// Command line for the test control plane:
//   node test/controlplane/cli.ts binaries   build (or find) the binaries and print their paths
//   node test/controlplane/cli.ts start      run a local control plane until Ctrl-C
import { ensureBinaries } from "./binaries.ts";
import { ControlPlane } from "./controlplane.ts";

const log = (line: string): void => {
  process.stderr.write(`[controlplane] ${line}\n`);
};

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case "binaries": {
      const binaries = await ensureBinaries(log);
      for (const [name, path] of Object.entries(binaries)) process.stdout.write(`${name}\t${path}\n`);
      return;
    }
    case "start": {
      const plane = await ControlPlane.start({ binaries: await ensureBinaries(log), log });
      process.stdout.write(`export KUBECONFIG=${plane.info.kubeconfigPath}\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await plane.stop();
      return;
    }
    default:
      throw new Error(`unknown command ${JSON.stringify(command)}; use "binaries" or "start"`);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
