// The syntax of a secret's key, once for everyone: the CLI and the Flyte API before writing, the controller's
// InvalidSpec, the webhook reading pod annotations, and the CRD's own pattern and CEL rule (crds/, tested to agree).

export const SECRET_KEY_MAX_LENGTH = 253;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Why `key` cannot name a FlyteSecret, or undefined when it can: `[-._a-zA-Z0-9]+`, at most 253 characters, and, as
 * Kubernetes requires of Secret data keys, not `.`, `..` or starting with `..` (it also becomes a file name).
 */
export function secretKeyProblem(key: string): string | undefined {
  if (key === "") return "is empty";
  if (key.length > SECRET_KEY_MAX_LENGTH) return `is longer than ${SECRET_KEY_MAX_LENGTH} characters`;
  if (!SECRET_KEY.test(key)) return "may only contain letters, digits, '-', '_' and '.'";
  if (key === "." || key.startsWith("..")) return "must not be '.' or start with '..'";
  return undefined;
}
