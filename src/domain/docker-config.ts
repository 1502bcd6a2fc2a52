// Is a value a Docker config JSON (`{"auths": {"registry": {...}}}`), as an image_pull secret must be? Messages
// describe the shape only: a parser's own error message would quote the value, so none is ever passed on.
import { isMapping } from "./shapes.ts";

const example = '{"auths": {"registry.example.com": {"auth": "..."}}}';

/** Undefined when `value` is a usable Docker config JSON; otherwise what is wrong, to follow "the value ...". */
export function dockerConfigProblem(value: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(value);
  } catch {
    return `is not a Docker config JSON (it is not UTF-8 text); expected ${example}`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `is not a Docker config JSON (it is not valid JSON); expected ${example}`;
  }
  if (!isMapping(parsed)) return `is not a Docker config JSON (not a JSON object); expected ${example}`;
  const auths = parsed.auths;
  if (auths === undefined) {
    const helper = parsed.credsStore !== undefined || parsed.credHelpers !== undefined;
    return helper
      ? 'has no "auths": its credentials live in a credential helper (credsStore/credHelpers), not in the file; ' +
          "write a config with the credentials inline, e.g. with `kubectl create secret docker-registry --dry-run=client`"
      : `has no "auths" object; expected ${example}`;
  }
  if (!isMapping(auths)) return `has an "auths" that is not an object; expected ${example}`;
  const registries = Object.values(auths);
  if (registries.length === 0) return `has no registries under "auths"; expected ${example}`;
  if (!registries.every(isMapping)) return `has an "auths" entry that is not an object; expected ${example}`;
  return undefined;
}
