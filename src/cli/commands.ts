// The four verbs over a SecretStore: create, update, get and delete a secret of a key in a scope. Decisions come
// from the pure modules beside this one; here they meet the API server, in an order that never leaves a half-made
// pair behind and never touches a Secret the CLI did not create.
import type { FlyteSecretObject } from "../domain/api.ts";
import type { Scope } from "../domain/scope.ts";
import {
  cliTypeOf,
  commandHint,
  type OutputFormat,
  type SecretQuery,
  scopeWords,
  secretTypeOf,
  type ValueSource,
  valueProblem,
  type WriteRequest,
} from "./arguments.ts";
import { CliError, describeUnexpected } from "./errors.ts";
import { renderObjects, renderTable, rowOf, selectSecrets } from "./render.ts";
import {
  atScope,
  flyteSecretManifest,
  hasCliLayout,
  isLeftoverFor,
  isOwnedBy,
  type Owner,
  ownerReferenceTo,
  scopesOfKey,
  secretData,
  sourceSecretManifest,
} from "./resources.ts";
import type { SecretStore } from "./store.ts";

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

const ATTEMPTS = 3;

function ownerOf(object: FlyteSecretObject): Owner {
  return { name: object.metadata.name, uid: object.metadata.uid ?? "" };
}

function where(ctx: CommandContext, scope: Scope): string {
  return `${scopeWords(scope)} (namespace ${ctx.store.namespace})`;
}

function notFound(
  ctx: CommandContext,
  objects: readonly FlyteSecretObject[],
  key: string,
  scope: Scope,
): string {
  const elsewhere = scopesOfKey(objects, key);
  const hint =
    elsewhere.length === 0
      ? ""
      : `; it exists in ${elsewhere.map(scopeWords).join("; ")}: pass that --project/--domain`;
  return `secret ${key} not found in ${where(ctx, scope)}${hint}`;
}

/** Writes the source Secret of a FlyteSecret the CLI just created, taking over a leftover of an earlier one. */
async function writeNewSource(ctx: CommandContext, owner: Owner, value: Uint8Array): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if ((await ctx.store.createSecret(sourceSecretManifest(owner, value))) === "created") return;
    const current = await ctx.store.readSecret(owner.name);
    if (current === undefined) continue; // removed meanwhile (the garbage collector): create it again
    if (!isLeftoverFor(current, owner.name, owner.uid)) {
      throw new CliError(
        `a Secret named ${owner.name} already exists in namespace ${ctx.store.namespace} and flyte did not ` +
          "create it; remove or rename that Secret, then try again",
      );
    }
    const takenOver = {
      ...current,
      metadata: { ...current.metadata, ownerReferences: [ownerReferenceTo(owner)] },
      data: secretData(value),
    };
    if ((await ctx.store.replaceSecret(takenOver)) === "replaced") return;
  }
  throw new CliError(`Secret ${owner.name} kept changing while flyte was writing it; try again`);
}

export async function createSecret(ctx: CommandContext, request: WriteRequest): Promise<void> {
  const { key, scope } = request;
  const type = request.type ?? "regular";
  const exists = (): CliError =>
    new CliError(
      `secret ${key} already exists in ${where(ctx, scope)}; to change its value use: ` +
        commandHint(ctx.programName, "update", key, scope),
    );
  // Checked before reading the value, so nobody types a value into a prompt for nothing.
  if (atScope(await ctx.store.listFlyteSecrets(), key, scope).length > 0) throw exists();
  const value = await ctx.readValue(request.source, key);
  const problem = valueProblem(key, type, value);
  if (problem !== undefined) throw new CliError(problem);

  // The FlyteSecret first, then its Secret already owned by it: a failure in between removes the FlyteSecret, so
  // neither a FlyteSecret without its value nor an ownerless Secret is left behind.
  const created = await ctx.store.createFlyteSecret(flyteSecretManifest(key, scope, secretTypeOf(type)));
  if (created.kind === "exists") throw exists();
  const owner = ownerOf(created.object);
  try {
    await writeNewSource(ctx, owner, value);
  } catch (error) {
    const cleanup = await ctx.store.deleteFlyteSecret(owner).then(
      () => "",
      () => `; removing the FlyteSecret ${owner.name} failed too: delete it with kubectl`,
    );
    throw new CliError(`${describeUnexpected(error)}${cleanup}`);
  }
  ctx.out(`secret ${key} created in ${scopeWords(scope)}\n`);
}

export async function updateSecret(ctx: CommandContext, request: WriteRequest): Promise<void> {
  const { key, scope } = request;
  const objects = await ctx.store.listFlyteSecrets();
  const object = atScope(objects, key, scope)[0];
  if (object === undefined) {
    throw new CliError(
      `${notFound(ctx, objects, key, scope)}; to create it use: ${commandHint(ctx.programName, "create", key, scope)}`,
    );
  }
  const type = cliTypeOf(object.spec.type);
  if (request.type !== undefined && request.type !== type) {
    throw new CliError(
      `secret ${key} is of type ${type} and its type cannot change; delete it and create it again with --type ${request.type}`,
    );
  }
  const value = await ctx.readValue(request.source, key);
  const problem = valueProblem(key, type, value);
  if (problem !== undefined) throw new CliError(problem);

  const owner = ownerOf(object);
  const ref = object.spec.valueFrom.secretKeyRef;
  let written = false;
  for (let attempt = 0; attempt < ATTEMPTS && !written; attempt++) {
    const current = await ctx.store.readSecret(ref.name);
    if (current === undefined) {
      // Its own Secret went missing: write it again. A Secret named otherwise belongs to whoever set it up.
      if (!hasCliLayout(object)) {
        throw new CliError(
          `secret ${key} takes its value from Secret ${ref.name}, which does not exist; flyte only writes Secrets it creates`,
        );
      }
      written = (await ctx.store.createSecret(sourceSecretManifest(owner, value))) === "created";
      continue;
    }
    if (!isOwnedBy(current, owner)) {
      throw new CliError(
        `secret ${key} takes its value from Secret ${ref.name}, which flyte did not create; update that Secret ` +
          "with the tool that manages it",
      );
    }
    written =
      (await ctx.store.replaceSecret({ ...current, data: secretData(value, ref.key) })) === "replaced";
  }
  if (!written) throw new CliError(`Secret ${ref.name} kept changing while flyte was updating it; try again`);
  ctx.out(`secret ${key} updated in ${scopeWords(scope)}\n`);
}

export async function getSecrets(
  ctx: CommandContext,
  query: SecretQuery,
  output: OutputFormat,
): Promise<void> {
  const selected = selectSecrets(await ctx.store.listFlyteSecrets(), query);
  if (selected.length === 0 && query.key !== undefined) {
    const filter =
      query.project === undefined && query.domain === undefined ? "" : ` with ${scopeWords(query)}`;
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

export async function deleteSecret(ctx: CommandContext, key: string, scope: Scope): Promise<void> {
  const objects = await ctx.store.listFlyteSecrets();
  const found = atScope(objects, key, scope);
  if (found.length === 0) throw new CliError(notFound(ctx, objects, key, scope));
  // Every FlyteSecret of the key at this scope: afterwards, none is left to win the scope.
  for (const object of found) {
    const owner = ownerOf(object);
    if ((await ctx.store.deleteFlyteSecret(owner)) === "replaced") continue;
    // The garbage collector removes the source through its owner reference; removing it now as well makes a
    // create right after this succeed. Only a Secret owned by this very FlyteSecret is touched.
    const ref = object.spec.valueFrom?.secretKeyRef;
    if (ref === undefined) continue;
    try {
      const source = await ctx.store.readSecret(ref.name);
      if (source !== undefined && isOwnedBy(source, owner)) {
        await ctx.store.deleteSecret({ name: ref.name, uid: source.metadata?.uid ?? "" });
      }
    } catch {
      // Not allowed to read or delete Secrets: the garbage collector still removes it.
    }
  }
  ctx.out(`secret ${key} deleted from ${scopeWords(scope)}\n`);
}
