import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { admit, defaultAdmitConfig } from "../src/domain/admit.ts";
import { labels } from "../src/domain/api.ts";
import { catalogOf } from "../src/domain/catalog.ts";
import { admissionResponse, parseAdmissionReview } from "../src/webhook/admission-review.ts";
import { compactFlyteSecret } from "../src/webhook/caches.ts";
import { admissionReview } from "./reviews.ts";

const _root = fileURLToPath(new URL("..", import.meta.url));
const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SECRETS = Number(option("secrets", "10000"));
const DOMAINS = ["development", "staging", "production"];
const PROJECTS = 334;
const KEYS = 1000;
const project = (i: number): string => `proj-${i % PROJECTS}`;
const domain = (i: number): string => DOMAINS[i % DOMAINS.length] as string;
const key = (i: number): string => `KEY_${i % KEYS}`;
const requested = (i: number): string => key(i % Math.max(1, Math.min(KEYS, Math.round(SECRETS * 0.1))));

// The catalog as the webhook's cache holds it: compact FlyteSecrets, all Ready.
const objects = [];
const org = Math.round(SECRETS * 0.1);
const third = Math.round((SECRETS - org) / 3);
for (let i = 0; i < SECRETS; i++) {
  const source = { valueFrom: { secretKeyRef: { name: `src-${i}`, key: "value" } } };
  let name: string;
  let spec: Record<string, unknown>;
  if (i < org) [name, spec] = [`org-${i}`, { key: key(i), ...source }];
  else if (i < org + third)
    [name, spec] = [`p-${i}`, { key: key(i - org), project: project(i - org), ...source }];
  else if (i < org + 2 * third)
    [name, spec] = [`d-${i}`, { key: key(i - org - third), domain: domain(i - org - third), ...source }];
  else {
    const j = i - org - 2 * third;
    [name, spec] = [
      `pd-${i}`,
      { key: key(j), project: project(j), domain: domain(Math.floor(j / PROJECTS)), ...source },
    ];
  }
  objects.push(
    compactFlyteSecret({
      apiVersion: "secrets.flyte.org/v1alpha1",
      kind: "FlyteSecret",
      metadata: {
        name,
        namespace: "flyte-secrets",
        uid: `uid-${i}`,
        generation: 1,
        resourceVersion: String(i + 1),
        creationTimestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 86_400)) as unknown as Date,
      },
      spec: spec as never,
      status: {
        observedGeneration: 1,
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "Materialized",
            message: "in all 3 namespaces",
            lastTransitionTime: "2026-01-01T00:00:00Z",
            observedGeneration: 1,
          },
        ],
      } as never,
    }),
  );
}
export const catalog = catalogOf(objects, ["flyte-secrets"]);
const ns = `${project(7)}-development`;
export const namespace = {
  name: ns,
  labels: { [labels.project]: project(7), [labels.domain]: "development" },
};

export function review(scenario: string): string {
  return admissionReview(scenario, ns, project(7), requested);
}

/** The server's work for one body, as src/webhook/server.ts and webhook.ts do it. */
function handle(text: string): string {
  const envelope = parseAdmissionReview(JSON.parse(text));
  if (!envelope.ok) throw new Error(envelope.message);
  const result = admit(envelope.request.object, namespace, catalog, defaultAdmitConfig);
  if (!result.allowed) throw new Error(result.message);
  return JSON.stringify(admissionResponse(envelope.request.uid, { allowed: true, patch: result.patch }));
}

if (import.meta.main) {
  const suite = new Bench({
    name: `webhook request path in-process (${SECRETS.toLocaleString("en")} FlyteSecrets in the catalog)`,
    time: Number(option("time", "2000")),
  });
  for (const scenario of ["flyte3", "flyte20", "native"]) {
    const body = review(scenario);
    handle(body);
    suite.add(`${scenario}: parse + decide + respond`, () => {
      handle(body);
    });
    suite.add(`${scenario}: JSON.parse of the body only`, () => {
      JSON.parse(body);
    });
  }
  if (process.argv.includes("--loop")) {
    const body = review(option("loop", "flyte20"));
    const t = performance.now();
    let n = 0;
    while (performance.now() - t < 8000) {
      handle(body);
      n++;
    }
    console.log(option("loop", "flyte20"), Math.round((8000 * 1000) / n), "µs per request");
    process.exit(0);
  }
  await suite.run();
  console.log(suite.name);
  console.table(suite.table());
}
