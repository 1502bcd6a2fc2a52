import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import {
  type ApiCall,
  CliError,
  describeApiError,
  describeUnexpected,
  networkCodeOf,
  statusFactsOf,
} from "../../../src/cli/errors.ts";

const SECRET = "s3cr3t-value";
const server = "https://127.0.0.1:6443";
const list: ApiCall = { verb: "list", resource: "flytesecrets", namespace: "flyte-secrets", server };
const createSecret: ApiCall = {
  verb: "create",
  resource: "secrets",
  namespace: "team",
  name: "k-abc",
  server,
};

function status(code: number, reason: string, details: object = {}): string {
  // The message echoes what was sent, as the API server's messages can: it must never reach the output.
  return JSON.stringify({
    kind: "Status",
    apiVersion: "v1",
    status: "Failure",
    message: `bad ${SECRET}`,
    reason,
    details,
    code,
  });
}

function apiError(code: number, body: unknown): ApiException<unknown> {
  return new ApiException(code, "Unknown API Status Code!", body, {});
}

function fetchFailure(code: string): Error {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error(`connect ${code} 127.0.0.1:6443`), { code }),
  });
}

describe("describeApiError", () => {
  it.each([
    [
      apiError(401, status(401, "Unauthorized")),
      list,
      `unauthorized: the API server at ${server} did not accept the kubeconfig's credentials`,
    ],
    [
      apiError(403, status(403, "Forbidden")),
      list,
      "forbidden: you may not list flytesecrets in namespace flyte-secrets (ask an admin for RBAC access)",
    ],
    [
      apiError(403, status(403, "Forbidden")),
      createSecret,
      "forbidden: you may not create secrets in namespace team (ask an admin for RBAC access)",
    ],
    [
      apiError(404, "404 page not found\n"),
      list,
      "is flyte-secrets installed? the FlyteSecret CRD was not found (flytesecrets.secrets.flyte.org)",
    ],
    [
      apiError(404, status(404, "NotFound", { name: "team", kind: "namespaces" })),
      createSecret,
      "namespace team does not exist: pass -n/--namespace (or set FLYTE_SECRETS_NAMESPACE) to the namespace flyte-secrets is installed in",
    ],
    [
      apiError(404, status(404, "NotFound", { name: "k-abc", kind: "secrets" })),
      createSecret,
      "secrets/k-abc not found in namespace team",
    ],
    [apiError(409, status(409, "AlreadyExists")), createSecret, expect.stringContaining("AlreadyExists")],
    [
      apiError(
        422,
        status(422, "Invalid", {
          causes: [{ field: "data", message: SECRET }, { field: "metadata.name" }, { field: "data" }],
        }),
      ),
      createSecret,
      "the API server refused secrets/k-abc as invalid (data, metadata.name)",
    ],
    [apiError(422, "garbage"), createSecret, "the API server refused secrets/k-abc as invalid"],
    [apiError(429, status(429, "TooManyRequests")), list, expect.stringContaining("too busy")],
    [
      apiError(500, status(500, "InternalError")),
      list,
      `the API server at ${server} answered 500 InternalError to list flytesecrets in namespace flyte-secrets`,
    ],
    [
      apiError(503, SECRET),
      list,
      `the API server at ${server} answered 503 to list flytesecrets in namespace flyte-secrets`,
    ],
    [
      fetchFailure("ECONNREFUSED"),
      list,
      expect.stringMatching(
        /^cannot connect to the API server at https:\/\/127\.0\.0\.1:6443: connection refused/,
      ),
    ],
    [
      fetchFailure("ENOTFOUND"),
      list,
      `cannot connect to the API server at ${server}: the host name does not resolve`,
    ],
    [
      fetchFailure("ETIMEDOUT"),
      list,
      `cannot connect to the API server at ${server}: the connection timed out`,
    ],
    [
      fetchFailure("SELF_SIGNED_CERT_IN_CHAIN"),
      list,
      expect.stringContaining("cannot verify the API server"),
    ],
    [
      fetchFailure("EWHATEVER"),
      list,
      `cannot reach the API server at ${server} to list flytesecrets: EWHATEVER`,
    ],
    [new Error("boom"), createSecret, `cannot reach the API server at ${server} to create secrets/k-abc`],
  ])("%#: %s", (error, call, expected) => {
    const line = describeApiError(error, call);
    expect(line).toEqual(expected);
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain("\n");
  });
});

describe("statusFactsOf", () => {
  it("reads the structured fields of a Status, from a string or an object body", () => {
    const body = { kind: "Status", reason: "TooManyRequests", details: { retryAfterSeconds: 2 } };
    expect(statusFactsOf(apiError(429, JSON.stringify(body)))).toEqual({
      reason: "TooManyRequests",
      fields: [],
      retryAfterSeconds: 2,
    });
    expect(statusFactsOf(apiError(429, body))).toEqual({
      reason: "TooManyRequests",
      fields: [],
      retryAfterSeconds: 2,
    });
  });

  it.each([undefined, null, "", "not json", "[]", '{"kind":"Other"}'])("has no facts for body %j", (body) => {
    expect(statusFactsOf({ code: 500, body })).toEqual({ fields: [] });
  });
});

describe("networkCodeOf", () => {
  it.each([
    [fetchFailure("ECONNREFUSED"), "ECONNREFUSED"],
    [Object.assign(new Error("x"), { code: "ENOENT" }), "ENOENT"],
    [new Error("x"), undefined],
    ["text", undefined],
  ])("%#", (error, expected) => {
    expect(networkCodeOf(error)).toBe(expected);
  });
});

describe("describeUnexpected", () => {
  it.each([
    [new CliError("one line for the user"), "one line for the user"],
    [apiError(500, SECRET), "unexpected API error 500"],
    [new TypeError("x is not a function\n    at stack"), "unexpected TypeError: x is not a function"],
    ["thrown text", "unexpected string"],
  ])("%#", (error, expected) => {
    expect(describeUnexpected(error)).toBe(expected);
  });
});
