// The hidden prompt: on a terminal the value is typed without echo, one line, with backspace and Ctrl-U for editing
// and Ctrl-C to give up. `typed` is the pure part (keystrokes in, line out); `readHiddenLine` drives a raw-mode TTY.

export type Typed =
  | { readonly kind: "typing"; readonly line: string }
  | { readonly kind: "done"; readonly line: string }
  | { readonly kind: "aborted" };

const ESC = "\u001b";

/** Applies a chunk of keystrokes to the line typed so far. */
export function typed(line: string, input: string): Typed {
  let current = [...line];
  const chars = [...input];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    if (ch === "\r" || ch === "\n" || ch === "\u0004") return { kind: "done", line: current.join("") };
    if (ch === "\u0003") return { kind: "aborted" };
    if (ch === "\u007f" || ch === "\b") current = current.slice(0, -1);
    else if (ch === "\u0015") current = [];
    else if (ch === ESC) {
      // An escape sequence (arrow keys, ...): ESC [ params final-letter, or ESC and one character.
      if (chars[i + 1] === "[" || chars[i + 1] === "O") {
        i += 2;
        while (i < chars.length && !/[A-Za-z~]/.test(chars[i] ?? "")) i++;
      } else i++;
    } else if (ch >= " ") current.push(ch);
  }
  return { kind: "typing", line: current.join("") };
}

/** The slice of a TTY input stream the prompt needs (tty.ReadStream satisfies it). */
export interface RawInput {
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: "data", listener: (chunk: string) => void): unknown;
  removeListener(event: "data", listener: (chunk: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Asks `question` on `output` and reads one line from the terminal without echoing it. Resolves undefined when the
 * user pressed Ctrl-C.
 */
export function readHiddenLine(
  question: string,
  input: RawInput,
  output: { write(text: string): unknown },
): Promise<string | undefined> {
  // Echo goes off before the question appears: a value typed or pasted as soon as the prompt shows is never echoed.
  input.setRawMode(true);
  input.setEncoding("utf8");
  output.write(question);
  return new Promise((resolve) => {
    let line = "";
    const finish = (value: string | undefined): void => {
      input.removeListener("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
      resolve(value);
    };
    const onData = (chunk: string): void => {
      const next = typed(line, chunk);
      if (next.kind === "typing") line = next.line;
      else finish(next.kind === "done" ? next.line : undefined);
    };
    input.on("data", onData);
    input.resume();
  });
}
