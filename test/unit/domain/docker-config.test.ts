import { describe, expect, it } from "vitest";
import { dockerConfigProblem } from "../../../src/domain/docker-config.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("dockerConfigProblem", () => {
  it.each([
    ['{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}', undefined],
    ['{"auths":{"ghcr.io":{"username":"u","password":"p"}},"credsStore":"desktop"}', undefined],
    ['  {"auths": {"a": {}, "b": {"auth": "x"}}}\n', undefined],
    ["my_secret_value", "is not a Docker config JSON (it is not valid JSON)"],
    ['["auths"]', "is not a Docker config JSON (not a JSON object)"],
    ["null", "is not a Docker config JSON (not a JSON object)"],
    ['"text"', "is not a Docker config JSON (not a JSON object)"],
    ['{"x":1}', 'has no "auths" object'],
    ['{"credsStore":"desktop"}', "credential helper"],
    ['{"credHelpers":{"gcr.io":"gcloud"}}', "credential helper"],
    ['{"auths":[]}', 'has an "auths" that is not an object'],
    ['{"auths":"x"}', 'has an "auths" that is not an object'],
    ['{"auths":{}}', 'has no registries under "auths"'],
    ['{"auths":{"r":"x"}}', 'has an "auths" entry that is not an object'],
  ])("%s", (text, expected) => {
    const problem = dockerConfigProblem(bytes(text));
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(dockerConfigProblem(new Uint8Array([0xff, 0xfe, 0x7b]))).toContain("not UTF-8 text");
  });

  it.each([
    "my_secret_value",
    '{"auths": "s3cr3t-token"}',
    '{"s3cr3t-token": 1',
    '{"auths":{"r":"s3cr3t-token"}}',
  ])("never quotes the value: %s", (text) => {
    const problem = dockerConfigProblem(bytes(text)) ?? "";
    expect(problem).not.toContain("s3cr3t");
    expect(problem).not.toContain("my_secret_value");
  });
});
