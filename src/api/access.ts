// Who may call which Flyte API method: the same verbs on `flytesecrets` and `secrets` in the control namespace that
// the flyte CLI needs for the same operation, so one RBAC governs kubectl, our CLI and Flyte's. Pure.
import { GROUP, PLURAL } from "../domain/api.ts";

export type Method = "CreateSecret" | "UpdateSecret" | "GetSecret" | "ListSecrets" | "DeleteSecret";

export interface Permission {
  readonly verb: "get" | "list" | "create" | "update" | "delete";
  /** The API group ("" for the core group). */
  readonly group: string;
  readonly resource: string;
}

const flyteSecrets = (verb: Permission["verb"]): Permission => ({ verb, group: GROUP, resource: PLURAL });
const secrets = (verb: Permission["verb"]): Permission => ({ verb, group: "", resource: "secrets" });

/** What each method needs, in the order they are checked (the first denied one is reported). */
export const PERMISSIONS: Readonly<Record<Method, readonly Permission[]>> = {
  // The CLI lists to find the key at its scope, creates the FlyteSecret, then its Secret.
  CreateSecret: [flyteSecrets("list"), flyteSecrets("create"), secrets("create")],
  // Lists to find it, reads and replaces its Secret.
  UpdateSecret: [flyteSecrets("list"), secrets("get"), secrets("update")],
  // `flyte get secret NAME` lists FlyteSecrets too: getting one by name alone would not find it at its scope.
  GetSecret: [flyteSecrets("list")],
  ListSecrets: [flyteSecrets("list")],
  // The Secret goes with the FlyteSecret (the garbage collector removes it even when the caller may not).
  DeleteSecret: [flyteSecrets("list"), flyteSecrets("delete")],
};

/** `flytesecrets.secrets.flyte.org` or `secrets`, as kubectl names a resource. */
export function resourceName(permission: Permission): string {
  return permission.group === "" ? permission.resource : `${permission.resource}.${permission.group}`;
}

/** The authenticated caller: a Kubernetes user, or the operator itself (local plaintext mode). */
export type Caller =
  | {
      readonly kind: "user";
      readonly username: string;
      readonly uid: string;
      readonly groups: readonly string[];
      readonly extra: Readonly<Record<string, readonly string[]>>;
    }
  | { readonly kind: "localAdmin" };

export function callerName(caller: Caller): string {
  return caller.kind === "user" ? caller.username : "the local administrator";
}

/** The refusal for a denied permission: who, which verb on which resource where, for which method, and the fix. */
export function deniedMessage(
  caller: Caller,
  method: Method,
  permission: Permission,
  namespace: string,
): string {
  const resource = resourceName(permission);
  const subject =
    caller.kind === "user" && caller.username.startsWith("system:serviceaccount:")
      ? `--serviceaccount=${caller.username.slice("system:serviceaccount:".length)}`
      : `--user=${caller.kind === "user" ? caller.username : "NAME"}`;
  const role = `flyte-secrets-${permission.verb}-${permission.resource}`;
  return (
    `${callerName(caller)} may not ${permission.verb} ${resource} in namespace ${namespace}, which ${method} needs; ` +
    `an admin can grant it: kubectl create role ${role} -n ${namespace} --verb=${permission.verb} ` +
    `--resource=${resource} && kubectl create rolebinding ${role} -n ${namespace} --role=${role} ${subject}`
  );
}
