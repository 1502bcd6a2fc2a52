import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeFlyteBase32,
  decodeFlyteSecret,
  encodeFlyteBase32,
  encodeFlyteSecret,
  type FlyteSecret,
  formatSecretText,
  MOUNT_REQUIREMENTS,
  parseSecretText,
} from "../../../src/domain/flyte-encoding.ts";

const empty: FlyteSecret = { group: "", groupVersion: "", key: "", mountRequirement: "ANY", envVar: "" };
const utf8 = new TextEncoder();

function secretOf(text: string | Uint8Array): FlyteSecret {
  const result = parseSecretText(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.secret;
}

function messageOf(text: string | Uint8Array): string {
  const result = parseSecretText(text);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.secret)}`);
  return result.message;
}

describe("decodeFlyteSecret", () => {
  it.each([
    // DESIGN §5.2's example, and the values flyteplugins' own tests expect propeller to write.
    ["nnsxsoraejwxsx2lmv3secq", { ...empty, key: "my_key" }],
    ["m4zg54lqhiqceozhhixvyxbcbi", { ...empty, group: ";':/\\" }],
    [
      "m4zg54lqhiqce2lzl4txe22voarau12fpe4caitnpfpwwzlzeifg122vnz1f53tfof1ws3tfnvsw34b1ebcu3vs6kzavecq",
      { ...empty, group: "my_group", key: "my_key", mountRequirement: "ENV_VAR" },
    ],
  ] as const)("decodes %s", (value, expected) => {
    expect(decodeFlyteSecret(value)).toEqual({ ok: true, secret: expected });
  });

  it.each([
    [{ key: "my_key" }, "nnsxsoraejwxsx2lmv3secq"],
    [{ key: "", group: ";':/\\" }, "m4zg54lqhiqceozhhixvyxbcbi"],
    [
      { group: "my_group", key: "my_key", mountRequirement: "ENV_VAR" },
      "m4zg54lqhiqce2lzl4txe22voarau12fpe4caitnpfpwwzlzeifg122vnz1f53tfof1ws3tfnvsw34b1ebcu3vs6kzavecq",
    ],
  ] as const)("encodes %j exactly as propeller does", (secret, expected) => {
    expect(encodeFlyteSecret(secret)).toBe(expected);
  });

  it("puts the text format error after the base32 step", () => {
    const value = encodeFlyteBase32(utf8.encode('colour: "red"'));
    expect(decodeFlyteSecret(value)).toEqual({
      ok: false,
      message: expect.stringContaining('unknown field "colour"'),
    });
  });
});

describe("decodeFlyteBase32", () => {
  it.each([
    ["", ""],
    ["me", "a"],
    ["nnsxsoraejwxsx2lmv3secq", 'key: "my_key"\n'],
    ["NNSXSORAEJWXSX2LMV3SECQ", 'key: "my_key"\n'],
    ["nnsxsoraejwxsx2lmv3secq=", 'key: "my_key"\n'],
    ["nnsxsoraej\nwxsx2lmv3secq\r\n", 'key: "my_key"\n'],
  ])("decodes %j", (value, expected) => {
    const result = decodeFlyteBase32(value);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe(expected);
  });

  it.each([
    ["nnsx0oraej", 'bad base32 character "0" at position 5'],
    ["nnsx7", 'bad base32 character "7" at position 5'],
    ["nnsx oraej", 'bad base32 character " " at position 5'],
    ["mf=a", 'bad base32 character "a" after the "=" padding at position 4'],
    ["m", "truncated base32: 1 characters"],
    ["mfr", "truncated base32: 3 characters"],
    ["mfrggz", "truncated base32: 6 characters"],
  ])("refuses %j", (value, fragment) => {
    expect(decodeFlyteBase32(value)).toEqual({ ok: false, message: expect.stringContaining(fragment) });
  });

  it("never echoes more than one character of a bad value", () => {
    const result = decodeFlyteBase32(`${"!".repeat(500)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });

  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const encoded = encodeFlyteBase32(bytes);
        expect(encoded).toMatch(/^[a-z1-6]*$/);
        expect(decodeFlyteBase32(encoded)).toEqual({ ok: true, bytes });
      }),
    );
  });
});

describe("parseSecretText", () => {
  it.each([
    ["\\n", "\n"],
    ["\\t", "\t"],
    ["\\r", "\r"],
    ["\\a", "\x07"],
    ["\\b", "\b"],
    ["\\f", "\f"],
    ["\\v", "\v"],
    ["\\?", "?"],
    ['\\"', '"'],
    ["\\'", "'"],
    ["\\\\", "\\"],
    ["\\0", "\0"],
    ["\\7", "\x07"],
    ["\\101", "A"],
    ["\\1011", "A1"],
    ["\\60\\61", "01"],
    ["\\x41", "A"],
    ["\\X41", "A"],
    ["\\x4", "\x04"],
    ["\\x4g", "\x04g"],
    ["\\x414", "A4"],
    ["\\303\\251", "é"],
    ["\\xc3\\xa9", "é"],
    ["\\u00e9", "é"],
    ["\\U0001F600", "😀"],
    ["\\ud83d\\ude00", "😀"],
    ["é", "é"],
    ["'", "'"],
  ])("resolves the escape %s", (escaped, expected) => {
    expect(secretOf(`key: "${escaped}"`).key).toBe(expected);
  });

  it("resolves escapes in single-quoted strings too", () => {
    expect(secretOf("key: 'it\\'s \"quoted\"'").key).toBe('it\'s "quoted"');
  });

  const expected: FlyteSecret = {
    group: "g",
    groupVersion: "v1",
    key: "k",
    mountRequirement: "FILE",
    envVar: "E",
  };
  it.each([
    ['group: "g"\ngroup_version: "v1"\nkey: "k"\nmount_requirement: FILE\nenv_var: "E"\n'],
    ['env_var: "E" key: "k" mount_requirement: FILE group_version: "v1" group: "g"'],
    ['group:"g" group_version:"v1" key:"k" mount_requirement:FILE env_var:"E"'],
    [
      '  \t\n group \n : \n "g"\r\n\r\ngroup_version: \'v1\'\fkey: "k"\vmount_requirement: 2 env_var: "E"   \n\n',
    ],
    ['group: "g", group_version: "v1"; key: "k", mount_requirement: FILE; env_var: "E";'],
    ['group "g" group_version "v1" key "k" mount_requirement FILE env_var "E"'],
    [
      '# a comment\ngroup: "g" # trailing comment\ngroup_version: "v" "1"\nkey: \'\' "k" \'\'\nmount_requirement: FILE\nenv_var: "E"',
    ],
    [
      'group: "g"\ngroup: "g"\ngroup_version: "v1"\nkey: "other"\nkey: "k"\nmount_requirement: ENV_VAR\nmount_requirement: FILE\nenv_var: "E"',
    ],
    ['group: "#not a comment"\ngroup: "g" group_version: "v1" key: "k" mount_requirement: FILE env_var: "E"'],
    [
      'group: "g"\ngroup_version: "v"\n# split across lines\n  "1"\nkey: "k" mount_requirement: 2 env_var: "E"',
    ],
  ])("reads %j", (text) => {
    expect(secretOf(text)).toEqual(expected);
  });

  it.each([
    ["", empty],
    ["# nothing but a comment", empty],
    ["mount_requirement: ANY", empty],
    ["mount_requirement: 0", empty],
    ["mount_requirement: 1", { ...empty, mountRequirement: "ENV_VAR" }],
    ["mount_requirement: ENV_VAR", { ...empty, mountRequirement: "ENV_VAR" }],
    ["mount_requirement: 2", { ...empty, mountRequirement: "FILE" }],
  ] as const)("reads %j with proto3 defaults", (text, secret) => {
    expect(secretOf(text)).toEqual(secret);
  });

  it("accepts the decoded text as bytes, with escapes producing raw bytes", () => {
    expect(secretOf(Uint8Array.from([...utf8.encode('key: "\\303'), ...utf8.encode('\\251"')])).key).toBe(
      "é",
    );
  });

  it.each([
    [
      'colour: "red"',
      'unknown field "colour" (flyteidl.core.Secret has group, group_version, key, mount_requirement, env_var) at byte 1',
    ],
    ['key: "k"\nname: "n"', 'unknown field "name"'],
    [
      'key: "k',
      "unterminated string: a string literal must end with its opening quote on the same line at byte 6",
    ],
    ["key: 'k\"", "unterminated string"],
    ['key: "a\nb"', "unterminated string"],
    ['key: "a\\', "unterminated string: it ends in a lone backslash"],
    ['key: "\\q"', 'unknown escape "q" after a backslash'],
    ['key: "\\400"', "octal escape out of range"],
    ['key: "\\xg"', "\\x must be followed by one or two hex digits"],
    ['key: "\\u12"', "unicode escape needs exactly 4 hex digits"],
    ['key: "\\U00110000"', "unicode escape beyond U+10FFFF"],
    ['key: "\\ude00"', "lone low surrogate"],
    ['key: "\\ud83d"', "high surrogate not followed by \\u"],
    ['key: "\\ud83d\\u0041"', "high surrogate not followed by a low one"],
    ['key: "\\377"', "key is not valid UTF-8"],
    ["key: k", 'key needs a quoted string value ("..." or \'...\') but found "k"'],
    ["key: 12", "key needs a quoted string value"],
    ["key:", "key needs a quoted string value (\"...\" or '...') but found the end of the text"],
    ["key { }", "key needs a quoted string value"],
    [
      "mount_requirement: SECRET",
      'bad mount_requirement "SECRET": use ANY, ENV_VAR or FILE (or their numbers 0, 1, 2)',
    ],
    ["mount_requirement: 3", 'bad mount_requirement "3"'],
    ["mount_requirement: -1", 'bad mount_requirement "-1"'],
    ["mount_requirement: file", 'bad mount_requirement "file"'],
    ['mount_requirement: "FILE"', 'mount_requirement needs ANY, ENV_VAR or FILE but found "\\""'],
    ["mount_requirement:", "mount_requirement needs ANY, ENV_VAR or FILE but found the end of the text"],
    [': "k"', 'expected a field name but found ":"'],
    [', key: "k"', 'expected a field name but found ","'],
    ['key: "k",, group: "g"', 'expected a field name but found ","'],
    ['[ext.field]: "x"', 'expected a field name but found "["'],
    ['\u00e9: "x"', "expected a field name but found byte 0xc3"],
    ['\u0000key: "x"', "expected a field name but found byte 0x00"],
  ])("refuses %j", (text, fragment) => {
    expect(messageOf(text)).toContain(fragment);
  });

  it("never echoes a long field name or enum value in full", () => {
    const long = "x".repeat(500);
    expect(messageOf(`${long}: "v"`)).not.toContain("x".repeat(41));
    expect(messageOf(`mount_requirement: ${long}`)).not.toContain("x".repeat(41));
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(typeof parseSecretText(text).ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof parseSecretText(bytes).ok).toBe("boolean");
      }),
    );
    // Text made of the format's own pieces reaches deeper than random characters do.
    const piece = fc.constantFrom(
      "key",
      "group",
      "group_version",
      "env_var",
      "mount_requirement",
      ":",
      ",",
      ";",
      " ",
      "\n",
      "#",
      '"',
      "'",
      "\\",
      "\\x",
      "\\u",
      "\\U",
      "\\ud83d",
      "7",
      "FILE",
      "a",
      "{",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(typeof parseSecretText(pieces.join("")).ok).toBe("boolean");
      }),
    );
  });
});

describe("formatSecretText", () => {
  it.each([
    [{ key: "k" }, 'key: "k"\n'],
    [{ key: "k", mountRequirement: "ANY", group: "", envVar: "" }, 'key: "k"\n'],
    [
      { key: "k", group: "g", groupVersion: "v", mountRequirement: "FILE", envVar: "E" },
      'group: "g"\ngroup_version: "v"\nkey: "k"\nmount_requirement: FILE\nenv_var: "E"\n',
    ],
    [{ key: "a\"b\\c'd" }, 'key: "a\\"b\\\\c\'d"\n'],
    [{ key: "\n\r\t" }, 'key: "\\n\\r\\t"\n'],
    [{ key: "\0\x07\x7f" }, 'key: "\\000\\007\\177"\n'],
    [{ key: "é" }, 'key: "\\303\\251"\n'],
  ] as const)("writes %j like Go's text marshaller", (secret, text) => {
    expect(formatSecretText(secret)).toBe(text);
  });
});

describe("encode -> decode", () => {
  const secrets = fc.record({
    group: fc.string({ unit: "binary", maxLength: 30 }),
    groupVersion: fc.string({ unit: "binary", maxLength: 30 }),
    key: fc.string({ unit: "binary", maxLength: 30 }),
    mountRequirement: fc.constantFrom(...MOUNT_REQUIREMENTS),
    envVar: fc.string({ unit: "binary", maxLength: 30 }),
  });

  it("round-trips arbitrary secrets", () => {
    fc.assert(
      fc.property(secrets, (secret) => {
        expect(decodeFlyteSecret(encodeFlyteSecret(secret))).toEqual({ ok: true, secret });
      }),
    );
  });

  it("never throws on arbitrary annotation values", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (value) => {
        expect(typeof decodeFlyteSecret(value).ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z1-6]{0,120}$/), (value) => {
        expect(typeof decodeFlyteSecret(value).ok).toBe("boolean");
      }),
    );
  });
});

describe("decodeFlyteSecret's memo of recent values", () => {
  it("answers a repeated value as the first time, and the answer cannot be changed by a caller", () => {
    const value = encodeFlyteSecret({ key: "MEMO_KEY", group: "g", mountRequirement: "FILE" });
    const first = decodeFlyteSecret(value);
    const again = decodeFlyteSecret(value);
    expect(again).toEqual(first);
    expect(first.ok && first.secret.key).toBe("MEMO_KEY");
    expect(Object.isFrozen(again)).toBe(true);
    if (again.ok) expect(Object.isFrozen(again.secret)).toBe(true);
    // An invalid value is refused every time, with the same message.
    expect(decodeFlyteSecret("not base32!")).toEqual(decodeFlyteSecret("not base32!"));
    expect(decodeFlyteSecret("not base32!").ok).toBe(false);
  });
});
