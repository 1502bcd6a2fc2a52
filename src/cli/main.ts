// Entry point of the flyte and kubectl-flyte binaries (bin/): the real terminal, files and API server, then exit.
import { readFile } from "node:fs/promises";
import type { ReadStream } from "node:tty";
import { run } from "./program.ts";
import { readHiddenLine } from "./prompt.ts";
import { connect } from "./store.ts";

// bin/kubectl-flyte sets this, so help and messages say `kubectl flyte`.
const programName = process.env.FLYTE_SECRETS_CLI_NAME === "kubectl flyte" ? "kubectl flyte" : "flyte";

// A closed pipe (`flyte get secret | head -1`) ends the program quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
});

const code = await run(process.argv.slice(2), {
  programName,
  connect,
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
