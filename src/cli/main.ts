// Entry point of the flyte and kubectl-flyte binaries (bin/): the real terminal, files and API server, then exit.
// Start-up time is the CLI's main cost (issue 11 item 12: measured by `npm run bench:cli`), so this file loads as
// little as it can: Node's compile cache is on (set by bin/flyte, else here before the program is imported), and the
// Kubernetes client (over half of a call's time) is imported only by commands that talk to the API server.
import { enableCompileCache, getCompileCacheDir } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ReadStream } from "node:tty";

// bin/flyte sets NODE_COMPILE_CACHE for this process (so main.ts is cached too), not for the commands it may run
// (kubeconfig exec credential plugins).
if (process.env.FLYTE_SECRETS_COMPILE_CACHE === "bin") {
  delete process.env.NODE_COMPILE_CACHE;
  delete process.env.FLYTE_SECRETS_COMPILE_CACHE;
}

/**
 * When run without bin/flyte (node src/cli/main.ts). Per user, as bin/flyte keeps it: a cache in a shared /tmp could
 * be filled with code by another user. NODE_COMPILE_CACHE, when set, has already been applied by Node itself;
 * FLYTE_COMPILE_CACHE=off disables it.
 */
function compileCacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  if (getCompileCacheDir() !== undefined) return undefined;
  if (env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  if (env.FLYTE_COMPILE_CACHE === "off") return undefined;
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "flyte-secrets", "compile-cache");
}

const cacheDirectory = compileCacheDirectory(process.env);
// A cache that cannot be written (read-only home) is simply not used: enableCompileCache reports, never throws.
if (cacheDirectory !== undefined) enableCompileCache(cacheDirectory);

const [{ run }, { readHiddenLine }, { readFile }] = await Promise.all([
  import("./program.ts"),
  import("./prompt.ts"),
  import("node:fs/promises"),
]);

// bin/kubectl-flyte sets this, so help and messages say `kubectl flyte`.
const programName = process.env.FLYTE_SECRETS_CLI_NAME === "kubectl flyte" ? "kubectl flyte" : "flyte";

// A closed pipe (`flyte get secret | head -1`) ends the program quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

const code = await run(process.argv.slice(2), {
  programName,
  connect: async (options) => (await import("./store.ts")).connect(options),
  io: {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    stdinIsTerminal: process.stdin.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    readFile: (path) => readFile(path),
    prompt: (question) => readHiddenLine(question, process.stdin as ReadStream, process.stderr),
  },
});

// Exit once the output has drained, without waiting for the HTTP client's idle keep-alive connections.
const drained = (stream: NodeJS.WriteStream): Promise<void> =>
  new Promise((resolve) => {
    stream.write("", () => resolve());
  });
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);
