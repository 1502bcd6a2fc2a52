// The four verbs of the CLI: each runs one secret operation (src/operations/) and words its outcome. The operations
// decide and write; here only what the user reads is chosen: results on stdout, remarks on stderr, refusals as one
// CliError line.
import { type Scope, scopeOf } from "../domain/scope.ts";
import { effectiveSecrets } from "../operations/effective.ts";
import {
  type CreateOutcome,
  createSecret as create,
  listSecrets,
  type RequestProblem,
  deleteSecret as remove,
  type UpdateOutcome,
  updateSecret as update,
} from "../operations/secrets.ts";
import type { SecretStore } from "../operations/store.ts";
import {
  cliTypeOf,
  commandHint,
  dimensionProblem,
  IMAGE_PULL_SCOPE_MESSAGE,
  keyProblem,
  type OutputFormat,
  type SecretQuery,
  scopeWords,
  secretTypeOf,
  type ValueSource,
  valueMessage,
  type WriteRequest,
} from "./arguments.ts";
import { CliError } from "./errors.ts";
import { renderObjects, renderTable, rowOf } from "./render.ts";

export interface CommandContext {
  readonly store: SecretStore;
  /** `flyte` or `kubectl flyte`, for suggested command lines. */
  readonly programName: string;
  readonly readValue: (source: ValueSource, key: string) => Promise<Uint8Array>;
  /** Results, on stdout. */
  readonly out: (text: string) => void;
  /** Remarks that are not results, on stderr. */
  readonly note: (text: string) => void;
}

function where(ctx: CommandContext, scope: Scope): string {
  return `${scopeWords(scope)} (namespace ${ctx.store.namespace})`;
}

function notFound(ctx: CommandContext, key: string, scope: Scope, elsewhere: readonly Scope[]): string {
  const hint =
    elsewhere.length === 0
      ? ""
      : `; it exists in ${elsewhere.map(scopeWords).join("; ")}: pass that --project/--domain`;
  return `secret ${key} not found in ${where(ctx, scope)}${hint}`;
}

/** A request problem in the CLI's words (the arguments check the key and scope with the same rules first). */
function problemMessage(key: string, problem: RequestProblem): string {
  switch (problem.kind) {
    case "key":
      return keyProblem(problem.key) ?? `the secret name ${problem.reason}`;
    case "scope":
      return dimensionProblem(problem.dimension, problem.value) ?? `--${problem.dimension} ${problem.reason}`;
    case "imagePullScoped":
      return IMAGE_PULL_SCOPE_MESSAGE;
    case "value":
      return valueMessage(key, problem.problem);
  }
}

function leftoverNote(leftover: string | undefined): string {
  return leftover === undefined
    ? ""
    : `; removing the FlyteSecret ${leftover} failed too: delete it with kubectl`;
}

function createMessage(ctx: CommandContext, request: WriteRequest, outcome: CreateOutcome): string {
  const { key, scope } = request;
  switch (outcome.kind) {
    case "created":
      return "";
    case "alreadyExists":
      return (
        `secret ${key} already exists in ${where(ctx, scope)}; to change its value use: ` +
        commandHint(ctx.programName, "update", key, scope)
      );
    case "invalid":
      return problemMessage(key, outcome.problem);
    case "sourceNotOwned":
      return (
        `a Secret named ${outcome.secret} already exists in namespace ${ctx.store.namespace} and flyte did not ` +
        `create it; remove or rename that Secret, then try again${leftoverNote(outcome.leftover)}`
      );
    case "busy":
      return `Secret ${outcome.secret} kept changing while flyte was writing it; try again${leftoverNote(outcome.leftover)}`;
  }
}

export async function createSecret(ctx: CommandContext, request: WriteRequest): Promise<void> {
  const outcome = await create(ctx.store, {
    key: request.key,
    scope: request.scope,
    type: secretTypeOf(request.type ?? "regular"),
    value: () => ctx.readValue(request.source, request.key),
  });
  if (outcome.kind !== "created") throw new CliError(createMessage(ctx, request, outcome));
  ctx.out(`secret ${request.key} created in ${scopeWords(request.scope)}\n`);
}

function updateMessage(ctx: CommandContext, request: WriteRequest, outcome: UpdateOutcome): string {
  const { key, scope } = request;
  switch (outcome.kind) {
    case "updated":
      return "";
    case "notFound":
      return `${notFound(ctx, key, scope, outcome.elsewhere)}; to create it use: ${commandHint(ctx.programName, "create", key, scope)}`;
    case "typeMismatch":
      return `secret ${key} is of type ${cliTypeOf(outcome.type)} and its type cannot change; delete it and create it again with --type ${request.type}`;
    case "sourceMissing":
      return `secret ${key} takes its value from Secret ${outcome.secret}, which does not exist; flyte only writes Secrets it creates`;
    case "sourceNotOwned":
      return (
        `secret ${key} takes its value from Secret ${outcome.secret}, which flyte did not create; update that Secret ` +
        "with the tool that manages it"
      );
    case "busy":
      return `Secret ${outcome.secret} kept changing while flyte was updating it; try again`;
    case "invalid":
      return problemMessage(key, outcome.problem);
  }
}

export async function updateSecret(ctx: CommandContext, request: WriteRequest): Promise<void> {
  const outcome = await update(ctx.store, {
    key: request.key,
    scope: request.scope,
    type: request.type === undefined ? undefined : secretTypeOf(request.type),
    value: () => ctx.readValue(request.source, request.key),
  });
  if (outcome.kind !== "updated") throw new CliError(updateMessage(ctx, request, outcome));
  ctx.out(`secret ${request.key} updated in ${scopeWords(request.scope)}\n`);
}

export async function getSecrets(
  ctx: CommandContext,
  query: SecretQuery,
  output: OutputFormat,
): Promise<void> {
  const outcome = await listSecrets(ctx.store, query);
  if (outcome.kind === "invalid") throw new CliError(problemMessage(query.key ?? "", outcome.problem));
  const selected = outcome.secrets.map((s) => s.object);
  if (selected.length === 0 && query.key !== undefined) {
    const filter =
      query.project === undefined && query.domain === undefined
        ? ""
        : ` with ${scopeWords(scopeOf(query.project, query.domain))}`;
    throw new CliError(`secret ${query.key} not found${filter} (namespace ${ctx.store.namespace})`);
  }
  if (output !== "table") {
    ctx.out(renderObjects(selected, output));
    return;
  }
  if (selected.length === 0) {
    ctx.note(`No secrets found in namespace ${ctx.store.namespace}.\n`);
    return;
  }
  ctx.out(renderTable(selected.map(rowOf)));
}

/**
 * `get secret --project P --domain D --effective`: per key, the secret a task of P/D receives (the winning scope in
 * the PROJECT and DOMAIN columns); a key with no servable secret shows the most specific candidate and its status.
 */
export async function getEffectiveSecrets(
  ctx: CommandContext,
  query: { readonly key?: string | undefined; readonly project: string; readonly domain: string },
  output: OutputFormat,
): Promise<void> {
  const view = (await effectiveSecrets(ctx.store, query.project, query.domain)).filter(
    (e) => query.key === undefined || e.key === query.key,
  );
  const who = `a task of project ${query.project}, domain ${query.domain}`;
  if (view.length === 0 && query.key !== undefined) {
    throw new CliError(`secret ${query.key} is not available to ${who} (namespace ${ctx.store.namespace})`);
  }
  if (output !== "table") {
    ctx.out(
      renderObjects(
        view.flatMap((e) => (e.winner === undefined ? [] : [e.winner.object])),
        output,
      ),
    );
    return;
  }
  if (view.length === 0) {
    ctx.note(`No secrets are available to ${who} in namespace ${ctx.store.namespace}.\n`);
    return;
  }
  const shown = view.flatMap((e) => {
    const row = e.winner ?? e.candidates[0];
    return row === undefined ? [] : [row.object];
  });
  ctx.out(renderTable(shown.map(rowOf)));
}

export async function deleteSecret(ctx: CommandContext, key: string, scope: Scope): Promise<void> {
  const outcome = await remove(ctx.store, key, scope);
  switch (outcome.kind) {
    case "deleted":
      ctx.out(`secret ${key} deleted from ${scopeWords(scope)}\n`);
      return;
    case "notFound":
      throw new CliError(notFound(ctx, key, scope, outcome.elsewhere));
    case "invalid":
      throw new CliError(problemMessage(key, outcome.problem));
  }
}
