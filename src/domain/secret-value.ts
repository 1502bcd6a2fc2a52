// Can a value be delivered as a secret? One rule for the CLI, the Flyte API and the controller: not empty, at most
// the operator's value limit, and for ImagePull a usable Docker config JSON. Problems are values; callers word them.
import type { SecretType } from "./api.ts";
import { defaultLimits } from "./defaults.ts";
import { dockerConfigProblem } from "./docker-config.ts";

export type ValueProblem =
  | { readonly kind: "empty" }
  | { readonly kind: "tooLarge"; readonly bytes: number; readonly limit: number }
  /** `detail` follows "the value ...", e.g. `has no registries under "auths"; expected ...`; it never quotes the value. */
  | { readonly kind: "notDockerConfig"; readonly detail: string };

/** Why `value` cannot be the value of a secret of `type`, or undefined when it can. */
export function valueProblem(
  type: SecretType,
  value: Uint8Array,
  limit: number = defaultLimits.maxValueBytes,
): ValueProblem | undefined {
  if (value.byteLength === 0) return { kind: "empty" };
  if (value.byteLength > limit) return { kind: "tooLarge", bytes: value.byteLength, limit };
  if (type === "ImagePull") {
    const detail = dockerConfigProblem(value);
    if (detail !== undefined) return { kind: "notDockerConfig", detail };
  }
  return undefined;
}
