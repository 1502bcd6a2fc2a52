// Reads a secret's value from where the user put it: the VALUE argument, a file (bytes as they are), all of stdin
// (binary-safe), or a hidden prompt on a terminal. Failures name the file and the reason, never any content.
import type { ValueSource } from "./arguments.ts";
import { CliError } from "./errors.ts";

/** The terminal and files, as the CLI reaches them (replaced by fakes in unit tests). */
export interface ValueInput {
  readonly stdinIsTerminal: boolean;
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  /** Reads a line without echo; undefined when the user interrupted (Ctrl-C). */
  prompt(question: string): Promise<string | undefined>;
}

const fileReasons: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the path is too long",
};

export function fileProblem(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" ? (fileReasons[code] ?? code) : "unreadable";
  return `cannot read --from-file ${path}: ${reason}`;
}

export async function readValue(input: ValueInput, source: ValueSource, key: string): Promise<Uint8Array> {
  switch (source.kind) {
    case "argument":
      return new TextEncoder().encode(source.value);
    case "file":
      try {
        return await input.readFile(source.path);
      } catch (error) {
        throw new CliError(fileProblem(source.path, error), 1, { cause: error });
      }
    case "stdin":
      return input.readStdin();
    case "prompt": {
      const line = await input.prompt(`Value for ${key} (hidden): `);
      if (line === undefined) throw new CliError("cancelled: no value was entered", 130);
      return new TextEncoder().encode(line);
    }
  }
}
