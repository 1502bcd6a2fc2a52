// `npm run bench:webhook`: the webhook program as its own process, its informers fed by a real local control plane
// (test/controlplane/) holding a FlyteSecret catalog (default 10,000 FlyteSecrets: 1,000 org, 3,000 project, 3,000
// domain, 3,000 project+domain; 1,000 namespaces), loaded over keep-alive HTTPS with AdmissionReviews of Flyte's
// propeller form (3 and 20 secrets, encoded by src/domain/flyte-encoding.ts) and the native form; beside it, in the
// same run, a no-op Node HTTPS responder answering the same response bytes. Prints req/s, p50/p99 at max rate and at
// fixed rates, server CPU µs per request (from /proc), RSS, the ratios to the no-op, and writes JSON.
//
// Options: --secrets N (10000) --namespaces N (1000) --duration S (4) --connections N (16) --out PATH
//          (bench/results/webhook.json) --no-pin (do not put the servers on CPU 1 and the load on CPU 0)
//          --scenarios flyte3,flyte20,native --log-level info --profile DIR (the webhook runs with --cpu-prof into DIR)
//          --node-options "..." (the webhook's Node flags; default: the chart's webhook.nodeOptions)
//          --entry dist|src (dist: built with tsc and run as the image runs it, the default; src: src/main.ts)
//          --keep-plane (print the kubeconfig and leave the control plane running)
//          --kubeconfig PATH (use that control plane, whose catalog a --keep-plane run built, instead of a new one)
import { type ChildProcess, execFileSync, type SpawnOptions, spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { Agent, request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { connect, type TLSSocket } from "node:tls";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { labels } from "../src/domain/api.ts";
import { createCertificateAuthority, issueCertificate } from "../src/tls/certificates.ts";
import { ensureBinaries } from "../test/controlplane/binaries.ts";
import { ControlPlane } from "../test/controlplane/controlplane.ts";
import { waitFor } from "../test/controlplane/wait.ts";
import { admissionReview } from "./reviews.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const node = process.execPath;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const SECRETS = Number(option("secrets", "10000"));
const NAMESPACES = Number(option("namespaces", "1000"));
const DURATION_S = Number(option("duration", "4"));
const CONNECTIONS = Number(option("connections", "16"));
const OUT = option("out", join(root, "bench/results/webhook.json"));
const PIN = !flag("no-pin");
const SCENARIOS = option("scenarios", "flyte3,flyte20,native").split(",");
const CONTROL = "flyte-secrets";
/** The chart's default `webhook.nodeOptions` (charts/flyte-secrets/values.yaml); the image adds source maps. */
const NODE_OPTIONS = option("node-options", "--max-semi-space-size=8 --enable-source-maps")
  .split(" ")
  .filter((s) => s !== "");
const ENTRY = option("entry", "dist");
const DOMAINS = ["development", "staging", "production"] as const;
const PROJECTS = Math.max(1, Math.ceil(NAMESPACES / DOMAINS.length));
const KEYS = 1000;

const say = (line: string): void => {
  process.stderr.write(`[bench:webhook] ${line}\n`);
};

// ---------------------------------------------------------------------------------------------------------------
// The catalog, written to the API server over one keep-alive agent (client-node opens a connection per call).

interface Api {
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<unknown>;
}

function apiOf(kubeconfigPath: string): Api {
  const config = load(readFileSync(kubeconfigPath, "utf8")) as {
    clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
    users: { user: { "client-certificate-data": string; "client-key-data": string } }[];
  };
  const cluster = config.clusters[0]?.cluster;
  const user = config.users[0]?.user;
  if (!cluster || !user) throw new Error(`no cluster or user in ${kubeconfigPath}`);
  const b64 = (s: string): Buffer => Buffer.from(s, "base64");
  const url = new URL(cluster.server);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 32,
    ca: b64(cluster["certificate-authority-data"]),
    cert: b64(user["client-certificate-data"]),
    key: b64(user["client-key-data"]),
  });
  return {
    call: (method, path, body, contentType = "application/json") =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const req = httpsRequest(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method,
            path,
            headers: payload
              ? { "content-type": contentType, "content-length": payload.length, accept: "application/json" }
              : { accept: "application/json" },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              const text = Buffer.concat(chunks).toString();
              if ((res.statusCode ?? 0) >= 300 && res.statusCode !== 409)
                reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
              else resolve(text === "" ? undefined : JSON.parse(text));
            });
          },
        );
        req.on("error", reject);
        req.end(payload);
      }),
  };
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

const project = (i: number): string => `proj-${i % PROJECTS}`;
const domain = (i: number): string => DOMAINS[i % DOMAINS.length] as string;
const key = (i: number): string => `KEY_${i % KEYS}`;
/** A key every pod can resolve: the org scope holds KEY_0 up to the org count (at most KEYS). */
const requested = (i: number): string => key(i % Math.max(1, Math.min(KEYS, Math.round(SECRETS * 0.1))));

/** The scope mix of issue 14: 10 % org, 30 % project, 30 % domain, 30 % project+domain. */
function flyteSecrets(count: number): { name: string; spec: Record<string, unknown> }[] {
  const out: { name: string; spec: Record<string, unknown> }[] = [];
  const org = Math.round(count * 0.1);
  const third = Math.round((count - org) / 3);
  for (let i = 0; i < count; i++) {
    const source = { valueFrom: { secretKeyRef: { name: `src-${i}`, key: "value" } } };
    if (i < org) out.push({ name: `org-${i}`, spec: { key: key(i), ...source } });
    else if (i < org + third) {
      const j = i - org;
      out.push({ name: `p-${j}`, spec: { key: key(j), project: project(j), ...source } });
    } else if (i < org + 2 * third) {
      const j = i - org - third;
      out.push({ name: `d-${j}`, spec: { key: key(j), domain: domain(j), ...source } });
    } else {
      const j = i - org - 2 * third;
      out.push({
        name: `pd-${j}`,
        spec: { key: key(j), project: project(j), domain: domain(Math.floor(j / PROJECTS)), ...source },
      });
    }
  }
  return out;
}

async function buildCatalog(api: Api): Promise<void> {
  const crd = load(readFileSync(join(root, "crds/flytesecrets.secrets.flyte.org.yaml"), "utf8"));
  await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
  await waitFor(
    async () => {
      try {
        await api.call("GET", `/apis/secrets.flyte.org/v1alpha1/namespaces/${CONTROL}/flytesecrets?limit=1`);
        return true;
      } catch {
        return undefined;
      }
    },
    { description: "the FlyteSecret CRD to be served", timeoutMs: 60_000 },
  );
  const started = Date.now();
  const namespaces = [
    { name: CONTROL, labels: {} },
    ...Array.from({ length: NAMESPACES }, (_, i) => ({
      name: `${project(i)}-${domain(Math.floor(i / PROJECTS))}`,
      labels: { [labels.project]: project(i), [labels.domain]: domain(Math.floor(i / PROJECTS)) },
    })),
  ];
  await inParallel(namespaces, 16, async (ns) => {
    await api.call("POST", "/api/v1/namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: ns.name, labels: ns.labels },
    });
  });
  const base = `/apis/secrets.flyte.org/v1alpha1/namespaces/${CONTROL}/flytesecrets`;
  const now = new Date().toISOString();
  await inParallel(flyteSecrets(SECRETS), 16, async (fs) => {
    await api.call("POST", base, {
      apiVersion: "secrets.flyte.org/v1alpha1",
      kind: "FlyteSecret",
      metadata: { name: fs.name, namespace: CONTROL },
      spec: fs.spec,
    });
    // What the controller writes when every copy is in place (contract 1 of COORDINATION.md).
    await api.call(
      "PATCH",
      `${base}/${fs.name}/status`,
      {
        status: {
          observedGeneration: 1,
          namespaces: 3,
          expectedNamespaces: 3,
          conditions: [
            {
              type: "Ready",
              status: "True",
              reason: "Materialized",
              message: "in all 3 namespaces",
              lastTransitionTime: now,
              observedGeneration: 1,
            },
          ],
        },
      },
      "application/merge-patch+json",
    );
  });
  say(
    `catalog: ${namespaces.length} namespaces, ${SECRETS} FlyteSecrets in ${(Date.now() - started) / 1000} s`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// AdmissionReviews (bench/reviews.ts), in the namespace of project 7, development.

function review(scenario: string): Buffer {
  return Buffer.from(admissionReview(scenario, `${project(7)}-development`, project(7), requested));
}

// ---------------------------------------------------------------------------------------------------------------
// The load: raw keep-alive TLS connections sending prebuilt request bytes and parsing only status and length, so
// the generator costs far less per request than the servers it measures.

class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private resolveOne: ((result: { status: number; body: Buffer }) => void) | undefined;
  private readonly socket: TLSSocket;
  constructor(socket: TLSSocket) {
    this.socket = socket;
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port, rejectUnauthorized: false }, () =>
        resolve(new Connection(socket)),
      );
      socket.setNoDelay(true);
      socket.once("error", reject);
    });
  }

  send(bytes: Buffer): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve) => {
      this.resolveOne = resolve;
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf("\r\n\r\n");
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString("latin1");
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? "0");
    if (this.buffered.length < end + 4 + length) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffered.subarray(end + 4, end + 4 + length);
    this.buffered = this.buffered.subarray(end + 4 + length);
    const done = this.resolveOne;
    this.resolveOne = undefined;
    done?.({ status, body });
  }
}

function requestBytes(path: string, body: Buffer): Buffer {
  const head = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

interface Server {
  readonly name: string;
  readonly pid: number;
  readonly port: number;
}

/** utime + stime of a process in µs, from /proc/<pid>/stat. */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? "0");
  return { rss: Math.round(kib("VmRSS") / 1024), peak: Math.round(kib("VmHWM") / 1024) };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface RunResult {
  readonly server: string;
  readonly scenario: string;
  readonly mode: "max" | "rate";
  readonly targetRate?: number;
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly cpuMicrosPerRequest: number;
  readonly loadCpuMicrosPerRequest: number;
  readonly errors: number;
}

/**
 * One measured run: `rate` undefined is closed-loop at full speed over `CONNECTIONS` connections; otherwise
 * open-loop at `rate` req/s, latency counted from each request's scheduled time (no coordinated omission).
 */
async function run(server: Server, scenario: string, bytes: Buffer, rate?: number): Promise<RunResult> {
  const width = rate === undefined ? CONNECTIONS : Math.max(CONNECTIONS, 32);
  const connections = await Promise.all(Array.from({ length: width }, () => Connection.open(server.port)));
  const latencies: number[] = [];
  let errors = 0;
  let recording = false;
  let stop = false;
  const warmupMs = 1000;
  const once = async (c: Connection, scheduled: number): Promise<void> => {
    const { status } = await c.send(bytes);
    if (recording) {
      latencies.push(performance.now() - scheduled);
      if (status !== 200) errors += 1;
    }
  };
  let cpu0 = 0;
  let load0 = process.cpuUsage();
  let t0 = 0;
  const begin = (): void => {
    recording = true;
    cpu0 = cpuMicros(server.pid);
    load0 = process.cpuUsage();
    t0 = performance.now();
  };
  setTimeout(begin, warmupMs);
  const finished = new Promise<void>((resolve) => setTimeout(resolve, warmupMs + DURATION_S * 1000));
  let done: Promise<unknown>;
  if (rate === undefined) {
    done = Promise.all(
      connections.map(async (c) => {
        while (!stop) await once(c, performance.now());
      }),
    );
  } else {
    const idle = [...connections];
    const queue: number[] = [];
    const start = performance.now();
    let sent = 0;
    const dispatch = (c: Connection, scheduled: number): void => {
      void once(c, scheduled).then(() => {
        const next = queue.shift();
        if (next !== undefined && !stop) dispatch(c, next);
        else idle.push(c);
      });
    };
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      while (sent < due) {
        const scheduled = start + (sent / rate) * 1000;
        sent += 1;
        const c = idle.pop();
        if (c) dispatch(c, scheduled);
        else queue.push(scheduled);
      }
    }, 1);
    done = finished.then(() => clearInterval(timer));
  }
  await finished;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(server.pid) - cpu0;
  const load = process.cpuUsage(load0);
  stop = true;
  recording = false;
  await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
  for (const c of connections) c.close();
  const sorted = Float64Array.from(latencies).sort();
  const n = latencies.length;
  return {
    server: server.name,
    scenario,
    mode: rate === undefined ? "max" : "rate",
    ...(rate === undefined ? {} : { targetRate: rate }),
    requests: n,
    rps: Math.round(n / elapsed),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[n - 1] ?? Number.NaN),
    cpuMicrosPerRequest: Math.round(cpu / Math.max(1, n)),
    loadCpuMicrosPerRequest: Math.round((load.user + load.system) / Math.max(1, n)),
    errors,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

// ---------------------------------------------------------------------------------------------------------------
// Processes.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function spawnPinned(args: string[], logFile: string): ChildProcess {
  const out = openSync(logFile, "a");
  // As the image runs them (Dockerfile: MALLOC_ARENA_MAX=2), unless the environment says otherwise.
  const options: SpawnOptions = {
    cwd: root,
    stdio: ["ignore", out, out],
    env: { MALLOC_ARENA_MAX: "2", ...process.env },
  };
  const child = PIN ? spawn("taskset", ["-c", "1", node, ...args], options) : spawn(node, args, options);
  return child;
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (PIN) execFileSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
  const work = await mkdtemp(join(tmpdir(), "bench-webhook-"));
  const children: ChildProcess[] = [];
  let plane: ControlPlane | undefined;
  const cleanup = (): void => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  };
  process.on("exit", cleanup);
  try {
    let kubeconfig = option("kubeconfig", "");
    if (kubeconfig === "") {
      say(`control plane (${NAMESPACES} namespaces, ${SECRETS} FlyteSecrets)`);
      plane = await ControlPlane.start({ binaries: await ensureBinaries(say), dir: join(work, "plane") });
      kubeconfig = plane.info.kubeconfigPath;
      await buildCatalog(apiOf(kubeconfig));
    } else say(`control plane of ${kubeconfig}, its catalog as it is`);

    const certDir = join(work, "tls");
    await mkdir(certDir);
    const validity = {
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 86_400_000),
    };
    const ca = await createCertificateAuthority("bench-ca", validity);
    const leaf = await issueCertificate(ca, {
      ...validity,
      commonName: "bench",
      ipAddresses: ["127.0.0.1"],
      usage: "server",
    });
    await writeFile(join(certDir, "tls.crt"), leaf.certPem);
    await writeFile(join(certDir, "tls.key"), leaf.keyPem);

    const [port, metricsPort] = [await freePort(), await freePort()];
    const startedAt = Date.now();
    const profileDir = option("profile", "");
    if (ENTRY === "dist") {
      say("building dist/ (npm run build) to run the webhook as the image does");
      execFileSync(node, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
        cwd: root,
        stdio: "inherit",
      });
    }
    const webhookProcess = spawnPinned(
      [
        ...NODE_OPTIONS,
        ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []),
        ENTRY === "dist" ? "dist/main.js" : "src/main.ts",
        "webhook",
        "--kubeconfig",
        kubeconfig,
        "--control-namespace",
        CONTROL,
        "--port",
        String(port),
        "--metrics-port",
        String(metricsPort),
        "--cert-dir",
        certDir,
        "--log-level",
        option("log-level", "info"),
      ],
      join(work, "webhook.log"),
    );
    children.push(webhookProcess);
    await waitFor(async () => ((await httpOk(`http://127.0.0.1:${metricsPort}/readyz`)) ? true : undefined), {
      description: "the webhook to be ready",
      timeoutMs: 180_000,
    });
    const readySeconds = (Date.now() - startedAt) / 1000;
    const webhook: Server = { name: "webhook", pid: webhookProcess.pid ?? 0, port };
    const idleMemory = memoryMiB(webhook.pid);
    say(`webhook ready in ${readySeconds} s, RSS ${idleMemory.rss} MiB (peak ${idleMemory.peak} MiB)`);

    // The webhook's answers become the no-op's bytes; every scenario must be an allowed mutation.
    const bodies = new Map(SCENARIOS.map((s) => [s, review(s)] as const));
    const responses: Record<string, string> = {};
    const probe = await Connection.open(port);
    for (const [scenario, body] of bodies) {
      const { status, body: answer } = await probe.send(requestBytes("/mutate", body));
      const parsed = JSON.parse(answer.toString()) as {
        response?: { allowed?: boolean; patch?: string; status?: unknown };
      };
      if (status !== 200 || parsed.response?.allowed !== true || !parsed.response.patch)
        throw new Error(
          `scenario ${scenario}: expected an allowed mutation, got ${status} ${answer.toString().slice(0, 400)}`,
        );
      responses[`/mutate/${scenario}`] = answer.toString();
    }
    probe.close();
    const responsesPath = join(work, "responses.json");
    await writeFile(responsesPath, JSON.stringify(responses));
    const portFile = join(work, "noop.port");
    const noopProcess = spawnPinned(
      ["bench/noop-responder.ts", certDir, responsesPath, portFile],
      join(work, "noop.log"),
    );
    children.push(noopProcess);
    const noopPort = await waitFor(
      async () => {
        try {
          const text = await readFile(portFile, "utf8");
          return text === "" ? undefined : Number(text);
        } catch {
          return undefined;
        }
      },
      { description: "the no-op responder to listen", timeoutMs: 30_000 },
    );
    const noop: Server = { name: "noop", pid: noopProcess.pid ?? 0, port: noopPort };

    const results: RunResult[] = [];
    const summary: Record<string, unknown>[] = [];
    for (const scenario of SCENARIOS) {
      const body = bodies.get(scenario) as Buffer;
      const toWebhook = requestBytes("/mutate", body);
      const toNoop = requestBytes(`/mutate/${scenario}`, body);
      const noopMax = await run(noop, scenario, toNoop);
      const webhookMax = await run(webhook, scenario, toWebhook);
      const halfNoop = Math.round(noopMax.rps / 2);
      const halfOwn = Math.round(webhookMax.rps / 2);
      const atHalfNoop = await run(webhook, scenario, toWebhook, halfNoop);
      const atHalfOwn = await run(webhook, scenario, toWebhook, halfOwn);
      const noopAtHalf = await run(noop, scenario, toNoop, halfNoop);
      results.push(noopMax, webhookMax, atHalfNoop, atHalfOwn, noopAtHalf);
      const line = {
        scenario,
        requestBytes: body.length,
        responseBytes: Buffer.byteLength(responses[`/mutate/${scenario}`] ?? ""),
        noopRps: noopMax.rps,
        webhookRps: webhookMax.rps,
        throughputRatio: round(webhookMax.rps / noopMax.rps),
        noopCpuMicros: noopMax.cpuMicrosPerRequest,
        webhookCpuMicros: webhookMax.cpuMicrosPerRequest,
        cpuRatio: round(webhookMax.cpuMicrosPerRequest / Math.max(1, noopMax.cpuMicrosPerRequest)),
        webhookMaxP50Ms: webhookMax.p50Ms,
        webhookMaxP99Ms: webhookMax.p99Ms,
        halfNoopRate: halfNoop,
        webhookP99AtHalfNoopMs: atHalfNoop.p99Ms,
        webhookRpsAtHalfNoop: atHalfNoop.rps,
        halfWebhookRate: halfOwn,
        webhookP50AtHalfOwnMs: atHalfOwn.p50Ms,
        webhookP99AtHalfOwnMs: atHalfOwn.p99Ms,
        noopP99AtHalfNoopMs: noopAtHalf.p99Ms,
        loadCpuMicrosPerRequest: webhookMax.loadCpuMicrosPerRequest,
      };
      summary.push(line);
      say(
        `${scenario}: webhook ${webhookMax.rps} req/s (${line.throughputRatio}× no-op ${noopMax.rps}), ` +
          `${webhookMax.cpuMicrosPerRequest} vs ${noopMax.cpuMicrosPerRequest} CPU µs/req (${line.cpuRatio}×), ` +
          `p50/p99 ${webhookMax.p50Ms}/${webhookMax.p99Ms} ms at max; p99 ${atHalfNoop.p99Ms} ms at ${halfNoop} req/s ` +
          `(½ no-op), ${atHalfOwn.p99Ms} ms at ${halfOwn} req/s (½ own max); no-op p99 ${noopAtHalf.p99Ms} ms at ${halfNoop}`,
      );
    }
    const loadedMemory = memoryMiB(webhook.pid);
    const noopMemory = memoryMiB(noop.pid);
    say(
      `webhook RSS ${loadedMemory.rss} MiB after load (peak ${loadedMemory.peak} MiB; idle ${idleMemory.rss} MiB); no-op RSS ${noopMemory.rss} MiB`,
    );
    const report = {
      date: new Date().toISOString(),
      catalog: { flyteSecrets: SECRETS, namespaces: NAMESPACES },
      options: {
        durationSeconds: DURATION_S,
        connections: CONNECTIONS,
        pinned: PIN,
        entry: ENTRY,
        nodeOptions: NODE_OPTIONS.join(" "),
        mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? "2",
      },
      webhook: {
        readySeconds,
        idleRssMiB: idleMemory.rss,
        rssMiB: loadedMemory.rss,
        peakRssMiB: loadedMemory.peak,
      },
      noop: { rssMiB: noopMemory.rss },
      summary,
      runs: results,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    await mkdir(dirname(OUT), { recursive: true });
    await writeFile(OUT, `${JSON.stringify(report, null, 2)}\n`);
    say(`wrote ${OUT}`);
    // A clean stop, so a --profile run writes its profile.
    webhookProcess.kill("SIGTERM");
    await new Promise((resolve) => webhookProcess.once("exit", resolve));
    if (flag("keep-plane")) {
      say(`control plane kept: KUBECONFIG=${kubeconfig}; webhook on ${port}; Ctrl-C to stop`);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    }
  } finally {
    cleanup();
    await plane?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:webhook failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
