import { describe, expect, it } from "vitest";
import {
  commandHint,
  imagePullScopeProblem,
  keyProblem,
  queryOf,
  scopeOfOptions,
  scopeWords,
  valueProblem,
  valueSourceOf,
  writeRequestOf,
} from "../../../src/cli/arguments.ts";
import { defaultLimits } from "../../../src/domain/catalog.ts";

// The operator's limit (controller.limits.maxValueBytes), which the CLI checks before writing.
const MAX_VALUE_BYTES = defaultLimits.maxValueBytes;

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("keyProblem", () => {
  it.each([
    ["MY_SECRET_KEY", undefined],
    ["my-secret.key_1", undefined],
    ["-leading-dash", undefined],
    ["a".repeat(253), undefined],
    ["", "the secret name is empty"],
    ["a".repeat(254), expect.stringContaining("is not a valid secret name")],
    [
      "has space",
      "\"has space\" is not a valid secret name: use at most 253 letters, digits, '-', '_' or '.', not '.' and not starting with '..'",
    ],
    // The CLI accepted these and the API server then answered a bare 422: the drift of issue 9.
    [".", expect.stringContaining("not '.' and not starting with '..'")],
    ["..x", expect.stringContaining("is not a valid secret name")],
    ["..", expect.stringContaining("is not a valid secret name")],
    ["a..b", undefined],
    [".hidden", undefined],
    ["slash/key", expect.stringContaining("is not a valid secret name")],
    ["ключ", expect.stringContaining("is not a valid secret name")],
  ])("%j -> %j", (key, expected) => {
    expect(keyProblem(key)).toEqual(expected);
  });
});

describe("scopeOfOptions", () => {
  it.each([
    [undefined, undefined, { ok: true, value: {} }],
    ["", "", { ok: true, value: {} }],
    ["my_project", undefined, { ok: true, value: { project: "my_project" } }],
    [undefined, "development", { ok: true, value: { domain: "development" } }],
    ["my_project", "development", { ok: true, value: { project: "my_project", domain: "development" } }],
    ["My.Project-1", "prod", { ok: true, value: { project: "My.Project-1", domain: "prod" } }],
    [
      "_leading",
      undefined,
      { ok: false, message: expect.stringMatching(/^--project "_leading" is not a valid project/) },
    ],
    [
      undefined,
      "trailing-",
      { ok: false, message: expect.stringMatching(/^--domain "trailing-" is not a valid domain/) },
    ],
    ["a".repeat(64), undefined, { ok: false, message: expect.stringContaining("at most 63") }],
    ["has space", undefined, { ok: false, message: expect.stringContaining("not a valid project") }],
  ])("project %j, domain %j", (project, domain, expected) => {
    expect(scopeOfOptions(project, domain)).toEqual(expected);
  });
});

describe("valueSourceOf", () => {
  it.each([
    ["v", undefined, false, { ok: true, value: { kind: "argument", value: "v" } }],
    ["v", undefined, true, { ok: true, value: { kind: "argument", value: "v" } }],
    ["", undefined, false, { ok: true, value: { kind: "argument", value: "" } }],
    [undefined, "/f", false, { ok: true, value: { kind: "file", path: "/f" } }],
    [undefined, undefined, true, { ok: true, value: { kind: "prompt" } }],
    [undefined, undefined, false, { ok: true, value: { kind: "stdin" } }],
    ["v", "/f", false, { ok: false, message: expect.stringContaining("not both") }],
    [undefined, "", false, { ok: false, message: "--from-file needs a file path" }],
  ] as const)("value %j, file %j, terminal %j", (value, file, terminal, expected) => {
    expect(valueSourceOf(value, file, terminal)).toEqual(expected);
  });
});

describe("imagePullScopeProblem", () => {
  it.each([
    ["image_pull", {}, undefined],
    ["regular", { project: "p", domain: "d" }, undefined],
    [undefined, { project: "p" }, undefined],
    ["image_pull", { project: "p" }, expect.stringContaining("organization-wide, as in Flyte")],
    ["image_pull", { domain: "d" }, expect.stringContaining("drop --project and --domain")],
  ] as const)("%s in %j", (type, scope, expected) => {
    expect(imagePullScopeProblem(type, scope)).toEqual(expected);
  });
});

describe("writeRequestOf", () => {
  it("collects a valid request", () => {
    expect(
      writeRequestOf(
        { name: "K", value: "v", project: "my_project", domain: "development", type: "regular" },
        false,
      ),
    ).toEqual({
      ok: true,
      value: {
        key: "K",
        scope: { project: "my_project", domain: "development" },
        type: "regular",
        source: { kind: "argument", value: "v" },
      },
    });
  });

  it.each([
    [{ name: "bad key", value: "v" }, "not a valid secret name"],
    [{ name: "K", value: "v", project: "bad project" }, "not a valid project"],
    [{ name: "K", value: "v", type: "image_pull", domain: "development" } as const, "organization-wide"],
    [{ name: "K", value: "v", fromFile: "/f" }, "not both"],
  ])("refuses %j", (args, message) => {
    const result = writeRequestOf(args, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("never repeats the value in a refusal", () => {
    const result = writeRequestOf({ name: "bad key", value: "hunter2", fromFile: "/f" }, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain("hunter2");
  });
});

describe("valueProblem", () => {
  const docker = bytes('{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}');
  it.each([
    ["regular", bytes("v"), undefined],
    ["regular", new Uint8Array([0, 255, 10]), undefined],
    ["regular", new Uint8Array(MAX_VALUE_BYTES), undefined],
    ["regular", new Uint8Array(), "the value of K is empty"],
    [
      "regular",
      new Uint8Array(MAX_VALUE_BYTES + 1),
      expect.stringContaining("at most 524288 bytes (512 KiB)"),
    ],
    // 600 KiB passed the CLI's old 1 MiB check, then went TooLarge: the drift of issue 9.
    ["regular", new Uint8Array(600 * 1024), expect.stringContaining("is 614400 bytes")],
    ["image_pull", docker, undefined],
    [
      "image_pull",
      bytes("my_secret_value"),
      expect.stringMatching(/^the value of image_pull secret K is not a Docker config JSON/),
    ],
    ["image_pull", new Uint8Array(), "the value of K is empty"],
  ] as const)("%s value %#", (type, value, expected) => {
    expect(valueProblem("K", type, value)).toEqual(expected);
  });
});

describe("queryOf", () => {
  it.each([
    [
      undefined,
      undefined,
      undefined,
      { ok: true, value: { key: undefined, project: undefined, domain: undefined } },
    ],
    ["K", "p", "d", { ok: true, value: { key: "K", project: "p", domain: "d" } }],
    [undefined, "", "d", { ok: true, value: { key: undefined, project: undefined, domain: "d" } }],
    [
      "bad key",
      undefined,
      undefined,
      { ok: false, message: expect.stringContaining("not a valid secret name") },
    ],
    [undefined, "-p", undefined, { ok: false, message: expect.stringContaining("not a valid project") }],
  ])("name %j project %j domain %j", (name, project, domain, expected) => {
    expect(queryOf(name, project, domain)).toEqual(expected);
  });
});

describe("wording", () => {
  it.each([
    [{}, "the organization scope"],
    [{ project: "my_project" }, "project my_project"],
    [{ domain: "development" }, "domain development"],
    [{ project: "my_project", domain: "development" }, "project my_project, domain development"],
  ])("scopeWords(%j)", (scope, expected) => {
    expect(scopeWords(scope)).toBe(expected);
  });

  it.each([
    ["flyte", "update", "K", {}, "flyte update secret K"],
    ["flyte", "create", "K", { project: "p", domain: "d" }, "flyte create secret K --project p --domain d"],
    ["kubectl flyte", "update", "K", { domain: "d" }, "kubectl flyte update secret K --domain d"],
    ["flyte", "update", "-K", { project: "p" }, "flyte update secret --project p -- -K"],
  ] as const)("commandHint(%s, %s, %s, %j)", (program, verb, key, scope, expected) => {
    expect(commandHint(program, verb, key, scope)).toBe(expected);
  });
});
