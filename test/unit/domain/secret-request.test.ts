import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  encodeFlyteBase32,
  encodeFlyteSecret,
  type FlyteSecretInput,
} from "../../../src/domain/flyte-encoding.ts";
import {
  combineRequests,
  defaultEnvVarName,
  MAX_FLYTE_ANNOTATIONS,
  MAX_NATIVE_ENTRIES,
  type ParseResult,
  parseFlyteRequests,
  parseNativeRequests,
  type SecretRequest,
} from "../../../src/domain/secret-request.ts";

function requestsOf(result: ParseResult): readonly SecretRequest[] {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.requests;
}

function messageOf(result: ParseResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.requests)}`);
  return result.message;
}

const native = (label: string, key: string, ...deliveries: SecretRequest["deliveries"]): SecretRequest => ({
  key,
  deliveries,
  source: "native",
  label: `secrets.flyte.org/secrets[${label}] (key ${key})`,
});

describe("parseNativeRequests", () => {
  it("reads the DESIGN §5.1 example", () => {
    const annotation = `
      - key: MY_SECRET_KEY
        as_env_var: MY_SECRET_ENV_VAR
      - key: TLS_CERT
        mount: /etc/flyte/secrets         # a directory
      - key: SERVICE_ACCOUNT_JSON
        mount: /root/sa.json              # an exact file path
      - key: OTHER                        # neither
    `;
    expect(requestsOf(parseNativeRequests(annotation))).toEqual([
      native("0", "MY_SECRET_KEY", { kind: "env", name: "MY_SECRET_ENV_VAR" }),
      native("1", "TLS_CERT", { kind: "file", path: "/etc/flyte/secrets/TLS_CERT", subPath: false }),
      native("2", "SERVICE_ACCOUNT_JSON", { kind: "file", path: "/root/sa.json", subPath: true }),
      native("3", "OTHER", { kind: "env", name: "OTHER" }),
    ]);
  });

  it.each([
    ["JSON", '[{"key": "A", "as_env_var": "ENV_A"}, {"key": "B", "mount": "/s/"}]'],
    ["flow YAML", "[{key: A, as_env_var: ENV_A}, {key: B, mount: /s/}]"],
    ["block YAML", "- key: A\n  as_env_var: ENV_A\n- mount: /s/\n  key: B\n"],
    [
      "JSON with nulls, as json.dumps of a flyte.Secret writes",
      '[{"key":"A","group":null,"mount":null,"as_env_var":"ENV_A"},{"key":"B","mount":"/s/","as_env_var":null}]',
    ],
  ])("reads %s", (_, annotation) => {
    expect(requestsOf(parseNativeRequests(annotation))).toEqual([
      native("0", "A", { kind: "env", name: "ENV_A" }),
      native("1", "B", { kind: "file", path: "/s/B", subPath: false }),
    ]);
  });

  it.each(["", "   ", "\n\n", "# nothing yet\n  # still nothing", "[]", "null", "--- []"])(
    "asks for nothing when the annotation is %j",
    (annotation) => {
      expect(parseNativeRequests(annotation)).toEqual({ ok: true, requests: [] });
    },
  );

  it("takes a bare string entry as a key, as flyte-sdk does", () => {
    expect(requestsOf(parseNativeRequests("[MY_KEY, other-key]"))).toEqual([
      native("0", "MY_KEY", { kind: "env", name: "MY_KEY" }),
      native("1", "other-key", { kind: "env", name: "OTHER_KEY" }),
    ]);
  });

  it("delivers both ways when as_env_var and mount are both given", () => {
    expect(requestsOf(parseNativeRequests("- {key: K, mount: /root/k.pem, as_env_var: K_VALUE}"))).toEqual([
      native(
        "0",
        "K",
        { kind: "env", name: "K_VALUE" },
        { kind: "file", path: "/root/k.pem", subPath: true },
      ),
    ]);
  });

  it.each([
    ["MY_KEY", undefined, "MY_KEY"],
    ["my-key", undefined, "MY_KEY"],
    ["my.key-v2", undefined, "MY_KEY_V2"],
    ["_private", undefined, "_PRIVATE"],
    ["token", "my-group", "MY_GROUP_TOKEN"],
    ["token", "", "TOKEN"],
  ])("names the default env var of key %j, group %j, %j", (key, group, expected) => {
    expect(defaultEnvVarName(key, group)).toBe(expected);
    const entry = group === undefined ? { key } : { key, group };
    expect(requestsOf(parseNativeRequests(JSON.stringify([entry])))[0]?.deliveries).toEqual([
      { kind: "env", name: expected },
    ]);
  });

  it.each([
    ["/etc/flyte/secrets", "/etc/flyte/secrets/K", false],
    ["/etc/flyte/secrets/", "/etc/flyte/secrets/K", false],
    ["/data", "/data/K", false],
    ["/root/.ssh/", "/root/.ssh/K", false],
    ["/opt/v1.2/", "/opt/v1.2/K", false],
    ["/root/sa.json", "/root/sa.json", true],
    ["/root/.netrc", "/root/.netrc", true],
    ["/opt/v1.2/token", "/opt/v1.2/token/K", false],
    ["/a b/c.txt", "/a b/c.txt", true],
  ])("mounts %j as %j (subPath %j)", (mount, path, subPath) => {
    expect(requestsOf(parseNativeRequests(JSON.stringify([{ key: "K", mount }])))[0]?.deliveries).toEqual([
      { kind: "file", path, subPath },
    ]);
  });

  it("merges repeated keys and drops repeated deliveries", () => {
    const annotation = `
      - key: A
      - key: A
      - {key: A, as_env_var: A}
      - {key: A, mount: /s}
      - {key: B, mount: /s}
      - {key: A, mount: /s/}
    `;
    expect(requestsOf(parseNativeRequests(annotation))).toEqual([
      native("0", "A", { kind: "env", name: "A" }, { kind: "file", path: "/s/A", subPath: false }),
      native("4", "B", { kind: "file", path: "/s/B", subPath: false }),
    ]);
  });

  it(`accepts ${MAX_NATIVE_ENTRIES} entries`, () => {
    const entries = Array.from({ length: MAX_NATIVE_ENTRIES }, (_, i) => ({ key: `K${i}` }));
    expect(requestsOf(parseNativeRequests(JSON.stringify(entries)))).toHaveLength(MAX_NATIVE_ENTRIES);
  });

  const longKey = "k".repeat(300);
  it.each([
    ["too large", `# ${"x".repeat(64 * 1024)}`, "is 65538 bytes, more than the limit of 65536 (64 KiB)"],
    [
      "too large in UTF-8",
      `# ${"é".repeat(32 * 1024)}`,
      "secrets.flyte.org/secrets is 65538 bytes, more than the limit of 65536",
    ],
    [
      "too many entries",
      JSON.stringify(Array.from({ length: MAX_NATIVE_ENTRIES + 1 }, (_, i) => ({ key: `K${i}` }))),
      "lists 101 secrets, more than the limit of 100; ask for fewer secrets per pod",
    ],
    [
      "not YAML",
      "- key: [unclosed",
      "secrets.flyte.org/secrets is not valid YAML or JSON: unexpected end of the stream",
    ],
    ["not YAML, with position", "- key: a\n  key: b", "duplicated mapping key at line 2, column 3"],
    ["two documents", "- a\n---\n- b", "expected a single document"],
    ["a mapping", "key: MY_KEY", "must be a list of secrets but is a mapping; write it as a list"],
    ["a string", "MY_KEY", "must be a list of secrets but is a string"],
    [
      "a number entry",
      "[1]",
      "secrets.flyte.org/secrets[0] must be a mapping such as {key: MY_KEY} but is a number",
    ],
    [
      "a list entry",
      "[[a]]",
      "secrets.flyte.org/secrets[0] must be a mapping such as {key: MY_KEY} but is a list",
    ],
    [
      "a null entry",
      "[null]",
      "secrets.flyte.org/secrets[0] must be a mapping such as {key: MY_KEY} but is null",
    ],
    [
      "an unknown field",
      "- {key: A}\n- {key: B, env_var: B}",
      'secrets.flyte.org/secrets[1] has unknown field "env_var"; the allowed fields are key, group, as_env_var, mount',
    ],
    ["__proto__", '[{"key": "A", "__proto__": {"x": 1}}]', 'has unknown field "__proto__"'],
    ["no key", "- as_env_var: X", "secrets.flyte.org/secrets[0] has no key: add key: <the FlyteSecret key>"],
    ["a null key", "- key: null", "secrets.flyte.org/secrets[0] has no key"],
    [
      "a number key",
      "- key: 1234",
      'key must be a string but is a number; quote it, for example key: "1234"',
    ],
    ["a boolean key", "- key: true", "key must be a string but is a boolean"],
    ["an empty key", '- key: ""', 'key "" is empty'],
    ["a bad key", "- key: my/key", "key \"my/key\" may only contain letters, digits, '-', '_' and '.'"],
    ["a dot key", "- key: '..'", "key \"..\" must not be '.' or start with '..'"],
    ["a dot-dot key", "- key: ..x", "must not be '.' or start with '..'"],
    ["a long key", `- key: ${longKey}`, "is longer than 253 characters"],
    [
      "a bad as_env_var",
      "- {key: A, as_env_var: 1ENV}",
      'secrets.flyte.org/secrets[0] (key A): as_env_var "1ENV" is not a valid environment variable name; it must match [A-Za-z_][A-Za-z0-9_]*',
    ],
    ["a dashed as_env_var", "- {key: A, as_env_var: MY-ENV}", 'as_env_var "MY-ENV" is not a valid'],
    ["an empty as_env_var", "- {key: A, as_env_var: ''}", 'as_env_var "" is not a valid'],
    [
      "a number as_env_var",
      "- {key: A, as_env_var: 12}",
      "as_env_var must be a string but is a number; quote it",
    ],
    ["a list group", "- {key: A, group: [g]}", "(key A): group must be a string but is a list"],
    [
      "an invalid default name",
      "- key: 1KEY",
      "the default environment variable name \"1KEY\" (group and key upper-cased, '-' and '.' turned into '_') is not valid",
    ],
    ["an invalid default name from the group", "- {key: K, group: 'a/b'}", 'name "A/B_K"'],
    [
      "a relative mount",
      "- {key: A, mount: etc/secrets}",
      'mount "etc/secrets" must be an absolute path (start with /)',
    ],
    ["an empty mount", "- {key: A, mount: ''}", "must be an absolute path"],
    ["a root mount", "- {key: A, mount: /}", 'mount "/" must not be / itself'],
    ["a double slash", "- {key: A, mount: /etc//secrets}", "is not normalised: remove the repeated /"],
    [
      "a trailing double slash",
      "- {key: A, mount: /etc/secrets//}",
      "is not normalised: remove the repeated /",
    ],
    [
      "a .. segment",
      "- {key: A, mount: /etc/../root/x.json}",
      "is not normalised: remove the . and .. segments",
    ],
    ["a trailing .. segment", "- {key: A, mount: /etc/..}", "remove the . and .. segments"],
    ["a . segment", "- {key: A, mount: /etc/./x}", "remove the . and .. segments"],
    ["a trailing . segment", "- {key: A, mount: /etc/.}", "remove the . and .. segments"],
    ["a trailing ./ segment", "- {key: A, mount: /etc/./}", "remove the . and .. segments"],
    ["a control character", '[{"key": "A", "mount": "/etc/a\\nb"}]', "must not contain control characters"],
    ["a long mount", `- {key: A, mount: /${"d".repeat(1100)}}`, "is longer than 1024 characters"],
    ["a number mount", "- {key: A, mount: 7}", "mount must be a string but is a number"],
    [
      "two keys in one env var",
      "- {key: A, as_env_var: SAME}\n- {key: B, as_env_var: SAME}",
      'secrets.flyte.org/secrets[0] (key A) and secrets.flyte.org/secrets[1] (key B) both set environment variable "SAME" to different values; give one of them a different as_env_var',
    ],
    [
      "a default name taken by another key",
      "- {key: my-key}\n- {key: MY_KEY}",
      'secrets.flyte.org/secrets[0] (key my-key) and secrets.flyte.org/secrets[1] (key MY_KEY) both set environment variable "MY_KEY"',
    ],
    [
      "two keys in one file",
      "- {key: A, mount: /root/x.json}\n- {key: B, mount: /root/x.json}",
      'secrets.flyte.org/secrets[0] (key A) and secrets.flyte.org/secrets[1] (key B) both deliver a file at "/root/x.json"; mount one of them elsewhere',
    ],
    [
      "a directory file and an exact file at one path",
      "- {key: a.json, mount: /s}\n- {key: B, mount: /s/a.json}",
      'both deliver a file at "/s/a.json"',
    ],
    [
      "a file where a directory is needed",
      "- {key: A, mount: /data}\n- {key: B, mount: /data/A/}",
      'secrets.flyte.org/secrets[0] (key A) puts a file at "/data/A" but secrets.flyte.org/secrets[1] (key B) needs a directory there; mount one of them elsewhere',
    ],
    [
      "an exact file where a directory is needed",
      "- {key: B, mount: /data/}\n- {key: A, mount: /data.json}\n- {key: C, mount: /data.json/c.json}",
      'secrets.flyte.org/secrets[1] (key A) puts a file at "/data.json" but secrets.flyte.org/secrets[2] (key C) needs a directory there',
    ],
  ])("refuses %s", (_, annotation, fragment) => {
    expect(messageOf(parseNativeRequests(annotation))).toContain(fragment);
  });

  it.each([
    ["an unknown field", (s: string) => `- {key: A, ${s}: 1}`],
    ["a bad key", (s: string) => `- key: "${s}/"`],
    ["a bad as_env_var", (s: string) => `- {key: A, as_env_var: "${s}-"}`],
    ["a bad mount", (s: string) => `- {key: A, mount: "${s}"}`],
    ["a long default name", (s: string) => `- {key: A, group: "${s}/"}`],
    ["bad YAML", (s: string) => `- key: !${s} x`],
    ["a clash", (s: string) => `- {key: A, mount: "/${s}.json"}\n- {key: B, mount: "/${s}.json"}`],
  ])("never echoes a long value in full: %s", (_, annotationOf) => {
    const long = "q".repeat(400);
    const message = messageOf(parseNativeRequests(annotationOf(long)));
    expect(message).not.toContain("q".repeat(81));
  });

  it("never throws, whatever the annotation", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (annotation) => {
        expect(typeof parseNativeRequests(annotation).ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof parseNativeRequests(JSON.stringify(value) ?? "").ok).toBe("boolean");
      }),
    );
    const entry = fc.dictionary(
      fc.constantFrom("key", "group", "as_env_var", "mount", "other"),
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom("/", "/a", "/a.b", "/a/", "A", "a-b", "1"),
        fc.integer(),
      ),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const result = parseNativeRequests(JSON.stringify(entries));
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expectNoSharedTargets(result.requests);
      }),
    );
  });
});

describe("parseFlyteRequests", () => {
  const flyte = (index: number, secret: FlyteSecretInput) => ({
    [`flyte.secrets/s${index}`]: encodeFlyteSecret(secret),
  });
  const label = (index: number, key: string) => `flyte.secrets/s${index} (key ${key})`;

  it("reads the DESIGN §5.2 example", () => {
    expect(parseFlyteRequests({ "flyte.secrets/s0": "nnsxsoraejwxsx2lmv3secq" })).toEqual({
      ok: true,
      requests: [
        {
          key: "my_key",
          deliveries: [{ kind: "file", path: "/etc/flyte/secrets/my_key", subPath: false }],
          source: "flyte",
          label: "flyte.secrets/s0 (key my_key)",
        },
      ],
    });
  });

  it.each([
    [{ key: "my_key", mountRequirement: "ENV_VAR" }, [{ kind: "env", name: "_FSEC_MY_KEY" }], undefined],
    [
      { group: "my_group", key: "my_key", mountRequirement: "ENV_VAR" },
      [{ kind: "env", name: "_FSEC_MY_GROUP_MY_KEY" }],
      undefined,
    ],
    [
      { group: "Grp", groupVersion: "v1", key: "Key", mountRequirement: "ENV_VAR", envVar: "MY_ENV" },
      [
        { kind: "env", name: "_FSEC_GRP_V1_KEY" },
        { kind: "env", name: "MY_ENV" },
      ],
      undefined,
    ],
    [
      { groupVersion: "v1", key: "Key", mountRequirement: "ENV_VAR", envVar: "my.env-var" },
      [
        { kind: "env", name: "_FSEC_V1_KEY" },
        { kind: "env", name: "my.env-var" },
      ],
      undefined,
    ],
    [
      { key: "K", mountRequirement: "ENV_VAR", envVar: "_FSEC_K" },
      [{ kind: "env", name: "_FSEC_K" }],
      undefined,
    ],
    [
      { group: "Grp", groupVersion: "V1", key: "Key", mountRequirement: "FILE" },
      [{ kind: "file", path: "/etc/flyte/secrets/grp/v1/key", subPath: false }],
      undefined,
    ],
    [
      { group: "Grp", key: "Key", mountRequirement: "ANY", envVar: "KEY_PATH" },
      [{ kind: "file", path: "/etc/flyte/secrets/grp/key", subPath: false }],
      [{ name: "KEY_PATH", value: "/etc/flyte/secrets/grp/key" }],
    ],
    [
      { key: "a.b-c", mountRequirement: "FILE", envVar: "P" },
      [{ kind: "file", path: "/etc/flyte/secrets/a.b-c", subPath: false }],
      [{ name: "P", value: "/etc/flyte/secrets/a.b-c" }],
    ],
  ] as const)("shapes %j as flytekit looks it up", (secret, deliveries, literalEnv) => {
    expect(requestsOf(parseFlyteRequests(flyte(0, secret)))).toEqual([
      {
        key: secret.key,
        deliveries,
        ...(literalEnv === undefined ? {} : { literalEnv }),
        source: "flyte",
        label: label(0, secret.key),
      },
    ]);
  });

  it("reads the annotations in numeric order and ignores the pod's other annotations", () => {
    const annotations = {
      ...flyte(10, { key: "ten" }),
      ...flyte(2, { key: "two" }),
      "flyte.secrets": "something else",
      "secrets.flyte.org/secrets": "- key: NATIVE",
      ...flyte(0, { key: "zero" }),
      ...flyte(1, { key: "one" }),
      "kubectl.kubernetes.io/last-applied-configuration": "{}",
    };
    expect(requestsOf(parseFlyteRequests(annotations)).map((request) => request.label)).toEqual([
      label(0, "zero"),
      label(1, "one"),
      label(2, "two"),
      label(10, "ten"),
    ]);
  });

  it("asks for nothing without annotations", () => {
    expect(parseFlyteRequests({})).toEqual({ ok: true, requests: [] });
    expect(parseFlyteRequests({ app: "x" })).toEqual({ ok: true, requests: [] });
  });

  it("merges the same key asked for twice", () => {
    const annotations = {
      ...flyte(0, { key: "k", mountRequirement: "ENV_VAR" }),
      ...flyte(1, { key: "k", mountRequirement: "ENV_VAR" }),
      ...flyte(2, { key: "k", mountRequirement: "FILE", envVar: "K_FILE" }),
    };
    expect(requestsOf(parseFlyteRequests(annotations))).toEqual([
      {
        key: "k",
        deliveries: [
          { kind: "env", name: "_FSEC_K" },
          { kind: "file", path: "/etc/flyte/secrets/k", subPath: false },
        ],
        literalEnv: [{ name: "K_FILE", value: "/etc/flyte/secrets/k" }],
        source: "flyte",
        label: label(0, "k"),
      },
    ]);
  });

  it(`accepts ${MAX_FLYTE_ANNOTATIONS} annotations`, () => {
    const annotations = Object.assign(
      {},
      ...Array.from({ length: MAX_FLYTE_ANNOTATIONS }, (_, i) => flyte(i, { key: `k${i}` })),
    );
    expect(requestsOf(parseFlyteRequests(annotations))).toHaveLength(MAX_FLYTE_ANNOTATIONS);
  });

  it.each([
    [
      "too many annotations",
      Object.assign(
        {},
        ...Array.from({ length: MAX_FLYTE_ANNOTATIONS + 1 }, (_, i) => flyte(i, { key: `k${i}` })),
      ),
      "the pod has 101 flyte.secrets/s<N> annotations, more than the limit of 100",
    ],
    [
      "a value over 4 KiB",
      flyte(3, { key: "k", group: "g".repeat(3000) }),
      "bytes, more than the limit of 4096 (4 KiB) for one secret; shorten the Secret's group, key or env_var",
    ],
    [
      "an annotation not named s<N>",
      { "flyte.secrets/sx": "nnsxsoraejwxsx2lmv3secq" },
      'annotation "flyte.secrets/sx" is not a Flyte secret annotation (flyte.secrets/s0, flyte.secrets/s1, ...); rename or remove it',
    ],
    [
      "an annotation named s-1",
      { "flyte.secrets/s-1": "nnsxsoraejwxsx2lmv3secq" },
      "is not a Flyte secret annotation",
    ],
    [
      "a bad base32 character",
      { "flyte.secrets/s3": "nnsxsoraej0xsx2lmv3secq" },
      'flyte.secrets/s3: bad base32 character "0" at position 11: only abcdefghijklmnopqrstuvwxyz123456 may appear; the value must be what Flyte propeller writes',
    ],
    [
      "truncated base32",
      { "flyte.secrets/s0": "nnsxsoraejwxsx2lmv3sec" },
      "flyte.secrets/s0: truncated base32",
    ],
    [
      "an unknown field",
      { "flyte.secrets/s1": encodeFlyteBase32(new TextEncoder().encode('key: "k"\nscope: "x"\n')) },
      'flyte.secrets/s1: unknown field "scope"',
    ],
    [
      "an unterminated string",
      { "flyte.secrets/s0": encodeFlyteBase32(new TextEncoder().encode('key: "k')) },
      "flyte.secrets/s0: unterminated string",
    ],
    [
      "a bad mount_requirement",
      {
        "flyte.secrets/s0": encodeFlyteBase32(
          new TextEncoder().encode('key: "k" mount_requirement: SOMETIMES'),
        ),
      },
      'flyte.secrets/s0: bad mount_requirement "SOMETIMES": use ANY, ENV_VAR or FILE',
    ],
    [
      "a missing key",
      flyte(0, { key: "", group: "g" }),
      "flyte.secrets/s0: missing key: the Secret names no key; give the task's secret request a key",
    ],
    ["a bad key", flyte(0, { key: "a/b" }), 'flyte.secrets/s0: key "a/b" may only contain letters'],
    ["a dot-dot key", flyte(0, { key: ".." }), "must not be '.' or start with '..'"],
    [
      "a traversing group",
      flyte(0, { key: "k", group: "../etc" }),
      'flyte.secrets/s0 (key k): group "../etc" may only contain letters, digits',
    ],
    [
      "a dot-dot group",
      flyte(0, { key: "k", group: ".." }),
      "group \"..\" must not be '.' or start with '..'",
    ],
    ["a dot group_version", flyte(0, { key: "k", groupVersion: "." }), "group_version \".\" must not be '.'"],
    ["a long group", flyte(0, { key: "k", group: "g".repeat(254) }), "group is longer than 253 characters"],
    [
      "a bad env_var",
      flyte(0, { key: "k", envVar: "1ABC" }),
      'flyte.secrets/s0 (key k): env_var "1ABC" is not a valid environment variable name; it must match [-._a-zA-Z][-._a-zA-Z0-9]*',
    ],
    [
      "a spaced env_var",
      flyte(0, { key: "k", envVar: "A B", mountRequirement: "ENV_VAR" }),
      'env_var "A B" is not a valid',
    ],
    [
      "two keys in one env var",
      {
        ...flyte(0, { group: "a_b", key: "c", mountRequirement: "ENV_VAR" }),
        ...flyte(1, { group: "a", key: "b_c", mountRequirement: "ENV_VAR" }),
      },
      'flyte.secrets/s0 (key c) and flyte.secrets/s1 (key b_c) both set environment variable "_FSEC_A_B_C" to different values; change the env_var, group or key of one of them',
    ],
    [
      "two keys in one file, differing only in case",
      { ...flyte(0, { key: "Token" }), ...flyte(1, { key: "token" }) },
      'flyte.secrets/s0 (key Token) and flyte.secrets/s1 (key token) both deliver a file at "/etc/flyte/secrets/token"; change the group or key of one of them',
    ],
    [
      "a file where a directory is needed",
      { ...flyte(0, { key: "db" }), ...flyte(1, { group: "db", key: "password" }) },
      'flyte.secrets/s0 (key db) puts a file at "/etc/flyte/secrets/db" but flyte.secrets/s1 (key password) needs a directory there',
    ],
    [
      "an env_var holding a path and a secret",
      {
        ...flyte(0, { key: "a", mountRequirement: "ENV_VAR", envVar: "X" }),
        ...flyte(1, { key: "b", mountRequirement: "FILE", envVar: "X" }),
      },
      'flyte.secrets/s0 (key a) and flyte.secrets/s1 (key b) both set environment variable "X" to different values',
    ],
    [
      "an env_var holding two paths",
      { ...flyte(0, { key: "a", envVar: "X" }), ...flyte(1, { key: "b", envVar: "X" }) },
      'flyte.secrets/s0 (key a) and flyte.secrets/s1 (key b) both set environment variable "X"',
    ],
  ])("refuses %s", (_, annotations: Record<string, string>, fragment) => {
    expect(messageOf(parseFlyteRequests(annotations))).toContain(fragment);
  });

  it("refuses a value that is not a string, as a pod decoded from JSON might have", () => {
    const annotations = JSON.parse('{"flyte.secrets/s0": 7}') as Record<string, string>;
    expect(messageOf(parseFlyteRequests(annotations))).toContain(
      "flyte.secrets/s0: the value must be a string",
    );
  });

  it("never echoes a long value in full", () => {
    const long = "q".repeat(400);
    for (const annotations of [
      { [`flyte.secrets/s${long}`]: "x" },
      flyte(0, { key: long }),
      flyte(0, { key: "k", group: `${long}/` }),
      flyte(0, { key: "k", envVar: `${long} ` }),
      { "flyte.secrets/s0": encodeFlyteBase32(new TextEncoder().encode(`${long}: "x"`)) },
      { "flyte.secrets/s0": encodeFlyteBase32(new TextEncoder().encode(`mount_requirement: ${long}`)) },
    ]) {
      expect(messageOf(parseFlyteRequests(annotations))).not.toContain("q".repeat(81));
    }
  });

  it("never throws, whatever the annotations", () => {
    const name = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.nat({ max: 200 }).map((n) => `flyte.secrets/s${n}`),
      fc.string({ maxLength: 4 }).map((s) => `flyte.secrets/s${s}`),
    );
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.stringMatching(/^[a-z1-6]{0,80}$/),
    );
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 8 }), (annotations) => {
        const result = parseFlyteRequests(annotations);
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expectNoSharedTargets(result.requests);
      }),
    );
  });

  it("round-trips arbitrary valid secrets from propeller's encoding", () => {
    const part = fc.stringMatching(/^[-._a-zA-Z0-9]{1,20}$/).filter((s) => s !== "." && !s.startsWith(".."));
    const secret = fc.record({
      group: fc.oneof(fc.constant(""), part),
      groupVersion: fc.oneof(fc.constant(""), part),
      key: part,
      mountRequirement: fc.constantFrom("ANY", "ENV_VAR", "FILE"),
      envVar: fc.oneof(fc.constant(""), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/)),
    } as const);
    fc.assert(
      fc.property(secret, (s) => {
        const requests = requestsOf(parseFlyteRequests(flyte(0, s)));
        const parts = [s.group, s.groupVersion, s.key].filter((p) => p !== "");
        expect(requests).toHaveLength(1);
        const request = requests[0];
        expect(request?.key).toBe(s.key);
        if (s.mountRequirement === "ENV_VAR") {
          const name = `_FSEC_${parts.map((p) => p.toUpperCase()).join("_")}`;
          expect(request?.deliveries[0]).toEqual({ kind: "env", name });
          const names = [name, ...(s.envVar !== "" && s.envVar !== name ? [s.envVar] : [])];
          expect(request?.deliveries.map((d) => (d.kind === "env" ? d.name : d.path))).toEqual(names);
          expect(request?.literalEnv).toBeUndefined();
        } else {
          const path = `/etc/flyte/secrets/${parts.map((p) => p.toLowerCase()).join("/")}`;
          expect(request?.deliveries).toEqual([{ kind: "file", path, subPath: false }]);
          expect(request?.literalEnv).toEqual(
            s.envVar === "" ? undefined : [{ name: s.envVar, value: path }],
          );
        }
      }),
    );
  });
});

describe("combineRequests", () => {
  it("refuses a clash between the native and the Flyte form", () => {
    const nativeRequests = requestsOf(parseNativeRequests("- {key: a, mount: /etc/flyte/secrets/}"));
    const sameKey = requestsOf(parseFlyteRequests({ "flyte.secrets/s0": encodeFlyteSecret({ key: "a" }) }));
    expect(requestsOf(combineRequests([...nativeRequests, ...sameKey]))).toEqual(nativeRequests);
    const otherKey = requestsOf(parseFlyteRequests({ "flyte.secrets/s0": encodeFlyteSecret({ key: "A" }) }));
    expect(messageOf(combineRequests([...nativeRequests, ...otherKey]))).toBe(
      'secrets.flyte.org/secrets[0] (key a) and flyte.secrets/s0 (key A) both deliver a file at "/etc/flyte/secrets/a"; ' +
        "change the group or key of one of them",
    );
  });

  it("keeps one request per key and never two deliveries to one target", () => {
    const delivery = fc.oneof(
      fc.constantFrom("A", "B", "C").map((name) => ({ kind: "env" as const, name })),
      fc
        .tuple(fc.constantFrom("/s/a", "/s/b", "/t/a"), fc.boolean())
        .map(([path, subPath]) => ({ kind: "file" as const, path, subPath })),
    );
    const request = fc.record({
      key: fc.constantFrom("k1", "k2"),
      deliveries: fc.array(delivery, { minLength: 1, maxLength: 3 }),
      source: fc.constantFrom("native", "flyte"),
      label: fc.constant("r"),
    } as const);
    fc.assert(
      fc.property(fc.array(request, { maxLength: 6 }), (requests) => {
        const result = combineRequests(requests);
        if (!result.ok) return;
        expect(new Set(result.requests.map((r) => r.key)).size).toBe(result.requests.length);
        expectNoSharedTargets(result.requests);
      }),
    );
  });
});

function expectNoSharedTargets(requests: readonly SecretRequest[]): void {
  const targets = requests.flatMap((request) => [
    ...request.deliveries.map((d) => (d.kind === "env" ? `env:${d.name}` : `file:${d.path}`)),
    ...(request.literalEnv ?? []).map((l) => `env:${l.name}`),
  ]);
  expect(new Set(targets).size).toBe(targets.length);
  for (const request of requests) expect(request.deliveries.length).toBeGreaterThan(0);
}

describe("parseFlyteRequests, Flyte 2's form", () => {
  const flyte = (index: number, secret: FlyteSecretInput) => ({
    [`flyte.secrets/s${index}`]: encodeFlyteSecret(secret),
  });
  const label = (index: number, key: string) => `flyte.secrets/s${index} (key ${key})`;
  const parsed = (...secrets: FlyteSecretInput[]) =>
    requestsOf(
      parseFlyteRequests(Object.assign({}, ...secrets.map((secret, i) => flyte(i, secret))), "flyte2"),
    ).map(({ key, deliveries, literalEnv }) => ({ key, deliveries, ...(literalEnv ? { literalEnv } : {}) }));
  const file = (path: string) => ({ kind: "file", path, subPath: false });

  it.each([
    // What Flyte 2's SDK sends: ENV_VAR with env_var = as_env_var, or FILE for mount; its group is ignored.
    [
      { key: "MY_SECRET_KEY", mountRequirement: "ENV_VAR", envVar: "MY_ENV" },
      [{ kind: "env", name: "MY_ENV" }],
    ],
    [
      { group: "arn:aws:secretsmanager:x", key: "id", mountRequirement: "ENV_VAR", envVar: "AWS_ID" },
      [{ kind: "env", name: "AWS_ID" }],
    ],
    // Without env_var Flyte 2's executor names the variable _UNION_ + upper(key); ANY is an env var there.
    [{ key: "my-key", mountRequirement: "ENV_VAR" }, [{ kind: "env", name: "_UNION_MY-KEY" }]],
    [{ key: "Tok", mountRequirement: "ANY" }, [{ kind: "env", name: "_UNION_TOK" }]],
    [{ key: "tok" }, [{ kind: "env", name: "_UNION_TOK" }]],
    [
      { key: "TLS_CERT", mountRequirement: "FILE" },
      [file("/etc/flyte/secrets/TLS_CERT"), file("/etc/flyte/secrets/tls_cert")],
    ],
    [{ key: "ssh_key", mountRequirement: "FILE" }, [file("/etc/flyte/secrets/ssh_key")]],
  ] as const)("shapes %j as Flyte 2's tasks read it", (secret, deliveries) => {
    expect(parsed(secret)).toEqual([{ key: secret.key, deliveries }]);
  });

  it("points env_var of a FILE at the lower-cased path, as Flyte 2 reports it", () => {
    expect(parsed({ key: "Cert", mountRequirement: "FILE", envVar: "CERT_PATH" })).toEqual([
      {
        key: "Cert",
        deliveries: [file("/etc/flyte/secrets/Cert"), file("/etc/flyte/secrets/cert")],
        literalEnv: [{ name: "CERT_PATH", value: "/etc/flyte/secrets/cert" }],
      },
    ]);
  });

  it("never lets a lower-cased name shadow another key's file", () => {
    expect(
      parsed(
        { key: "Ab", mountRequirement: "FILE", envVar: "AB_PATH" },
        { key: "ab", mountRequirement: "FILE" },
        { key: "AB", mountRequirement: "FILE", envVar: "AB2_PATH" },
        { key: "Cd", mountRequirement: "FILE" },
        { key: "CD", mountRequirement: "FILE", envVar: "CD2_PATH" },
      ),
    ).toEqual([
      {
        key: "Ab",
        deliveries: [file("/etc/flyte/secrets/Ab")],
        literalEnv: [{ name: "AB_PATH", value: "/etc/flyte/secrets/Ab" }],
      },
      { key: "ab", deliveries: [file("/etc/flyte/secrets/ab")] },
      {
        key: "AB",
        deliveries: [file("/etc/flyte/secrets/AB")],
        literalEnv: [{ name: "AB2_PATH", value: "/etc/flyte/secrets/AB" }],
      },
      { key: "Cd", deliveries: [file("/etc/flyte/secrets/Cd"), file("/etc/flyte/secrets/cd")] },
      {
        key: "CD",
        deliveries: [file("/etc/flyte/secrets/CD")],
        literalEnv: [{ name: "CD2_PATH", value: "/etc/flyte/secrets/CD" }],
      },
    ]);
  });

  it("still refuses what neither Flyte could serve", () => {
    const refusal = (secret: FlyteSecretInput) =>
      parseFlyteRequests(flyte(0, secret), "flyte2") as { ok: false; message: string };
    expect(refusal({ key: "" }).message).toContain("missing key");
    expect(refusal({ key: "a/b", mountRequirement: "FILE" }).message).toContain("may only contain");
    expect(refusal({ key: "k", envVar: "1BAD" }).message).toContain('env_var "1BAD" is not a valid');
    // Flyte 1's form keeps checking the group, which becomes part of its names.
    expect(parseFlyteRequests(flyte(0, { group: "a:b", key: "k" }))).toMatchObject({ ok: false });
    expect(label(0, "k")).toBe("flyte.secrets/s0 (key k)");
  });
});
