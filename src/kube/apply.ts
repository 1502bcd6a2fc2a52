// Server-side apply of an object exactly as written: the request body is the object's own JSON, never a pass through
// client-node's typed models, whose serializer keeps only the fields it knows under its own names (a CRD's
// `x-kubernetes-validations`, `enum` and `default` would be dropped silently).
import { request } from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";

export interface RawObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly [field: string]: unknown;
}

/** The REST path of one object: `/api/v1/...` for the core group, `/apis/<group>/<version>/...` otherwise. */
export function objectPath(object: RawObject, plural: string): string {
  const base = object.apiVersion.includes("/") ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
  const scope = object.metadata.namespace
    ? `/namespaces/${encodeURIComponent(object.metadata.namespace)}`
    : "";
  return `${base}${scope}/${plural}/${encodeURIComponent(object.metadata.name)}`;
}

/**
 * Creates or updates `object` by server-side apply (field manager `fieldManager`, conflicts forced) and resolves with
 * the API server's answer; rejects with the API server's message on any status other than 2xx.
 */
export async function serverSideApply(
  kc: KubeConfig,
  object: RawObject,
  plural: string,
  fieldManager: string,
): Promise<Record<string, unknown>> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig has no current cluster");
  const url = new URL(
    `${objectPath(object, plural)}?fieldManager=${encodeURIComponent(fieldManager)}&force=true`,
    cluster.server,
  );
  const options: import("node:https").RequestOptions = {
    method: "PATCH",
    headers: { "Content-Type": "application/apply-patch+yaml", Accept: "application/json" },
    timeout: 30_000,
  };
  await kc.applyToHTTPSOptions(options);
  const body = JSON.stringify(object);
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => {
        let parsed: Record<string, unknown> = {};
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // Not JSON: reported below by status.
        }
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(parsed);
        else {
          const message = typeof parsed.message === "string" ? parsed.message : text.slice(0, 300);
          reject(
            Object.assign(
              new Error(`applying ${object.kind} ${object.metadata.name} failed (${status}): ${message}`),
              { code: status, body: text },
            ),
          );
        }
      });
    });
    req.on("timeout", () =>
      req.destroy(new Error(`applying ${object.kind} ${object.metadata.name} timed out`)),
    );
    req.on("error", (error) =>
      reject(
        new Error(`applying ${object.kind} ${object.metadata.name} failed: ${error.message}`, {
          cause: error,
        }),
      ),
    );
    req.end(body);
  });
}
