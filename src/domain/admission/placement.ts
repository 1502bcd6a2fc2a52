// Placing secrets: each requested key is resolved to the scope that serves this pod (DESIGN §4) and its managed
// Secret, and its deliveries become assignments to a delivery mechanism. A key that cannot be served refuses the pod.
import {
  type BlockedCopy,
  type CatalogEntry,
  entryId,
  type ReadyCatalog,
  resolve,
  scopesHolding,
  servingSecretName,
  unservableFor,
} from "../catalog.ts";
import { describeScope, type Scope } from "../scope.ts";
import type { SecretRequest } from "../secret-request.ts";
import type { Assignment } from "./planners/planner.ts";
import { forbidden, unreachable } from "./refusal.ts";

export interface Placed {
  readonly request: SecretRequest;
  readonly scope: Scope;
  readonly entry: CatalogEntry;
  /** The managed Secret: the one of its scope holding a Generic key (`status.secretName`); its own for ImagePull. */
  readonly secret: string;
  /** In the order of the request's deliveries; an ImagePull key has exactly one, `imagePull`. */
  readonly assignments: readonly Assignment[];
}

const MAX_SCOPES_SHOWN = 5;

function specificity(scope: Scope): number {
  return (scope.project !== undefined ? 2 : 0) + (scope.domain !== undefined ? 1 : 0);
}

function whereItExists(catalog: ReadyCatalog, key: string): string {
  const holders = scopesHolding(catalog, key)
    .map((scope) => ({ scope, text: describeScope(scope) }))
    .sort(
      (a, b) =>
        specificity(b.scope) - specificity(a.scope) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    )
    .map(({ text }) => text);
  if (holders.length === 0) return "no Ready FlyteSecret has this key";
  const listed = holders.slice(0, MAX_SCOPES_SHOWN).join("; ");
  const more =
    holders.length > MAX_SCOPES_SHOWN ? ` and ${holders.length - MAX_SCOPES_SHOWN} more scopes` : "";
  return `it exists only for ${listed}${more}, which this pod cannot see`;
}

function unresolvedMessage(
  catalog: ReadyCatalog,
  keys: readonly string[],
  project: string,
  domain: string,
): string {
  const who = `project ${project}, domain ${domain}`;
  const commands = keys
    .map((key) => `flyte create secret ${key} --project ${project} --domain ${domain}`)
    .join("; ");
  const scopes = `organization, project ${project}, domain ${domain}, or project ${project} with domain ${domain}`;
  // A key that exists in a scope this pod can see but is not Ready: its real status and the fix for that status, not
  // "create it" (which would fail: it exists).
  const notReady = keys.map((key) => ({ key, found: unservableFor(catalog, key, project, domain) }));
  if (notReady.some(({ found }) => found !== undefined)) {
    const parts = notReady.map(({ key, found }) => {
      if (found === undefined) {
        return {
          where: whereItExists(catalog, key),
          fix: `flyte create secret ${key} --project ${project} --domain ${domain}, or ask an admin to create it in a scope this pod can see (${scopes})`,
        };
      }
      const { entry, reason } = found;
      const flags = `${entry.scope.project === undefined ? "" : ` --project ${entry.scope.project}`}${entry.scope.domain === undefined ? "" : ` --domain ${entry.scope.domain}`}`;
      const describe = `kubectl describe flytesecret -n ${entry.namespace} ${entry.name}`;
      const fixes: Readonly<Record<string, string>> = {
        SourceNotFound: `the Secret holding its value is missing: set the value again with flyte update secret ${key}${flags}, or restore the Secret its spec.valueFrom names (${describe})`,
        SourceKeyNotFound: `its Secret has no data key named in spec.valueFrom.secretKeyRef.key: fix the Secret or the reference (${describe})`,
        TooLarge: `its value is larger than the operator accepts: store a smaller one with flyte update secret ${key}${flags} (${describe})`,
        Conflict: `another FlyteSecret with the same key and scope is older and wins: delete one of them (${describe})`,
        InvalidSpec: `its spec is invalid: fix it as ${describe} says`,
        Pending: `the operator has not made it Ready yet: retry in a few seconds, and if it stays Pending check the operator (${describe})`,
      };
      return {
        where: `its FlyteSecret ${entry.namespace}/${entry.name} (${describeScope(entry.scope)}) exists but is not Ready (${reason})`,
        fix: fixes[reason] ?? `see why with ${describe}`,
      };
    });
    const [first] = parts;
    if (keys.length === 1 && first !== undefined) {
      return `secret ${keys[0]} is not available to ${who}: ${first.where}. Fix: ${first.fix}`;
    }
    const each = parts.map(({ where }, i) => `${keys[i]} (${where})`).join("; ");
    const fixes = parts.map(({ fix }, i) => `${keys[i]}: ${fix}`).join("; ");
    return `${keys.length} requested secrets are not available to ${who}: ${each}. Fix: ${fixes}`;
  }
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) {
    return (
      `secret ${only} is not available to ${who}: ${whereItExists(catalog, only)}. ` +
      `Fix: ${commands}, or ask an admin to create it in a scope this pod can see (${scopes})`
    );
  }
  const each = keys.map((key) => `${key} (${whereItExists(catalog, key)})`).join("; ");
  return (
    `${keys.length} requested secrets are not available to ${who}: ${each}. ` +
    `Fix: ${commands}; or ask an admin to create them in a scope this pod can see (${scopes})`
  );
}

/** What a blocked copy is, and what an admin does about it, by the reason the controller reported. */
function blockedExplanation(copy: BlockedCopy): { what: string; fix: string } {
  const remove = `delete it (kubectl -n ${copy.namespace} delete secret ${copy.secret}) and the controller writes its own`;
  switch (copy.reason) {
    case "NotManaged":
      return {
        what: "has the managed name but was not written by the flyte-secrets controller",
        fix: remove,
      };
    case "OtherInstallation":
      return {
        what: "belongs to another flyte-secrets installation",
        fix: "give each installation its own namespaces (namespaceSelector in each installation's configuration)",
      };
    case "Modified":
      return {
        what: "was changed by someone other than the flyte-secrets controller and could not be restored",
        fix: remove,
      };
    default:
      return {
        what: `is not verified as the flyte-secrets controller's own (${copy.reason || "no reason given"})`,
        fix: "see the FlyteSecret's status.blocked and the controller's Events for that namespace",
      };
  }
}

function blockedMessage(
  namespace: string,
  hits: readonly { key: string; entry: CatalogEntry; copy: BlockedCopy }[],
): string {
  const bySecret = new Map<string, { keys: string[]; copy: BlockedCopy; entries: Set<string> }>();
  for (const { key, entry, copy } of hits) {
    const group = bySecret.get(copy.secret) ?? { keys: [], copy, entries: new Set<string>() };
    group.keys.push(key);
    group.entries.add(entryId(entry));
    bySecret.set(copy.secret, group);
  }
  return [...bySecret.values()]
    .map(({ keys, copy, entries }) => {
      const { what, fix } = blockedExplanation(copy);
      const which = keys.length === 1 ? `secret ${keys[0]}` : `secrets ${keys.join(", ")}`;
      return (
        `${which} cannot be delivered in namespace ${namespace}: the Secret ${copy.namespace}/${copy.secret} there ` +
        `${what}, so flyte-secrets points no pod at it (FlyteSecret ${[...entries].join(", ")} reports it in ` +
        `status.blocked, reason ${copy.reason || "unknown"}). Fix: an admin should ${fix}, or run the pod in another namespace`
      );
    })
    .join("; ");
}

/** A request's deliveries as assignments; an ImagePull key serves the kubelet, so its env or file delivery is not made. */
function assign(request: SecretRequest, secret: string, imagePull: boolean): Assignment[] {
  if (imagePull) return [{ mechanism: "imagePull", key: request.key, secret }];
  let pathEnvGiven = false;
  return request.deliveries.map((delivery): Assignment => {
    switch (delivery.kind) {
      case "env":
        return { mechanism: "env", key: request.key, secret, name: delivery.name };
      case "file": {
        const pathEnv = !pathEnvGiven && request.literalEnv !== undefined ? request.literalEnv : undefined;
        pathEnvGiven = true;
        return {
          mechanism: "file",
          key: request.key,
          secret,
          path: delivery.path,
          subPath: delivery.subPath,
          ...(pathEnv !== undefined ? { pathEnv } : {}),
        };
      }
      default:
        return unreachable(delivery);
    }
  });
}

/**
 * Resolves every request for a task of (project, domain) in `namespace`, or refuses naming every key that cannot be
 * served: keys no visible scope holds, then keys whose managed Secret in this namespace is not the controller's own.
 */
export function place(
  catalog: ReadyCatalog,
  requests: readonly SecretRequest[],
  identity: { readonly namespace: string; readonly project: string; readonly domain: string },
): Placed[] {
  const { namespace, project, domain } = identity;
  const placed: Placed[] = [];
  const missing: string[] = [];
  const blocked: { key: string; entry: CatalogEntry; copy: BlockedCopy }[] = [];
  const misplaced: { key: string; entry: CatalogEntry }[] = [];
  for (const request of requests) {
    const found = resolve(catalog, request.key, project, domain);
    if (found === undefined) {
      missing.push(request.key);
      continue;
    }
    const copy = found.entry.blocked?.find((b) => b.namespace === namespace);
    if (copy !== undefined) blocked.push({ key: request.key, entry: found.entry, copy });
    const imagePull = found.entry.type === "ImagePull";
    const secret = servingSecretName(found.entry);
    if (secret === undefined) {
      misplaced.push({ key: request.key, entry: found.entry });
      continue;
    }
    placed.push({
      request,
      scope: found.scope,
      entry: found.entry,
      secret,
      assignments: assign(request, secret, imagePull),
    });
  }
  if (missing.length > 0) forbidden(unresolvedMessage(catalog, missing, project, domain));
  if (blocked.length > 0) forbidden(blockedMessage(namespace, blocked));
  // A status naming a Secret that cannot hold the key (edited by hand): no pod is pointed at it.
  if (misplaced.length > 0)
    forbidden(
      misplaced
        .map(
          ({ key, entry }) =>
            `secret ${key}: FlyteSecret ${entry.namespace}/${entry.name} has status.secretName ${JSON.stringify(entry.secretName ?? "")}, which is not a Secret of its scope (${describeScope(entry.scope)}); the operator rewrites its status — retry shortly, and if it persists check who writes flytesecrets/status (kubectl describe flytesecret -n ${entry.namespace} ${entry.name})`,
        )
        .join("; "),
    );
  return placed;
}
