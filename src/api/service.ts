// Flyte's flyteidl2.secret.SecretService and flyteidl2.cluster.ClusterService/SelectCluster over the secret
// operations (src/operations/, the same code as the flyte CLI's), each call authenticated and authorized (auth.ts).
// Every failure leaves as a Connect error with a code Flyte's clients handle; nothing is ever Unknown.
import type { ConnectRouter, HandlerContext, Interceptor } from "@connectrpc/connect";
import { Code, ConnectError } from "@connectrpc/connect";
import type { Logger } from "pino";
import { sameScope, scopeOf } from "../domain/scope.ts";
import {
  createSecret,
  deleteSecret,
  getSecret,
  IncompleteCreateError,
  listSecrets,
  type SecretStore,
  StoreError,
  updateSecret,
} from "../operations/index.ts";
import { callerName, type Method } from "./access.ts";
import type { Access } from "./auth.ts";
import { ClusterService } from "./gen/flyteidl2/cluster/service_pb.js";
import { SecretType } from "./gen/flyteidl2/secret/definition_pb.js";
import { SecretService } from "./gen/flyteidl2/secret/secret_pb.js";
import {
  createError,
  deleteError,
  getError,
  kubeTypeOf,
  listProblem,
  pageOf,
  scopeWords,
  secretMessage,
  secretValueOf,
  targetOf,
  updateError,
} from "./messages.ts";

export interface ServiceOptions {
  readonly store: SecretStore;
  readonly access: Access;
  /** The name this cluster has in `cluster_status`. */
  readonly cluster: string;
  readonly log: Logger;
}

/** An API server failure the operation did not expect, in words and a code the caller can act on. */
function storeFailure(error: StoreError): ConnectError {
  const call = error.call;
  const what = `${call.verb} ${call.resource} in namespace ${call.namespace}`;
  const status = error.status;
  const [code, advice] =
    status === 403
      ? [Code.Internal, "the flyte-secrets operator's own ServiceAccount lacks that right: fix its RBAC"]
      : status === 404
        ? [Code.FailedPrecondition, "check that the namespace exists and the FlyteSecret CRD is installed"]
        : status === 409
          ? [Code.Aborted, "it changed meanwhile: try again"]
          : status === 429
            ? [Code.ResourceExhausted, "the API server is busy: try again later"]
            : status === 400 || status === 422
              ? [
                  Code.InvalidArgument,
                  "the API server refused the object: check the name, project and domain",
                ]
              : status === undefined || status >= 500
                ? [Code.Unavailable, "the Kubernetes API server is unavailable: try again"]
                : [Code.Internal, "see the operator's log"];
  return new ConnectError(
    `${what} failed${status === undefined ? "" : ` (HTTP ${status})`}: ${advice}`,
    code,
    undefined,
    undefined,
    error,
  );
}

/** Turns whatever a handler threw into a Connect error that is never Unknown, and logs each call (no values). */
export function callLog(log: Logger): Interceptor {
  return (next) => async (request) => {
    const started = performance.now();
    const method = request.method.name;
    try {
      const response = await next(request);
      log.debug({ method, ms: Math.round(performance.now() - started) }, "api call");
      return response;
    } catch (thrown) {
      let error: ConnectError;
      if (thrown instanceof ConnectError) {
        error =
          thrown.code === Code.Unknown
            ? new ConnectError(thrown.rawMessage, Code.Internal, undefined, undefined, thrown)
            : thrown;
      } else if (thrown instanceof StoreError) {
        error = storeFailure(thrown);
      } else if (thrown instanceof IncompleteCreateError) {
        error = new ConnectError(
          `creating the secret failed, and removing its FlyteSecret ${thrown.leftover} failed too: delete it with kubectl`,
          Code.Internal,
          undefined,
          undefined,
          thrown,
        );
      } else {
        // A bug: the stack goes to the log (names only), the caller gets a code it can show.
        log.error({ method, err: thrown }, "api call failed unexpectedly");
        error = new ConnectError(
          "internal error in flyte-secrets (logged by the operator)",
          Code.Internal,
          undefined,
          undefined,
          thrown,
        );
      }
      log.info(
        { method, code: Code[error.code], ms: Math.round(performance.now() - started) },
        "api call refused",
      );
      throw error;
    }
  };
}

export function routes(options: ServiceOptions): (router: ConnectRouter) => void {
  const { store, access, cluster, log } = options;
  const namespace = store.namespace;

  async function admit(context: HandlerContext, method: Method): Promise<string> {
    const caller = await access.authenticate(context.requestHeader);
    await access.authorize(caller, method);
    return callerName(caller);
  }

  function fail(error: ConnectError | undefined): void {
    if (error !== undefined) throw error;
  }

  return (router) => {
    router.service(ClusterService, {
      // One cluster: this server serves every operation itself (an empty reply means "this endpoint").
      async selectCluster(_request, context) {
        await access.authenticate(context.requestHeader);
        return {};
      },
    });

    router.service(SecretService, {
      async createSecret(request, context) {
        const caller = await admit(context, "CreateSecret");
        const target = targetOf(request.id);
        const outcome = await createSecret(store, {
          ...target,
          type: kubeTypeOf(request.secretSpec?.type ?? SecretType.GENERIC),
          value: secretValueOf(request.secretSpec),
        });
        fail(createError(target, namespace, outcome));
        log.info(
          { caller, key: target.key, scope: scopeWords(target.scope) },
          "secret created through the Flyte API",
        );
        return {};
      },

      async updateSecret(request, context) {
        const caller = await admit(context, "UpdateSecret");
        const target = targetOf(request.id);
        // proto3 cannot tell GENERIC from a type left out: only IMAGE_PULL_SECRET is checked against the secret's type.
        const type = request.secretSpec?.type ?? SecretType.GENERIC;
        const outcome = await updateSecret(store, {
          ...target,
          ...(type === SecretType.GENERIC ? {} : { type: kubeTypeOf(type) }),
          value: secretValueOf(request.secretSpec),
        });
        fail(updateError(target, namespace, outcome));
        log.info(
          { caller, key: target.key, scope: scopeWords(target.scope) },
          "secret updated through the Flyte API",
        );
        return {};
      },

      async getSecret(request, context) {
        await admit(context, "GetSecret");
        const target = targetOf(request.id);
        const outcome = await getSecret(store, target.key, target.scope);
        fail(getError(target, namespace, outcome));
        return outcome.kind === "found" ? { secret: secretMessage(outcome.secret, cluster) } : {};
      },

      async deleteSecret(request, context) {
        const caller = await admit(context, "DeleteSecret");
        const target = targetOf(request.id);
        const outcome = await deleteSecret(store, target.key, target.scope);
        fail(deleteError(target, namespace, outcome));
        log.info(
          { caller, key: target.key, scope: scopeWords(target.scope) },
          "secret deleted through the Flyte API",
        );
        return {};
      },

      // As Flyte's server: the secrets of exactly the scope asked for (no project and no domain: organization-wide).
      async listSecrets(request, context) {
        await admit(context, "ListSecrets");
        const scope = scopeOf(request.project, request.domain);
        const outcome = await listSecrets(store, scope);
        if (outcome.kind === "invalid") throw listProblem(outcome.problem);
        const exact = outcome.secrets.filter((s) => sameScope(s.scope, scope));
        const { page, next } = pageOf(exact, request.limit, request.token);
        return { secrets: page.map((s) => secretMessage(s, cluster)), token: next };
      },
    });
  };
}
