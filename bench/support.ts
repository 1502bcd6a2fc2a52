// Shared pieces of the benchmarks: the product run as a separate process, its memory sampled from /proc, its metrics
// scraped, a self-signed serving certificate, and JSON results written where asked.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { createCertificateAuthority, issueCertificate } from "../src/tls/certificates.ts";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const node = process.execPath;

export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of a process in microseconds, from /proc/<pid>/stat. */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks / 100) * 1_000_000;
}

/** Samples a process's RSS every `intervalMs`; `peak` since start or the last `resetPeak`. */
export class RssSampler {
  peak = 0;
  last = 0;
  private readonly timer: NodeJS.Timeout;
  constructor(pid: number, intervalMs = 200) {
    this.timer = setInterval(() => {
      this.last = rssBytes(pid);
      this.peak = Math.max(this.peak, this.last);
    }, intervalMs);
    this.timer.unref();
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

export interface Running {
  readonly child: ChildProcess;
  readonly pid: number;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Compiles the program as the image does (dist/, plain JavaScript): measuring `node src/main.ts` would count Node's
 * TypeScript stripping (~100 MB of RSS) that production never pays. `--source` measures the sources instead.
 */
export function buildProduct(): string {
  if (process.argv.includes("--source")) return join(root, "src", "main.ts");
  execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", join(root, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  // As `npm run build` does: the generated Flyte API code is JavaScript already and tsc does not copy it.
  cpSync(join(root, "src", "api", "gen"), join(root, "dist", "api", "gen"), { recursive: true });
  return join(root, "dist", "main.js");
}

let program: string | undefined;

/**
 * The Node flags the chart runs a component with (`<component>.nodeOptions` in charts/flyte-secrets/values.yaml),
 * so a benchmark measures what a cluster runs. `--node-flags "..."` replaces them.
 */
export function chartNodeOptions(component: "controller" | "webhook"): string[] {
  const values = load(readFileSync(join(root, "charts", "flyte-secrets", "values.yaml"), "utf8")) as Record<
    string,
    { nodeOptions?: string } | undefined
  >;
  return (values[component]?.nodeOptions ?? "").split(" ").filter((f) => f !== "");
}

export function startProduct(
  args: string[],
  env: Record<string, string> = {},
  defaultNodeFlags: readonly string[] = [],
): Running {
  program ??= buildProduct();
  // --profile DIR: each product process writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
  const profile = option("profile", "");
  // --node-flags "...": their Node flags instead of the chart's (e.g. --heapsnapshot-signal=SIGUSR2).
  const nodeArgs = [
    ...(profile === "" ? [] : ["--cpu-prof", "--cpu-prof-dir", profile]),
    ...(process.argv.includes("--node-flags")
      ? option("node-flags", "")
          .split(" ")
          .filter((f) => f !== "")
      : defaultNodeFlags),
  ];
  const child = spawn(node, [...nodeArgs, program, ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    // As the image runs it (Dockerfile: MALLOC_ARENA_MAX=2), unless the caller says otherwise.
    env: { MALLOC_ARENA_MAX: "2", ...process.env, ...env },
  });
  let out = "";
  const keep = (chunk: Buffer): void => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      // A product process that dies on its own makes every later figure meaningless: say so, with its output.
      if (!stopping) {
        process.stderr.write(
          `${args[0] ?? "product"} exited unexpectedly (code ${code}, signal ${signal}); its output:\n${out}\n`,
        );
        process.exit(1);
      }
      resolve();
    }),
  );
  return {
    child,
    pid: child.pid ?? 0,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Scrapes Prometheus text into name{labels} -> value. */
export async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const result = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const space = line.lastIndexOf(" ");
    result.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return result;
}

export function sum(metrics: Map<string, number>, prefix: string): number {
  let total = 0;
  for (const [k, v] of metrics) if (k === prefix || k.startsWith(`${prefix}{`)) total += v;
  return total;
}

export async function waitUntil<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function servingCertDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "flyte-secrets-bench-tls-"));
  const now = Date.now();
  const validity = { notBefore: new Date(now - 60_000), notAfter: new Date(now + 86_400_000) };
  const ca = await createCertificateAuthority("bench-ca", validity);
  const leaf = await issueCertificate(ca, {
    ...validity,
    commonName: "localhost",
    dnsNames: ["localhost"],
    ipAddresses: ["127.0.0.1"],
    usage: "server",
  });
  await writeFile(join(dir, "tls.crt"), leaf.certPem);
  await writeFile(join(dir, "tls.key"), leaf.keyPem, { mode: 0o600 });
  await writeFile(join(dir, "ca.crt"), ca.certPem);
  return dir;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function writeResults(defaultName: string, results: unknown): string {
  const path = option(
    "out",
    join(root, "bench", "results", `${defaultName}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}

export const mib = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;
