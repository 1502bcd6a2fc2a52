// What `get secret` shows: which FlyteSecrets match the query, as Flyte's table (PROJECT, DOMAIN, NAME, TYPE,
// CREATED, STATUS) or as the objects themselves in JSON or YAML. FlyteSecrets hold no values, so nothing here can
// print one. Pure.
import { dump } from "js-yaml";
import type { FlyteSecretObject } from "../domain/api.ts";
import { secretStatusOf } from "../domain/conditions.ts";
import { cliTypeOf } from "./arguments.ts";

export interface SecretRow {
  readonly project: string;
  readonly domain: string;
  readonly name: string;
  readonly type: string;
  readonly created: string;
  readonly status: string;
}

const UNSCOPED = "-";

/**
 * One word for the Ready condition: `Ready`, the reason it is not (`SourceNotFound`, `Conflict`, ...), `Pending`
 * while the operator has not yet reported on this generation, `Deleting` once deletion has begun.
 */
export function statusOf(object: FlyteSecretObject): string {
  const status = secretStatusOf(object);
  switch (status.state) {
    case "deleting":
      return "Deleting";
    case "pending":
      return "Pending";
    case "ready":
      return "Ready";
    case "notReady":
      return status.reason === "" ? status.status : status.reason;
  }
}

/** A creation time as RFC 3339 UTC to the second (`2025-01-31T12:00:00Z`), or `-` when unknown. */
export function formatCreated(timestamp: string | Date | undefined): string {
  if (timestamp === undefined) return UNSCOPED;
  const date = timestamp instanceof Date ? timestamp : new Date(timestamp);
  if (Number.isNaN(date.getTime())) return UNSCOPED;
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function rowOf(object: FlyteSecretObject): SecretRow {
  return {
    project: object.spec.project ?? UNSCOPED,
    domain: object.spec.domain ?? UNSCOPED,
    name: object.spec.key,
    type: cliTypeOf(object.spec.type),
    created: formatCreated(object.metadata.creationTimestamp),
    status: statusOf(object),
  };
}

const HEADERS: readonly [keyof SecretRow, string][] = [
  ["project", "PROJECT"],
  ["domain", "DOMAIN"],
  ["name", "NAME"],
  ["type", "TYPE"],
  ["created", "CREATED"],
  ["status", "STATUS"],
];

// Whatever a cluster holds, a cell never moves the cursor or rings the bell.
function cell(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
}

/** Columns separated by three spaces, as kubectl aligns them; ends with a newline. */
export function renderTable(rows: readonly SecretRow[]): string {
  const table = [
    HEADERS.map(([, title]) => title),
    ...rows.map((r) => HEADERS.map(([field]) => cell(r[field]))),
  ];
  const widths = HEADERS.map((_, i) => Math.max(...table.map((line) => (line[i] ?? "").length)));
  return table
    .map((line) =>
      line
        .map((text, i) => (i === line.length - 1 ? text : text.padEnd((widths[i] ?? 0) + 3)))
        .join("")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** The objects as a `List`, without managedFields (as kubectl shows them), in JSON or YAML. */
export function renderObjects(objects: readonly FlyteSecretObject[], format: "json" | "yaml"): string {
  const items = objects.map((o) => {
    const { managedFields: _managedFields, ...metadata } = o.metadata as FlyteSecretObject["metadata"] & {
      managedFields?: unknown;
    };
    return { ...o, metadata };
  });
  const list = { apiVersion: "v1", kind: "List", items, metadata: { resourceVersion: "" } };
  return format === "json"
    ? `${JSON.stringify(list, null, 4)}\n`
    : dump(list, { noRefs: true, lineWidth: -1 });
}
