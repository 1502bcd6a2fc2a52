// The AdmissionReviews the webhook benchmarks send: Flyte propeller's pod (test/fixtures/admission/flyte-form.json)
// in namespace `namespace` of project `project`, domain development, asking for 3 or 20 secrets in Flyte's form
// (encoded by src/domain/flyte-encoding.ts) or 3 in the native form. `requested(i)` names the i-th key asked for.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { annotations, labels } from "../src/domain/api.ts";
import { encodeFlyteSecret } from "../src/domain/flyte-encoding.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const template = JSON.parse(readFileSync(join(root, "test/fixtures/admission/flyte-form.json"), "utf8")) as {
  request: { uid: string; namespace: string; object: { metadata: Record<string, unknown> } };
};

export type Scenario = "flyte3" | "flyte20" | "native" | string;

export function admissionReview(
  scenario: Scenario,
  namespace: string,
  project: string,
  requested: (i: number) => string,
): string {
  const r = structuredClone(template);
  r.request.uid = `bench-${scenario}-0000-0000-0000`;
  r.request.namespace = namespace;
  const meta = r.request.object.metadata as {
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  meta.namespace = namespace;
  meta.labels = { ...meta.labels, project, domain: "development" };
  const kept = Object.fromEntries(
    Object.entries(meta.annotations).filter(([k]) => !k.startsWith(annotations.flytePrefix)),
  );
  if (scenario === "native") {
    delete meta.labels[labels.flyteInject];
    meta.labels[labels.inject] = "true";
    const requests = [
      { key: requested(7), as_env_var: "DB_PASSWORD" },
      { key: requested(300), mount: "/etc/flyte/secrets" },
      { key: requested(607) },
    ];
    meta.annotations = { ...kept, [annotations.secrets]: JSON.stringify(requests) };
  } else {
    const flyte: Record<string, string> = {};
    for (let i = 0; i < (scenario === "flyte20" ? 20 : 3); i++)
      flyte[`${annotations.flytePrefix}${i}`] = encodeFlyteSecret({
        key: requested(7 + i * 37),
        mountRequirement: i % 3 === 1 ? "FILE" : "ENV_VAR",
        ...(i % 4 === 0 ? { group: "grp" } : {}),
      });
    meta.annotations = { ...kept, ...flyte };
  }
  return JSON.stringify(r);
}
