// The FlyteSecret CRD in the shared control plane: installed from crds/ exactly as a user would, and manifests applied
// with the real kubectl so tests see the API server's own answers.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { API_VERSION, type FlyteSecretSpec, GROUP, KIND, PLURAL } from "../../../src/domain/api.ts";
import { waitFor } from "../../controlplane/wait.ts";
import { type CommandResult, kubectl, scratchDir } from "./cluster.ts";

export const crdName = `${PLURAL}.${GROUP}`;
export const crdPath = fileURLToPath(new URL(`../../../crds/${crdName}.yaml`, import.meta.url));

/**
 * Installs (or re-applies) the FlyteSecret CRD and waits until the API server serves it. Server-side apply with
 * forced conflicts makes concurrent calls from parallel test files converge on the same object.
 */
export async function installCrd(): Promise<void> {
  const applied = await kubectl("apply", "--server-side", "--force-conflicts", "-f", crdPath);
  if (applied.code !== 0) throw new Error(`installing the FlyteSecret CRD failed: ${applied.stderr}`);
  await waitFor(
    async () => {
      const established = await kubectl(
        "get",
        "crd",
        crdName,
        "-o",
        'jsonpath={.status.conditions[?(@.type=="Established")].status}',
      );
      if (established.stdout !== "True") return undefined;
      // Established is set before discovery has caught up; the resource must be listable by its plural name.
      const listed = await kubectl("get", PLURAL, "--all-namespaces");
      return listed.code === 0 ? true : undefined;
    },
    { description: `the ${crdName} CRD to be established and served`, timeoutMs: 60_000 },
  );
}

/** A FlyteSecret manifest as a user would write it (the namespace is given when applying). */
export interface FlyteSecretManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly spec: unknown;
}

/** `spec` is loosely typed so validation tests can send what the schema must refuse. */
export function flyteSecretManifest(
  name: string,
  spec: FlyteSecretSpec | Record<string, unknown>,
): FlyteSecretManifest {
  return { apiVersion: API_VERSION, kind: KIND, metadata: { name }, spec };
}

/** Writes the manifest to a temporary file and runs `kubectl apply -n <namespace> -f` on it. */
export async function applyManifest(namespace: string, manifest: object): Promise<CommandResult> {
  const dir = await scratchDir("flyte-secrets-manifest-");
  try {
    const file = join(dir, "manifest.json");
    await writeFile(file, JSON.stringify(manifest));
    return await kubectl("apply", "-n", namespace, "-f", file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
