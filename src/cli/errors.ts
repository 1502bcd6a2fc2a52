// Every failure becomes one line a user can act on. API errors are described from their status code and the
// Status object's structured fields (reason, kind, field paths) only: a response body is never printed, since it
// could echo what was sent.
import { statusCode } from "../kube/errors.ts";
import { IncompleteCreateError } from "../operations/secrets.ts";
import { type StoreCall, StoreError } from "../operations/store.ts";

/** A failure whose message is meant for the user as it is: printed as one line, no stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  /** The process exit code: 1, or 130 when the user interrupted a prompt. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** The API call that failed, for the message. */
export type ApiCall = StoreCall;

interface StatusFacts {
  readonly reason?: string;
  readonly kind?: string;
  readonly fields: readonly string[];
  readonly retryAfterSeconds?: number;
}

/** The HTTP status of an API error (the client's ApiException), if it is one. */
export const statusCodeOf = statusCode;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The Status object's structured fields; its free-text message is deliberately left out. */
export function statusFactsOf(error: unknown): StatusFacts {
  const raw = (error as { body?: unknown } | null)?.body;
  let body: unknown = raw;
  if (typeof raw === "string") {
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
  }
  if (typeof body !== "object" || body === null || (body as { kind?: unknown }).kind !== "Status") {
    return { fields: [] };
  }
  const status = body as { reason?: unknown; details?: unknown };
  const details = (typeof status.details === "object" && status.details !== null ? status.details : {}) as {
    kind?: unknown;
    causes?: unknown;
    retryAfterSeconds?: unknown;
  };
  const causes = Array.isArray(details.causes) ? details.causes : [];
  const fields = causes
    .map((c: unknown) => str((c as { field?: unknown } | null)?.field))
    .filter((f): f is string => f !== undefined && f !== "")
    .filter((f, i, all) => all.indexOf(f) === i);
  const reason = str(status.reason);
  const kind = str(details.kind);
  const retry = details.retryAfterSeconds;
  return {
    fields,
    ...(reason === undefined ? {} : { reason }),
    ...(kind === undefined ? {} : { kind }),
    ...(typeof retry === "number" ? { retryAfterSeconds: retry } : {}),
  };
}

/** The network-level cause of a failed request (`ECONNREFUSED`, `ENOTFOUND`, a TLS code), if any. */
export function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function target(call: ApiCall): string {
  return call.name === undefined ? call.resource : `${call.resource}/${call.name}`;
}

const tlsCodes = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** The control namespace is not there: the same words whether a write (404) or an empty list found it out. */
export function namespaceMissing(namespace: string): string {
  return `namespace ${namespace} does not exist: pass -n/--namespace (or set FLYTE_SECRETS_NAMESPACE) to the namespace flyte-secrets is installed in`;
}

/** One line describing a failed API call. */
export function describeApiError(error: unknown, call: ApiCall): string {
  const code = statusCodeOf(error);
  if (code === undefined) {
    const net = networkCodeOf(error);
    switch (net) {
      case "ECONNREFUSED":
        return `cannot connect to the API server at ${call.server}: connection refused (is the cluster running, and is the kubeconfig's server right?)`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `cannot connect to the API server at ${call.server}: the host name does not resolve`;
      case "ETIMEDOUT":
      case "UND_ERR_CONNECT_TIMEOUT":
        return `cannot connect to the API server at ${call.server}: the connection timed out`;
      case "ECONNRESET":
        return `the connection to the API server at ${call.server} was reset`;
      case "EHOSTUNREACH":
      case "ENETUNREACH":
        return `cannot connect to the API server at ${call.server}: the host is unreachable`;
      default:
        if (net !== undefined && tlsCodes.has(net)) {
          return `cannot verify the API server at ${call.server}: ${net} (check the kubeconfig's certificate authority)`;
        }
        return `cannot reach the API server at ${call.server} to ${call.verb} ${target(call)}${net === undefined ? "" : `: ${net}`}`;
    }
  }
  const facts = statusFactsOf(error);
  switch (code) {
    case 401:
      return `unauthorized: the API server at ${call.server} did not accept the kubeconfig's credentials`;
    case 403:
      return `forbidden: you may not ${call.verb} ${call.resource} in namespace ${call.namespace} (ask an admin for RBAC access)`;
    case 404:
      if (facts.kind === "namespaces") return namespaceMissing(call.namespace);
      if (call.resource === "flytesecrets" && facts.reason === undefined) {
        return "is flyte-secrets installed? the FlyteSecret CRD was not found (flytesecrets.secrets.flyte.org)";
      }
      return `${target(call)} not found in namespace ${call.namespace}`;
    case 409:
      return `${target(call)} in namespace ${call.namespace} was changed or already exists (${facts.reason ?? "Conflict"}); try again`;
    case 413:
      return `the API server refused ${target(call)} as too large`;
    case 422:
      return `the API server refused ${target(call)} as invalid${facts.fields.length > 0 ? ` (${facts.fields.join(", ")})` : ""}`;
    case 429:
      return `the API server at ${call.server} is too busy to ${call.verb} ${target(call)}; try again`;
    default:
      return `the API server at ${call.server} answered ${code}${facts.reason === undefined ? "" : ` ${facts.reason}`} to ${call.verb} ${target(call)} in namespace ${call.namespace}`;
  }
}

/** One line for any error reaching the top: a CliError's message, otherwise a safe description. */
export function describeUnexpected(error: unknown): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof StoreError) return describeApiError(error.cause, error.call);
  if (error instanceof IncompleteCreateError) {
    return `${describeUnexpected(error.cause)}; removing the FlyteSecret ${error.leftover} failed too: delete it with kubectl`;
  }
  const name = error instanceof Error ? error.name : typeof error;
  // Never the message of an API error: it embeds the response body.
  if (statusCodeOf(error) !== undefined) return `unexpected API error ${statusCodeOf(error)}`;
  const first = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
  return `unexpected ${name}${first === "" ? "" : `: ${first.slice(0, 200)}`}`;
}
