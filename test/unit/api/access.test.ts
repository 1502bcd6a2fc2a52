// The Flyte API asks Kubernetes for exactly the rights the flyte CLI needs for the same operation, and a refusal
// names who, which verb on which resource where, and the commands that grant it.
import { describe, expect, it } from "vitest";
import { deniedMessage, PERMISSIONS, resourceName } from "../../../src/api/access.ts";
import { bearerToken } from "../../../src/api/auth.ts";

describe("permissions", () => {
  it("are the CLI's verbs on flytesecrets and secrets", () => {
    const table = Object.fromEntries(
      Object.entries(PERMISSIONS).map(([method, list]) => [
        method,
        list.map((p) => `${p.verb} ${resourceName(p)}`),
      ]),
    );
    expect(table).toEqual({
      CreateSecret: [
        "list flytesecrets.secrets.flyte.org",
        "create flytesecrets.secrets.flyte.org",
        "create secrets",
      ],
      UpdateSecret: ["list flytesecrets.secrets.flyte.org", "get secrets", "update secrets"],
      GetSecret: ["list flytesecrets.secrets.flyte.org"],
      ListSecrets: ["list flytesecrets.secrets.flyte.org"],
      DeleteSecret: ["list flytesecrets.secrets.flyte.org", "delete flytesecrets.secrets.flyte.org"],
    });
  });

  it("are refused with the subject, verb, resource, namespace and a fix", () => {
    const caller = {
      kind: "user",
      username: "system:serviceaccount:team:bot",
      uid: "",
      groups: [],
      extra: {},
    } as const;
    const message = deniedMessage(
      caller,
      "CreateSecret",
      { verb: "create", group: "", resource: "secrets" },
      "fs",
    );
    expect(message).toBe(
      "system:serviceaccount:team:bot may not create secrets in namespace fs, which CreateSecret needs; an admin can " +
        "grant it: kubectl create role flyte-secrets-create-secrets -n fs --verb=create --resource=secrets && " +
        "kubectl create rolebinding flyte-secrets-create-secrets -n fs --role=flyte-secrets-create-secrets " +
        "--serviceaccount=team:bot",
    );
    const user = { ...caller, username: "alice" };
    expect(deniedMessage(user, "ListSecrets", PERMISSIONS.ListSecrets[0] ?? ({} as never), "fs")).toContain(
      "--user=alice",
    );
  });
});

describe("bearer tokens", () => {
  it.each([
    ["Bearer abc.def", "abc.def"],
    ["bearer   xyz ", "xyz"],
    ["Basic dXNlcjpwYXNz", undefined],
    ["Bearer", undefined],
    ["Bearer a b", undefined],
  ])("%j gives %j", (header, token) => {
    expect(bearerToken(new Headers({ authorization: header }))).toBe(token);
  });

  it("is absent without the header", () => {
    expect(bearerToken(new Headers())).toBeUndefined();
  });
});
