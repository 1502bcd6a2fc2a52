// Project-local Python virtual environments for the real Python programs the tests run (Flyte's `flyte` CLI/SDK,
// flytekit). Each environment is made from test/python/<name>/requirements.txt (exact pins, `==` only) with Python
// 3.11, and cached outside the repository keyed by that file's content, as the Go binaries are: a requirements
// change makes a new environment, an unchanged file reuses the one already made.
//   node test/python/venv.ts <name>...   make (or find) the environments and print their paths
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type VenvName = "flyte" | "flytekit";

const pythonDir = dirname(fileURLToPath(import.meta.url));

export function venvRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "flyte-secrets", "venvs");
}

/** The interpreter environments are made with: FLYTE_SECRETS_PYTHON, else python3.11, else python3. */
export function basePython(env: NodeJS.ProcessEnv = process.env): string {
  return env.FLYTE_SECRETS_PYTHON ?? "python3.11";
}

function run(command: string, args: readonly string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1" } });
    let output = "";
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) =>
      reject(new Error(`cannot run ${command}: ${error.message}; install Python 3.11`, { cause: error })),
    );
    child.on("close", (code) => {
      if (code === 0) resolve();
      else {
        log(output);
        reject(new Error(`${command} ${args.join(" ")} failed with exit code ${code}:\n${output}`));
      }
    });
  });
}

/**
 * Makes (or finds) the environment and returns its folder; its programs are in `<folder>/bin`. A venv's scripts hold
 * its absolute path, so it is made in place, and counts as made only once `.complete` is written last.
 */
export async function ensureVenv(name: VenvName, log: (line: string) => void = () => {}): Promise<string> {
  const requirements = join(pythonDir, name, "requirements.txt");
  const text = await readFile(requirements, "utf8");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
  const target = join(venvRoot(), `${name}-${hash}`);
  const complete = join(target, ".complete");
  if (existsSync(complete)) return target;
  await mkdir(venvRoot(), { recursive: true });
  await rm(target, { recursive: true, force: true });
  log(`making the Python environment ${name} from ${requirements} (first run only) ...`);
  const started = Date.now();
  try {
    await run(basePython(), ["-m", "venv", target], log);
    await run(join(target, "bin", "python"), ["-m", "pip", "install", "--no-input", "-r", requirements], log);
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
  await writeFile(complete, "");
  log(`made ${name} in ${Math.round((Date.now() - started) / 1000)}s`);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2) as VenvName[];
  const log = (line: string): void => {
    process.stderr.write(`[python] ${line}\n`);
  };
  try {
    for (const name of names) process.stdout.write(`${name}\t${await ensureVenv(name, log)}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
