// The webhook's cluster access without client-node (whose generated models cost ~80 MiB on any import, `KubeConfig`
// included): the same search as client-node's `loadFromDefault` — `--kubeconfig`, `KUBECONFIG`, `~/.kube/config`,
// the in-cluster ServiceAccount — for the kubeconfigs a webhook meets: a server over https, its CA, a client
// certificate and key, a bearer token or token file, `insecure-skip-tls-verify`, `tls-server-name`. Anything else
// (exec and auth-provider plugins, username/password, impersonation, proxies, several KUBECONFIG files) is client-node's:
// `connectLight` then loads it, at its memory cost, and says so. Files are read on every request, so a projected
// ServiceAccount token or a renewed certificate takes effect without a restart.
import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isIPv6 } from "node:net";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import { load } from "js-yaml";
import type { Logger } from "pino";
import type { KubeConfigOptions } from "./config.ts";
import type { ApiConnection } from "./connection.ts";
import { httpsConnection, type RequestTarget } from "./https-connection.ts";

export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/** What the search reads besides the named files: the environment, and where a ServiceAccount is mounted. */
export interface Environment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly serviceAccountDir: string;
}

export const processEnvironment = (): Environment => ({
  env: process.env,
  serviceAccountDir: SERVICE_ACCOUNT_DIR,
});

/** A value inline (base64, as in `*-data`) or in a file, read when a request is made. */
type Material = { readonly data: Buffer } | { readonly file: string };

export interface LightConfig {
  /** Where the configuration came from, for logs: the file and context, or the in-cluster ServiceAccount. */
  readonly description: string;
  readonly server: string;
  readonly ca?: Material;
  readonly cert?: Material;
  readonly key?: Material;
  readonly insecureSkipTlsVerify: boolean;
  readonly serverName?: string;
  readonly token?: { readonly value: string } | { readonly file: string };
}

/** The configuration, or what in it needs client-node. */
export type LoadedConfig =
  | { readonly supported: true; readonly config: LightConfig }
  | { readonly supported: false; readonly needs: string };

// The messages of ./config.ts (client-node's loader), so both say the same.
const NOTHING_CONFIGURED =
  "no Kubernetes cluster is configured (no $KUBECONFIG, no ~/.kube/config, not in a cluster): set KUBECONFIG or pass --kubeconfig";
const NO_CLUSTER =
  "no Kubernetes cluster is configured: set KUBECONFIG, pass --kubeconfig, or run inside a cluster";

function unknownContext(name: string, known: readonly string[]): Error {
  return new Error(
    `context ${JSON.stringify(name)} is not in the kubeconfig; pick one of: ${known.join(", ")}`,
  );
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds and reads the cluster configuration as client-node's `loadFromDefault` would, or says what in it needs
 * client-node. Throws when there is none, the context is unknown, or a file cannot be read or parsed.
 */
export function loadLightConfig(
  options: KubeConfigOptions = {},
  environment: Environment = processEnvironment(),
): LoadedConfig {
  if (options.kubeconfig) return fromFile(options.kubeconfig, options.context);
  const listed = (environment.env.KUBECONFIG ?? "").split(delimiter).filter((f) => f !== "");
  if (listed.length > 1)
    return { supported: false, needs: `KUBECONFIG lists ${listed.length} files, which client-node merges` };
  if (listed[0] !== undefined) return fromFile(listed[0], options.context);
  const home = environment.env.HOME;
  if (home && exists(join(home, ".kube", "config")))
    return fromFile(join(home, ".kube", "config"), options.context);
  if (exists(join(environment.serviceAccountDir, "token"))) return inCluster(environment, options.context);
  throw new Error(NOTHING_CONFIGURED);
}

function inCluster(environment: Environment, context: string | undefined): LoadedConfig {
  const { KUBERNETES_SERVICE_HOST: host, KUBERNETES_SERVICE_PORT: port } = environment.env;
  // client-node's names for the one context it makes of a ServiceAccount.
  if (context !== undefined && context !== "inClusterContext")
    throw unknownContext(context, ["inClusterContext"]);
  if (!host || !port)
    throw new Error(
      `a ServiceAccount token is mounted in ${environment.serviceAccountDir} but KUBERNETES_SERVICE_HOST or KUBERNETES_SERVICE_PORT is not set: run inside a pod, or set KUBECONFIG or pass --kubeconfig`,
    );
  return {
    supported: true,
    config: {
      description: "the in-cluster ServiceAccount",
      server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
      ca: { file: join(environment.serviceAccountDir, "ca.crt") },
      insecureSkipTlsVerify: false,
      token: { file: join(environment.serviceAccountDir, "token") },
    },
  };
}

type Doc = Record<string, unknown>;

const isDoc = (value: unknown): value is Doc =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function named(doc: Doc, list: string, field: string): Map<string, Doc> {
  const entries = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
  const found = new Map<string, Doc>();
  for (const entry of entries) {
    if (!isDoc(entry) || typeof entry.name !== "string") continue;
    if (!found.has(entry.name)) found.set(entry.name, isDoc(entry[field]) ? entry[field] : {});
  }
  return found;
}

const CLUSTER_FIELDS = new Set([
  "server",
  "certificate-authority",
  "certificate-authority-data",
  "insecure-skip-tls-verify",
  "tls-server-name",
  "disable-compression",
  "extensions",
]);
const USER_FIELDS = new Set([
  "token",
  "tokenFile",
  "token-file",
  "client-certificate",
  "client-certificate-data",
  "client-key",
  "client-key-data",
  "extensions",
]);
const FIELD_NAMES: Readonly<Record<string, string>> = {
  exec: "an exec credential plugin (user.exec)",
  "auth-provider": "an auth-provider plugin (user.auth-provider)",
  username: "a username and password",
  password: "a username and password",
  as: "impersonation (user.as)",
  "as-groups": "impersonation (user.as-groups)",
  "as-uid": "impersonation (user.as-uid)",
  "as-user-extra": "impersonation (user.as-user-extra)",
  "proxy-url": "a proxy (cluster.proxy-url)",
};

function needsOf(fields: Doc, known: ReadonlySet<string>): string | undefined {
  const other = Object.keys(fields).filter(
    (k) => !known.has(k) && fields[k] !== undefined && fields[k] !== null,
  );
  if (other.length === 0) return undefined;
  return [...new Set(other.map((k) => FIELD_NAMES[k] ?? k))].join(", ");
}

function fromFile(path: string, context: string | undefined): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `cannot read the kubeconfig ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { cause: error },
    );
  }
  let doc: unknown;
  try {
    doc = load(text);
  } catch (error) {
    // The parser's message quotes the input, which may hold credentials: only where it failed.
    const mark = (error as { mark?: { line?: number } }).mark;
    throw new Error(
      `the kubeconfig ${path} is not valid YAML${mark?.line === undefined ? "" : ` (line ${mark.line + 1})`}`,
      { cause: error },
    );
  }
  return fromDocument(isDoc(doc) ? doc : {}, path, context);
}

/** The configuration of one kubeconfig document; relative file names are relative to its folder. */
export function fromDocument(doc: Doc, path: string, context: string | undefined): LoadedConfig {
  const contexts = named(doc, "contexts", "context");
  const name = context ?? (typeof doc["current-context"] === "string" ? doc["current-context"] : undefined);
  if (context !== undefined && !contexts.has(context)) throw unknownContext(context, [...contexts.keys()]);
  const selected = name === undefined ? undefined : contexts.get(name);
  const cluster =
    typeof selected?.cluster === "string"
      ? named(doc, "clusters", "cluster").get(selected.cluster)
      : undefined;
  if (cluster === undefined || typeof cluster.server !== "string" || cluster.server === "")
    throw new Error(NO_CLUSTER);
  // No user, or one that is not there, is an anonymous client, as with client-node.
  const user =
    (typeof selected?.user === "string" ? named(doc, "users", "user").get(selected.user) : {}) ?? {};
  const needs = [needsOf(cluster, CLUSTER_FIELDS), needsOf(user, USER_FIELDS)].filter((n) => n !== undefined);
  if (needs.length > 0) return { supported: false, needs: needs.join(", ") };
  const server = cluster.server.replace(/\/$/, "");
  if (!server.startsWith("https://"))
    return { supported: false, needs: `a server that is not https (${server})` };
  const dir = dirname(path);
  const material = (file: unknown, data: unknown): Material | undefined => {
    if (typeof file === "string" && file !== "") return { file: isAbsolute(file) ? file : join(dir, file) };
    if (typeof data === "string" && data !== "") return { data: Buffer.from(data, "base64") };
    return undefined;
  };
  const tokenFile = user.tokenFile ?? user["token-file"];
  const token =
    typeof user.token === "string" && user.token !== ""
      ? { value: user.token }
      : typeof tokenFile === "string" && tokenFile !== ""
        ? { file: isAbsolute(tokenFile) ? tokenFile : join(dir, tokenFile) }
        : undefined;
  const ca = material(cluster["certificate-authority"], cluster["certificate-authority-data"]);
  const cert = material(user["client-certificate"], user["client-certificate-data"]);
  const key = material(user["client-key"], user["client-key-data"]);
  return {
    supported: true,
    config: {
      description: `the kubeconfig ${path}, context ${name ?? ""}`,
      server,
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      insecureSkipTlsVerify: cluster["insecure-skip-tls-verify"] === true,
      ...(typeof cluster["tls-server-name"] === "string" && cluster["tls-server-name"] !== ""
        ? { serverName: cluster["tls-server-name"] }
        : {}),
      ...(token ? { token } : {}),
    },
  };
}

async function read(material: Material | undefined, what: string): Promise<Buffer | undefined> {
  if (material === undefined) return undefined;
  if ("data" in material) return material.data;
  try {
    return await readFile(material.file);
  } catch (error) {
    throw new Error(
      `cannot read the ${what} ${material.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { cause: error },
    );
  }
}

/** What the next request goes with: every file read again. */
export async function targetOf(config: LightConfig): Promise<RequestTarget> {
  const [ca, cert, key] = await Promise.all([
    read(config.ca, "certificate authority"),
    read(config.cert, "client certificate"),
    read(config.key, "client key"),
  ]);
  let token: string | undefined;
  if (config.token !== undefined)
    token =
      "value" in config.token
        ? config.token.value
        : (await read({ file: config.token.file }, "token file"))?.toString("utf8").trim();
  return {
    server: config.server,
    tls: {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      ...(config.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
      ...(config.serverName ? { serverName: config.serverName } : {}),
    },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  };
}

/**
 * The webhook's connection: over node:https when the configuration allows, otherwise through client-node (loaded
 * only then). Logs at info which one, and why.
 */
export async function connectLight(
  options: KubeConfigOptions,
  log: Logger,
  environment: Environment = processEnvironment(),
): Promise<ApiConnection> {
  const loaded = loadLightConfig(options, environment);
  if (loaded.supported) {
    const { config } = loaded;
    log.info({ source: config.description, server: config.server }, "API server connection: node:https");
    return httpsConnection(config.description, () => targetOf(config));
  }
  log.info(
    { needs: loaded.needs },
    "API server connection: client-node (the kubeconfig needs what only client-node supports; it costs ~80 MiB)",
  );
  const [{ loadKubeConfig }, { kubeConfigConnection }] = await Promise.all([
    import("./config.ts"),
    import("./http.ts"),
  ]);
  return kubeConfigConnection(loadKubeConfig(options));
}
