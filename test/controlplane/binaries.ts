// Finds or builds the real Kubernetes binaries the tests run: kube-apiserver, kube-controller-manager, kubectl (one
// pinned release), etcd (3.6) and helm, each built from the Go module proxy through a small wrapper module in
// ./tools and cached outside the repository, keyed by version and by the wrapper's go.mod/go.sum.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { access, constants, mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const KUBERNETES_VERSION = "v1.37.2";
export const ETCD_VERSION = "v3.6.16";
export const HELM_VERSION = "v3.22.0";

export type BinaryName =
  | "kube-apiserver"
  | "kube-controller-manager"
  | "kubectl"
  | "kube-scheduler"
  | "kubelet"
  | "etcd"
  | "helm";
export type Binaries = Readonly<Record<BinaryName, string>>;

interface ToolModule {
  /** Folder under ./tools holding the wrapper go.mod. */
  readonly dir: string;
  readonly version: string;
  readonly commands: ReadonlyArray<{ readonly name: BinaryName; readonly pkg: string }>;
  readonly ldflags: readonly string[];
}

function kubernetesLdflags(version: string): string[] {
  const [major, minor] = version.replace(/^v/, "").split(".");
  const vars: Array<[string, string]> = [
    ["gitVersion", version],
    ["gitMajor", major ?? ""],
    ["gitMinor", minor ?? ""],
    ["gitTreeState", "clean"],
  ];
  return ["k8s.io/component-base/version", "k8s.io/client-go/pkg/version"].flatMap((pkg) =>
    vars.map(([name, value]) => `-X ${pkg}.${name}=${value}`),
  );
}

const toolModules: readonly ToolModule[] = [
  {
    dir: "kubernetes",
    version: KUBERNETES_VERSION,
    commands: [
      { name: "kube-apiserver", pkg: "k8s.io/kubernetes/cmd/kube-apiserver" },
      { name: "kube-controller-manager", pkg: "k8s.io/kubernetes/cmd/kube-controller-manager" },
      { name: "kubectl", pkg: "k8s.io/kubernetes/cmd/kubectl" },
      { name: "kube-scheduler", pkg: "k8s.io/kubernetes/cmd/kube-scheduler" },
      { name: "kubelet", pkg: "k8s.io/kubernetes/cmd/kubelet" },
    ],
    ldflags: kubernetesLdflags(KUBERNETES_VERSION),
  },
  {
    dir: "etcd",
    version: ETCD_VERSION,
    commands: [{ name: "etcd", pkg: "." }],
    ldflags: [],
  },
  {
    dir: "helm",
    version: HELM_VERSION,
    commands: [{ name: "helm", pkg: "helm.sh/helm/v3/cmd/helm" }],
    ldflags: [
      `-X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}`,
      "-X helm.sh/helm/v3/internal/version.gitTreeState=clean",
    ],
  },
];

const toolsDir = join(dirname(fileURLToPath(import.meta.url)), "tools");

/** Per-binary override variables, as envtest names them, plus one for helm. */
const overrideVariables: Record<BinaryName, string> = {
  "kube-apiserver": "TEST_ASSET_KUBE_APISERVER",
  "kube-controller-manager": "TEST_ASSET_KUBE_CONTROLLER_MANAGER",
  kubectl: "TEST_ASSET_KUBECTL",
  "kube-scheduler": "TEST_ASSET_KUBE_SCHEDULER",
  kubelet: "TEST_ASSET_KUBELET",
  etcd: "TEST_ASSET_ETCD",
  helm: "TEST_ASSET_HELM",
};

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "flyte-secrets", "tools");
}

async function moduleCacheDir(tool: ToolModule): Promise<string> {
  const hash = createHash("sha256");
  for (const file of ["go.mod", "go.sum"]) hash.update(await readFile(join(toolsDir, tool.dir, file)));
  hash.update(tool.ldflags.join(" "));
  return join(cacheRoot(), `${tool.dir}-${tool.version}-${hash.digest("hex").slice(0, 12)}`);
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function overrideFor(name: BinaryName, env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env[overrideVariables[name]];
  if (explicit) return explicit;
  const assets = env.KUBEBUILDER_ASSETS;
  if (assets) {
    const candidate = join(assets, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function findGo(env: NodeJS.ProcessEnv): string {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "go"))) return join(dir, "go");
  }
  if (existsSync("/usr/local/go/bin/go")) return "/usr/local/go/bin/go";
  throw new Error(
    "Go is needed to build the test control plane (kube-apiserver, etcd, kubectl, helm) from the Go module proxy, " +
      "and no `go` was found on PATH. Install Go, or point KUBEBUILDER_ASSETS (or TEST_ASSET_<BINARY>) at existing binaries.",
  );
}

function run(command: string, args: string[], cwd: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, GOFLAGS: "-mod=readonly" } });
    let output = "";
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else {
        log(output);
        reject(new Error(`${command} ${args.join(" ")} failed with exit code ${code} in ${cwd}:\n${output}`));
      }
    });
  });
}

async function buildModule(tool: ToolModule, target: string, log: (line: string) => void): Promise<void> {
  const go = findGo(process.env);
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(`${target}.building-`);
  try {
    const names = tool.commands.map((c) => c.name).join(", ");
    log(`building ${names} ${tool.version} from the Go module proxy (first run only; several minutes) ...`);
    const started = Date.now();
    for (const command of tool.commands) {
      const args = ["build", "-trimpath", "-ldflags", ["-s", "-w", ...tool.ldflags].join(" ")];
      await run(go, [...args, "-o", join(staging, command.name), command.pkg], join(toolsDir, tool.dir), log);
    }
    log(`built ${names} in ${Math.round((Date.now() - started) / 1000)}s`);
    try {
      await rename(staging, target);
    } catch (error) {
      // Another process finished the same build first; its result is identical.
      if (!existsSync(target)) throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Returns the path of every binary: an override from the environment when set (KUBEBUILDER_ASSETS or
 * TEST_ASSET_*), otherwise the cached build, building it first when it is missing.
 */
export async function ensureBinaries(log: (line: string) => void = () => {}): Promise<Binaries> {
  const result: Partial<Record<BinaryName, string>> = {};
  for (const tool of toolModules) {
    const missing = tool.commands.filter((c) => overrideFor(c.name, process.env) === undefined);
    const dir = await moduleCacheDir(tool);
    if (missing.length > 0) {
      const complete = await Promise.all(missing.map((c) => isExecutable(join(dir, c.name))));
      if (!complete.every(Boolean)) {
        await rm(dir, { recursive: true, force: true });
        await buildModule(tool, dir, log);
      }
    }
    for (const command of tool.commands) {
      const path = overrideFor(command.name, process.env) ?? join(dir, command.name);
      if (!(await isExecutable(path))) {
        throw new Error(
          `${command.name} at ${path} is not an executable file (check ${overrideVariables[command.name]}).`,
        );
      }
      result[command.name] = path;
    }
  }
  return result as Binaries;
}
