// Flyte propeller's encoding of one requested secret (DESIGN §5.2): the protobuf text format of flyteidl.core.Secret,
// base32-encoded with propeller's own alphabet and no padding, as found in a pod's `flyte.secrets/s<N>` annotation.

/** Propeller's base32 alphabet: RFC 4648's letters, lower-cased, followed by the digits 1 to 6 (not 2 to 7). */
export const FLYTE_BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz123456";

/** `flyteidl.core.Secret.MountType`, indexed by its enum number. */
export const MOUNT_REQUIREMENTS = ["ANY", "ENV_VAR", "FILE"] as const;
export type MountRequirement = (typeof MOUNT_REQUIREMENTS)[number];

/** A decoded `flyteidl.core.Secret`. As in proto3, an absent string field is `""` and an absent enum is `ANY`. */
export interface FlyteSecret {
  readonly group: string;
  readonly groupVersion: string;
  readonly key: string;
  readonly mountRequirement: MountRequirement;
  readonly envVar: string;
}

/** What the encoder needs: the key, and any field that differs from its default. */
export type FlyteSecretInput = { readonly key: string } & Partial<Omit<FlyteSecret, "key">>;

export type Base32Result =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly message: string };
export type FlyteSecretResult =
  | { readonly ok: true; readonly secret: FlyteSecret }
  | { readonly ok: false; readonly message: string };

// The fields of flyteidl.core.Secret in field-number order, which is the order the Go text marshaller writes them.
const STRING_FIELDS = {
  group: "group",
  group_version: "groupVersion",
  key: "key",
  env_var: "envVar",
} as const;
type StringFieldName = keyof typeof STRING_FIELDS;
const FIELD_NAMES = ["group", "group_version", "key", "mount_requirement", "env_var"] as const;

const MAX_SHOWN = 40;

/** A piece of user input as it may appear in a message: quoted, escaped, and cut short. */
export function shown(value: string, max = MAX_SHOWN): string {
  const cut = [...value];
  return cut.length > max ? `${JSON.stringify(cut.slice(0, max).join(""))}...` : JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Base32

const base32Values: ReadonlyMap<string, number> = new Map(
  [...FLYTE_BASE32_ALPHABET].flatMap((char, value) => [
    [char, value],
    [char.toUpperCase(), value],
  ]),
);

/** Encodes bytes the way propeller does: its alphabet, no padding. */
export function encodeFlyteBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += FLYTE_BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += FLYTE_BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes propeller's base32. Tolerant where no meaning is lost: upper-case letters, line breaks (Go's decoder skips
 * them too) and trailing `=` padding are accepted. Positions in messages count characters from 1.
 */
export function decodeFlyteBase32(text: string): Base32Result {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let symbols = 0;
  let padding = false;
  let position = 0;
  for (const char of text) {
    position += 1;
    if (char === "\n" || char === "\r") continue;
    if (char === "=") {
      padding = true;
      continue;
    }
    const value = base32Values.get(char);
    if (value === undefined || padding) {
      const what = padding ? `${shown(char)} after the "=" padding` : shown(char);
      return {
        ok: false,
        message: `bad base32 character ${what} at position ${position}: only ${FLYTE_BASE32_ALPHABET} may appear`,
      };
    }
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    symbols += 1;
    if (bits >= 8) {
      out.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // 8 symbols carry 5 bytes; a group cut after 1, 3 or 6 symbols cannot come from whole bytes.
  const rest = symbols % 8;
  if (rest === 1 || rest === 3 || rest === 6) {
    return {
      ok: false,
      message: `truncated base32: ${symbols} characters cannot encode a whole number of bytes (the value was probably cut off)`,
    };
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

// ---------------------------------------------------------------------------------------------------------------
// Protobuf text format

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const ascii = new TextDecoder("utf-8");

class TextFormatError extends Error {}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);
const SIMPLE_ESCAPES: ReadonlyMap<number, number> = new Map([
  [0x61, 0x07], // \a
  [0x62, 0x08], // \b
  [0x66, 0x0c], // \f
  [0x6e, 0x0a], // \n
  [0x72, 0x0d], // \r
  [0x74, 0x09], // \t
  [0x76, 0x0b], // \v
  [0x5c, 0x5c], // \\
  [0x27, 0x27], // \'
  [0x22, 0x22], // \"
  [0x3f, 0x3f], // \?
]);

function isIdentifierStart(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}
function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}
function isOctal(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x37;
}
function hexValue(byte: number | undefined): number | undefined {
  if (byte === undefined) return undefined;
  if (isDigit(byte)) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  return undefined;
}

/** A byte for a message: printable ASCII as itself, anything else as its hex value. */
function describeByte(byte: number | undefined): string {
  if (byte === undefined) return "the end of the text";
  if (byte > 0x20 && byte < 0x7f) return shown(String.fromCharCode(byte));
  return `byte 0x${byte.toString(16).padStart(2, "0")}`;
}

// Reads the text format over bytes, not characters, because octal and hex escapes produce bytes: a string field is
// UTF-8 only once its escapes are resolved. Positions in messages count bytes from 1.
class TextScanner {
  readonly bytes: Uint8Array;
  pos = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  fail(message: string, at = this.pos): never {
    throw new TextFormatError(`${message} at byte ${at + 1} of the decoded text`);
  }

  peek(): number | undefined {
    return this.bytes[this.pos];
  }

  skipSpaceAndComments(): void {
    for (;;) {
      const byte = this.peek();
      if (byte === undefined) return;
      if (SPACE.has(byte)) {
        this.pos += 1;
      } else if (byte === 0x23) {
        while (this.pos < this.bytes.length && this.bytes[this.pos] !== 0x0a) this.pos += 1;
      } else {
        return;
      }
    }
  }

  identifier(): string | undefined {
    const start = this.pos;
    const first = this.peek();
    if (first === undefined || !isIdentifierStart(first)) return undefined;
    this.pos += 1;
    for (;;) {
      const byte = this.peek();
      if (byte === undefined || !(isIdentifierStart(byte) || isDigit(byte))) break;
      this.pos += 1;
    }
    return ascii.decode(this.bytes.subarray(start, this.pos));
  }

  /** One or more adjacent string literals, concatenated, as raw bytes. */
  strings(field: string): Uint8Array {
    const out: number[] = [];
    let count = 0;
    for (;;) {
      const quote = this.peek();
      if (quote !== 0x22 && quote !== 0x27) break;
      this.literal(quote, out);
      count += 1;
      this.skipSpaceAndComments();
    }
    if (count === 0) {
      this.fail(
        `${field} needs a quoted string value ("..." or '...') but found ${describeByte(this.peek())}`,
      );
    }
    return Uint8Array.from(out);
  }

  literal(quote: number, out: number[]): void {
    const start = this.pos;
    this.pos += 1;
    for (;;) {
      const byte = this.peek();
      if (byte === undefined || byte === 0x0a) {
        this.fail(
          "unterminated string: a string literal must end with its opening quote on the same line",
          start,
        );
      }
      this.pos += 1;
      if (byte === quote) return;
      if (byte !== 0x5c) {
        out.push(byte);
        continue;
      }
      this.escape(out);
    }
  }

  escape(out: number[]): void {
    const at = this.pos - 1;
    const kind = this.peek();
    if (kind === undefined) this.fail("unterminated string: it ends in a lone backslash", at);
    this.pos += 1;
    const simple = SIMPLE_ESCAPES.get(kind);
    if (simple !== undefined) {
      out.push(simple);
      return;
    }
    if (isOctal(kind)) {
      let value = kind - 0x30;
      for (let digits = 1; digits < 3; digits += 1) {
        const next = this.peek();
        if (next === undefined || !isOctal(next)) break;
        value = value * 8 + (next - 0x30);
        this.pos += 1;
      }
      if (value > 0xff) this.fail("octal escape out of range: at most \\377", at);
      out.push(value);
      return;
    }
    if (kind === 0x78 || kind === 0x58) {
      let value = hexValue(this.peek());
      if (value === undefined) this.fail("\\x must be followed by one or two hex digits", at);
      this.pos += 1;
      const second = hexValue(this.peek());
      if (second !== undefined) {
        value = value * 16 + second;
        this.pos += 1;
      }
      out.push(value);
      return;
    }
    if (kind === 0x75 || kind === 0x55) {
      out.push(...utf8.encode(String.fromCodePoint(this.unicodeEscape(kind === 0x75 ? 4 : 8, at))));
      return;
    }
    this.fail(
      `unknown escape ${describeByte(kind)} after a backslash: use \\" \\' \\\\ \\n \\t \\r \\a \\b \\f \\v \\? \\NNN (octal) or \\xHH`,
      at,
    );
  }

  // \uXXXX may be half of a UTF-16 surrogate pair, completed by a second \uXXXX.
  unicodeEscape(digits: number, at: number): number {
    const value = this.hexDigits(digits, at);
    if (value > 0x10ffff) this.fail("unicode escape beyond U+10FFFF", at);
    if (value >= 0xdc00 && value <= 0xdfff) this.fail("unicode escape is a lone low surrogate", at);
    if (value < 0xd800 || value > 0xdbff) return value;
    if (this.bytes[this.pos] !== 0x5c || this.bytes[this.pos + 1] !== 0x75) {
      this.fail("unicode escape is a high surrogate not followed by \\u and its low surrogate", at);
    }
    this.pos += 2;
    const low = this.hexDigits(4, at);
    if (low < 0xdc00 || low > 0xdfff)
      this.fail("unicode escape is a high surrogate not followed by a low one", at);
    return 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
  }

  hexDigits(count: number, at: number): number {
    let value = 0;
    for (let i = 0; i < count; i += 1) {
      const digit = hexValue(this.peek());
      if (digit === undefined) this.fail(`unicode escape needs exactly ${count} hex digits`, at);
      value = value * 16 + digit;
      this.pos += 1;
    }
    return value;
  }

  enumValue(): MountRequirement {
    const start = this.pos;
    const first = this.peek();
    let token: string;
    if (first !== undefined && isIdentifierStart(first)) {
      token = this.identifier() ?? "";
    } else if (first !== undefined && (isDigit(first) || first === 0x2d || first === 0x2b)) {
      this.pos += 1;
      for (;;) {
        const byte = this.peek();
        if (byte === undefined || !(isIdentifierStart(byte) || isDigit(byte) || byte === 0x2e)) break;
        this.pos += 1;
      }
      token = ascii.decode(this.bytes.subarray(start, this.pos));
    } else {
      this.fail(`mount_requirement needs ANY, ENV_VAR or FILE but found ${describeByte(first)}`);
    }
    const byName = MOUNT_REQUIREMENTS.find((name) => name === token);
    if (byName !== undefined) return byName;
    const byNumber = /^[0-9]+$/.test(token) ? MOUNT_REQUIREMENTS[Number(token)] : undefined;
    if (byNumber !== undefined) return byNumber;
    return this.fail(
      `bad mount_requirement ${shown(token)}: use ANY, ENV_VAR or FILE (or their numbers 0, 1, 2)`,
      start,
    );
  }
}

function isStringField(name: string): name is StringFieldName {
  return Object.hasOwn(STRING_FIELDS, name);
}

/**
 * Parses the protobuf text format of `flyteidl.core.Secret`, as tolerantly as the format allows: whitespace and `#`
 * comments anywhere, fields in any order, an optional `:` after the name, an optional `,` or `;` after each field,
 * strings in either quote with C escapes, adjacent strings concatenated. A repeated field keeps its last value, as
 * protobuf does. An unknown field is refused: it would mean a Secret this program does not understand.
 */
export function parseSecretText(text: Uint8Array | string): FlyteSecretResult {
  const scanner: TextScanner = new TextScanner(typeof text === "string" ? utf8.encode(text) : text);
  const raw: Record<StringFieldName, Uint8Array> = {
    group: new Uint8Array(),
    group_version: new Uint8Array(),
    key: new Uint8Array(),
    env_var: new Uint8Array(),
  };
  let mountRequirement: MountRequirement = "ANY";
  try {
    for (;;) {
      scanner.skipSpaceAndComments();
      if (scanner.peek() === undefined) break;
      const start = scanner.pos;
      const name = scanner.identifier();
      if (name === undefined) scanner.fail(`expected a field name but found ${describeByte(scanner.peek())}`);
      scanner.skipSpaceAndComments();
      if (scanner.peek() === 0x3a) {
        scanner.pos += 1;
        scanner.skipSpaceAndComments();
      }
      if (isStringField(name)) {
        raw[name] = scanner.strings(name);
      } else if (name === "mount_requirement") {
        mountRequirement = scanner.enumValue();
      } else {
        scanner.fail(
          `unknown field ${shown(name)} (flyteidl.core.Secret has ${FIELD_NAMES.join(", ")})`,
          start,
        );
      }
      scanner.skipSpaceAndComments();
      const separator = scanner.peek();
      if (separator === 0x2c || separator === 0x3b) scanner.pos += 1;
    }
  } catch (error) {
    if (error instanceof TextFormatError) return { ok: false, message: error.message };
    throw error;
  }
  const values: Partial<Record<StringFieldName, string>> = {};
  for (const name of Object.keys(STRING_FIELDS) as StringFieldName[]) {
    try {
      values[name] = strictUtf8.decode(raw[name]);
    } catch {
      return { ok: false, message: `${name} is not valid UTF-8 once its escapes are resolved` };
    }
  }
  return {
    ok: true,
    secret: {
      group: values.group ?? "",
      groupVersion: values.group_version ?? "",
      key: values.key ?? "",
      mountRequirement,
      envVar: values.env_var ?? "",
    },
  };
}

// Go's text marshaller (which propeller uses) escapes \n \r \t " \ and writes every other byte outside printable
// ASCII, UTF-8 included, as a three-digit octal escape; `'` is left alone.
function quoteText(value: string): string {
  let out = '"';
  for (const byte of utf8.encode(value)) {
    if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte === 0x09) out += "\\t";
    else if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += "\\\\";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `${out}"`;
}

/** The text format propeller writes: set fields only, in field-number order, one `name: value` per line. */
export function formatSecretText(secret: FlyteSecretInput): string {
  let out = "";
  for (const name of FIELD_NAMES) {
    if (name === "mount_requirement") {
      const value = secret.mountRequirement ?? "ANY";
      if (value !== "ANY") out += `${name}: ${value}\n`;
      continue;
    }
    const value = secret[STRING_FIELDS[name]] ?? "";
    if (value !== "") out += `${name}: ${quoteText(value)}\n`;
  }
  return out;
}

/** The value propeller puts in a `flyte.secrets/s<N>` annotation for `secret`; for tests and fixtures. */
export function encodeFlyteSecret(secret: FlyteSecretInput): string {
  return encodeFlyteBase32(utf8.encode(formatSecretText(secret)));
}

/** Annotation values decoded lately: every pod of a task carries the same ones (a map task, thousands of them). */
const decodedLately = new Map<string, FlyteSecretResult>();
const DECODED_LATELY_MAX = 4096;

/**
 * Decodes a `flyte.secrets/s<N>` annotation value. Messages say what is wrong, not which annotation it was. The
 * result is shared between calls with the same value (a bounded memo: base32 and the text format were a quarter of
 * an admission's CPU): callers must not change it.
 */
export function decodeFlyteSecret(value: string): FlyteSecretResult {
  const known = decodedLately.get(value);
  if (known !== undefined) return known;
  const decoded = decodeFlyteBase32(value);
  const result = decoded.ok ? parseSecretText(decoded.bytes) : decoded;
  if (decodedLately.size >= DECODED_LATELY_MAX) decodedLately.clear();
  if (result.ok) Object.freeze(result.secret);
  decodedLately.set(value, Object.freeze(result));
  return result;
}
