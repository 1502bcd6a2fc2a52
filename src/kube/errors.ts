// Reading errors from the Kubernetes client: the HTTP status of an ApiException (or a watch's error), and a short
// description for logs. The API server's Status message names objects, fields and permissions, never Secret values;
// anything that is not such a message is cut short.

export function statusCode(error: unknown): number | undefined {
  const e = error as { code?: unknown; statusCode?: unknown } | null;
  if (typeof e?.code === "number") return e.code;
  if (typeof e?.statusCode === "number") return e.statusCode;
  return undefined;
}

export function describeApiError(error: unknown): { status?: number; message: string } {
  const status = statusCode(error);
  let body: unknown = (error as { body?: unknown } | null)?.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      body = undefined;
    }
  }
  const fromStatus = (body as { message?: unknown } | undefined)?.message;
  let message = typeof fromStatus === "string" ? fromStatus : "";
  if (message === "" && error instanceof Error) message = error.message.split("\n")[0]?.slice(0, 500) ?? "";
  return status === undefined ? { message } : { status, message };
}
