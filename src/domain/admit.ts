// The webhook's decision (DESIGN §5.3), pure: from a pod as an AdmissionReview carries it, the facts of its namespace
// and the Ready catalog, either refuse the pod with a message a user can act on, or allow it with the RFC 6902 patch
// that injects what it asks for. Admitting the patched pod again yields an empty patch (reinvocationPolicy IfNeeded).
// The steps live in ./admission/: reading the pod, placing secrets, one planner per delivery mechanism, the patch.
import { desire } from "./admission/desired.ts";
import { patchFor } from "./admission/patch.ts";
import { place } from "./admission/placement.ts";
import {
  type FlyteFormSetting,
  flyteFormOf,
  foreignReferencesMessage,
  managedReferences,
  podLabel,
  podNamespace,
  readMetadata,
  readRequests,
  readSpec,
} from "./admission/pod.ts";
import { forbidden, malformed, Refused } from "./admission/refusal.ts";
import { labels } from "./api.ts";
import { bindingOf, type NamespaceFacts, podIdentity } from "./binding.ts";
import type { ReadyCatalog } from "./catalog.ts";
import { defaultPodLabels } from "./defaults.ts";
import { shown } from "./flyte-encoding.ts";
import type { JsonPatchOperation } from "./json-patch.ts";
import type { Scope } from "./scope.ts";
import { isMapping, typeName } from "./shapes.ts";

export { FLYTE_SECRETS_ENV, FLYTE2_SECRETS_ENV, type InjectedRecord } from "./admission/desired.ts";
export { SECRETS_FILE_MODE, SECRETS_VOLUME } from "./admission/planners/file.ts";
export {
  FLYTE2_POD_LABEL,
  type FlyteFormSetting,
  flyteFormOf,
  MAX_SECRETS_PER_POD,
} from "./admission/pod.ts";
export type { NamespaceFacts } from "./binding.ts";
export type { JsonPatchOperation } from "./json-patch.ts";

export interface AdmitConfig {
  /** The pod label keys holding a task's project and domain; Flyte's own are `project` and `domain`. */
  readonly podLabels: { readonly project: string; readonly domain: string };
  /** Optional binding of namespaces by name (`compileNameTemplate`); labels win over it. */
  readonly matchName?: (namespace: string) => Scope | undefined;
  /**
   * Which Flyte made pods labelled `inject-flyte-secrets` (DESIGN §5.2, §5.2b): `auto` (the default) tells Flyte 2's
   * pods by their `organization` label; `flyte1` or `flyte2` treats every such pod as that Flyte's.
   */
  readonly flyteForm?: FlyteFormSetting;
}

export const defaultAdmitConfig: AdmitConfig = { podLabels: defaultPodLabels };

export type AdmitResult =
  | {
      readonly allowed: true;
      readonly patch: readonly JsonPatchOperation[];
      /** The keys injected, in request order: names only, for logs and metrics. */
      readonly injected: readonly string[];
      /** For the AdmissionReview's `warnings`: things the user may not expect, such as a replaced env var. */
      readonly warnings?: readonly string[];
    }
  | { readonly allowed: false; readonly code: 400 | 403; readonly message: string };

function decide(
  pod: unknown,
  namespace: NamespaceFacts | undefined,
  catalog: ReadyCatalog,
  config: AdmitConfig,
): AdmitResult {
  if (!isMapping(pod)) malformed(`the pod must be a JSON object but is ${typeName(pod)}`);
  // Whether the pod opted in is read leniently: a pod that did not is never refused, whatever else it holds.
  const native = podLabel(pod, labels.inject) === "true";
  const flyte = podLabel(pod, labels.flyteInject) === "true";
  if (!native && !flyte) return { allowed: true, patch: [], injected: [] };
  const metadata = readMetadata(pod);
  const form = flyte ? flyteFormOf(metadata.labels, config.flyteForm ?? "auto") : undefined;
  const { requests, flyteForm } = readRequests(metadata, native, form);
  // The webhook is the only way in: a managed Secret the pod names itself must be one the webhook put there.
  const references = managedReferences(pod);
  if (requests.length === 0) {
    if (references.length > 0) forbidden(foreignReferencesMessage(references));
    return { allowed: true, patch: [], injected: [] };
  }
  const spec = readSpec(pod);
  if (namespace === undefined) {
    const name = podNamespace(pod);
    const which = name !== undefined ? `namespace ${shown(name)}` : "the pod's namespace";
    forbidden(
      `${which} is not known to the flyte-secrets webhook yet (its cache has not seen it); retry in a few seconds`,
    );
  }
  const identity = podIdentity(
    bindingOf(namespace, config.matchName),
    namespace.name,
    metadata.labels.get(config.podLabels.project),
    metadata.labels.get(config.podLabels.domain),
    config.podLabels,
  );
  if (!identity.ok) forbidden(identity.message);
  const placed = place(catalog, requests, {
    namespace: namespace.name,
    project: identity.project,
    domain: identity.domain,
  });
  const desired = desire(placed, flyteForm);
  // What the patch replaces is the webhook's own: env vars of the names it injects (a reference from an earlier pass,
  // or the pod's own, replaced either way) and volumes of the names it uses (its own, or refused as a clash).
  const envNames = new Set(desired.env.map(({ name }) => name));
  const volumeNames = new Set(desired.volumes.map(({ name }) => name));
  const foreign = references.filter(
    (r) =>
      !(r.env !== undefined && envNames.has(r.env)) && !(r.volume !== undefined && volumeNames.has(r.volume)),
  );
  if (foreign.length > 0) forbidden(foreignReferencesMessage(foreign));
  const planned = patchFor(metadata, spec, desired);
  const patch = planned.patch;
  // Said once, on the pass that changes the pod, not again on a reinvocation that finds it done.
  const warnings = patch.length > 0 ? [...planned.warnings, ...desired.warnings] : [];
  return {
    allowed: true,
    patch,
    injected: placed.map(({ request }) => request.key),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * Decides one pod CREATE. `pod` is the AdmissionReview's `request.object`, of any shape; `namespace` is undefined
 * when the webhook's cache does not know it. Never throws: malformed input is refused with code 400, a pod that may
 * not have what it asks for with 403, each with one message naming what is wrong and how to fix it.
 */
export function admit(
  pod: unknown,
  namespace: NamespaceFacts | undefined,
  catalog: ReadyCatalog,
  config: AdmitConfig,
): AdmitResult {
  try {
    return decide(pod, namespace, catalog, config);
  } catch (error) {
    if (error instanceof Refused) return { allowed: false, code: error.code, message: error.message };
    throw error;
  }
}
