// The webhook's decision over real AdmissionReview requests (test/fixtures/admission): each allowed pod is patched and
// checked as the API server would store it, each refusal by its code and message; plus idempotency and determinism.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type AdmitConfig,
  type AdmitResult,
  admit,
  defaultAdmitConfig,
  FLYTE_SECRETS_ENV,
  FLYTE2_SECRETS_ENV,
  type InjectedRecord,
  type JsonPatchOperation,
  type NamespaceFacts,
} from "../../../src/domain/admit.ts";
import { compileNameTemplate } from "../../../src/domain/binding.ts";
import { type CatalogEntry, entryOf, type ReadyCatalog, readyCatalog } from "../../../src/domain/catalog.ts";
import { encodeFlyteSecret } from "../../../src/domain/flyte-encoding.ts";
import { imagePullSecretName } from "../../../src/domain/names.ts";
import type { Scope } from "../../../src/domain/scope.ts";
import { applyPatch } from "./apply-patch.ts";
import { catalogEntry } from "./entries.ts";

const fixtures = new URL("../../fixtures/admission/", import.meta.url);

type Json = Record<string, unknown>;

const entry = (key: string, scope: Scope = {}, type: CatalogEntry["type"] = "Generic") =>
  catalogEntry(key, scope, { type });

const catalog: ReadyCatalog = readyCatalog([
  entry("DB_PASSWORD"),
  entry("DB_PASSWORD", { project: "flytesnacks", domain: "development" }),
  entry("API_TOKEN", { project: "flytesnacks" }),
  entry("TLS_CERT", { domain: "development" }),
  entry("SERVICE_ACCOUNT_JSON", { project: "flytesnacks", domain: "development" }),
  entry("my_key"),
  entry("api_key"),
  entry("password"),
  entry("REGISTRY", {}, "ImagePull"),
  entry("OTHER_PROJECT_ONLY", { project: "other" }),
  // Flyte 2's task pods (test/fixtures/admission/flyte2-form.json).
  entry("MY_SECRET_KEY", { project: "flytesnacks", domain: "development" }),
  entry("openai-key"),
  entry("id"),
  entry("ssh_key"),
  // Placed by the controller in the organization's fourth Secret (its first ones are full).
  catalogEntry("SPREAD_KEY", {}, { secretName: "flyte-secrets.s.3" }),
  // A status edited by hand to name a Secret that is not the organization's.
  catalogEntry("TAMPERED_KEY", {}, { name: "tampered", secretName: "kube-root-ca.crt" }),
  // The controller found someone else's Secret with the managed name of this scope in namespace squat.
  catalogEntry(
    "ALPHA_KEY",
    { project: "flytesnacks" },
    {
      name: "alpha-key",
      blocked: [{ namespace: "squat", secret: "flyte-secrets.p.flytesnacks", reason: "NotManaged" }],
    },
  ),
]);

const namespaces: Record<string, NamespaceFacts> = {
  "flytesnacks-development": {
    name: "flytesnacks-development",
    labels: {
      "kubernetes.io/metadata.name": "flytesnacks-development",
      "secrets.flyte.org/project": "flytesnacks",
      "secrets.flyte.org/domain": "development",
    },
  },
  "flyte-tasks": {
    name: "flyte-tasks",
    labels: { "kubernetes.io/metadata.name": "flyte-tasks", "secrets.flyte.org/shared": "true" },
  },
  default: { name: "default", labels: { "kubernetes.io/metadata.name": "default" } },
  squat: {
    name: "squat",
    labels: { "secrets.flyte.org/project": "flytesnacks", "secrets.flyte.org/domain": "development" },
  },
};

interface Fixture {
  readonly pod: unknown;
  readonly namespace: NamespaceFacts | undefined;
}

function load(file: string): Fixture {
  const review = JSON.parse(readFileSync(new URL(file, fixtures), "utf8")) as {
    request: { namespace: string; object: unknown };
  };
  return { pod: review.request.object, namespace: namespaces[review.request.namespace] };
}

function patched(pod: unknown, patch: readonly JsonPatchOperation[]): Json {
  const result = applyPatch(pod, patch);
  if (!result.ok) throw new Error(result.message);
  return result.document as Json;
}

function run(file: string, config: AdmitConfig = defaultAdmitConfig) {
  const { pod, namespace } = load(file);
  const result = admit(pod, namespace, catalog, config);
  return { pod, namespace, result };
}

function allowed(file: string) {
  const { pod, namespace, result } = run(file);
  if (!result.allowed) throw new Error(`${file} was refused: ${result.message}`);
  return { pod, namespace, result, after: patched(pod, result.patch) };
}

// --- reading the patched pod

const spec = (pod: Json): Json => pod.spec as Json;
function containers(pod: Json): Json[] {
  return [...((spec(pod).containers as Json[]) ?? []), ...((spec(pod).initContainers as Json[]) ?? [])];
}
const envNamed = (container: Json, name: string): Json[] =>
  ((container.env as Json[] | undefined) ?? []).filter((env) => env.name === name);
const mountsOf = (container: Json): Json[] => (container.volumeMounts as Json[] | undefined) ?? [];
const volume = (pod: Json, name: string): Json | undefined =>
  ((spec(pod).volumes as Json[] | undefined) ?? []).find((v) => v.name === name);
function injected(pod: Json): InjectedRecord[] {
  const value = ((pod.metadata as Json).annotations as Json)["secrets.flyte.org/injected"];
  expect(typeof value).toBe("string");
  return JSON.parse(value as string) as InjectedRecord[];
}

const registry = imagePullSecretName({}, "REGISTRY");

const ref = (name: string, key: string, env: string) => ({
  name: env,
  valueFrom: { secretKeyRef: { name, key } },
});

/** Every container and init container has exactly `expected`, once. */
function expectEnvEverywhere(pod: Json, expected: Json): void {
  for (const container of containers(pod)) {
    expect(envNamed(container, expected.name as string), `${container.name}`).toEqual([expected]);
  }
}

function expectMountEverywhere(pod: Json, expected: Json): void {
  for (const container of containers(pod)) {
    const at = mountsOf(container).filter((m) => m.mountPath === expected.mountPath);
    expect(at, `${container.name}`).toEqual([expected]);
  }
}

const projected = (sources: { secret: string; items: { key: string; path: string }[] }[]) => ({
  defaultMode: 0o444,
  sources: sources.map(({ secret, items }) => ({ secret: { name: secret, items } })),
});

// --- the tables

const allowedFixtures: Record<string, (fixture: ReturnType<typeof allowed>) => void> = {
  "native-several-containers.json": ({ pod, after, result }) => {
    expect(containers(after).map((c) => c.name)).toEqual(["main", "sidecar", "fetch-data"]);
    expectEnvEverywhere(
      after,
      ref("flyte-secrets.p.flytesnacks.d.development", "DB_PASSWORD", "DB_PASSWORD"),
    );
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks", "API_TOKEN", "API_TOKEN"));
    // The same-named variable of the main container is replaced where it was; the others are kept.
    const main = containers(after)[0] as Json;
    expect((main.env as Json[]).map((e) => e.name)).toEqual([
      "LOG_LEVEL",
      "DB_PASSWORD",
      "POD_NAME",
      "API_TOKEN",
    ]);
    expect(envNamed(main, "POD_NAME")).toEqual(envNamed(containers(pod as Json)[0] as Json, "POD_NAME"));
    expect(envNamed(containers(after)[2] as Json, "DATA_URL")).toEqual([
      { name: "DATA_URL", value: "s3://bucket/data" },
    ]);
    expectMountEverywhere(after, { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true });
    expectMountEverywhere(after, {
      name: "flyte-secrets-1",
      mountPath: "/root/sa.json",
      subPath: "root/sa.json",
      readOnly: true,
    });
    expectMountEverywhere(after, {
      name: "kube-api-access-x7k2p",
      mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
      readOnly: true,
    });
    expect(((spec(after).volumes as Json[]) ?? []).map((v) => v.name)).toEqual([
      "scratch",
      "kube-api-access-x7k2p",
      "flyte-secrets",
      "flyte-secrets-1",
    ]);
    expect(volume(after, "flyte-secrets")?.projected).toEqual(
      projected([{ secret: "flyte-secrets.d.development", items: [{ key: "TLS_CERT", path: "TLS_CERT" }] }]),
    );
    expect(volume(after, "flyte-secrets-1")?.projected).toEqual(
      projected([
        {
          secret: "flyte-secrets.p.flytesnacks.d.development",
          items: [{ key: "SERVICE_ACCOUNT_JSON", path: "root/sa.json" }],
        },
      ]),
    );
    expect(injected(after)).toEqual([
      {
        key: "DB_PASSWORD",
        scope: "project=flytesnacks,domain=development",
        secret: "flyte-secrets.p.flytesnacks.d.development",
        env: ["DB_PASSWORD"],
      },
      {
        key: "TLS_CERT",
        scope: "domain=development",
        secret: "flyte-secrets.d.development",
        files: ["/etc/flyte/secrets/TLS_CERT"],
      },
      {
        key: "SERVICE_ACCOUNT_JSON",
        scope: "project=flytesnacks,domain=development",
        secret: "flyte-secrets.p.flytesnacks.d.development",
        files: ["/root/sa.json"],
      },
      {
        key: "API_TOKEN",
        scope: "project=flytesnacks",
        secret: "flyte-secrets.p.flytesnacks",
        env: ["API_TOKEN"],
      },
    ]);
    expect(((after.metadata as Json).annotations as Json)["kubectl.kubernetes.io/default-container"]).toBe(
      "main",
    );
    expect(result.injected).toEqual(["DB_PASSWORD", "TLS_CERT", "SERVICE_ACCOUNT_JSON", "API_TOKEN"]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/environment variable DB_PASSWORD .*container "main".* replaced/),
      expect.stringMatching(/\/root\/sa\.json is mounted by subPath .* rotated/),
    ]);
  },

  "native-json-bound-namespace.json": ({ after, result }) => {
    // No pod labels: project and domain come from the namespace; project+domain beats organization.
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks.d.development", "DB_PASSWORD", "PGPASSWORD"));
    expect(containers(after)[0]?.env).toHaveLength(1);
    expect(mountsOf(containers(after)[0] as Json)).toEqual([
      { name: "flyte-secrets", mountPath: "/var/run/tls", readOnly: true },
    ]);
    expect(spec(after).volumes).toEqual([
      {
        name: "flyte-secrets",
        projected: projected([
          { secret: "flyte-secrets.d.development", items: [{ key: "TLS_CERT", path: "TLS_CERT" }] },
        ]),
      },
    ]);
    expect(result.warnings).toBeUndefined();
    // The arrays were created whole.
    expect(result.patch.map((op) => `${op.op} ${op.path}`)).toEqual([
      "add /spec/containers/0/env",
      "add /spec/containers/0/volumeMounts",
      "add /spec/volumes",
      "add /metadata/annotations/secrets.flyte.org~1injected",
    ]);
  },

  "flyte-form.json": ({ after }) => {
    for (const { name, value } of FLYTE_SECRETS_ENV) expectEnvEverywhere(after, { name, value });
    expectEnvEverywhere(after, { name: "FLYTE_SECRETS_DEFAULT_DIR", value: "/etc/flyte/secrets" });
    expectEnvEverywhere(after, { name: "FLYTE_SECRETS_FILE_PREFIX", value: "" });
    expectEnvEverywhere(after, { name: "FLYTE_SECRETS_ENV_PREFIX", value: "_FSEC_" });
    expectEnvEverywhere(after, ref("flyte-secrets", "my_key", "_FSEC_MY_KEY"));
    // s2 is written with octal, hex, single-quoted and adjacent strings: group db_creds, key password.
    expectEnvEverywhere(after, ref("flyte-secrets", "password", "_FSEC_DB_CREDS_PASSWORD"));
    expectEnvEverywhere(after, ref("flyte-secrets", "password", "DB_PASS"));
    expectEnvEverywhere(after, { name: "OPENAI_KEY_PATH", value: "/etc/flyte/secrets/openai/api_key" });
    expectMountEverywhere(after, { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true });
    expect(volume(after, "flyte-secrets")?.projected).toEqual(
      projected([{ secret: "flyte-secrets", items: [{ key: "api_key", path: "openai/api_key" }] }]),
    );
    const main = containers(after)[0] as Json;
    expect((main.env as Json[]).slice(0, 4).map((e) => e.name)).toEqual([
      "FLYTE_INTERNAL_EXECUTION_WORKFLOW",
      "FLYTE_INTERNAL_EXECUTION_ID",
      "FLYTE_INTERNAL_EXECUTION_PROJECT",
      "FLYTE_INTERNAL_EXECUTION_DOMAIN",
    ]);
    expect(injected(after)).toEqual([
      { key: "my_key", scope: "organization", secret: "flyte-secrets", env: ["_FSEC_MY_KEY"] },
      {
        key: "api_key",
        scope: "organization",
        secret: "flyte-secrets",
        files: ["/etc/flyte/secrets/openai/api_key"],
        pathEnv: ["OPENAI_KEY_PATH"],
      },
      {
        key: "password",
        scope: "organization",
        secret: "flyte-secrets",
        env: ["_FSEC_DB_CREDS_PASSWORD", "DB_PASS"],
      },
    ]);
  },

  "flyte2-form.json": ({ after, result }) => {
    // Flyte 2's pod: the organization label; env vars named exactly env_var, Flyte 2's settings, no _FSEC_ names.
    for (const { name, value } of FLYTE2_SECRETS_ENV) expectEnvEverywhere(after, { name, value });
    expectEnvEverywhere(after, { name: "FLYTE_SECRETS_ENV_PREFIX", value: "_UNION_" });
    expectEnvEverywhere(
      after,
      ref("flyte-secrets.p.flytesnacks.d.development", "MY_SECRET_KEY", "MY_SECRET_ENV_VAR"),
    );
    expectEnvEverywhere(after, ref("flyte-secrets", "openai-key", "OPENAI_KEY"));
    // The group is ignored, as Flyte 2 ignores it: the key alone names the secret.
    expectEnvEverywhere(after, ref("flyte-secrets", "id", "AWS_ACCESS_KEY_ID"));
    const main = containers(after)[0] as Json;
    expect((main.env as Json[]).map((e) => e.name)).toEqual([
      "LOG_LEVEL",
      "FLYTE_SECRETS_DEFAULT_DIR",
      "FLYTE_SECRETS_FILE_PREFIX",
      "FLYTE_SECRETS_ENV_PREFIX",
      "MY_SECRET_ENV_VAR",
      "OPENAI_KEY",
      "AWS_ACCESS_KEY_ID",
    ]);
    // Files keep the key's case, plus the lower-cased name when it differs.
    expectMountEverywhere(after, { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true });
    expect(volume(after, "flyte-secrets")?.projected).toEqual(
      projected([
        { secret: "flyte-secrets", items: [{ key: "ssh_key", path: "ssh_key" }] },
        {
          secret: "flyte-secrets.d.development",
          items: [
            { key: "TLS_CERT", path: "TLS_CERT" },
            { key: "TLS_CERT", path: "tls_cert" },
          ],
        },
      ]),
    );
    expect(injected(after)).toEqual([
      {
        key: "MY_SECRET_KEY",
        scope: "project=flytesnacks,domain=development",
        secret: "flyte-secrets.p.flytesnacks.d.development",
        env: ["MY_SECRET_ENV_VAR"],
      },
      { key: "openai-key", scope: "organization", secret: "flyte-secrets", env: ["OPENAI_KEY"] },
      { key: "id", scope: "organization", secret: "flyte-secrets", env: ["AWS_ACCESS_KEY_ID"] },
      {
        key: "TLS_CERT",
        scope: "domain=development",
        secret: "flyte-secrets.d.development",
        files: ["/etc/flyte/secrets/TLS_CERT", "/etc/flyte/secrets/tls_cert"],
      },
      {
        key: "ssh_key",
        scope: "organization",
        secret: "flyte-secrets",
        files: ["/etc/flyte/secrets/ssh_key"],
      },
    ]);
    expect(result.injected).toEqual(["MY_SECRET_KEY", "openai-key", "id", "TLS_CERT", "ssh_key"]);
  },

  "both-forms-shared-namespace.json": ({ after, result }) => {
    expect(containers(after).map((c) => c.name)).toEqual(["main", "init"]);
    expectEnvEverywhere(
      after,
      ref("flyte-secrets.p.flytesnacks.d.development", "DB_PASSWORD", "DB_PASSWORD"),
    );
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks", "API_TOKEN", "TOKEN"));
    for (const { name, value } of FLYTE_SECRETS_ENV) expectEnvEverywhere(after, { name, value });
    expectMountEverywhere(after, { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true });
    expect(volume(after, "flyte-secrets")?.projected).toEqual(
      projected([{ secret: "flyte-secrets", items: [{ key: "my_key", path: "my_key" }] }]),
    );
    expect(result.injected).toEqual(["DB_PASSWORD", "API_TOKEN", "my_key"]);
  },

  "image-pull.json": ({ after }) => {
    expect(spec(after).imagePullSecrets).toEqual([{ name: "regcred" }, { name: registry }]);
    // project other sees only the organization's DB_PASSWORD.
    expectEnvEverywhere(after, ref("flyte-secrets", "DB_PASSWORD", "PGPASSWORD"));
    for (const container of containers(after)) expect(envNamed(container, "REGISTRY")).toEqual([]);
    expect(volume(after, "flyte-secrets")).toBeUndefined();
    expect(injected(after)).toEqual([
      { key: "REGISTRY", scope: "organization", secret: registry, imagePull: true },
      { key: "DB_PASSWORD", scope: "organization", secret: "flyte-secrets", env: ["PGPASSWORD"] },
    ]);
  },

  "nested-directories.json": ({ after, result }) => {
    // /etc/flyte/secrets/tls/ and the exact file /etc/flyte/secrets/sa.json are served by the volume of the outer
    // directory, mounted whole: no nested read-only mounts, no subPath, all files follow rotation.
    const mounts = mountsOf(containers(after)[0] as Json).filter((m) =>
      String(m.name).startsWith("flyte-secrets"),
    );
    expect(mounts).toEqual([
      { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true },
      { name: "flyte-secrets-1", mountPath: "/opt/creds", readOnly: true },
    ]);
    expect(volume(after, "flyte-secrets")?.projected).toEqual(
      projected([
        { secret: "flyte-secrets.d.development", items: [{ key: "TLS_CERT", path: "tls/TLS_CERT" }] },
        { secret: "flyte-secrets.p.flytesnacks", items: [{ key: "API_TOKEN", path: "API_TOKEN" }] },
        {
          secret: "flyte-secrets.p.flytesnacks.d.development",
          items: [{ key: "SERVICE_ACCOUNT_JSON", path: "sa.json" }],
        },
      ]),
    );
    expect(volume(after, "flyte-secrets-1")?.projected).toEqual(
      projected([
        {
          secret: "flyte-secrets.p.flytesnacks.d.development",
          items: [{ key: "DB_PASSWORD", path: "DB_PASSWORD" }],
        },
      ]),
    );
    expect(result.warnings).toBeUndefined();
  },

  "no-opt-in.json": ({ pod, after, result }) => {
    expect(result.patch).toEqual([]);
    expect(after).toEqual(pod);
  },

  "opted-in-without-requests.json": ({ pod, after, result }) => {
    expect(result.patch).toEqual([]);
    expect(after).toEqual(pod);
  },
};

const refusedFixtures: Record<string, { code: 400 | 403; says: (string | RegExp)[] }> = {
  "refuse-unknown-key.json": {
    code: 403,
    says: [
      "secret NOPE is not available to project flytesnacks, domain development",
      "no Ready FlyteSecret has this key",
      "flyte create secret NOPE --project flytesnacks --domain development",
      "ask an admin",
    ],
  },
  "refuse-out-of-scope.json": {
    code: 403,
    says: [
      "2 requested secrets are not available to project flytesnacks, domain development",
      "OTHER_PROJECT_ONLY (it exists only for project=other",
      "NOPE (no Ready FlyteSecret has this key)",
      "flyte create secret OTHER_PROJECT_ONLY --project flytesnacks --domain development",
      "flyte create secret NOPE --project flytesnacks --domain development",
    ],
  },
  "refuse-contradicting-label.json": {
    code: 403,
    says: [
      "pod label project=other contradicts namespace flytesnacks-development",
      "bound to project flytesnacks",
    ],
  },
  "refuse-non-participating-namespace.json": {
    code: 403,
    says: ["namespace default does not take part in flyte-secrets", "secrets.flyte.org/shared=true"],
  },
  "refuse-shared-missing-label.json": {
    code: 403,
    says: ["shared namespace flyte-tasks has no domain label"],
  },
  "refuse-unknown-namespace.json": {
    code: 403,
    says: ['namespace "created-a-moment-ago" is not known to the flyte-secrets webhook', "retry"],
  },
  "refuse-bad-env-name.json": {
    code: 400,
    says: [
      "secrets.flyte.org/secrets[0] (key DB_PASSWORD)",
      'as_env_var "1DB-PASSWORD" is not a valid environment',
    ],
  },
  "refuse-relative-mount.json": { code: 400, says: ['mount "etc/tls" must be an absolute path'] },
  "refuse-mount-clash.json": {
    code: 403,
    says: ['container "helper" already mounts volume "settings" at "/etc/flyte/secrets"'],
  },
  "refuse-volume-clash.json": {
    code: 403,
    says: ["already has a volume named flyte-secrets that flyte-secrets did not create", "rename"],
  },
  "refuse-malformed-annotation.json": {
    code: 400,
    says: [/^secrets\.flyte\.org\/secrets is not valid YAML or JSON: .* at line 2, column 1/],
  },
  "refuse-malformed-flyte-annotation.json": {
    code: 400,
    says: ['flyte.secrets/s0: bad base32 character " " at position 4'],
  },
  "refuse-containers-not-a-list.json": {
    code: 400,
    says: ["spec.containers must be a list but is a mapping"],
  },
  "refuse-env-name-not-a-string.json": {
    code: 400,
    says: ["spec.containers[0].env[0].name must be a string but is a number"],
  },
  "refuse-too-many-secrets.json": {
    code: 400,
    says: ["the pod asks for 120 secrets, more than the limit of 100 per pod"],
  },
  "refuse-huge-annotation.json": { code: 400, says: ["more than the limit of 65536 (64 KiB)"] },
  "refuse-pod-not-an-object.json": { code: 400, says: ["the pod must be a JSON object but is a list"] },
  "refuse-blocked-namespace.json": {
    code: 403,
    says: [
      "secret ALPHA_KEY cannot be delivered in namespace squat",
      "the Secret squat/flyte-secrets.p.flytesnacks there has the managed name but was not written by the flyte-secrets controller",
      "FlyteSecret flyte-secrets/alpha-key reports it in status.blocked, reason NotManaged",
      "Fix: an admin should delete it (kubectl -n squat delete secret flyte-secrets.p.flytesnacks)",
    ],
  },
  "refuse-names-managed-secret.json": {
    code: 403,
    says: [
      "the pod names managed Secrets itself: ",
      'container "main" env "OTHER_PROJECTS_TOKEN" (valueFrom.secretKeyRef) names flyte-secrets.p.other',
      'container "main" envFrom (secretRef) names flyte-secrets',
      'volume "stolen" (secret) names flyte-secrets.p.other',
      "Fix: remove those references",
    ],
  },
};

describe("admit over AdmissionReview fixtures", () => {
  it("covers every fixture file", () => {
    const files = readdirSync(fixtures).filter((file) => file.endsWith(".json"));
    expect(files.sort()).toEqual([...Object.keys(allowedFixtures), ...Object.keys(refusedFixtures)].sort());
  });

  describe("allowed", () => {
    it.each(Object.keys(allowedFixtures))("%s", (file) => {
      const fixture = allowed(file);
      allowedFixtures[file]?.(fixture);
    });

    it.each(Object.keys(allowedFixtures))("%s: admitting the patched pod changes nothing", (file) => {
      const { after, namespace, result } = allowed(file);
      const again = admit(after, namespace, catalog, defaultAdmitConfig);
      // Nothing to do and nothing to say again, but the same keys reported.
      expect(again).toEqual({ allowed: true, patch: [], injected: result.injected });
    });

    it.each(Object.keys(allowedFixtures))("%s: the same input gives the same answer", (file) => {
      expect(run(file).result).toEqual(run(file).result);
      expect(JSON.stringify(run(file).result)).toBe(JSON.stringify(run(file).result));
    });

    it.each(Object.keys(allowedFixtures))("%s: every env var holding a secret is a secretKeyRef", (file) => {
      const { pod, after } = allowed(file);
      for (const [index, container] of containers(after).entries()) {
        const before = new Set(
          ((containers(pod as Json)[index]?.env as Json[] | undefined) ?? []).map((e) => JSON.stringify(e)),
        );
        for (const env of (container.env as Json[] | undefined) ?? []) {
          if (before.has(JSON.stringify(env))) continue;
          if ("value" in env) {
            // The only plain values added: Flyte's settings and the paths of secret files.
            const settings = [...FLYTE_SECRETS_ENV, ...FLYTE2_SECRETS_ENV].map(({ name, value }) => ({
              name,
              value,
            }));
            expect(
              settings.some((s) => s.name === env.name && s.value === env.value) ||
                String(env.value).startsWith("/etc/flyte/secrets/"),
              JSON.stringify(env),
            ).toBe(true);
          } else {
            expect(Object.keys(env).sort()).toEqual(["name", "valueFrom"]);
            expect(Object.keys(env.valueFrom as Json)).toEqual(["secretKeyRef"]);
          }
        }
      }
    });
  });

  describe("refused", () => {
    it.each(Object.keys(refusedFixtures))("%s", (file) => {
      const expected = refusedFixtures[file];
      const { result } = run(file);
      expect(result).toMatchObject({ allowed: false, code: expected?.code });
      const message = (result as Extract<AdmitResult, { allowed: false }>).message;
      for (const part of expected?.says ?? []) {
        if (typeof part === "string") expect(message).toContain(part);
        else expect(message).toMatch(part);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Behaviours beyond the fixtures, on small pods built here

const bound: NamespaceFacts = namespaces["flytesnacks-development"] as NamespaceFacts;

function nativePod(
  secrets: unknown,
  podSpec: Json = { containers: [{ name: "main" }] },
  extra: Json = {},
): Json {
  return {
    metadata: {
      name: "p",
      labels: { "secrets.flyte.org/inject": "true", ...((extra.labels as Json) ?? {}) },
      annotations: {
        "secrets.flyte.org/secrets": typeof secrets === "string" ? secrets : JSON.stringify(secrets),
        ...((extra.annotations as Json) ?? {}),
      },
    },
    spec: podSpec,
  };
}

function admitted(pod: Json, namespace: NamespaceFacts | undefined = bound, config = defaultAdmitConfig) {
  const result = admit(pod, namespace, catalog, config);
  if (!result.allowed) throw new Error(result.message);
  const after = patched(pod, result.patch);
  expect(admit(after, namespace, catalog, config)).toMatchObject({ allowed: true, patch: [] });
  return { result, after };
}

function refused(pod: unknown, namespace: NamespaceFacts | undefined = bound, config = defaultAdmitConfig) {
  const result = admit(pod, namespace, catalog, config);
  if (result.allowed) throw new Error(`allowed: ${JSON.stringify(result.patch)}`);
  return result;
}

describe("admit", () => {
  it("binds a namespace by the name template and reads custom pod label keys", () => {
    const template = compileNameTemplate({
      template: "{{ project }}-{{ domain }}",
      domains: ["development"],
    });
    if (!template.ok) throw new Error(template.message);
    const config: AdmitConfig = {
      podLabels: { project: "flyte/project", domain: "flyte/domain" },
      matchName: template.match,
    };
    const pod = nativePod([{ key: "API_TOKEN" }], undefined, { labels: { "flyte/project": "flytesnacks" } });
    const { after } = admitted(pod, { name: "flytesnacks-development" }, config);
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks", "API_TOKEN", "API_TOKEN"));
    const contradicting = nativePod([{ key: "API_TOKEN" }], undefined, {
      labels: { "flyte/project": "other" },
    });
    expect(refused(contradicting, { name: "flytesnacks-development" }, config).message).toContain(
      "pod label flyte/project=other contradicts",
    );
  });

  it("leaves exactly one entry of a variable the pod set several times", () => {
    const pod = nativePod(["API_TOKEN"], {
      containers: [
        {
          name: "main",
          env: [
            { name: "API_TOKEN", value: "a" },
            { name: "KEEP", value: "k" },
            { name: "API_TOKEN", value: "b" },
            { name: "API_TOKEN", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } },
          ],
        },
      ],
    });
    const { after } = admitted(pod);
    expect((containers(after)[0] as Json).env).toEqual([
      ref("flyte-secrets.p.flytesnacks", "API_TOKEN", "API_TOKEN"),
      { name: "KEEP", value: "k" },
    ]);
  });

  it("keeps an equal entry the pod already has, and treats a missing value as the empty one", () => {
    const flytePod = {
      metadata: {
        labels: { "inject-flyte-secrets": "true" },
        annotations: {
          "flyte.secrets/s0": encodeFlyteSecret({ key: "my_key", mountRequirement: "ENV_VAR" }),
        },
      },
      spec: {
        containers: [
          {
            name: "main",
            // As the API server stores it: the empty FLYTE_SECRETS_FILE_PREFIX has no value field at all.
            env: [
              { name: "FLYTE_SECRETS_FILE_PREFIX" },
              { name: "_FSEC_MY_KEY", valueFrom: { secretKeyRef: { key: "my_key", name: "flyte-secrets" } } },
            ],
          },
        ],
      },
    };
    const { result } = admitted(flytePod);
    expect(result.patch.map((op) => op.path)).toEqual([
      "/spec/containers/0/env/-",
      "/spec/containers/0/env/-",
      "/metadata/annotations/secrets.flyte.org~1injected",
    ]);
    expect(result.warnings).toBeUndefined();
  });

  it("repairs its own volume and mounts when they differ, and leaves other volumes alone", () => {
    const stale = {
      name: "flyte-secrets",
      projected: {
        defaultMode: 0o444,
        sources: [{ secret: { name: "flyte-secrets", items: [{ key: "X", path: "X" }] } }],
      },
    };
    const pod = nativePod([{ key: "TLS_CERT", mount: "/etc/tls" }], {
      volumes: [{ name: "data", emptyDir: {} }, stale],
      containers: [
        {
          name: "main",
          volumeMounts: [
            { name: "data", mountPath: "/data" },
            { name: "flyte-secrets", mountPath: "/etc/tls" },
          ],
        },
      ],
    });
    const { result, after } = admitted(pod);
    expect(result.patch.map((op) => `${op.op} ${op.path}`)).toEqual([
      "replace /spec/containers/0/volumeMounts/1",
      "replace /spec/volumes/1",
      "add /metadata/annotations/secrets.flyte.org~1injected",
    ]);
    expect(mountsOf(containers(after)[0] as Json)).toEqual([
      { name: "data", mountPath: "/data" },
      { name: "flyte-secrets", mountPath: "/etc/tls", readOnly: true },
    ]);
  });

  it("adds an ImagePull Secret once, and not when the pod already lists it", () => {
    const pod = nativePod(["REGISTRY"], {
      containers: [{ name: "main" }],
      imagePullSecrets: [{ name: registry }],
    });
    const { result } = admitted(pod);
    expect(result.patch.map((op) => op.path)).toEqual(["/metadata/annotations/secrets.flyte.org~1injected"]);
    const fresh = admitted(nativePod(["REGISTRY"]));
    expect(spec(fresh.after).imagePullSecrets).toEqual([{ name: registry }]);
  });

  it("allows a Flyte-form pod whose annotations are null, which asks for nothing", () => {
    const pod = {
      metadata: { labels: { "inject-flyte-secrets": "true" }, annotations: null },
      spec: { containers: [{ name: "main" }] },
    };
    expect(admit(pod, bound, catalog, defaultAdmitConfig)).toEqual({
      allowed: true,
      patch: [],
      injected: [],
    });
  });

  it("escapes the annotation key in the patch path", () => {
    const { result } = admitted(nativePod(["API_TOKEN"]));
    const op = result.patch.at(-1);
    expect(op?.path).toBe("/metadata/annotations/secrets.flyte.org~1injected");
    expect(op?.op).toBe("add");
  });

  it("replaces a stale record of what was injected", () => {
    const pod = nativePod(["API_TOKEN"], undefined, { annotations: { "secrets.flyte.org/injected": "[]" } });
    const { result, after } = admitted(pod);
    expect(result.patch.at(-1)).toMatchObject({
      op: "replace",
      path: "/metadata/annotations/secrets.flyte.org~1injected",
    });
    expect(injected(after).map((r) => r.key)).toEqual(["API_TOKEN"]);
  });

  it("points a pod at the Secret the key's status names, each Secret as its own volume", () => {
    const { after } = admitted(nativePod(["SPREAD_KEY", "DB_PASSWORD"]));
    expectEnvEverywhere(after, ref("flyte-secrets.s.3", "SPREAD_KEY", "SPREAD_KEY"));
    expectEnvEverywhere(
      after,
      ref("flyte-secrets.p.flytesnacks.d.development", "DB_PASSWORD", "DB_PASSWORD"),
    );
    const files = admitted(
      nativePod([
        { key: "SPREAD_KEY", mount: "/etc/spread" },
        { key: "my_key", mount: "/etc/mine" },
      ]),
    ).after;
    const sources = ((spec(files).volumes as Json[]) ?? []).flatMap((v) =>
      (((v.projected as Json | undefined)?.sources as Json[] | undefined) ?? []).map((p) => p.secret),
    );
    expect(sources).toEqual([
      { name: "flyte-secrets", items: [{ key: "my_key", path: "my_key" }] },
      { name: "flyte-secrets.s.3", items: [{ key: "SPREAD_KEY", path: "SPREAD_KEY" }] },
    ]);
  });

  it("mounts files of several Secrets of one scope into Flyte's one directory", () => {
    const flytePod = {
      metadata: {
        labels: { "inject-flyte-secrets": "true" },
        annotations: {
          "flyte.secrets/s0": encodeFlyteSecret({ key: "SPREAD_KEY", mountRequirement: "FILE" }),
          "flyte.secrets/s1": encodeFlyteSecret({ key: "my_key", mountRequirement: "FILE" }),
        },
      },
      spec: { containers: [{ name: "main" }] },
    };
    const { after } = admitted(flytePod);
    expect(spec(after).volumes).toEqual([
      {
        name: "flyte-secrets",
        projected: {
          defaultMode: 0o444,
          sources: [
            { secret: { name: "flyte-secrets", items: [{ key: "my_key", path: "my_key" }] } },
            { secret: { name: "flyte-secrets.s.3", items: [{ key: "SPREAD_KEY", path: "spread_key" }] } },
          ],
        },
      },
    ]);
    expect(mountsOf(containers(after)[0] as Json)).toEqual([
      { name: "flyte-secrets", mountPath: "/etc/flyte/secrets", readOnly: true },
    ]);
  });

  it("refuses to point a pod at a Secret that is not one of the key's scope, naming the status", () => {
    expect(refused(nativePod(["TAMPERED_KEY"]))).toMatchObject({
      code: 403,
      message: expect.stringContaining(
        'FlyteSecret flyte-secrets/tampered has status.secretName "kube-root-ca.crt", which is not a Secret of its scope',
      ),
    });
  });

  it("refuses a secret env var that takes the name of a FLYTE_SECRETS_* setting", () => {
    const pod = nativePod([{ key: "API_TOKEN", as_env_var: "FLYTE_SECRETS_DEFAULT_DIR" }], undefined, {
      labels: { "inject-flyte-secrets": "true" },
      annotations: { "flyte.secrets/s0": encodeFlyteSecret({ key: "my_key" }) },
    });
    expect(refused(pod)).toMatchObject({
      code: 400,
      message: expect.stringContaining("FLYTE_SECRETS_DEFAULT_DIR is set by flyte-secrets"),
    });
    // Without a Flyte-form request the name is free.
    const { after } = admitted(nativePod([{ key: "API_TOKEN", as_env_var: "FLYTE_SECRETS_DEFAULT_DIR" }]));
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks", "API_TOKEN", "FLYTE_SECRETS_DEFAULT_DIR"));
  });

  it("refuses a file whose path inside the volume would start with '..'", () => {
    const result = refused(nativePod([{ key: "SERVICE_ACCOUNT_JSON", mount: "/..hidden/sa.json" }]));
    expect(result).toMatchObject({
      code: 400,
      message: expect.stringContaining("reserves names starting with '..'"),
    });
  });

  it("refuses a mount clash in an init container, naming it", () => {
    const pod = nativePod([{ key: "SERVICE_ACCOUNT_JSON", mount: "/root/sa.json" }], {
      containers: [{ name: "main" }],
      initContainers: [{ name: "setup", volumeMounts: [{ name: "home", mountPath: "/root/sa.json" }] }],
      volumes: [{ name: "home", emptyDir: {} }],
    });
    expect(refused(pod)).toMatchObject({
      code: 403,
      message: expect.stringContaining(
        'init container "setup" already mounts volume "home" at "/root/sa.json"',
      ),
    });
  });

  it("refuses malformed pods with the path of what is wrong", () => {
    const base = (specValue: unknown, metadata: Json = {}) => ({
      ...nativePod(["API_TOKEN"]),
      ...(metadata.metadata !== undefined ? metadata : {}),
      spec: specValue,
    });
    const cases: [unknown, string][] = [
      [base(undefined), "spec must be a mapping but is a undefined"],
      [
        base({ containers: [{ name: "a", env: {} }] }),
        "spec.containers[0].env must be a list but is a mapping",
      ],
      [
        base({ containers: [{ name: "a", volumeMounts: [{ name: "v" }] }] }),
        "spec.containers[0].volumeMounts[0].mountPath must be a string",
      ],
      [
        base({ containers: [], initContainers: [7] }),
        "spec.initContainers[0] must be a mapping but is a number",
      ],
      [
        base({ containers: [{ name: "a" }], volumes: [{}] }),
        "spec.volumes[0].name must be a string but is a undefined",
      ],
      [
        base({ containers: [{ name: "a" }], imagePullSecrets: [{ name: 1 }] }),
        "spec.imagePullSecrets[0].name must be a string",
      ],
      [
        { metadata: { labels: { "secrets.flyte.org/inject": "true", project: 5 } }, spec: {} },
        'metadata.labels["project"] must be a string but is a number',
      ],
      [
        {
          metadata: {
            labels: { "secrets.flyte.org/inject": "true" },
            annotations: { "secrets.flyte.org/secrets": [] },
          },
        },
        'metadata.annotations["secrets.flyte.org/secrets"] must be a string but is a list',
      ],
      [null, "the pod must be a JSON object but is null"],
    ];
    for (const [pod, message] of cases) {
      expect(refused(pod)).toMatchObject({ code: 400, message: expect.stringContaining(message) });
    }
  });

  it("never refuses a pod that did not opt in, whatever it holds", () => {
    for (const pod of [
      { metadata: { labels: { "secrets.flyte.org/inject": "false" } }, spec: 7 },
      { metadata: { labels: { app: 1 } } },
      { metadata: "x" },
      {},
    ]) {
      expect(admit(pod, undefined, catalog, defaultAdmitConfig)).toEqual({
        allowed: true,
        patch: [],
        injected: [],
      });
    }
  });

  it("reads only the form the pod opted in to", () => {
    const pod = nativePod(["API_TOKEN"], undefined, {
      annotations: { "flyte.secrets/s0": "garbage that would be refused" },
    });
    const { result } = admitted(pod);
    expect(result.injected).toEqual(["API_TOKEN"]);
  });

  it("names at most a few of the scopes holding a key", () => {
    const wide = readyCatalog(Array.from({ length: 8 }, (_, i) => entry("SPREAD", { project: `p${i}` })));
    const result = admit(nativePod(["SPREAD"]), bound, wide, defaultAdmitConfig);
    expect(result).toMatchObject({ allowed: false, code: 403 });
    expect((result as { message: string }).message).toContain(
      "it exists only for project=p0; project=p1; project=p2; project=p3; project=p4 and 3 more scopes",
    );
  });
});

describe("admit: copies the controller has not verified as its own (status.blocked)", () => {
  const squat = namespaces.squat as NamespaceFacts;
  const blockedCatalog = (reason: string, type: CatalogEntry["type"] = "Generic") =>
    readyCatalog([
      catalogEntry(
        "ALPHA_KEY",
        { project: "flytesnacks" },
        {
          name: "alpha-key",
          type,
          blocked: [{ namespace: "squat", secret: "flyte-secrets.p.flytesnacks", reason }],
        },
      ),
      entry("API_TOKEN", { project: "flytesnacks", domain: "development" }),
    ]);

  it.each([
    [
      "NotManaged",
      "has the managed name but was not written by the flyte-secrets controller",
      "kubectl -n squat delete secret flyte-secrets.p.flytesnacks",
    ],
    ["OtherInstallation", "belongs to another flyte-secrets installation", "namespaceSelector"],
    [
      "Modified",
      "was changed by someone other than the flyte-secrets controller and could not be restored",
      "kubectl -n squat delete secret",
    ],
    [
      "SomethingNew",
      "is not verified as the flyte-secrets controller's own (SomethingNew)",
      "status.blocked",
    ],
  ])("refuses with reason %s, naming the namespace, the Secret and the fix", (reason, what, fix) => {
    const result = admit(
      nativePod(["ALPHA_KEY", "API_TOKEN"]),
      squat,
      blockedCatalog(reason),
      defaultAdmitConfig,
    );
    expect(result).toMatchObject({ allowed: false, code: 403 });
    const message = (result as { message: string }).message;
    expect(message).toContain("secret ALPHA_KEY cannot be delivered in namespace squat");
    expect(message).toContain(`the Secret squat/flyte-secrets.p.flytesnacks there ${what}`);
    expect(message).toContain(`reason ${reason}`);
    expect(message).toContain(fix);
    expect(message).not.toContain("API_TOKEN");
  });

  it("serves the same key in every other namespace, and other keys in the blocked one", () => {
    const { after } = admitted(nativePod(["ALPHA_KEY"]), bound);
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks", "ALPHA_KEY", "ALPHA_KEY"));
    const other = admit(nativePod(["API_TOKEN"]), squat, blockedCatalog("NotManaged"), defaultAdmitConfig);
    expect(other).toMatchObject({ allowed: true });
  });

  it("refuses an ImagePull key whose Secret is blocked there", () => {
    const result = admit(
      nativePod(["ALPHA_KEY"]),
      squat,
      blockedCatalog("OtherInstallation", "ImagePull"),
      defaultAdmitConfig,
    );
    expect(result).toMatchObject({
      allowed: false,
      code: 403,
      message: expect.stringContaining("another flyte-secrets installation"),
    });
  });

  it("reports a key that is missing before one that is blocked", () => {
    const result = admit(
      nativePod(["ALPHA_KEY", "NOPE"]),
      squat,
      blockedCatalog("NotManaged"),
      defaultAdmitConfig,
    );
    expect(result).toMatchObject({
      code: 403,
      message: expect.stringContaining("secret NOPE is not available"),
    });
  });
});

describe("admit: the webhook is the only way in for opted-in pods", () => {
  const stolen = { name: "STOLEN", valueFrom: { secretKeyRef: { name: "flyte-secrets.p.other", key: "X" } } };

  it.each([
    [
      "an init container's env",
      { containers: [{ name: "main" }], initContainers: [{ name: "setup", env: [stolen] }] },
      'init container "setup" env "STOLEN" (valueFrom.secretKeyRef) names flyte-secrets.p.other',
    ],
    [
      "an ephemeral container's env",
      { containers: [{ name: "main" }], ephemeralContainers: [{ name: "debug", env: [stolen] }] },
      'ephemeral container "debug" env "STOLEN"',
    ],
    [
      "an ephemeral container's envFrom",
      {
        containers: [{ name: "main" }],
        ephemeralContainers: [{ name: "debug", envFrom: [{ secretRef: { name: "flyte-secrets.d.prod" } }] }],
      },
      'ephemeral container "debug" envFrom (secretRef) names flyte-secrets.d.prod',
    ],
    [
      "a projected volume",
      {
        containers: [{ name: "main" }],
        volumes: [
          {
            name: "mix",
            projected: { sources: [{ configMap: { name: "c" } }, { secret: { name: "flyte-secrets" } }] },
          },
        ],
      },
      'volume "mix" (projected secret source) names flyte-secrets',
    ],
    [
      "a secret volume",
      {
        containers: [{ name: "main" }],
        volumes: [{ name: "v", secret: { secretName: "flyte-secrets.p.x.d.y" } }],
      },
      'volume "v" (secret) names flyte-secrets.p.x.d.y',
    ],
  ])("refuses a pod naming a managed Secret in %s", (_, podSpec, says) => {
    const result = refused(nativePod(["API_TOKEN"], podSpec));
    expect(result).toMatchObject({ code: 403 });
    expect(result.message).toContain(says);
    expect(result.message).toContain("gets managed Secrets only from the webhook");
  });

  it("refuses an opted-in pod that asks for nothing but names a managed Secret", () => {
    const pod = nativePod([], { containers: [{ name: "main", env: [stolen] }] });
    expect(refused(pod)).toMatchObject({
      code: 403,
      message: expect.stringContaining("names managed Secrets itself"),
    });
  });

  it("leaves Secrets of other names, and pods that did not opt in, alone", () => {
    const own = { name: "MINE", valueFrom: { secretKeyRef: { name: "flyte-secretsx", key: "X" } } };
    admitted(
      nativePod(["API_TOKEN"], {
        containers: [{ name: "main", env: [own] }],
        volumes: [{ name: "v", secret: { secretName: "app" } }],
      }),
    );
    const notOptedIn = { metadata: { labels: {} }, spec: { containers: [{ name: "main", env: [stolen] }] } };
    expect(admit(notOptedIn, bound, catalog, defaultAdmitConfig)).toEqual({
      allowed: true,
      patch: [],
      injected: [],
    });
  });

  it("accepts its own references from an earlier pass, and replaces a variable of a name it injects", () => {
    const first = admitted(nativePod(["API_TOKEN", { key: "TLS_CERT", mount: "/etc/tls" }]));
    expect(admit(first.after, bound, catalog, defaultAdmitConfig)).toEqual({
      allowed: true,
      patch: [],
      injected: ["API_TOKEN", "TLS_CERT"],
    });
    const pod = nativePod(["API_TOKEN"], {
      containers: [
        {
          name: "main",
          env: [
            {
              name: "API_TOKEN",
              valueFrom: { secretKeyRef: { name: "flyte-secrets.p.other", key: "API_TOKEN" } },
            },
          ],
        },
      ],
    });
    const { result, after } = admitted(pod);
    expectEnvEverywhere(after, ref("flyte-secrets.p.flytesnacks", "API_TOKEN", "API_TOKEN"));
    expect(result.warnings).toEqual([
      expect.stringContaining("environment variable API_TOKEN set by the pod"),
    ]);
  });
});

describe("the catalog entry carries status.blocked for the webhook", () => {
  it("reads it leniently from the wire", () => {
    const object = {
      metadata: { name: "a", namespace: "flyte-secrets" },
      spec: { key: "A", valueFrom: { secretKeyRef: { name: "s", key: "v" } } },
      status: {
        blocked: [
          { namespace: "squat", secret: "flyte-secrets", reason: "NotManaged" },
          { secret: "no-namespace" },
          "garbage",
          { namespace: "other", reason: 7 },
        ],
      },
    };
    expect(entryOf(object).blocked).toEqual([
      { namespace: "squat", secret: "flyte-secrets", reason: "NotManaged" },
      { namespace: "other", secret: "", reason: "" },
    ]);
    expect(entryOf({ ...object, status: { blocked: "x" } })).not.toHaveProperty("blocked");
    expect(entryOf({ ...object, status: {} })).not.toHaveProperty("blocked");
  });
});

describe("admit: Flyte 2's task pods", () => {
  const flyte2Pod = (
    secrets: Parameters<typeof encodeFlyteSecret>[0][],
    labels: Json = { organization: "testorg" },
  ) => ({
    metadata: {
      labels: { "inject-flyte-secrets": "true", project: "flytesnacks", domain: "development", ...labels },
      annotations: Object.fromEntries(
        secrets.map((secret, i) => [`flyte.secrets/s${i}`, encodeFlyteSecret(secret)]),
      ),
    },
    spec: { containers: [{ name: "main" }], initContainers: [{ name: "init" }] },
  });

  it("names an env var without env_var _UNION_ + upper(key), and sets Flyte 2's prefix", () => {
    const { after } = admitted(flyte2Pod([{ key: "api_key", mountRequirement: "ENV_VAR" }]));
    expectEnvEverywhere(after, ref("flyte-secrets", "api_key", "_UNION_API_KEY"));
    expectEnvEverywhere(after, { name: "FLYTE_SECRETS_ENV_PREFIX", value: "_UNION_" });
    for (const container of containers(after)) expect(envNamed(container, "_FSEC_API_KEY")).toEqual([]);
  });

  it("tells the forms apart by the organization label, unless configured", () => {
    const secrets = [{ key: "api_key", mountRequirement: "ENV_VAR" as const, envVar: "API_KEY" }];
    const flyte1 = admitted(flyte2Pod(secrets, {})).after;
    expectEnvEverywhere(flyte1, ref("flyte-secrets", "api_key", "_FSEC_API_KEY"));
    expectEnvEverywhere(flyte1, ref("flyte-secrets", "api_key", "API_KEY"));
    // An empty organization label is no organization.
    expectEnvEverywhere(admitted(flyte2Pod(secrets, { organization: "" })).after, {
      name: "FLYTE_SECRETS_ENV_PREFIX",
      value: "_FSEC_",
    });
    const forced1 = admitted(flyte2Pod(secrets), bound, { ...defaultAdmitConfig, flyteForm: "flyte1" }).after;
    expectEnvEverywhere(forced1, ref("flyte-secrets", "api_key", "_FSEC_API_KEY"));
    const forced2 = admitted(flyte2Pod(secrets, {}), bound, {
      ...defaultAdmitConfig,
      flyteForm: "flyte2",
    }).after;
    expectEnvEverywhere(forced2, ref("flyte-secrets", "api_key", "API_KEY"));
    for (const container of containers(forced2)) expect(envNamed(container, "_FSEC_API_KEY")).toEqual([]);
  });

  it("delivers a file at the key's own case and the lower-cased name, with env_var at the reported path", () => {
    const { after } = admitted(
      flyte2Pod([{ key: "TLS_CERT", mountRequirement: "FILE", envVar: "TLS_PATH" }]),
    );
    expectEnvEverywhere(after, { name: "TLS_PATH", value: "/etc/flyte/secrets/tls_cert" });
    expect(volume(after, "flyte-secrets")?.projected).toEqual(
      projected([
        {
          secret: "flyte-secrets.d.development",
          items: [
            { key: "TLS_CERT", path: "TLS_CERT" },
            { key: "TLS_CERT", path: "tls_cert" },
          ],
        },
      ]),
    );
  });

  it("refuses a pod whose secret does not exist, as Flyte 2 does", () => {
    const result = refused(flyte2Pod([{ key: "NOPE", mountRequirement: "ENV_VAR", envVar: "NOPE" }]));
    expect(result).toMatchObject({
      code: 403,
      message: expect.stringContaining(
        "secret NOPE is not available to project flytesnacks, domain development",
      ),
    });
  });
});
