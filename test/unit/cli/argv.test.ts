import { describe, expect, it } from "vitest";
import { type ArgvSpec, prepareArgv, similarOption } from "../../../src/cli/argv.ts";

const scope = [
  { short: "-p", long: "--project", takesValue: true },
  { short: "-d", long: "--domain", takesValue: true },
];
const spec: ArgvSpec = {
  programName: "flyte",
  global: [
    { short: "-h", long: "--help", takesValue: false },
    { short: "-n", long: "--namespace", takesValue: true },
    { long: "--output-format", takesValue: true },
  ],
  commands: new Map([
    [
      "create",
      { options: [...scope, { long: "--value", takesValue: true }], positionals: ["NAME", "VALUE"] },
    ],
    [
      "get",
      { options: [...scope, { short: "-o", long: "--output", takesValue: true }], positionals: ["NAME"] },
    ],
  ]),
  resources: ["secret", "secrets"],
};

describe("prepareArgv", () => {
  it.each([
    [
      ["create", "secret", "K", "v"],
      ["create", "secret", "K", "v"],
    ],
    [
      ["create", "secret", "-p", "x", "K"],
      ["create", "secret", "--project=x", "K"],
    ],
    [
      ["create", "secret", "-ddev", "K"],
      ["create", "secret", "--domain=dev", "K"],
    ],
    [
      ["create", "secret", "K", "--value", "-nx"],
      ["create", "secret", "K", "--value=-nx"],
    ],
    [
      ["create", "secret", "K", "--value", "--"],
      ["create", "secret", "K", "--value=--"],
    ],
    [
      ["create", "secret", "K", "--", "-dash"],
      ["create", "secret", "K", "--", "-dash"],
    ],
    [
      ["create", "secret", "K", "--", "-of"],
      ["create", "secret", "K", "--", "-of"],
    ],
    [
      ["-of", "json", "get", "secret"],
      ["--output-format=json", "get", "secret"],
    ],
    [
      ["get", "secrets", "-of=yaml"],
      ["get", "secrets", "--output-format=yaml"],
    ],
    [
      ["get", "-n", "team", "secret"],
      ["get", "--namespace=team", "secret"],
    ],
    [
      ["create", "-p", "x", "secret", "K"],
      ["create", "--project=x", "secret", "K"],
    ],
    [
      ["get", "secret", "-p"],
      ["get", "secret", "-p"],
    ],
    [
      ["create", "secret", "K", "-"],
      ["create", "secret", "K", "-"],
    ],
  ])("%j -> %j", (argv, expected) => {
    expect(prepareArgv(argv, spec)).toEqual({ ok: true, argv: expected });
  });

  it.each([
    [["create", "secret", "K", "-dash"], "-d with text attached after NAME is ambiguous"],
    [["create", "secret", "K", "-s3cr3t"], "a VALUE that starts with '-' goes after --"],
    [["create", "secret", "K", "--s3cr3t=x"], "not repeated"],
    [["get", "secret", "-s3cr3t"], 'unknown option "-s3cr3t" (see flyte get secret --help)'],
    [["get", "secret", "--outptu", "json"], "did you mean --output?"],
    [["nope", "--x"], 'unknown option "--x" (see flyte --help)'],
  ])("refuses %j", (argv, text) => {
    const prepared = prepareArgv(argv, spec);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.message).toContain(text);
    if (!prepared.ok && argv.includes("create")) expect(prepared.message).not.toMatch(/s3cr3t|ash/);
  });
});

describe("similarOption", () => {
  it.each([
    ["--projet", "--project"],
    ["--Domain", "--domain"],
    ["-projct", "--project"],
    ["--xyz", undefined],
    ["--s3cr3t", undefined],
  ])("%s -> %s", (word, expected) => {
    expect(similarOption(word, scope)).toBe(expected);
  });
});
