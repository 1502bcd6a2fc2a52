import { describe, expect, it } from "vitest";
import { readHiddenLine, typed } from "../../../src/cli/prompt.ts";

describe("typed", () => {
  it.each([
    ["", "abc", { kind: "typing", line: "abc" }],
    ["ab", "c\r", { kind: "done", line: "abc" }],
    ["", "abc\n", { kind: "done", line: "abc" }],
    ["", "abc\rignored", { kind: "done", line: "abc" }],
    ["abc", "\u007f", { kind: "typing", line: "ab" }],
    ["abc", "\b\b", { kind: "typing", line: "a" }],
    ["", "\u007f", { kind: "typing", line: "" }],
    ["pässwörd", "\u007f", { kind: "typing", line: "pässwör" }],
    ["a😀", "\u007f", { kind: "typing", line: "a" }],
    ["abc", "\u0015xy", { kind: "typing", line: "xy" }],
    ["abc", "\u0003", { kind: "aborted" }],
    ["abc", "\u0004", { kind: "done", line: "abc" }],
    ["", "a\u001b[Ab", { kind: "typing", line: "ab" }],
    ["", "a\u001b[3~b", { kind: "typing", line: "ab" }],
    ["", "a\u001bOPb", { kind: "typing", line: "ab" }],
    ["", "a\tb", { kind: "typing", line: "ab" }],
    ["", "with space", { kind: "typing", line: "with space" }],
  ])("%j + %j", (line, input, expected) => {
    expect(typed(line, input)).toEqual(expected);
  });
});

describe("readHiddenLine", () => {
  function fakeTty() {
    const listeners: Array<(chunk: string) => void> = [];
    const modes: boolean[] = [];
    return {
      modes,
      send: (chunk: string) => {
        for (const l of [...listeners]) l(chunk);
      },
      input: {
        setRawMode: (mode: boolean) => modes.push(mode),
        setEncoding: () => undefined,
        on: (_event: "data", l: (chunk: string) => void) => listeners.push(l),
        removeListener: (_event: "data", l: (chunk: string) => void) =>
          listeners.splice(listeners.indexOf(l), 1),
        resume: () => undefined,
        pause: () => undefined,
      },
    };
  }

  it("reads a line in raw mode without echoing it, and restores the terminal", async () => {
    const tty = fakeTty();
    let shown = "";
    const line = readHiddenLine("Value: ", tty.input, { write: (t: string) => (shown += t) });
    tty.send("s3c");
    tty.send("r3t\r");
    expect(await line).toBe("s3cr3t");
    expect(shown).toBe("Value: \n");
    expect(tty.modes).toEqual([true, false]);
  });

  it("turns echo off before the question is shown (a value typed as the prompt appears is never echoed)", async () => {
    const events: string[] = [];
    const tty = fakeTty();
    const input = {
      ...tty.input,
      setRawMode: (mode: boolean) => {
        events.push(`raw ${mode}`);
        return tty.input.setRawMode(mode);
      },
    };
    const line = readHiddenLine("Value: ", input, {
      write: (t: string) => events.push(`write ${JSON.stringify(t)}`),
    });
    tty.send("v\r");
    await line;
    expect(events).toEqual(["raw true", 'write "Value: "', "raw false", 'write "\\n"']);
  });

  it("gives undefined on Ctrl-C", async () => {
    const tty = fakeTty();
    const line = readHiddenLine("Value: ", tty.input, { write: () => true });
    tty.send("abc\u0003");
    expect(await line).toBeUndefined();
    expect(tty.modes).toEqual([true, false]);
  });
});
