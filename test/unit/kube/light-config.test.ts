// The webhook's kubeconfig loader without client-node: which configuration it finds (client-node's search order),
// what each request goes with, what it leaves to client-node, and the errors (the same words as src/kube/config.ts).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump } from "js-yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Environment, loadLightConfig, targetOf } from "../../../src/kube/light-config.ts";

const b64 = (s: string): string => Buffer.from(s).toString("base64");

/** A kubeconfig with one context `x` (cluster `c`, user `u`), the given fields merged into its cluster and user. */
function kubeconfig(
  cluster: Record<string, unknown>,
  user: Record<string, unknown> = {},
  extra = {},
): string {
  return dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "c", cluster: { server: "https://api.example:6443", ...cluster } }],
    users: [{ name: "u", user }],
    contexts: [{ name: "x", context: { cluster: "c", user: "u" } }],
    "current-context": "x",
    ...extra,
  });
}

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "light-config-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Case {
  readonly name: string;
  /** Files to write, relative to the temporary folder (`<dir>` in a file's text is replaced by that folder). */
  readonly files: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly expect:
    | {
        readonly server: string;
        readonly headers?: Record<string, string>;
        readonly ca?: string;
        readonly cert?: string;
        readonly key?: string;
        readonly insecure?: boolean;
        readonly serverName?: string;
        readonly source?: string;
      }
    | { readonly needs: string }
    | { readonly error: string };
}

const cases: Case[] = [
  {
    name: "certificate data inline (the control plane's own kubeconfig)",
    files: {
      kc: kubeconfig(
        { "certificate-authority-data": b64("CA") },
        { "client-certificate-data": b64("CERT"), "client-key-data": b64("KEY") },
      ),
    },
    kubeconfig: "kc",
    expect: { server: "https://api.example:6443", ca: "CA", cert: "CERT", key: "KEY", headers: {} },
  },
  {
    name: "files named relative to the kubeconfig's folder, a bearer token, a trailing slash on the server",
    files: {
      "conf/kc": kubeconfig(
        { server: "https://api.example:6443/", "certificate-authority": "ca.crt" },
        { "client-certificate": "/<dir>/abs.crt", "client-key": "k/client.key", token: "t0ken" },
      ),
      "conf/ca.crt": "CA-FILE",
      "abs.crt": "CERT-FILE",
      "conf/k/client.key": "KEY-FILE",
    },
    kubeconfig: "conf/kc",
    expect: {
      server: "https://api.example:6443",
      ca: "CA-FILE",
      cert: "CERT-FILE",
      key: "KEY-FILE",
      headers: { authorization: "Bearer t0ken" },
    },
  },
  {
    name: "tokenFile (trimmed), insecure-skip-tls-verify, tls-server-name",
    files: {
      kc: kubeconfig(
        { "insecure-skip-tls-verify": true, "tls-server-name": "kubernetes.default" },
        { tokenFile: "token" },
      ),
      token: "from-file\n",
    },
    kubeconfig: "kc",
    expect: {
      server: "https://api.example:6443",
      headers: { authorization: "Bearer from-file" },
      insecure: true,
      serverName: "kubernetes.default",
    },
  },
  {
    name: "--context picks another context",
    files: {
      kc: dump({
        clusters: [
          { name: "a", cluster: { server: "https://a:1" } },
          { name: "b", cluster: { server: "https://b:2" } },
        ],
        users: [{ name: "u", user: { token: "tb" } }],
        contexts: [
          { name: "ca", context: { cluster: "a", user: "u" } },
          { name: "cb", context: { cluster: "b", user: "u" } },
        ],
        "current-context": "ca",
      }),
    },
    kubeconfig: "kc",
    context: "cb",
    expect: { server: "https://b:2", headers: { authorization: "Bearer tb" }, source: "context cb" },
  },
  {
    name: "a context without a user is anonymous",
    files: {
      kc: dump({
        clusters: [{ name: "c", cluster: { server: "https://c:1" } }],
        contexts: [{ name: "x", context: { cluster: "c" } }],
        "current-context": "x",
      }),
    },
    kubeconfig: "kc",
    expect: { server: "https://c:1", headers: {} },
  },
  {
    name: "KUBECONFIG before ~/.kube/config",
    files: {
      env: kubeconfig({ server: "https://from-env:1" }),
      "home/.kube/config": kubeconfig({ server: "https://from-home:1" }),
    },
    env: { KUBECONFIG: "<dir>/env", HOME: "<dir>/home" },
    expect: { server: "https://from-env:1", source: "env" },
  },
  {
    name: "~/.kube/config before the ServiceAccount",
    files: {
      "home/.kube/config": kubeconfig({ server: "https://from-home:1" }),
      "sa/token": "sa-token",
      "sa/ca.crt": "SA-CA",
    },
    env: { HOME: "<dir>/home", KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443" },
    expect: { server: "https://from-home:1" },
  },
  {
    name: "in a cluster: the ServiceAccount's token and CA, the service's address",
    files: { "sa/token": "sa-token\n", "sa/ca.crt": "SA-CA" },
    env: { HOME: "<dir>/nohome", KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443" },
    expect: {
      server: "https://10.0.0.1:443",
      ca: "SA-CA",
      headers: { authorization: "Bearer sa-token" },
      source: "in-cluster",
    },
  },
  {
    name: "in a cluster over IPv6",
    files: { "sa/token": "t", "sa/ca.crt": "CA" },
    env: { KUBERNETES_SERVICE_HOST: "fd00::1", KUBERNETES_SERVICE_PORT: "443" },
    expect: { server: "https://[fd00::1]:443", ca: "CA", headers: { authorization: "Bearer t" } },
  },
  // What only client-node supports: the webhook loads it then.
  {
    name: "an exec plugin",
    files: {
      kc: kubeconfig({}, { exec: { command: "aws", apiVersion: "client.authentication.k8s.io/v1" } }),
    },
    kubeconfig: "kc",
    expect: { needs: "an exec credential plugin (user.exec)" },
  },
  {
    name: "an auth-provider",
    files: { kc: kubeconfig({}, { "auth-provider": { name: "oidc" } }) },
    kubeconfig: "kc",
    expect: { needs: "an auth-provider plugin (user.auth-provider)" },
  },
  {
    name: "username and password",
    files: { kc: kubeconfig({}, { username: "admin", password: "pw" }) },
    kubeconfig: "kc",
    expect: { needs: "a username and password" },
  },
  {
    name: "impersonation",
    files: { kc: kubeconfig({}, { token: "t", as: "someone" }) },
    kubeconfig: "kc",
    expect: { needs: "impersonation (user.as)" },
  },
  {
    name: "a proxy",
    files: { kc: kubeconfig({ "proxy-url": "http://proxy:3128" }) },
    kubeconfig: "kc",
    expect: { needs: "a proxy (cluster.proxy-url)" },
  },
  {
    name: "a plain-HTTP server",
    files: { kc: kubeconfig({ server: "http://127.0.0.1:8080", "insecure-skip-tls-verify": true }) },
    kubeconfig: "kc",
    expect: { needs: "a server that is not https (http://127.0.0.1:8080)" },
  },
  {
    name: "several KUBECONFIG files (client-node merges them)",
    files: { a: kubeconfig({}), b: kubeconfig({}) },
    env: { KUBECONFIG: "<dir>/a:<dir>/b" },
    expect: { needs: "KUBECONFIG lists 2 files, which client-node merges" },
  },
  {
    name: "an unknown field, named",
    files: { kc: kubeconfig({}, { "some-future-auth": { x: 1 } }) },
    kubeconfig: "kc",
    expect: { needs: "some-future-auth" },
  },
  // Errors, in ./config.ts's words.
  {
    name: "nothing configured",
    files: {},
    env: { HOME: "<dir>/nohome" },
    expect: {
      error:
        "no Kubernetes cluster is configured (no $KUBECONFIG, no ~/.kube/config, not in a cluster): set KUBECONFIG or pass --kubeconfig",
    },
  },
  {
    name: "an unknown context",
    files: { kc: kubeconfig({}) },
    kubeconfig: "kc",
    context: "nope",
    expect: { error: 'context "nope" is not in the kubeconfig; pick one of: x' },
  },
  {
    name: "an unknown context in a cluster",
    files: { "sa/token": "t" },
    env: { KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443" },
    context: "nope",
    expect: { error: 'context "nope" is not in the kubeconfig; pick one of: inClusterContext' },
  },
  {
    name: "no current context",
    files: { kc: dump({ clusters: [{ name: "c", cluster: { server: "https://c:1" } }] }) },
    kubeconfig: "kc",
    expect: {
      error:
        "no Kubernetes cluster is configured: set KUBECONFIG, pass --kubeconfig, or run inside a cluster",
    },
  },
  {
    name: "a context naming a cluster that is not there",
    files: {
      kc: dump({ contexts: [{ name: "x", context: { cluster: "gone" } }], "current-context": "x" }),
    },
    kubeconfig: "kc",
    expect: {
      error:
        "no Kubernetes cluster is configured: set KUBECONFIG, pass --kubeconfig, or run inside a cluster",
    },
  },
  {
    name: "a kubeconfig that is not there",
    files: {},
    kubeconfig: "missing",
    expect: { error: "cannot read the kubeconfig <dir>/missing: ENOENT" },
  },
  {
    name: "a kubeconfig that is not YAML, without quoting it",
    files: { kc: "token: s3cr3t\n  bad: [indent\n" },
    kubeconfig: "kc",
    expect: { error: "the kubeconfig <dir>/kc is not valid YAML (line 2)" },
  },
  {
    name: "a ServiceAccount without the service's address",
    files: { "sa/token": "t" },
    env: {},
    expect: {
      error:
        "a ServiceAccount token is mounted in <dir>/sa but KUBERNETES_SERVICE_HOST or KUBERNETES_SERVICE_PORT is not set: run inside a pod, or set KUBECONFIG or pass --kubeconfig",
    },
  },
];

describe("the light kubeconfig loader", () => {
  it.each(cases)("$name", async (c) => {
    const at = (s: string): string => s.replaceAll("<dir>", dir);
    for (const [file, text] of Object.entries(c.files)) {
      await mkdir(join(dir, file, ".."), { recursive: true });
      await writeFile(join(dir, file), at(text));
    }
    const environment: Environment = {
      env: Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, at(v)])),
      serviceAccountDir: join(dir, "sa"),
    };
    const options = {
      ...(c.kubeconfig ? { kubeconfig: join(dir, c.kubeconfig) } : {}),
      ...(c.context ? { context: c.context } : {}),
    };
    const run = () => loadLightConfig(options, environment);
    if ("error" in c.expect) {
      expect(run).toThrow(at(c.expect.error));
      try {
        run();
      } catch (error) {
        expect(String(error)).not.toContain("s3cr3t");
      }
      return;
    }
    const loaded = run();
    if ("needs" in c.expect) {
      expect(loaded).toEqual({ supported: false, needs: c.expect.needs });
      return;
    }
    if (!loaded.supported) throw new Error(`expected a supported configuration, got: ${loaded.needs}`);
    const want = c.expect;
    if (want.source) expect(loaded.config.description).toContain(want.source);
    const target = await targetOf(loaded.config);
    expect(target.server).toBe(want.server);
    if (want.headers) expect(target.headers).toEqual(want.headers);
    expect(target.tls.ca?.toString()).toBe(want.ca);
    expect(target.tls.cert?.toString()).toBe(want.cert);
    expect(target.tls.key?.toString()).toBe(want.key);
    expect(target.tls.insecureSkipTlsVerify).toBe(want.insecure);
    expect(target.tls.serverName).toBe(want.serverName);
  });

  it("reads the token file and certificates again for every request (projected tokens rotate)", async () => {
    await mkdir(join(dir, "sa"));
    await writeFile(join(dir, "sa", "token"), "first");
    await writeFile(join(dir, "sa", "ca.crt"), "CA-1");
    const loaded = loadLightConfig(
      {},
      {
        env: { KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBERNETES_SERVICE_PORT: "443" },
        serviceAccountDir: join(dir, "sa"),
      },
    );
    if (!loaded.supported) throw new Error(loaded.needs);
    expect((await targetOf(loaded.config)).headers).toEqual({ authorization: "Bearer first" });
    await writeFile(join(dir, "sa", "token"), "second");
    await writeFile(join(dir, "sa", "ca.crt"), "CA-2");
    const next = await targetOf(loaded.config);
    expect(next.headers).toEqual({ authorization: "Bearer second" });
    expect(next.tls.ca?.toString()).toBe("CA-2");
  });

  it("names a file that went missing when a request is made", async () => {
    await writeFile(join(dir, "kc"), kubeconfig({}, { tokenFile: "token" }));
    const loaded = loadLightConfig({ kubeconfig: join(dir, "kc") }, { env: {}, serviceAccountDir: dir });
    if (!loaded.supported) throw new Error(loaded.needs);
    await expect(targetOf(loaded.config)).rejects.toThrow(
      `cannot read the token file ${join(dir, "token")}: ENOENT`,
    );
  });
});
