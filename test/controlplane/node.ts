// A real node for the local control plane: kubelet + containerd + runc + kube-scheduler, so task pods really run.
// Used by the integration tests (one node per run, from global setup) and by `npm start`.
//
// Nothing here may touch the host beyond what it cleans up, and nothing may outlive the process that started it:
// - containerd and the kubelet run inside `unshare --mount --pid --fork --mount-proc --kill-child`, with private bind
//   mounts over /run, /var/lib/kubelet, /var/lib/cni and /var/log, and read-only binds over the three sysctls the
//   kubelet would otherwise set on the host. Every mount they make (overlay snapshots, Secret volumes, network
//   namespaces) lives and dies with that mount namespace; when the namespace's first process dies, the kernel kills
//   every process in it, containers included.
// - That `unshare` runs under a parent-death guard (as the control plane's binaries do) that SIGKILLs it when the
//   pipe from this process closes, even when this process is killed with SIGKILL.
// - The kubelet's cgroups live under their own cgroupRoot, named after this run, removed on stop; files live in one
//   folder per run. A later run removes whatever a killed run left (folder, cgroups, and any stray process).
// - No registry is reachable: images are made locally (a static busybox rootfs, a Go pause binary) and imported with
//   `ctr -n k8s.io images import`; pods use `imagePullPolicy: Never`. Pods get an eth0 from a CNI plugin that creates
//   a veth pair entirely inside the pod's network namespace, so nothing is created on the host's network.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  symlink,
  writeFile,
} from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dump } from "js-yaml";
import { cacheRoot } from "./binaries.ts";
import type { ControlPlaneInfo } from "./controlplane.ts";
import { waitFor } from "./wait.ts";

/** The images every node has, made locally and imported into containerd. */
export const NODE_IMAGES = {
  /** A static busybox (sh, cat, env, ls, sleep, ...); /lib and /lib64 point into /usr for host programs mounted there. */
  busybox: "flyte-secrets.local/busybox:1",
  pause: "flyte-secrets.local/pause:1",
} as const;

/** The node's name: the kubelet refuses a loopback node IP, so the API server reaches it by this hostname. */
export const NODE_NAME = "localhost";

/** Taint the test node carries so only pods meant for it (tolerating it) are scheduled there. */
export const TEST_NODE_TAINT = {
  key: "flyte-secrets.test/node",
  value: "true",
  effect: "NoSchedule",
} as const;

export interface NodeOptions {
  readonly plane: ControlPlaneInfo;
  /** The kubelet's syncFrequency (how often it re-syncs pods, which bounds how fast a directory mount sees a new value); the kubelet's default is 1m. */
  readonly syncFrequency?: string;
  readonly taints?: ReadonlyArray<{ key: string; value: string; effect: string }>;
  readonly log?: (line: string) => void;
}

/** Facts about a running node, serialisable so vitest can hand them from global setup to test workers. */
export interface NodeInfo {
  readonly name: string;
  readonly images: typeof NODE_IMAGES;
  readonly taints: ReadonlyArray<{ key: string; value: string; effect: string }>;
  readonly syncFrequency: string;
  /** Milliseconds from starting the node to its Ready condition (taint removed, images imported). */
  readonly readyMs: number;
  /** The node's folder (containerd's and the kubelet's state), removed on stop. */
  readonly dir: string;
  /** The kubelet's cgroupRoot, one folder of that name in every cgroup hierarchy, removed on stop. */
  readonly cgroupName: string;
}

export type NodeAvailability =
  | { readonly available: true; readonly node: NodeInfo }
  | { readonly available: false; readonly reason: string };

const NODES_DIR = join(tmpdir(), "flyte-secrets-nodes");
const CGROUP_PREFIX = "flyte-secrets-node-";
const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const toolsDir = join(dirname(fileURLToPath(import.meta.url)), "tools", "node");

// sh -c GUARD name binary args...: as the control plane's guard, but ends the binary with SIGKILL: `unshare` blocks
// SIGTERM while it waits, and everything under it is disposable.
const KILL_ON_PARENT_DEATH = [
  "exec 3<&0",
  '"$@" &',
  "child=$!",
  "(read -r _ <&3; kill -KILL $child 2>/dev/null) &",
  "wait $child",
].join("\n");

// The node's first process inside its namespaces: mounts, containerd, then the kubelet.
const NODE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "node.sh");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function findCommand(name: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? "").split(delimiter), ...SYSTEM_PATH.split(":")]) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function exec(command: string, args: readonly string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, PATH: SYSTEM_PATH } },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${command} ${args.join(" ")}: ${stderr || error.message}`, { cause: error }));
        else resolve(stdout);
      },
    );
  });
}

/** True when the ELF file at `path` has no program interpreter (is statically linked). */
function isStaticElf(path: string): boolean {
  const b = readFileSync(path);
  if (b.length < 64 || b.readUInt32BE(0) !== 0x7f454c46 || b[4] !== 2) return false;
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) if (b.readUInt32LE(phoff + i * phentsize) === 3) return false;
  return true;
}

/** The cgroup hierarchies mounted on this machine (cgroup v1 controllers and/or the v2 unified tree). */
export function cgroupMounts(): string[] {
  return readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((line) => line.split(" - "))
    .filter(([, rest]) => rest !== undefined && /^cgroup2? /.test(rest))
    .map(([head]) => head?.split(" ")[4] ?? "")
    .filter((path) => path !== "");
}

/**
 * Why no node can run on this machine, or undefined when one can: root, Linux namespaces, writable cgroups, and
 * containerd, runc, ctr and a static busybox (Debian: containerd, runc, busybox-static).
 */
export async function nodeUnsupportedReason(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (env.FLYTE_SECRETS_NODE === "off") return "FLYTE_SECRETS_NODE=off";
  if (process.platform !== "linux") return `a node needs Linux, and this is ${process.platform}`;
  if (process.getuid?.() !== 0)
    return "a node needs root (containerd and the kubelet), and this process is not root";
  const missing = ["containerd", "containerd-shim-runc-v2", "runc", "ctr", "unshare", "busybox"].filter(
    (c) => findCommand(c) === undefined,
  );
  if (missing.length > 0) {
    return `missing ${missing.join(", ")} (Debian packages containerd, runc, busybox-static; .ci/run installs them)`;
  }
  const busybox = findCommand("busybox") ?? "";
  if (!isStaticElf(busybox)) return `${busybox} is not statically linked (install Debian's busybox-static)`;
  if (!existsSync(await nodeToolsDir()) && !findGoCommand()) {
    return "Go is needed (once) to build the node's pause and CNI programs, and no `go` was found";
  }
  try {
    await exec("unshare", ["--mount", "--pid", "--fork", "--mount-proc", "true"], 10_000);
  } catch (error) {
    return `cannot make mount and PID namespaces (unshare failed: ${(error as Error).message.trim()})`;
  }
  const mounts = cgroupMounts();
  if (mounts.length === 0) return "no cgroup hierarchy is mounted";
  const probe = `${CGROUP_PREFIX}probe-${process.pid}`;
  for (const mount of mounts) {
    try {
      await mkdir(join(mount, probe));
      await rmdir(join(mount, probe));
    } catch (error) {
      return `cgroups are not writable (${mount}: ${(error as NodeJS.ErrnoException).code})`;
    }
  }
  return undefined;
}

// ---- The node's own programs and images, built once and cached like the Go binaries ----

async function hashFiles(files: readonly string[], extra = ""): Promise<string> {
  const hash = createHash("sha256");
  for (const file of files) hash.update(await readFile(file));
  hash.update(extra);
  return hash.digest("hex").slice(0, 12);
}

function findGoCommand(): string | undefined {
  return findCommand("go") ?? (existsSync("/usr/local/go/bin/go") ? "/usr/local/go/bin/go" : undefined);
}

function findGo(): string {
  const go = findGoCommand();
  if (!go)
    throw new Error("Go is needed to build the test node's pause and CNI programs, and no `go` was found");
  return go;
}

/** Where the node's programs are cached, keyed by their sources. */
async function nodeToolsDir(): Promise<string> {
  const sources = ["go.mod", "go.sum", "pause/main.go", "cni/main.go"].map((f) => join(toolsDir, f));
  return join(cacheRoot(), `node-${await hashFiles(sources)}`);
}

/**
 * Builds (or finds) `pause` and `flyte-secrets-cni` (also installed as `loopback`, the plugin containerd adds to every
 * sandbox) from ./tools/node; returns the folder holding them.
 */
async function ensureNodeTools(log: (line: string) => void): Promise<string> {
  const target = await nodeToolsDir();
  if (existsSync(join(target, "loopback"))) return target;
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(`${target}.building-`);
  try {
    log("building the test node's pause and CNI programs (first run only) ...");
    for (const [name, pkg] of [
      ["pause", "./pause"],
      ["flyte-secrets-cni", "./cni"],
    ] as const) {
      await new Promise<void>((resolve, reject) => {
        execFile(
          findGo(),
          ["build", "-trimpath", "-ldflags", "-s -w", "-o", join(staging, name), pkg],
          {
            cwd: toolsDir,
            env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=readonly" },
            maxBuffer: 16 * 1024 * 1024,
          },
          (error, _stdout, stderr) =>
            error ? reject(new Error(`go build ${pkg} failed: ${stderr}`, { cause: error })) : resolve(),
        );
      });
    }
    await symlink("flyte-secrets-cni", join(staging, "loopback"));
    await rename(staging, target).catch((error: unknown) => {
      if (!existsSync(target)) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

function goArch(): string {
  return process.arch === "x64" ? "amd64" : process.arch;
}

/** Packs a rootfs folder as an OCI image archive that `ctr images import` names `name`. */
async function packImage(
  rootfs: string,
  name: string,
  config: Record<string, unknown>,
  out: string,
): Promise<void> {
  const layout = await mkdtemp(join(dirname(out), "oci-"));
  try {
    const blobs = join(layout, "blobs", "sha256");
    await mkdir(blobs, { recursive: true });
    const layerTar = join(layout, "layer.tar");
    await exec("tar", [
      "--create",
      `--file=${layerTar}`,
      "--sort=name",
      "--owner=0",
      "--group=0",
      "--numeric-owner",
      "--mtime=@0",
      `--directory=${rootfs}`,
      ".",
    ]);
    const blob = async (bytes: Buffer): Promise<{ digest: string; size: number }> => {
      const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
      await writeFile(join(blobs, digest.slice(7)), bytes);
      return { digest, size: bytes.length };
    };
    const layer = await blob(await readFile(layerTar));
    await rm(layerTar);
    const imageConfig = await blob(
      Buffer.from(
        JSON.stringify({
          architecture: goArch(),
          os: "linux",
          config,
          rootfs: { type: "layers", diff_ids: [layer.digest] },
        }),
      ),
    );
    const manifest = await blob(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: "application/vnd.oci.image.manifest.v1+json",
          config: { mediaType: "application/vnd.oci.image.config.v1+json", ...imageConfig },
          layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar", ...layer }],
        }),
      ),
    );
    await writeFile(join(layout, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
    await writeFile(
      join(layout, "index.json"),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: "application/vnd.oci.image.manifest.v1+json",
            ...manifest,
            annotations: {
              "io.containerd.image.name": name,
              "org.opencontainers.image.ref.name": name.split(":").pop(),
            },
          },
        ],
      }),
    );
    await exec("tar", [
      "--create",
      `--file=${out}`,
      `--directory=${layout}`,
      "oci-layout",
      "index.json",
      "blobs",
    ]);
  } finally {
    await rm(layout, { recursive: true, force: true });
  }
}

/** Makes (or finds) the OCI archives of NODE_IMAGES; returns their paths. */
async function ensureImages(
  tools: string,
  log: (line: string) => void,
): Promise<Record<keyof typeof NODE_IMAGES, string>> {
  const busybox = findCommand("busybox") ?? "busybox";
  const hash = await hashFiles([busybox, join(tools, "pause")], `images-v1 ${JSON.stringify(NODE_IMAGES)}`);
  const target = join(cacheRoot(), `node-images-${hash}`);
  const result = { busybox: join(target, "busybox.tar"), pause: join(target, "pause.tar") };
  if (existsSync(join(target, ".complete"))) return result;
  log("making the test node's images (a static busybox rootfs and the pause image) ...");
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const work = await mkdtemp(join(target, "rootfs-"));
  try {
    const box = join(work, "busybox");
    for (const d of ["bin", "etc", "tmp", "usr", "root", "proc", "sys", "dev", "var", "run"]) {
      await mkdir(join(box, d), { recursive: true });
    }
    await chmod(join(box, "tmp"), 0o1777);
    await symlink("usr/lib", join(box, "lib"));
    await symlink("usr/lib64", join(box, "lib64"));
    await copyFile(busybox, join(box, "bin", "busybox"));
    await chmod(join(box, "bin", "busybox"), 0o755);
    const applets = (await exec(busybox, ["--list"])).split("\n").filter((a) => /^[a-z0-9_.[-]+$/.test(a));
    for (const applet of applets)
      if (applet !== "busybox") await symlink("busybox", join(box, "bin", applet));
    await writeFile(
      join(box, "etc", "passwd"),
      "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n",
    );
    await writeFile(join(box, "etc", "group"), "root:x:0:\nnobody:x:65534:\n");
    await packImage(
      box,
      NODE_IMAGES.busybox,
      { Env: [`PATH=${SYSTEM_PATH}`], Cmd: ["sh"], WorkingDir: "/" },
      result.busybox,
    );
    const pause = join(work, "pause");
    await mkdir(pause);
    await copyFile(join(tools, "pause"), join(pause, "pause"));
    await chmod(join(pause, "pause"), 0o755);
    await packImage(pause, NODE_IMAGES.pause, { Entrypoint: ["/pause"] }, result.pause);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await writeFile(join(target, ".complete"), "");
  return result;
}

// ---- Cleaning up after this run and after killed ones ----

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Removes a cgroup and everything below it, deepest first; false while some still hold processes. */
function removeCgroupTree(path: string): boolean {
  if (!existsSync(path)) return true;
  let ok = true;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) ok = removeCgroupTree(join(path, entry.name)) && ok;
  }
  try {
    rmdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") ok = false;
  }
  return ok;
}

function removeCgroups(cgroupName: string): boolean {
  return cgroupMounts()
    .map((mount) => removeCgroupTree(join(mount, cgroupName)))
    .every(Boolean);
}

/** Processes whose command line mentions `text` (e.g. a node folder), other than this one. */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(join("/proc", entry, "cmdline"), "utf8").includes(text)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/**
 * Removes what nodes of runs that no longer exist left behind (a run killed with SIGKILL cannot clean up): stray
 * processes, their cgroups and their folders. Folders are named `<pid>-<random>` after the run that made them.
 */
export async function cleanUpAfterKilledRuns(log: (line: string) => void = () => {}): Promise<void> {
  const ids = new Set<string>();
  if (existsSync(NODES_DIR)) for (const entry of await readdir(NODES_DIR)) ids.add(entry);
  for (const mount of cgroupMounts()) {
    for (const entry of existsSync(mount) ? readdirSync(mount) : []) {
      if (entry.startsWith(CGROUP_PREFIX)) ids.add(entry.slice(CGROUP_PREFIX.length));
    }
  }
  for (const id of ids) {
    const pid = Number(id.split("-")[0]);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    const dir = join(NODES_DIR, id);
    for (const stray of processesMentioning(dir)) {
      try {
        process.kill(stray, "SIGKILL");
      } catch {
        // Gone meanwhile.
      }
    }
    await waitFor(
      () => (processesMentioning(dir).length === 0 && removeCgroups(CGROUP_PREFIX + id) ? true : undefined),
      {
        description: `the processes and cgroups of the node left by run ${pid} to go`,
        timeoutMs: 30_000,
        intervalMs: 200,
      },
    );
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    log(`removed the node a killed run (pid ${pid}) left behind`);
  }
}

// ---- The node ----

interface Guarded {
  readonly name: string;
  readonly process: ChildProcess;
  exited: boolean;
}

export class LocalNode {
  private facts: NodeInfo;
  private readonly dir: string;
  private readonly cgroupName: string;
  private readonly processes: Guarded[];
  private readonly exitHook: () => void;

  private constructor(info: NodeInfo, dir: string, cgroupName: string, processes: Guarded[]) {
    this.facts = info;
    this.dir = dir;
    this.cgroupName = cgroupName;
    this.processes = processes;
    // If this process exits without stop(), end the node now; the cgroups and folder go with the next run.
    this.exitHook = () => {
      for (const p of processes) killGroup(p.process);
      rmSync(dir, { recursive: true, force: true });
    };
    process.on("exit", this.exitHook);
  }

  get info(): NodeInfo {
    return this.facts;
  }

  /** Starts a node for the control plane and resolves once it is Ready and schedulable. */
  static async start(options: NodeOptions): Promise<LocalNode> {
    const log = options.log ?? (() => {});
    const started = Date.now();
    await cleanUpAfterKilledRuns(log);
    const tools = await ensureNodeTools(log);
    const images = await ensureImages(tools, log);
    const id = `${process.pid}-${randomBytes(3).toString("hex")}`;
    const dir = join(NODES_DIR, id);
    const cgroupName = CGROUP_PREFIX + id;
    const plane = options.plane;
    const syncFrequency = options.syncFrequency ?? "1m";
    const taints = options.taints ?? [];
    const socket = join(dir, "containerd.sock");
    for (const sub of ["sysctl", "cni/net.d", "containerd", "certs.d"])
      await mkdir(join(dir, sub), { recursive: true });

    // The kubelet wants its cgroupRoot to exist; in every hierarchy, with cpuset's cpus and mems filled in.
    for (const mount of cgroupMounts()) {
      const path = join(mount, cgroupName);
      await mkdir(path, { recursive: true });
      for (const file of ["cpuset.cpus", "cpuset.mems"]) {
        if (existsSync(join(mount, file)) && existsSync(join(path, file))) {
          await writeFile(join(path, file), await readFile(join(mount, file)));
        }
      }
    }

    await writeFile(
      join(dir, "cni", "net.d", "10-flyte-secrets.conflist"),
      JSON.stringify({
        cniVersion: "0.4.0",
        name: "flyte-secrets-node",
        plugins: [{ type: "flyte-secrets-cni" }],
      }),
    );
    const runc = findCommand("runc") ?? "runc";
    await writeFile(
      join(dir, "containerd.toml"),
      [
        "version = 2",
        `root = "${join(dir, "containerd", "root")}"`,
        `state = "/run/containerd"`,
        `disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]`,
        "[grpc]",
        `  address = "${socket}"`,
        "[metrics]",
        `  address = ""`,
        `[plugins."io.containerd.grpc.v1.cri"]`,
        `  sandbox_image = "${NODE_IMAGES.pause}"`,
        // This sandbox lacks CAP_SYS_RESOURCE: without this every sandbox fails ("can't get final child's PID").
        "  restrict_oom_score_adj = true",
        "  disable_apparmor = true",
        `  stream_server_address = "127.0.0.1"`,
        `  stream_server_port = "0"`,
        `[plugins."io.containerd.grpc.v1.cri".containerd]`,
        `  snapshotter = "overlayfs"`,
        `  default_runtime_name = "runc"`,
        `[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]`,
        `  runtime_type = "io.containerd.runc.v2"`,
        `[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]`,
        "  SystemdCgroup = false",
        `  BinaryName = "${runc}"`,
        `[plugins."io.containerd.grpc.v1.cri".cni]`,
        `  bin_dir = "${tools}"`,
        `  conf_dir = "${join(dir, "cni", "net.d")}"`,
        `[plugins."io.containerd.grpc.v1.cri".registry]`,
        `  config_path = "${join(dir, "certs.d")}"`,
        "",
      ].join("\n"),
    );
    const [kubeletPort, healthzPort, schedulerPort] = await Promise.all([freePort(), freePort(), freePort()]);
    await writeFile(join(dir, "resolv.conf"), "");
    await writeFile(
      join(dir, "kubelet.yaml"),
      dump({
        apiVersion: "kubelet.config.k8s.io/v1beta1",
        kind: "KubeletConfiguration",
        address: "127.0.0.1",
        port: kubeletPort,
        readOnlyPort: 0,
        healthzBindAddress: "127.0.0.1",
        healthzPort,
        // The API server calls the kubelet (logs, exec) with a client certificate of the cluster CA.
        authentication: {
          anonymous: { enabled: false },
          webhook: { enabled: false },
          x509: { clientCAFile: plane.caPath },
        },
        authorization: { mode: "AlwaysAllow" },
        containerRuntimeEndpoint: `unix://${socket}`,
        cgroupDriver: "cgroupfs",
        cgroupRoot: `/${cgroupName}`,
        failCgroupV1: false,
        failSwapOn: false,
        syncFrequency,
        registerNode: true,
        registerWithTaints: taints,
        resolvConf: join(dir, "resolv.conf"),
        evictionHard: {
          "memory.available": "1Mi",
          "nodefs.available": "1%",
          "nodefs.inodesFree": "1%",
          "imagefs.available": "1%",
        },
        imageGCHighThresholdPercent: 100,
        imageGCLowThresholdPercent: 99,
        localStorageCapacityIsolation: false,
        maxPods: 60,
        serializeImagePulls: false,
        shutdownGracePeriod: "0s",
        rotateCertificates: false,
        serverTLSBootstrap: false,
      }),
    );
    const logFile = (name: string) => join(plane.logDir, `node-${name}.log`);
    const processes: Guarded[] = [];
    const node = new LocalNode(
      { name: NODE_NAME, images: NODE_IMAGES, taints, syncFrequency, readyMs: 0, dir, cgroupName },
      dir,
      cgroupName,
      processes,
    );
    try {
      processes.push(
        spawnGuarded("node", logFile("namespace"), "unshare", [
          "--mount",
          "--pid",
          "--fork",
          "--mount-proc",
          "--kill-child=SIGKILL",
          "bash",
          NODE_SCRIPT,
          dir,
          plane.logDir,
          `--config=${join(dir, "containerd.toml")}`,
          "--",
          plane.binaries.kubelet,
          `--config=${join(dir, "kubelet.yaml")}`,
          `--kubeconfig=${plane.kubeconfigPath}`,
          `--hostname-override=${NODE_NAME}`,
          "--root-dir=/var/lib/kubelet",
          "--v=1",
        ]),
      );
      processes.push(
        spawnGuarded("kube-scheduler", logFile("kube-scheduler"), plane.binaries["kube-scheduler"], [
          `--kubeconfig=${plane.kubeconfigPath}`,
          `--authentication-kubeconfig=${plane.kubeconfigPath}`,
          `--authorization-kubeconfig=${plane.kubeconfigPath}`,
          "--leader-elect=false",
          "--bind-address=127.0.0.1",
          `--secure-port=${schedulerPort}`,
          `--cert-dir=${join(dir, "kube-scheduler")}`,
          "--v=1",
        ]),
      );
      const alive = (): void => {
        for (const p of processes) if (p.exited) throw new Error(`${p.name} exited`);
      };
      await node.await("containerd to answer", logFile("containerd"), async () => {
        alive();
        await exec("ctr", ["--address", socket, "version"], 5_000);
        return true;
      });
      for (const archive of [images.pause, images.busybox]) {
        await exec("ctr", ["--address", socket, "-n", "k8s.io", "images", "import", archive]);
      }
      await node.await("the node to register and be Ready", logFile("kubelet"), async () => {
        alive();
        const registered = JSON.parse(
          await exec(
            plane.binaries.kubectl,
            ["--kubeconfig", plane.kubeconfigPath, "get", "node", NODE_NAME, "-o", "json"],
            10_000,
          ),
        ) as {
          spec?: { taints?: Array<{ key: string }> };
          status?: { conditions?: Array<{ type: string; status: string }> };
        };
        const ready = registered.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True");
        if (!ready) return undefined;
        // No node-lifecycle controller runs here to lift the taint the kubelet registers with.
        if (registered.spec?.taints?.some((t) => t.key === "node.kubernetes.io/not-ready")) {
          await exec(plane.binaries.kubectl, [
            "--kubeconfig",
            plane.kubeconfigPath,
            "taint",
            "node",
            NODE_NAME,
            "node.kubernetes.io/not-ready:NoSchedule-",
          ]);
        }
        return true;
      });
      const info: NodeInfo = { ...node.info, readyMs: Date.now() - started };
      node.facts = info;
      log(`node ${NODE_NAME} Ready in ${info.readyMs} ms (logs ${plane.logDir}/node-*.log)`);
      return node;
    } catch (error) {
      await node.stop();
      throw error;
    }
  }

  private async await(
    description: string,
    logFile: string,
    probe: () => Promise<true | undefined>,
  ): Promise<void> {
    try {
      await waitFor(probe, { description, timeoutMs: 90_000, intervalMs: 200 });
    } catch (error) {
      const tail = (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-30).join("\n");
      throw new Error(`the test node failed waiting for ${description}. Last lines of ${logFile}:\n${tail}`, {
        cause: error,
      });
    }
  }

  /** Stops the scheduler and the node (every process, container and mount with it), then removes cgroups and files. */
  async stop(): Promise<void> {
    for (const p of [...this.processes].reverse()) await stopGuarded(p);
    await waitFor(() => (removeCgroups(this.cgroupName) ? true : undefined), {
      description: `the node's cgroups (${this.cgroupName}) to empty`,
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    await rm(this.dir, { recursive: true, force: true, maxRetries: 5 });
    process.off("exit", this.exitHook);
  }
}

function spawnGuarded(name: string, logFile: string, command: string, args: readonly string[]): Guarded {
  const out = createWriteStream(logFile, { flags: "a" });
  const child = spawn("sh", ["-c", KILL_ON_PARENT_DEATH, name, command, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
    env: { ...process.env, PATH: `${SYSTEM_PATH}:${process.env.PATH ?? ""}` },
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const guarded: Guarded = { name, process: child, exited: false };
  child.on("exit", () => {
    guarded.exited = true;
  });
  child.on("close", () => out.end());
  child.on("error", (error) => {
    guarded.exited = true;
    out.write(`failed to start ${command}: ${error.message}\n`);
  });
  return guarded;
}

async function stopGuarded(p: Guarded): Promise<void> {
  p.process.stdin?.end();
  if (p.exited) return;
  const exited = new Promise<void>((resolve) => p.process.once("exit", () => resolve()));
  const timer = setTimeout(() => killGroup(p.process), 10_000);
  await exited;
  clearTimeout(timer);
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
