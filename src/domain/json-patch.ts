// RFC 6902 JSON Patch, just the part the webhook speaks (add, replace, remove), over RFC 6901 pointers: the operation
// type of every patch the program sends, and `pointer`, which builds their paths.

export type JsonPatchOperation = {
  readonly op: "add" | "replace" | "remove";
  readonly path: string;
  readonly value?: unknown;
};

/** Escapes one reference token: `~` as `~0`, `/` as `~1` (RFC 6901 §3). */
export function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** A JSON pointer from unescaped tokens: `pointer("metadata", "annotations", "a/b")` is `/metadata/annotations/a~1b`. */
export function pointer(...tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapeToken(String(token))}`).join("");
}
