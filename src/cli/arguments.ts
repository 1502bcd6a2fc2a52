// What the user asked for, checked before anything talks to the API server: the key, the scope, the type as Flyte
// names it, and where the value comes from. Pure: every refusal is a message the user can act on.
import type { SecretType } from "../domain/api.ts";
import { isOrganization, isScopeValue, SCOPE_VALUE_RULE, type Scope, scopeOf } from "../domain/scope.ts";
import { SECRET_KEY_MAX_LENGTH, secretKeyProblem } from "../domain/secret-key.ts";
import { valueProblem as domainValueProblem, type ValueProblem } from "../domain/secret-value.ts";

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** The secret types as Flyte's CLI names them (`--type regular|image_pull`). */
export const CLI_SECRET_TYPES = ["regular", "image_pull"] as const;
export type CliSecretType = (typeof CLI_SECRET_TYPES)[number];

export const OUTPUT_FORMATS = ["table", "json", "yaml"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function secretTypeOf(type: CliSecretType): SecretType {
  return type === "image_pull" ? "ImagePull" : "Generic";
}

export function cliTypeOf(type: SecretType | undefined): CliSecretType {
  return type === "ImagePull" ? "image_pull" : "regular";
}

/** Shows user input in a message safely: quoted, control characters escaped, long input cut short. */
export function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(shown);
}

/** The FlyteSecret schema's key rule (domain/secret-key.ts), worded for the CLI before anything is sent. */
export function keyProblem(key: string): string | undefined {
  if (key === "") return "the secret name is empty";
  if (secretKeyProblem(key) !== undefined) {
    return (
      `${quote(key)} is not a valid secret name: use at most ${SECRET_KEY_MAX_LENGTH} letters, digits, '-', '_' ` +
      "or '.', not '.' and not starting with '..'"
    );
  }
  return undefined;
}

export function dimensionProblem(flag: "project" | "domain", value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!isScopeValue(value)) return `--${flag} ${quote(value)} is not a valid ${flag}: ${SCOPE_VALUE_RULE}`;
  return undefined;
}

/** The scope named by `--project`/`--domain`; an omitted (or empty) one means "any". */
export function scopeOfOptions(project: string | undefined, domain: string | undefined): Result<Scope> {
  const problem = dimensionProblem("project", project) ?? dimensionProblem("domain", domain);
  return problem === undefined
    ? { ok: true, value: scopeOf(project, domain) }
    : { ok: false, message: problem };
}

/** Where a value comes from: the VALUE argument, a file, a hidden prompt (stdin is a terminal) or all of stdin. */
export type ValueSource =
  | { readonly kind: "argument"; readonly value: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "prompt" }
  | { readonly kind: "stdin" };

export function valueSourceOf(
  value: string | undefined,
  fromFile: string | undefined,
  stdinIsTerminal: boolean,
): Result<ValueSource> {
  if (value !== undefined && fromFile !== undefined) {
    return {
      ok: false,
      message: "give the value either as the VALUE argument or with --from-file, not both",
    };
  }
  if (fromFile !== undefined) {
    return fromFile === ""
      ? { ok: false, message: "--from-file needs a file path" }
      : { ok: true, value: { kind: "file", path: fromFile } };
  }
  if (value !== undefined) return { ok: true, value: { kind: "argument", value } };
  return { ok: true, value: stdinIsTerminal ? { kind: "prompt" } : { kind: "stdin" } };
}

/** Flyte keeps image pull secrets organization-wide; so does flyte-secrets, to behave the same. */
export const IMAGE_PULL_SCOPE_MESSAGE =
  "image_pull secrets are organization-wide, as in Flyte: drop --project and --domain";

export function imagePullScopeProblem(type: CliSecretType | undefined, scope: Scope): string | undefined {
  return type === "image_pull" && !isOrganization(scope) ? IMAGE_PULL_SCOPE_MESSAGE : undefined;
}

/** What `create secret` and `update secret` were asked to write, checked. */
export interface WriteRequest {
  readonly key: string;
  readonly scope: Scope;
  /** Undefined for `update` without `--type`: the existing secret's type is kept. */
  readonly type: CliSecretType | undefined;
  readonly source: ValueSource;
}

export interface WriteArguments {
  readonly name: string;
  readonly value?: string | undefined;
  readonly project?: string | undefined;
  readonly domain?: string | undefined;
  readonly fromFile?: string | undefined;
  readonly type?: CliSecretType | undefined;
}

export function writeRequestOf(args: WriteArguments, stdinIsTerminal: boolean): Result<WriteRequest> {
  const keyIssue = keyProblem(args.name);
  if (keyIssue !== undefined) return { ok: false, message: keyIssue };
  const scope = scopeOfOptions(args.project, args.domain);
  if (!scope.ok) return scope;
  const scopeIssue = imagePullScopeProblem(args.type, scope.value);
  if (scopeIssue !== undefined) return { ok: false, message: scopeIssue };
  const source = valueSourceOf(args.value, args.fromFile, stdinIsTerminal);
  if (!source.ok) return source;
  return { ok: true, value: { key: args.name, scope: scope.value, type: args.type, source: source.value } };
}

/** A value problem (domain/secret-value.ts) in the CLI's words. */
export function valueMessage(key: string, problem: ValueProblem): string {
  switch (problem.kind) {
    case "empty":
      return `the value of ${key} is empty`;
    case "tooLarge":
      return `the value of ${key} is ${problem.bytes} bytes; flyte-secrets delivers values of at most ${problem.limit} bytes (${problem.limit / 1024} KiB)`;
    case "notDockerConfig":
      return `the value of image_pull secret ${key} ${problem.detail}`;
  }
}

/** Refuses a value that cannot work: empty, over the operator's limit, or (image_pull) not a Docker config. */
export function valueProblem(key: string, type: CliSecretType, value: Uint8Array): string | undefined {
  const problem = domainValueProblem(secretTypeOf(type), value);
  return problem === undefined ? undefined : valueMessage(key, problem);
}

/** The query of `get secret [NAME] [-p P] [-d D]`: each given part must match exactly. */
export interface SecretQuery {
  readonly key?: string | undefined;
  readonly project?: string | undefined;
  readonly domain?: string | undefined;
}

export function queryOf(
  name: string | undefined,
  project: string | undefined,
  domain: string | undefined,
): Result<SecretQuery> {
  const keyIssue = name === undefined ? undefined : keyProblem(name);
  if (keyIssue !== undefined) return { ok: false, message: keyIssue };
  const scope = scopeOfOptions(project, domain);
  if (!scope.ok) return scope;
  return { ok: true, value: { key: name, project: scope.value.project, domain: scope.value.domain } };
}

/** The scope in words: `the organization scope`, `project my_project`, `project my_project, domain development`. */
export function scopeWords(scope: Scope): string {
  const parts: string[] = [];
  if (scope.project !== undefined) parts.push(`project ${scope.project}`);
  if (scope.domain !== undefined) parts.push(`domain ${scope.domain}`);
  return parts.length === 0 ? "the organization scope" : parts.join(", ");
}

/** A command line to suggest, e.g. `flyte update secret MY_SECRET_KEY --project my_project`. */
export function commandHint(
  program: string,
  verb: "create" | "update" | "get" | "delete",
  key: string,
  scope: Scope,
): string {
  const project = scope.project === undefined ? "" : ` --project ${scope.project}`;
  const domain = scope.domain === undefined ? "" : ` --domain ${scope.domain}`;
  // A key that starts with '-' would read as an option: it goes last, after `--`.
  if (key.startsWith("-")) return `${program} ${verb} secret${project}${domain} -- ${key}`;
  return `${program} ${verb} secret ${key}${project}${domain}`;
}
