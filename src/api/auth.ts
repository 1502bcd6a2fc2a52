// Kubernetes decides who may call the Flyte API: a caller's bearer token is checked with a TokenReview, and each
// method's permissions (access.ts) with SubjectAccessReviews for that user in the control namespace. Answers are
// kept for a few seconds (keyed by a hash of the token, never the token), so a burst of calls costs one review.
// Tokens never reach a log line or an error message.
import { createHash } from "node:crypto";
import { Code, ConnectError } from "@connectrpc/connect";
import { AuthenticationV1Api, AuthorizationV1Api, type KubeConfig } from "@kubernetes/client-node";
import { statusCode } from "../kube/errors.ts";
import { type Caller, deniedMessage, type Method, PERMISSIONS, type Permission } from "./access.ts";

export interface Access {
  /** The caller of a request with these headers; throws Unauthenticated. */
  authenticate(headers: Headers): Promise<Caller>;
  /** Throws PermissionDenied naming the first permission of `method` the caller lacks. */
  authorize(caller: Caller, method: Method): Promise<void>;
}

/** Local plaintext mode: every caller acts as the operator itself (the local administrator). */
export const localAdminAccess: Access = {
  authenticate: async () => ({ kind: "localAdmin" }),
  authorize: async () => {},
};

const HOW_TO_AUTHENTICATE =
  "send a Kubernetes token as 'authorization: Bearer <token>'; with Flyte's CLI set admin.authType: " +
  "ExternalCommand and admin.command to a command printing one, e.g. [kubectl, create, token, <serviceaccount>]";

/** The bearer token of the headers, or undefined. */
export function bearerToken(headers: Headers): string | undefined {
  const value = headers.get("authorization");
  const match = value === null ? null : /^\s*bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

class TtlCache<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly until: number }>();
  private readonly ttlMs: number;
  private readonly max: number;

  constructor(ttlMs: number, max = 10_000) {
    this.ttlMs = ttlMs;
    this.max = max;
  }

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, now: number): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
  }
}

/** A failure of the operator's own call to the API server, worded for the caller (never Unknown). */
function reviewFailure(what: string, error: unknown): ConnectError {
  const status = statusCode(error);
  if (status === 403) {
    return new ConnectError(
      `the flyte-secrets operator may not create ${what} (HTTP 403): its ClusterRole needs create on ` +
        `${what}.authentication.k8s.io/authorization.k8s.io; reinstall the chart or fix its RBAC`,
      Code.Internal,
      undefined,
      undefined,
      error,
    );
  }
  return new ConnectError(
    `the Kubernetes API server did not answer the ${what} check` +
      `${status === undefined ? "" : ` (HTTP ${status})`}; try again`,
    Code.Unavailable,
    undefined,
    undefined,
    error,
  );
}

export interface KubeAccessOptions {
  /** The namespace whose FlyteSecrets and Secrets the API acts on. */
  readonly namespace: string;
  /** How long a review's answer is kept (default 10 s): a revoked right takes at most this long to apply. */
  readonly cacheSeconds?: number;
  readonly now?: () => number;
}

export function kubeAccess(kc: KubeConfig, options: KubeAccessOptions): Access {
  const authentication = kc.makeApiClient(AuthenticationV1Api);
  const authorization = kc.makeApiClient(AuthorizationV1Api);
  const ttl = (options.cacheSeconds ?? 10) * 1000;
  const now = options.now ?? Date.now;
  const callers = new TtlCache<Caller>(ttl);
  const decisions = new TtlCache<boolean>(ttl);

  async function review(token: string): Promise<Caller> {
    let status: Awaited<ReturnType<typeof authentication.createTokenReview>>["status"];
    try {
      status = (await authentication.createTokenReview({ body: { spec: { token } } })).status;
    } catch (error) {
      throw reviewFailure("tokenreviews", error);
    }
    if (status?.authenticated !== true || status.user?.username === undefined) {
      throw new ConnectError(
        `the Kubernetes API server did not accept the bearer token (TokenReview${
          status?.error ? `: ${status.error}` : ""
        }); get a fresh token, e.g. kubectl create token <serviceaccount>`,
        Code.Unauthenticated,
      );
    }
    return {
      kind: "user",
      username: status.user.username,
      uid: status.user.uid ?? "",
      groups: status.user.groups ?? [],
      extra: status.user.extra ?? {},
    };
  }

  async function allowed(caller: Caller & { kind: "user" }, permission: Permission): Promise<boolean> {
    const key = JSON.stringify([caller.username, caller.uid, caller.groups, caller.extra, permission]);
    const known = decisions.get(key, now());
    if (known !== undefined) return known;
    let answer: boolean;
    try {
      const result = await authorization.createSubjectAccessReview({
        body: {
          spec: {
            user: caller.username,
            uid: caller.uid,
            groups: [...caller.groups],
            extra: Object.fromEntries(Object.entries(caller.extra).map(([k, v]) => [k, [...v]])),
            resourceAttributes: {
              namespace: options.namespace,
              verb: permission.verb,
              group: permission.group,
              resource: permission.resource,
            },
          },
        },
      });
      answer = result.status?.allowed === true;
    } catch (error) {
      throw reviewFailure("subjectaccessreviews", error);
    }
    decisions.set(key, answer, now());
    return answer;
  }

  return {
    async authenticate(headers) {
      const token = bearerToken(headers);
      if (token === undefined) {
        throw new ConnectError(
          `no bearer token in the request: ${HOW_TO_AUTHENTICATE}`,
          Code.Unauthenticated,
        );
      }
      const key = createHash("sha256").update(token).digest("base64");
      const known = callers.get(key, now());
      if (known !== undefined) return known;
      const caller = await review(token);
      callers.set(key, caller, now());
      return caller;
    },

    async authorize(caller, method) {
      if (caller.kind === "localAdmin") return;
      for (const permission of PERMISSIONS[method]) {
        if (!(await allowed(caller, permission))) {
          throw new ConnectError(
            deniedMessage(caller, method, permission, options.namespace),
            Code.PermissionDenied,
          );
        }
      }
    },
  };
}
