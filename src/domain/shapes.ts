// The shape of untrusted JSON/YAML values, as every parser in the program reads them: a mapping is a plain object
// (not null, not a list), and messages name a value's type in words ("a list", "a mapping", "null").

export type Mapping = Readonly<Record<string, unknown>>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value's type in words for messages: `null`, `a list`, `a mapping`, `a string`, `a number`, ... */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}
