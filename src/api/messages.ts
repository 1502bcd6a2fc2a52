// Flyte's messages in and out (flyteidl2.secret) and the outcomes of the secret operations as Connect errors with the
// right code and a message a user can act on — never Unknown, which Flyte's CLI takes for a login problem. Pure.
import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import type { SecretType as KubeSecretType } from "../domain/api.ts";
import type { SecretStatus } from "../domain/conditions.ts";
import { describeScope, type Scope, scopeOf } from "../domain/scope.ts";
import type { ValueProblem } from "../domain/secret-value.ts";
import type {
  CreateOutcome,
  DeleteOutcome,
  GetOutcome,
  RequestProblem,
  SecretInfo,
  UpdateOutcome,
} from "../operations/index.ts";
import {
  OverallStatus,
  type Secret,
  type SecretIdentifier,
  SecretPresenceStatus,
  SecretSchema,
  type SecretSpec,
  SecretType,
} from "./gen/flyteidl2/secret/definition_pb.js";

/** A key and scope from Flyte's identifier. `organization` is ignored, as Flyte's own server does. */
export interface Target {
  readonly key: string;
  readonly scope: Scope;
}

export function targetOf(id: SecretIdentifier | undefined): Target {
  if (id === undefined || id.name === "") {
    throw new ConnectError("the request has no secret name (id.name): name the secret", Code.InvalidArgument);
  }
  return { key: id.name, scope: scopeOf(id.project, id.domain) };
}

/** The scope in words: "organization", "project p", "domain d", "project p, domain d". */
export function scopeWords(scope: Scope): string {
  return describeScope(scope).replaceAll("=", " ").replace(",", ", ");
}

export function kubeTypeOf(type: SecretType): KubeSecretType {
  switch (type) {
    case SecretType.GENERIC:
      return "Generic";
    case SecretType.IMAGE_PULL_SECRET:
      return "ImagePull";
    default:
      throw new ConnectError(
        `unknown secret type ${type}: use SECRET_TYPE_GENERIC (0) or SECRET_TYPE_IMAGE_PULL_SECRET (1)`,
        Code.InvalidArgument,
      );
  }
}

export function flyteTypeOf(type: KubeSecretType): SecretType {
  return type === "ImagePull" ? SecretType.IMAGE_PULL_SECRET : SecretType.GENERIC;
}

/** The value of a SecretSpec: string_value as UTF-8, binary_value as is. */
export function secretValueOf(spec: SecretSpec | undefined): string | Uint8Array {
  switch (spec?.value.case) {
    case "stringValue":
      return spec.value.value;
    case "binaryValue":
      return spec.value.value;
    default:
      throw new ConnectError(
        "the request has no value: set secret_spec.string_value or secret_spec.binary_value",
        Code.InvalidArgument,
      );
  }
}

/**
 * How present a secret is, from its FlyteSecret's status. FULLY_PRESENT: Ready and in every namespace that should
 * hold it (reason Materialized, or NoNamespaces: none should yet). PARTIALLY_PRESENT: Ready but still being written
 * or blocked in some namespaces (Materializing, Blocked, any other Ready reason). UNKNOWN_STATUS: not servable
 * (Ready False: SourceNotFound, Conflict, ...), not yet reported, or being deleted. The one cluster's presence:
 * PRESENT when Ready, MISSING when Ready is False, UNKNOWN otherwise.
 */
export function presenceOf(status: SecretStatus): {
  readonly overall: OverallStatus;
  readonly cluster: SecretPresenceStatus;
} {
  switch (status.state) {
    case "ready":
      return {
        overall:
          status.reason === "Materialized" || status.reason === "NoNamespaces"
            ? OverallStatus.FULLY_PRESENT
            : OverallStatus.PARTIALLY_PRESENT,
        cluster: SecretPresenceStatus.PRESENT,
      };
    case "notReady":
      return {
        overall: OverallStatus.UNKNOWN_STATUS,
        cluster: status.status === "False" ? SecretPresenceStatus.MISSING : SecretPresenceStatus.UNKNOWN,
      };
    case "pending":
    case "deleting":
      return { overall: OverallStatus.UNKNOWN_STATUS, cluster: SecretPresenceStatus.UNKNOWN };
  }
}

/** A secret as Flyte shows it: identifier, created time, type and status; never a value. */
export function secretMessage(info: SecretInfo, cluster: string): Secret {
  const presence = presenceOf(info.status);
  const created = info.createdAt === undefined ? undefined : new Date(info.createdAt);
  return create(SecretSchema, {
    id: { name: info.key, project: info.scope.project ?? "", domain: info.scope.domain ?? "" },
    secretMetadata: {
      ...(created === undefined || Number.isNaN(created.getTime())
        ? {}
        : { createdTime: timestampFromDate(created) }),
      secretStatus: {
        overallStatus: presence.overall,
        clusterStatus: [{ cluster: { name: cluster }, presenceStatus: presence.cluster }],
      },
      type: flyteTypeOf(info.type),
    },
  });
}

function valueWords(key: string, problem: ValueProblem): string {
  switch (problem.kind) {
    case "empty":
      return `the value of ${key} is empty: send a non-empty value`;
    case "tooLarge":
      return `the value of ${key} is ${problem.bytes} bytes; flyte-secrets delivers values of at most ${problem.limit} bytes`;
    case "notDockerConfig":
      return `the value of image pull secret ${key} ${problem.detail}`;
  }
}

function problemWords(key: string, problem: RequestProblem): string {
  switch (problem.kind) {
    case "key":
      return `${JSON.stringify(problem.key)} is not a valid secret name: it ${problem.reason}`;
    case "scope":
      return `${problem.dimension} ${JSON.stringify(problem.value)} is not valid: ${problem.reason}`;
    case "imagePullScoped":
      return "image pull secrets are organization-wide, as in Flyte: create it without project and domain";
    case "value":
      return valueWords(key, problem.problem);
  }
}

function where(scope: Scope, namespace: string): string {
  return `${scopeWords(scope)} (namespace ${namespace})`;
}

function notFound(target: Target, namespace: string, elsewhere: readonly Scope[]): ConnectError {
  const hint =
    elsewhere.length === 0
      ? ""
      : `; it exists in ${elsewhere.map(scopeWords).join("; ")}: ask for that project/domain`;
  return new ConnectError(
    `secret ${target.key} not found in ${where(target.scope, namespace)}${hint}`,
    Code.NotFound,
  );
}

function leftoverNote(leftover: string | undefined): string {
  return leftover === undefined
    ? ""
    : `; removing the FlyteSecret ${leftover} failed too: delete it with kubectl`;
}

/** The error for an outcome other than success (undefined for success). */
export function createError(
  target: Target,
  namespace: string,
  outcome: CreateOutcome,
): ConnectError | undefined {
  switch (outcome.kind) {
    case "created":
      return undefined;
    case "alreadyExists":
      return new ConnectError(
        `secret ${target.key} already exists in ${where(target.scope, namespace)}; update it, or delete it first`,
        Code.AlreadyExists,
      );
    case "invalid":
      return new ConnectError(problemWords(target.key, outcome.problem), Code.InvalidArgument);
    case "sourceNotOwned":
      return new ConnectError(
        `a Secret named ${outcome.secret} already exists in namespace ${namespace} and flyte-secrets did not create ` +
          `it; remove or rename that Secret, then try again${leftoverNote(outcome.leftover)}`,
        Code.FailedPrecondition,
      );
    case "busy":
      return new ConnectError(
        `Secret ${outcome.secret} kept changing while flyte-secrets was writing it; try again${leftoverNote(outcome.leftover)}`,
        Code.Aborted,
      );
  }
}

export function updateError(
  target: Target,
  namespace: string,
  outcome: UpdateOutcome,
): ConnectError | undefined {
  switch (outcome.kind) {
    case "updated":
      return undefined;
    case "notFound":
      return notFound(target, namespace, outcome.elsewhere);
    case "typeMismatch":
      return new ConnectError(
        `secret ${target.key} is of type ${outcome.type === "ImagePull" ? "image_pull" : "regular"} and its type ` +
          "cannot change; delete it and create it again with the other type",
        Code.FailedPrecondition,
      );
    case "sourceMissing":
      return new ConnectError(
        `secret ${target.key} takes its value from Secret ${outcome.secret}, which does not exist; flyte-secrets ` +
          "only writes Secrets it creates: recreate that Secret",
        Code.FailedPrecondition,
      );
    case "invalid":
      return new ConnectError(problemWords(target.key, outcome.problem), Code.InvalidArgument);
    case "sourceNotOwned":
      return new ConnectError(
        `secret ${target.key} takes its value from Secret ${outcome.secret}, which flyte-secrets did not create; ` +
          "update that Secret with the tool that manages it",
        Code.FailedPrecondition,
      );
    case "busy":
      return new ConnectError(
        `Secret ${outcome.secret} kept changing while flyte-secrets was updating it; try again`,
        Code.Aborted,
      );
  }
}

export function getError(target: Target, namespace: string, outcome: GetOutcome): ConnectError | undefined {
  switch (outcome.kind) {
    case "found":
      return undefined;
    case "notFound":
      return notFound(target, namespace, outcome.elsewhere);
    case "invalid":
      return new ConnectError(problemWords(target.key, outcome.problem), Code.InvalidArgument);
  }
}

export function deleteError(
  target: Target,
  namespace: string,
  outcome: DeleteOutcome,
): ConnectError | undefined {
  switch (outcome.kind) {
    case "deleted":
      return undefined;
    case "notFound":
      return notFound(target, namespace, outcome.elsewhere);
    case "invalid":
      return new ConnectError(problemWords(target.key, outcome.problem), Code.InvalidArgument);
  }
}

/** The list filter's problem (only the scope can be wrong). */
export function listProblem(problem: RequestProblem): ConnectError {
  return new ConnectError(problemWords("", problem), Code.InvalidArgument);
}

/** A page token: the position (key, FlyteSecret name) of the last secret of the previous page. Opaque to clients. */
export function pageToken(info: SecretInfo): string {
  return Buffer.from(JSON.stringify([info.key, info.name])).toString("base64url");
}

export function positionOf(token: string): readonly [string, string] | undefined {
  if (token === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === "string")) {
      return [parsed[0] as string, parsed[1] as string];
    }
  } catch {
    // fall through
  }
  throw new ConnectError(
    "the page token is not one this server gave out: pass the token of the previous ListSecrets reply, or none",
    Code.InvalidArgument,
  );
}

const byPosition = (a: SecretInfo, b: SecretInfo): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * One page of `secrets` after `token`, of at most `limit` (0: all), in the order of (key, FlyteSecret name). A token
 * names a position, not an offset, so secrets created or deleted between pages neither repeat nor shift others out.
 */
export function pageOf(
  secrets: readonly SecretInfo[],
  limit: number,
  token: string,
): { readonly page: readonly SecretInfo[]; readonly next: string } {
  const after = positionOf(token);
  const sorted = [...secrets].sort(byPosition);
  const rest =
    after === undefined
      ? sorted
      : sorted.filter((s) => s.key > after[0] || (s.key === after[0] && s.name > after[1]));
  if (limit <= 0 || rest.length <= limit) return { page: rest, next: "" };
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return { page, next: last === undefined ? "" : pageToken(last) };
}
