// Benchmarks of the hot pure paths: the webhook's admit decision (it sits on every task pod's creation, with a 5 s
// API server timeout and a latency histogram in production) and the controller's per-namespace desired state at
// catalog sizes a large Flyte installation reaches. Run with `npm run bench` (tinybench; prints a table).
import { readFileSync } from "node:fs";
import { Bench } from "tinybench";
import { admit, defaultAdmitConfig } from "../src/domain/admit.ts";
import { type CatalogEntry, readyCatalog, resolve } from "../src/domain/catalog.ts";
import { encodeFlyteSecret } from "../src/domain/flyte-encoding.ts";
import type { Scope } from "../src/domain/scope.ts";
import { desiredSecrets } from "../src/domain/scope-secrets.ts";

function catalogOf(size: number): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (let i = 0; i < size; i++) {
    const project = `project-${i % 50}`;
    const domain = ["development", "staging", "production"][i % 3] ?? "development";
    const scopes: Scope[] = [{}, { project }, { domain }, { project, domain }];
    entries.push({
      name: `fs-${i}`,
      namespace: "flyte-secrets",
      uid: `uid-${i}`,
      generation: 1,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      key: `KEY_${i % 400}`,
      scope: scopes[i % 4] ?? {},
      type: "Generic",
      source: { name: `src-${i}`, key: "value" },
    });
  }
  return entries;
}

const entries = catalogOf(5000);
const ready = readyCatalog(entries);
const namespace = {
  name: "project-7-development",
  labels: { "secrets.flyte.org/project": "project-7", "secrets.flyte.org/domain": "development" },
};

function pod(requests: number): unknown {
  const native = Array.from({ length: requests }, (_, i) => ({ key: `KEY_${(i * 13) % 400}` }));
  return {
    metadata: {
      name: "task",
      labels: {
        "secrets.flyte.org/inject": "true",
        "inject-flyte-secrets": "true",
        project: "project-7",
        domain: "development",
      },
      annotations: {
        "secrets.flyte.org/secrets": JSON.stringify(native),
        "flyte.secrets/s0": encodeFlyteSecret({ key: "KEY_1", group: "grp", mountRequirement: "FILE" }),
        "flyte.secrets/s1": encodeFlyteSecret({ key: "KEY_2", mountRequirement: "ENV_VAR" }),
      },
    },
    spec: {
      initContainers: [{ name: "init", image: "x" }],
      containers: [
        { name: "main", image: "x", env: [{ name: "A", value: "1" }] },
        { name: "sidecar", image: "x" },
      ],
    },
  };
}

const fixture = JSON.parse(
  readFileSync(new URL("../test/fixtures/admission/native-several-containers.json", import.meta.url), "utf8"),
) as {
  request: { object: unknown };
};

const small = pod(3);
const large = pod(50);
const value = (e: CatalogEntry) => ({ data: "dmFsdWU=", version: `${e.uid}@1` });

const suite = new Bench({ name: "flyte-secrets pure paths (5,000 FlyteSecrets in the catalog)", time: 1000 })
  .add("admit: 3 native + 2 Flyte secrets, 3 containers", () => {
    admit(small, namespace, ready, defaultAdmitConfig);
  })
  .add("admit: 50 native + 2 Flyte secrets, 3 containers", () => {
    admit(large, namespace, ready, defaultAdmitConfig);
  })
  .add("admit: fixture native-several-containers", () => {
    admit(fixture.request.object, namespace, ready, defaultAdmitConfig);
  })
  .add("readyCatalog: rebuild over 5,000 entries", () => {
    readyCatalog(entries);
  })
  .add("resolve: one key", () => {
    resolve(ready, "KEY_17", "project-7", "development");
  })
  .add("desiredSecrets: bound namespace", () => {
    desiredSecrets(
      { kind: "bound", via: "labels", project: "project-7", domain: "development" },
      entries,
      value,
      "flyte-secrets",
    );
  })
  .add("desiredSecrets: shared namespace", () => {
    desiredSecrets({ kind: "shared" }, entries, value, "flyte-secrets");
  });

await suite.run();
console.log(suite.name);
console.table(suite.table());
