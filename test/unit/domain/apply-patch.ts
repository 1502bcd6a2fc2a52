// Applies the webhook's RFC 6902 patches (add, replace, remove over RFC 6901 pointers) so tests see the patched pod
// and check idempotency. Test support: the program itself only builds patches (src/domain/json-patch.ts).
import type { JsonPatchOperation } from "../../../src/domain/json-patch.ts";
import { isMapping } from "../../../src/domain/shapes.ts";

export type PatchResult =
  | { readonly ok: true; readonly document: unknown }
  | { readonly ok: false; readonly message: string };

/** The unescaped tokens of a pointer, or undefined when it is not a valid pointer. */
export function parsePointer(path: string): string[] | undefined {
  if (path === "") return [];
  if (!path.startsWith("/")) return undefined;
  const tokens: string[] = [];
  for (const raw of path.slice(1).split("/")) {
    if (/~(?![01])/.test(raw)) return undefined;
    tokens.push(raw.replaceAll("~1", "/").replaceAll("~0", "~"));
  }
  return tokens;
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

// Own properties only, so that `__proto__` or `constructor` in a document are ordinary members.
function setMember(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function child(parent: unknown, token: string): unknown {
  if (Array.isArray(parent)) return ARRAY_INDEX.test(token) ? parent[Number(token)] : undefined;
  if (isMapping(parent)) return Object.hasOwn(parent, token) ? parent[token] : undefined;
  return undefined;
}

function applyOne(document: unknown, operation: JsonPatchOperation): PatchResult {
  const fail = (why: string): PatchResult => ({
    ok: false,
    message: `${operation.op} ${JSON.stringify(operation.path)}: ${why}`,
  });
  const tokens = parsePointer(operation.path);
  if (tokens === undefined) return fail("not a JSON pointer");
  if (operation.op !== "remove" && !("value" in operation)) return fail("the operation has no value");
  const value = operation.op === "remove" ? undefined : structuredClone(operation.value);
  const last = tokens.pop();
  if (last === undefined) {
    return operation.op === "remove"
      ? fail("cannot remove the whole document")
      : { ok: true, document: value };
  }
  let parent = document;
  for (const [depth, token] of tokens.entries()) {
    parent = child(parent, token);
    if (parent === undefined || (!Array.isArray(parent) && !isMapping(parent))) {
      return fail(
        `${JSON.stringify(`/${tokens.slice(0, depth + 1).join("/")}`)} is not an existing object or array`,
      );
    }
  }
  if (Array.isArray(parent)) {
    if (operation.op === "add" && last === "-") {
      parent.push(value);
      return { ok: true, document };
    }
    if (!ARRAY_INDEX.test(last)) return fail(`${JSON.stringify(last)} is not an array index`);
    const index = Number(last);
    const limit = operation.op === "add" ? parent.length : parent.length - 1;
    if (index > limit) return fail(`index ${index} is out of bounds (the array has ${parent.length} items)`);
    if (operation.op === "add") parent.splice(index, 0, value);
    else if (operation.op === "replace") parent[index] = value;
    else parent.splice(index, 1);
    return { ok: true, document };
  }
  if (!isMapping(parent)) return fail("the parent is neither an object nor an array");
  if (operation.op !== "add" && !Object.hasOwn(parent, last))
    return fail(`member ${JSON.stringify(last)} does not exist`);
  // The document is a copy this function owns (applyPatch clones it): writing to it is intended.
  const target = parent as Record<string, unknown>;
  if (operation.op === "remove") delete target[last];
  else setMember(target, last, value);
  return { ok: true, document };
}

/** Applies `operations` in order to a copy of `document`; the first failing operation fails the whole patch. */
export function applyPatch(document: unknown, operations: readonly JsonPatchOperation[]): PatchResult {
  let current = structuredClone(document);
  for (const operation of operations) {
    const result = applyOne(current, operation);
    if (!result.ok) return result;
    current = result.document;
  }
  return { ok: true, document: current };
}
