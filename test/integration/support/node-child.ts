// A separate process holding its own control plane and node, for the test that kills it with SIGKILL: prints the
// node's facts as one JSON line once it is Ready, then waits to be killed.
import { ensureBinaries } from "../../controlplane/binaries.ts";
import { ControlPlane } from "../../controlplane/controlplane.ts";
import { LocalNode } from "../../controlplane/node.ts";

const plane = await ControlPlane.start({ binaries: await ensureBinaries() });
const node = await LocalNode.start({ plane: plane.info });
process.stdout.write(`${JSON.stringify({ node: node.info, plane: plane.info })}\n`);
setInterval(() => {}, 60_000);
