// How long the flyte CLI takes as a user runs it: bin/flyte as a new process each time, repeated (as hyperfine does),
// for commands that need no cluster (`--help`, `--version`) and commands against a warm local control plane (`get
// secret`, `create secret`), with the costs it is made of beside them (Node itself, importing client-node). Prints
// median and p90 per command and writes every run's time as JSON.
//
//   npm run bench:cli                          # all, with a local control plane (binaries from ensureBinaries)
//   npm run bench:cli -- --no-cluster          # only what needs no cluster
//   npm run bench:cli -- --runs 30 --bin /other/checkout/bin/flyte --json /tmp/before.json
// Targets (issue 11 item 12, on the project's 2-core machine): --help <= 300 ms, get secret <= 500 ms.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureBinaries } from "../test/controlplane/binaries.ts";
import { ControlPlane } from "../test/controlplane/controlplane.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const node = join(root, "node_modules", ".bin", "node");

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    bin: { type: "string", default: join(root, "bin", "flyte") },
    json: { type: "string", default: join(root, "bench", "results", "cli.json") },
    "no-cluster": { type: "boolean", default: false },
  },
});
const runs = Number(flags.runs);
const warmup = Number(flags.warmup);

interface Scenario {
  readonly name: string;
  readonly command: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Arguments that change per run (a fresh key for create). */
  readonly perRun?: (run: number) => readonly string[];
  /** A target from the issue, in ms, if any. */
  readonly targetMs?: number;
}

interface Result {
  readonly name: string;
  readonly command: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly targetMs?: number;
  readonly timesMs: readonly number[];
}

/** Runs a command once and returns its wall time in ms; a failing command fails the benchmark. */
function timeOnce(command: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = command;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(file ?? "", args, { env, cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${command.join(" ")} exited ${code}: ${stderr.trim()}`));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function measure(scenario: Scenario, env: NodeJS.ProcessEnv): Promise<Result> {
  const merged = { ...env, ...scenario.env };
  const times: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    const ms = await timeOnce([...scenario.command, ...(scenario.perRun?.(run) ?? [])], merged);
    if (run >= warmup) times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    name: scenario.name,
    command: scenario.command.map((part) => part.replace(root, "")).join(" "),
    runs,
    medianMs: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    minMs: round(sorted[0] ?? Number.NaN),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    ...(scenario.targetMs === undefined ? {} : { targetMs: scenario.targetMs }),
    timesMs: times.map(round),
  };
}

function print(result: Result): void {
  const target =
    result.targetMs === undefined
      ? ""
      : `  target ${result.targetMs} ms: ${result.medianMs <= result.targetMs ? "met" : "MISSED"}`;
  process.stdout.write(
    `${result.name.padEnd(44)} median ${result.medianMs.toFixed(1).padStart(7)} ms   p90 ${result.p90Ms
      .toFixed(1)
      .padStart(7)} ms   min ${result.minMs.toFixed(1).padStart(7)} ms${target}\n`,
  );
}

const flyte = [flags.bin];
const baseEnv: NodeJS.ProcessEnv = { ...process.env };
delete baseEnv.FLYTE_SECRETS_CLI_NAME;

const offline: Scenario[] = [
  { name: "node, empty script (the floor)", command: [node, "-e", "0"] },
  {
    name: "node, import @kubernetes/client-node",
    command: [node, "--input-type=module", "-e", "await import('@kubernetes/client-node')"],
  },
  { name: "flyte --help", command: [...flyte, "--help"], targetMs: 300 },
  { name: "flyte --version", command: [...flyte, "--version"] },
  { name: "flyte create secret --help", command: [...flyte, "create", "secret", "--help"] },
  {
    name: "flyte --help, compile cache off",
    command: [...flyte, "--help"],
    env: { FLYTE_COMPILE_CACHE: "off" },
  },
];

const results: Result[] = [];
process.stdout.write(`bin: ${flags.bin}; ${runs} runs after ${warmup} warm-up runs each\n`);
const failed: { readonly name: string; readonly error: string }[] = [];

/** Measures and prints one scenario; one that fails (an older CLI without --version) is reported and skipped. */
async function run(scenario: Scenario, env: NodeJS.ProcessEnv): Promise<void> {
  try {
    const result = await measure(scenario, env);
    results.push(result);
    print(result);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failed.push({ name: scenario.name, error: message });
    process.stdout.write(`${scenario.name.padEnd(44)} FAILED: ${message}\n`);
  }
}

for (const scenario of offline) await run(scenario, { ...baseEnv, KUBECONFIG: "/nonexistent" });

if (!flags["no-cluster"]) {
  const log = (line: string): void => {
    process.stderr.write(`[controlplane] ${line}\n`);
  };
  const plane = await ControlPlane.start({ binaries: await ensureBinaries(log), log });
  try {
    const kubectl = (...args: string[]) =>
      timeOnce([plane.info.binaries.kubectl, "--kubeconfig", plane.info.kubeconfigPath, ...args], baseEnv);
    await kubectl("apply", "--server-side", "-f", join(root, "crds", "flytesecrets.secrets.flyte.org.yaml"));
    await kubectl(
      "wait",
      "--for=condition=Established",
      "crd/flytesecrets.secrets.flyte.org",
      "--timeout=60s",
    );
    await kubectl("create", "namespace", "bench-cli");
    const env = { ...baseEnv, KUBECONFIG: plane.info.kubeconfigPath, FLYTE_SECRETS_NAMESPACE: "bench-cli" };
    // A namespace with some secrets in it, as a table to print.
    for (let i = 0; i < 20; i++) {
      const scope = i % 2 === 0 ? [] : ["-p", "my_project", "-d", "development"];
      await timeOnce([...flyte, "create", "secret", `KEY_${i}`, `value-${i}`, ...scope], env);
    }
    const online: Scenario[] = [
      { name: "flyte get secret (20 secrets, table)", command: [...flyte, "get", "secret"], targetMs: 500 },
      { name: "flyte get secret -o json", command: [...flyte, "get", "secret", "-o", "json"] },
      {
        name: "flyte get secret KEY_3 -p my_project",
        command: [...flyte, "get", "secret", "KEY_3", "-p", "my_project"],
      },
      {
        name: "flyte create secret (a new key each run)",
        command: [...flyte, "create", "secret"],
        perRun: (run) => [`NEW_KEY_${run}`, `value-${run}`],
      },
    ];
    for (const scenario of online) await run(scenario, env);
  } finally {
    await plane.stop();
  }
}

await mkdir(dirname(flags.json), { recursive: true });
await writeFile(
  flags.json,
  `${JSON.stringify({ date: new Date().toISOString(), bin: flags.bin, runs, warmup, results, failed }, null, 2)}\n`,
);
process.stdout.write(`wrote ${flags.json}\n`);
if (failed.length > 0) process.exitCode = 1;
