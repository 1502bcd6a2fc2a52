// AdmissionReview v1 in and out: validates the envelope of an untrusted request body and builds the response, so
// that malformed input gets a precise refusal (or a 400 when there is no request to answer), never a crash.
import type { JsonPatchOperation } from "../domain/json-patch.ts";

export interface AdmissionRequest {
  readonly uid: string;
  readonly kind?: { readonly group?: string; readonly version?: string; readonly kind?: string };
  readonly operation?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly dryRun?: boolean;
  readonly object: unknown;
}

export type Envelope =
  | { readonly ok: true; readonly apiVersion: string; readonly request: AdmissionRequest }
  | { readonly ok: false; readonly message: string };

const uidPattern = /^[-0-9a-zA-Z]{1,128}$/;

export function parseAdmissionReview(body: unknown): Envelope {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "the request body must be a JSON AdmissionReview object" };
  }
  const review = body as { apiVersion?: unknown; kind?: unknown; request?: unknown };
  if (review.kind !== "AdmissionReview" || review.apiVersion !== "admission.k8s.io/v1") {
    return { ok: false, message: "expected kind AdmissionReview with apiVersion admission.k8s.io/v1" };
  }
  const request = review.request as Partial<AdmissionRequest> | undefined | null;
  if (typeof request !== "object" || request === null) {
    return { ok: false, message: "the AdmissionReview has no request" };
  }
  if (typeof request.uid !== "string" || !uidPattern.test(request.uid)) {
    return { ok: false, message: "the AdmissionReview request has no valid uid" };
  }
  return { ok: true, apiVersion: review.apiVersion, request: request as AdmissionRequest };
}

export type JsonPatch = readonly JsonPatchOperation[];

export interface Decision {
  readonly allowed: boolean;
  readonly patch?: JsonPatch;
  readonly code?: number;
  readonly message?: string;
  readonly warnings?: readonly string[];
}

export function admissionResponse(uid: string, decision: Decision): object {
  const response: Record<string, unknown> = { uid, allowed: decision.allowed };
  if (decision.allowed && decision.patch && decision.patch.length > 0) {
    response.patchType = "JSONPatch";
    response.patch = Buffer.from(JSON.stringify(decision.patch)).toString("base64");
  }
  if (!decision.allowed) {
    const code = decision.code ?? 403;
    response.status = {
      code,
      reason: code === 400 ? "BadRequest" : code === 403 ? "Forbidden" : "InternalError",
      message: decision.message ?? "refused by flyte-secrets",
    };
  }
  if (decision.warnings && decision.warnings.length > 0) response.warnings = [...decision.warnings];
  return { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", response };
}
