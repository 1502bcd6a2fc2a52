// Properties of the webhook's decision over random pods, annotations, labels, namespaces and catalogs, garbage types
// included: it never throws, always answers in shape, and an allowed pod's patch applies, references secrets only by
// secretKeyRef, and leaves nothing to do on a second pass, also after the API server's own serialization.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { managedReferences } from "../../../src/domain/admission/pod.ts";
import {
  type AdmitResult,
  admit,
  defaultAdmitConfig,
  FLYTE_SECRETS_ENV,
  FLYTE2_SECRETS_ENV,
  type InjectedRecord,
  type NamespaceFacts,
} from "../../../src/domain/admit.ts";
import { type CatalogEntry, readyCatalog } from "../../../src/domain/catalog.ts";
import { encodeFlyteSecret, MOUNT_REQUIREMENTS } from "../../../src/domain/flyte-encoding.ts";
import { applyPatch, parsePointer } from "./apply-patch.ts";

type Json = Record<string, unknown>;

const KEYS = ["DB_PASSWORD", "API_TOKEN", "TLS_CERT", "my_key", "REGISTRY", "NOPE", "a.b"] as const;
const PROJECTS = ["p1", "p2"] as const;
const DOMAINS = ["d1", "d2"] as const;
const ENV_NAMES = [
  "DB_PASSWORD",
  "API_TOKEN",
  "X",
  "FLYTE_SECRETS_DEFAULT_DIR",
  "_FSEC_MY_KEY",
  "1bad",
  "TOKEN",
];
const MOUNTS = [
  "/etc/flyte/secrets",
  "/etc/flyte/secrets/sub/",
  "/etc/flyte/secrets/f.json",
  "/opt/a",
  "/opt/a/b",
  "/root/sa.json",
  "/root/other.json",
  "rel/path",
  "/..x/y.json",
  "/",
];
const VOLUME_NAMES = ["flyte-secrets", "flyte-secrets-1", "data"];

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const catalogArbitrary = fc
  .array(
    fc.record({
      key: fc.constantFrom(...KEYS),
      project: optional(fc.constantFrom(...PROJECTS)),
      domain: optional(fc.constantFrom(...DOMAINS)),
      imagePull: fc.boolean(),
    }),
    { maxLength: 12 },
  )
  .map((specs) =>
    readyCatalog(
      specs.map(
        ({ key, project, domain, imagePull }, i): CatalogEntry => ({
          name: `fs-${i}`,
          namespace: "flyte-secrets",
          uid: `uid-${i}`,
          generation: 1,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          key,
          scope: {
            ...(project !== undefined ? { project } : {}),
            ...(domain !== undefined ? { domain } : {}),
          },
          type: imagePull ? "ImagePull" : "Generic",
          source: { name: `src-${i}`, key: "value" },
        }),
      ),
    ),
  );

const fullCatalogArbitrary = fc.tuple(catalogArbitrary, fc.boolean()).map(([random, registryIsImagePull]) =>
  readyCatalog([
    ...random.entries,
    ...KEYS.filter((key) => key !== "NOPE").map(
      (key, i): CatalogEntry => ({
        name: `org-${i}`,
        namespace: "flyte-secrets",
        uid: `org-${i}`,
        generation: 1,
        createdAt: "2025-01-01T00:00:00Z",
        key,
        scope: {},
        type: key === "REGISTRY" && registryIsImagePull ? "ImagePull" : "Generic",
        source: { name: `org-${i}`, key: "value" },
      }),
    ),
  ]),
);

const namespaceArbitrary: fc.Arbitrary<NamespaceFacts | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ name: "shared", labels: { "secrets.flyte.org/shared": "true" } }),
  fc.constant({ name: "none", labels: {} }),
  fc.constant({ name: "bad", labels: { "secrets.flyte.org/shared": "yes" } }),
  fc
    .record({
      project: optional(fc.constantFrom(...PROJECTS)),
      domain: optional(fc.constantFrom(...DOMAINS)),
    })
    .map(({ project, domain }) => ({
      name: "bound",
      labels: {
        ...(project !== undefined ? { "secrets.flyte.org/project": project } : {}),
        ...(domain !== undefined ? { "secrets.flyte.org/domain": domain } : {}),
      },
    })),
);

const nativeEntry = fc.oneof(
  fc.constantFrom(...KEYS),
  fc.record(
    {
      key: fc.constantFrom(...KEYS),
      as_env_var: fc.constantFrom(...ENV_NAMES),
      mount: fc.constantFrom(...MOUNTS),
      group: fc.constantFrom("g", "team-a"),
    },
    { requiredKeys: ["key"] },
  ),
);

const validNativeEntry = fc.oneof(
  fc.constantFrom(...KEYS),
  fc.record(
    {
      key: fc.constantFrom(...KEYS),
      as_env_var: fc.constantFrom(
        ...ENV_NAMES.filter((name) => name !== "1bad" && !name.startsWith("FLYTE")),
      ),
      mount: fc.constantFrom(
        ...MOUNTS.filter((mount) => mount.startsWith("/") && mount !== "/" && !mount.startsWith("/..")),
      ),
    },
    { requiredKeys: ["key"] },
  ),
);

const flyteAnnotation = fc
  .record({
    key: fc.constantFrom(...KEYS),
    group: fc.constantFrom("", "openai", "G"),
    groupVersion: fc.constantFrom("", "v1"),
    mountRequirement: fc.constantFrom(...MOUNT_REQUIREMENTS),
    envVar: fc.constantFrom("", "PATH_VAR", "X", "FLYTE_SECRETS_ENV_PREFIX"),
  })
  .map((secret) => encodeFlyteSecret(secret));

const envEntry = fc.oneof(
  fc.record({ name: fc.constantFrom(...ENV_NAMES, "OTHER"), value: fc.constantFrom("", "v") }),
  fc.record({
    name: fc.constantFrom(...ENV_NAMES),
    // A managed Secret named by the pod itself is refused unless the webhook replaces that variable: rarer here.
    valueFrom: fc.oneof(
      { weight: 1, arbitrary: fc.constant({ secretKeyRef: { name: "flyte-secrets", key: "DB_PASSWORD" } }) },
      {
        weight: 20,
        arbitrary: fc.constantFrom(
          { secretKeyRef: { name: "app-config", key: "DB_PASSWORD" } },
          { fieldRef: { fieldPath: "metadata.name" } },
        ),
      },
    ),
  }),
  fc.record({ name: fc.constantFrom("FLYTE_SECRETS_FILE_PREFIX") }),
);

const mountEntry = fc.record(
  {
    name: fc.constantFrom(...VOLUME_NAMES),
    mountPath: fc.constantFrom(...MOUNTS.filter((m) => m.startsWith("/")), "/data"),
    subPath: fc.constantFrom("root/sa.json", "x"),
    readOnly: fc.boolean(),
  },
  { requiredKeys: ["name", "mountPath"] },
);

const containerArbitrary = (prefix: string) =>
  fc.record(
    {
      name: fc.constantFrom(`${prefix}a`, `${prefix}b`),
      env: fc.array(envEntry, { maxLength: 4 }),
      volumeMounts: fc.array(mountEntry, { maxLength: 3 }),
    },
    { requiredKeys: ["name"] },
  );

const volumeArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ name: "data", emptyDir: {} }) },
  { weight: 6, arbitrary: fc.constant({ name: "flyte-secrets", emptyDir: {} }) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(...VOLUME_NAMES).map((name) => ({
      name,
      projected: {
        defaultMode: 0o444,
        sources: [
          {
            secret: {
              name: name === "data" ? "app-config" : "flyte-secrets",
              items: [{ key: "K", path: "K" }],
            },
          },
        ],
      },
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      name: "data",
      projected: { sources: [{ secret: { name: "flyte-secrets.p.p1" } }] },
    }),
  },
);

const labelValue = fc.constantFrom("true", "false", undefined);

/** Any pod of the shapes above; `mostlyValid` ones opt in, carry p1/d1 labels and well-formed requests. */
const podArbitrary = (mostlyValid: boolean) =>
  fc
    .record({
      inject: mostlyValid ? fc.constant("true") : labelValue,
      flyteInject: labelValue,
      // Flyte 2's executor labels its pods with the organization; such pods get Flyte 2's form.
      organization: optional(fc.constantFrom("org", "")),
      project: mostlyValid ? fc.constant("p1") : optional(fc.constantFrom(...PROJECTS, "")),
      domain: mostlyValid ? fc.constant("d1") : optional(fc.constantFrom(...DOMAINS)),
      native: optional(
        mostlyValid
          ? fc.array(validNativeEntry, { maxLength: 5 }).map((list) => JSON.stringify(list))
          : fc.oneof(
              fc.array(nativeEntry, { maxLength: 5 }).map((list) => JSON.stringify(list)),
              fc.string({ maxLength: 20 }),
            ),
      ),
      flyte: fc.array(
        mostlyValid
          ? flyteAnnotation
          : fc.oneof({ weight: 9, arbitrary: flyteAnnotation }, { weight: 1, arbitrary: fc.string() }),
        { maxLength: 4 },
      ),
      injected: optional(fc.constantFrom("[]", "garbage")),
      containers: fc.array(containerArbitrary("c"), { minLength: 1, maxLength: 3 }),
      initContainers: optional(fc.array(containerArbitrary("i"), { maxLength: 2 })),
      volumes: optional(fc.array(volumeArbitrary, { maxLength: 3 })),
      imagePullSecrets: optional(
        fc.array(fc.record({ name: fc.constantFrom("regcred", "flyte-secrets") }), { maxLength: 2 }),
      ),
    })
    .map((p): Json => {
      const podLabels: Json = {};
      if (p.inject !== undefined) podLabels["secrets.flyte.org/inject"] = p.inject;
      if (p.flyteInject !== undefined) podLabels["inject-flyte-secrets"] = p.flyteInject;
      if (p.organization !== undefined) podLabels.organization = p.organization;
      if (p.project !== undefined) podLabels.project = p.project;
      if (p.domain !== undefined) podLabels.domain = p.domain;
      const podAnnotations: Json = {};
      if (p.native !== undefined) podAnnotations["secrets.flyte.org/secrets"] = p.native;
      p.flyte.forEach((value, i) => {
        podAnnotations[`flyte.secrets/s${i}`] = value;
      });
      if (p.injected !== undefined) podAnnotations["secrets.flyte.org/injected"] = p.injected;
      return {
        metadata: { name: "p", labels: podLabels, annotations: podAnnotations },
        spec: {
          containers: p.containers,
          ...(p.initContainers !== undefined ? { initContainers: p.initContainers } : {}),
          ...(p.volumes !== undefined ? { volumes: p.volumes } : {}),
          ...(p.imagePullSecrets !== undefined ? { imagePullSecrets: p.imagePullSecrets } : {}),
        },
      };
    });

/** Replaces the value at a random path of a pod with random JSON, to reach every shape check. */
function corrupt(value: unknown, path: readonly number[], garbage: unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined || typeof value !== "object" || value === null) return garbage;
  if (Array.isArray(value)) {
    if (value.length === 0) return garbage;
    const index = step % value.length;
    return value.map((item, i) => (i === index ? corrupt(item, rest, garbage) : item));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return garbage;
  const key = keys[step % keys.length] as string;
  return { ...value, [key]: corrupt((value as Json)[key], rest, garbage) };
}

function expectWellFormed(result: AdmitResult): void {
  if (result.allowed) {
    expect(Array.isArray(result.patch)).toBe(true);
    for (const op of result.patch) {
      expect(["add", "replace", "remove"]).toContain(op.op);
      expect(parsePointer(op.path)).toBeDefined();
      expect(op.path.startsWith("/")).toBe(true);
      if (op.op !== "remove") expect(op).toHaveProperty("value");
    }
    expect(result.injected.every((key) => typeof key === "string")).toBe(true);
    for (const warning of result.warnings ?? []) expect(typeof warning).toBe("string");
  } else {
    expect([400, 403]).toContain(result.code);
    expect(typeof result.message).toBe("string");
    expect(result.message.length).toBeGreaterThan(0);
  }
}

/** What the API server stores: Go's `omitempty` drops an empty env value. */
function asStored(pod: unknown): unknown {
  return JSON.parse(
    JSON.stringify(pod, (key, value) => (key === "value" && value === "" ? undefined : value)),
  ) as unknown;
}

const containersOf = (pod: Json): Json[] => {
  const spec = pod.spec as Json;
  return [...((spec.containers as Json[]) ?? []), ...((spec.initContainers as Json[] | undefined) ?? [])];
};

describe("admit, properties", () => {
  it("answers any JSON value without throwing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), namespaceArbitrary, catalogArbitrary, (pod, namespace, catalog) => {
        expectWellFormed(admit(pod, namespace, catalog, defaultAdmitConfig));
      }),
      { numRuns: 300 },
    );
  });

  it("answers pods with a random part replaced by garbage without throwing", () => {
    fc.assert(
      fc.property(
        podArbitrary(false),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.constantFrom(null, [], {}, "x", 1, true)),
        namespaceArbitrary,
        catalogArbitrary,
        (pod, path, garbage, namespace, catalog) => {
          expectWellFormed(admit(corrupt(pod, path, garbage), namespace, catalog, defaultAdmitConfig));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("allows only with a patch that applies, secretKeyRefs only, and nothing left to do on a second pass", () => {
    let allowedWithPatch = 0;
    fc.assert(
      fc.property(
        fc.oneof(podArbitrary(true), podArbitrary(false)),
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.constantFrom<NamespaceFacts>(
              { name: "shared", labels: { "secrets.flyte.org/shared": "true" } },
              { name: "p1", labels: { "secrets.flyte.org/project": "p1" } },
            ),
          },
          { weight: 1, arbitrary: namespaceArbitrary },
        ),
        fc.oneof({ weight: 3, arbitrary: fullCatalogArbitrary }, { weight: 1, arbitrary: catalogArbitrary }),
        (pod, namespace, catalog) => {
          const result = admit(pod, namespace, catalog, defaultAdmitConfig);
          expectWellFormed(result);
          expect(admit(pod, namespace, catalog, defaultAdmitConfig)).toEqual(result);
          if (!result.allowed) return;
          if (result.patch.length > 0) allowedWithPatch += 1;
          const applied = applyPatch(pod, result.patch);
          if (!applied.ok) throw new Error(applied.message);
          const after = applied.document as Json;

          const flyte2 = ((after.metadata as Json).labels as Json | undefined)?.organization === "org";
          const settings = new Map(
            (flyte2 ? FLYTE2_SECRETS_ENV : FLYTE_SECRETS_ENV).map(({ name, value }) => [name, value]),
          );
          for (const [index, container] of containersOf(after).entries()) {
            const before = ((containersOf(pod)[index]?.env as Json[] | undefined) ?? []).map((e) =>
              JSON.stringify(e),
            );
            for (const env of (container.env as Json[] | undefined) ?? []) {
              if (before.includes(JSON.stringify(env))) continue;
              // Added by the webhook: a secretKeyRef without a value, or a setting or a path that is not secret.
              if ("valueFrom" in env) {
                expect(env).not.toHaveProperty("value");
                expect(Object.keys(env.valueFrom as Json)).toEqual(["secretKeyRef"]);
              } else {
                const value = String(env.value);
                expect(
                  settings.get(String(env.name)) === value || value.startsWith("/etc/flyte/secrets/"),
                ).toBe(true);
              }
            }
            // Every variable the webhook reports setting is in every container exactly once.
            if (result.injected.length > 0) {
              const annotation = ((after.metadata as Json).annotations as Json)["secrets.flyte.org/injected"];
              const records = JSON.parse(String(annotation)) as InjectedRecord[];
              expect(records.map((record) => record.key)).toEqual(result.injected);
              for (const name of records.flatMap((record) => [
                ...(record.env ?? []),
                ...(record.pathEnv ?? []),
              ])) {
                const count = ((container.env as Json[] | undefined) ?? []).filter(
                  (env) => env.name === name,
                ).length;
                expect(count, name).toBe(1);
              }
            }
          }
          // The webhook is the only way in: every managed Secret the allowed pod names is one the webhook put there.
          const annotation = ((after.metadata as Json).annotations as Json | undefined)?.[
            "secrets.flyte.org/injected"
          ];
          const records =
            result.injected.length > 0 ? (JSON.parse(String(annotation)) as InjectedRecord[]) : [];
          const injectedEnv = new Set(records.flatMap((record) => record.env ?? []));
          const podLabels = ((after.metadata as Json).labels as Json | undefined) ?? {};
          const optedIn =
            podLabels["secrets.flyte.org/inject"] === "true" || podLabels["inject-flyte-secrets"] === "true";
          for (const reference of optedIn ? managedReferences(after) : []) {
            if (reference.env !== undefined)
              expect(injectedEnv.has(reference.env), reference.where).toBe(true);
            else expect(reference.volume ?? "", reference.where).toMatch(/^flyte-secrets(-[0-9]+)?$/);
          }
          expect(admit(after, namespace, catalog, defaultAdmitConfig)).toMatchObject({
            allowed: true,
            patch: [],
          });
          expect(admit(asStored(after), namespace, catalog, defaultAdmitConfig)).toMatchObject({
            allowed: true,
            patch: [],
          });
        },
      ),
      { numRuns: 1000 },
    );
    // The generators must reach the interesting case often enough for the property to mean something.
    expect(allowedWithPatch).toBeGreaterThan(50);
  });
});

describe("applyPatch", () => {
  it("adds, replaces and removes, in order, with '-' and escaped tokens", () => {
    const doc = { a: [1, 2], "x/y": { "m~n": 1 } };
    const result = applyPatch(doc, [
      { op: "add", path: "/a/-", value: 3 },
      { op: "add", path: "/a/0", value: 0 },
      { op: "replace", path: "/a/3", value: 30 },
      { op: "remove", path: "/a/1" },
      { op: "add", path: "/x~1y/m~0n", value: 2 },
      { op: "add", path: "/new", value: { deep: [1] } },
      { op: "remove", path: "/x~1y/m~0n" },
    ]);
    expect(result).toEqual({ ok: true, document: { a: [0, 2, 30], "x/y": {}, new: { deep: [1] } } });
    expect(doc).toEqual({ a: [1, 2], "x/y": { "m~n": 1 } });
  });

  it("refuses what RFC 6902 refuses", () => {
    const doc = { a: [1], o: {} };
    for (const op of [
      { op: "add", path: "/a/2", value: 1 },
      { op: "add", path: "/a/01", value: 1 },
      { op: "replace", path: "/a/1", value: 1 },
      { op: "replace", path: "/o/missing", value: 1 },
      { op: "remove", path: "/o/missing" },
      { op: "remove", path: "/a/-" },
      { op: "add", path: "/missing/x", value: 1 },
      { op: "add", path: "a", value: 1 },
      { op: "add", path: "/a~2", value: 1 },
      { op: "add", path: "/o" },
      { op: "remove", path: "" },
    ] as const) {
      expect(applyPatch(doc, [op]).ok, JSON.stringify(op)).toBe(false);
    }
  });

  it("treats __proto__ and constructor as ordinary members", () => {
    const doc = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
    const result = applyPatch(doc, [
      { op: "add", path: "/__proto__/y", value: 2 },
      { op: "add", path: "/constructor", value: 3 },
    ]);
    expect(result.ok).toBe(true);
    const after = (result as { document: Json }).document;
    expect(Object.hasOwn(after, "__proto__")).toBe(true);
    expect(JSON.stringify(after)).toBe('{"__proto__":{"x":1,"y":2},"constructor":3}');
    expect(({} as Json).y).toBeUndefined();
  });

  it("replaces the whole document at the empty path", () => {
    expect(applyPatch({ a: 1 }, [{ op: "replace", path: "", value: [1] }])).toEqual({
      ok: true,
      document: [1],
    });
  });
});
