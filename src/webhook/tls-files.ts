// Serving certificate from files (a mounted Secret: self-managed by the controller, or cert-manager's), reloaded
// when the files change so a rotated certificate is used without a restart; in-flight connections keep the context
// they started with.
import { readFile } from "node:fs/promises";
import type { Server } from "node:https";
import { join } from "node:path";
import type { Logger } from "pino";

export interface TlsFiles {
  readonly certPath: string;
  readonly keyPath: string;
}

export function tlsFilesIn(dir: string): TlsFiles {
  return { certPath: join(dir, "tls.crt"), keyPath: join(dir, "tls.key") };
}

export async function readTls(files: TlsFiles): Promise<{ cert: string; key: string }> {
  const [cert, key] = await Promise.all([readFile(files.certPath, "utf8"), readFile(files.keyPath, "utf8")]);
  if (!cert.includes("BEGIN CERTIFICATE") || !key.includes("PRIVATE KEY")) {
    throw new Error(`${files.certPath} / ${files.keyPath} do not hold a PEM certificate and key`);
  }
  return { cert, key };
}

/**
 * Polls the files (kubelet swaps mounted Secrets through symlinks, which file watchers miss) and installs a changed
 * pair with `setSecureContext`. Returns a function that stops polling.
 */
export function reloadOnChange(server: Server, files: TlsFiles, log: Logger, intervalMs = 2000): () => void {
  let current = "";
  let stopped = false;
  const check = async (): Promise<void> => {
    try {
      const pair = await readTls(files);
      const fingerprint = `${pair.cert}\u0000${pair.key}`;
      if (fingerprint === current) return;
      if (current !== "") log.info({ certPath: files.certPath }, "serving certificate changed; reloading");
      current = fingerprint;
      server.setSecureContext({ cert: pair.cert, key: pair.key });
    } catch (error) {
      // A half-written pair during rotation: keep serving with the previous one and look again shortly.
      log.warn(
        { certPath: files.certPath, reason: error instanceof Error ? error.message : String(error) },
        "could not load serving certificate",
      );
    }
  };
  const timer = setInterval(() => {
    if (!stopped) void check();
  }, intervalMs);
  timer.unref();
  void check();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
