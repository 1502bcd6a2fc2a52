// Building the patch: the RFC 6902 operations that take the pod as it is to the desired pod, comparing with what it
// already has so that a second pass changes nothing (reinvocationPolicy IfNeeded).
import { annotations } from "../api.ts";
import { shown } from "../flyte-encoding.ts";
import { type JsonPatchOperation, pointer } from "../json-patch.ts";
import { isManagedSecretName } from "../names.ts";
import type { Desired } from "./desired.ts";
import type { DesiredEnv, DesiredMount, DesiredVolume } from "./planners/planner.ts";
import { absent, type Container, isMapping, type Mapping, type Metadata, member, type Spec } from "./pod.ts";
import { forbidden } from "./refusal.ts";

/** Structural equality where `expected` is ours (small and finite) and `actual` is anything from the pod. */
function sameJson(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => sameJson(actual[index], item))
    );
  }
  if (isMapping(expected)) {
    if (!isMapping(actual)) return false;
    const keys = Object.keys(expected);
    return (
      Object.keys(actual).length === keys.length &&
      keys.every((key) => Object.hasOwn(actual, key) && sameJson(actual[key], expected[key]))
    );
  }
  return actual === expected;
}

// The API server drops an empty `value` when it serializes the pod, so "" and missing are the same value.
function sameEnv(actual: Mapping, expected: DesiredEnv): boolean {
  const value = member(actual, "value");
  const valueFrom = member(actual, "valueFrom");
  if ("value" in expected) return absent(valueFrom) && (value ?? "") === expected.value;
  return (absent(value) || value === "") && sameJson(valueFrom, expected.valueFrom);
}

function sameMount(actual: Mapping, expected: DesiredMount): boolean {
  return (
    member(actual, "name") === expected.name &&
    member(actual, "mountPath") === expected.mountPath &&
    (member(actual, "subPath") ?? "") === (expected.subPath ?? "") &&
    (member(actual, "subPathExpr") ?? "") === "" &&
    member(actual, "readOnly") === true
  );
}

/** A volume flyte-secrets made: projected, and projecting nothing but managed Secrets. */
export function isOurVolume(volume: Mapping): boolean {
  const projected = member(volume, "projected");
  if (
    !isMapping(projected) ||
    Object.keys(volume).some((field) => field !== "name" && field !== "projected")
  ) {
    return false;
  }
  const sources = member(projected, "sources");
  return (
    Array.isArray(sources) &&
    sources.every((source: unknown) => {
      if (!isMapping(source) || Object.keys(source).some((field) => field !== "secret")) return false;
      const secret = member(source, "secret");
      const name = isMapping(secret) ? member(secret, "name") : undefined;
      return typeof name === "string" && isManagedSecretName(name);
    })
  );
}

/** Operations on one list: replacements by index, removals from the end, then appends; all valid in sequence. */
interface ListEdit {
  readonly replace: { readonly index: number; readonly value: unknown }[];
  readonly remove: number[];
  readonly append: unknown[];
}

const emptyEdit = (): ListEdit => ({ replace: [], remove: [], append: [] });

function listOperations(at: string, exists: boolean, edit: ListEdit): JsonPatchOperation[] {
  if (!exists) return edit.append.length > 0 ? [{ op: "add", path: at, value: edit.append }] : [];
  return [
    ...[...edit.replace]
      .sort((a, b) => a.index - b.index)
      .map(({ index, value }): JsonPatchOperation => ({ op: "replace", path: `${at}/${index}`, value })),
    ...[...edit.remove]
      .sort((a, b) => b - a)
      .map((index): JsonPatchOperation => ({ op: "remove", path: `${at}/${index}` })),
    ...edit.append.map((value): JsonPatchOperation => ({ op: "add", path: `${at}/-`, value })),
  ];
}

interface Replaced {
  readonly by: string;
  readonly where: string[];
}

function envEdit(
  container: Container,
  desired: readonly DesiredEnv[],
  replaced: Map<string, Replaced>,
): ListEdit {
  const edit = emptyEdit();
  for (const entry of desired) {
    const existing = (container.env ?? []).filter((env) => env.name === entry.name);
    const [first, ...duplicates] = existing;
    if (first === undefined) {
      edit.append.push(entry);
      continue;
    }
    if (!sameEnv(first.raw, entry)) {
      edit.replace.push({ index: first.index, value: entry });
      const by =
        "valueFrom" in entry
          ? `a reference to secret ${entry.valueFrom.secretKeyRef.key}`
          : "flyte-secrets' value";
      const warning = replaced.get(entry.name) ?? { by, where: [] };
      warning.where.push(container.description);
      replaced.set(entry.name, warning);
    }
    edit.remove.push(...duplicates.map((env) => env.index));
  }
  return edit;
}

function mountEdit(
  container: Container,
  desired: readonly DesiredMount[],
  ours: ReadonlySet<string>,
): ListEdit {
  const edit = emptyEdit();
  for (const mount of desired) {
    const existing = (container.mounts ?? []).filter((m) => m.mountPath === mount.mountPath);
    const foreign = existing.find((m) => !ours.has(m.name));
    if (foreign !== undefined) {
      forbidden(
        `${container.description} already mounts volume ${shown(foreign.name)} at ${shown(mount.mountPath, 60)}, ` +
          "where flyte-secrets must mount a requested secret; move that volume mount or ask for the secret at another path",
      );
    }
    const [first, ...duplicates] = existing;
    if (first === undefined) edit.append.push(mount);
    else if (!sameMount(first.raw, mount)) edit.replace.push({ index: first.index, value: mount });
    edit.remove.push(...duplicates.map((m) => m.index));
  }
  return edit;
}

function volumeEdit(spec: Spec, desired: readonly DesiredVolume[]): ListEdit {
  const edit = emptyEdit();
  for (const volume of desired) {
    const existing = spec.volumes?.find((v) => v.name === volume.name);
    if (existing === undefined) {
      edit.append.push(volume);
    } else if (!isOurVolume(existing.raw)) {
      forbidden(
        `the pod already has a volume named ${volume.name} that flyte-secrets did not create; flyte-secrets needs ` +
          "that name for the secret files it mounts: rename the pod's volume",
      );
    } else if (!sameJson(existing.raw, volume)) {
      edit.replace.push({ index: existing.index, value: volume });
    }
  }
  return edit;
}

function annotationOperations(metadata: Metadata, value: string): JsonPatchOperation[] {
  const current = metadata.annotations.get(annotations.injected);
  if (current === value) return [];
  // The pod asked for secrets in its annotations, so metadata.annotations is a mapping to add a member to.
  return [
    {
      op: current === undefined ? "add" : "replace",
      path: pointer("metadata", "annotations", annotations.injected),
      value,
    },
  ];
}

export function patchFor(
  metadata: Metadata,
  spec: Spec,
  desired: Desired,
): { patch: JsonPatchOperation[]; warnings: string[] } {
  const patch: JsonPatchOperation[] = [];
  const replaced = new Map<string, Replaced>();
  const ours = new Set(desired.volumes.map((volume) => volume.name));
  const volumes = volumeEdit(spec, desired.volumes);
  for (const container of spec.containers) {
    const env = envEdit(container, desired.env, replaced);
    const mounts = mountEdit(container, desired.mounts, ours);
    patch.push(...listOperations(`${container.at}/env`, container.env !== undefined, env));
    patch.push(...listOperations(`${container.at}/volumeMounts`, container.mounts !== undefined, mounts));
  }
  patch.push(...listOperations(pointer("spec", "volumes"), spec.volumes !== undefined, volumes));
  const pulls = emptyEdit();
  for (const name of desired.pullSecrets) {
    if (!(spec.pullSecrets ?? []).includes(name)) pulls.append.push({ name });
  }
  patch.push(...listOperations(pointer("spec", "imagePullSecrets"), spec.pullSecrets !== undefined, pulls));
  patch.push(...annotationOperations(metadata, JSON.stringify(desired.records)));
  const warnings = [...replaced.entries()].map(
    ([name, { by, where }]) =>
      `environment variable ${name} set by the pod in ${where.join(", ")} was replaced by ${by}`,
  );
  return { patch, warnings };
}
