// `npm run bench:webhook-parts`: where a webhook admission's CPU goes, without a control plane. Three HTTPS servers
// on CPU 1 take the same keep-alive load from CPU 0 (16 connections, Flyte's form with 3 secrets by default):
//   noop   — bench/noop-responder.ts: reads the body, answers fixed bytes of the same size;
//   fixed  — the webhook's own server (src/webhook/server.ts) with the decision replaced by a constant answer: the
//            AdmissionReview parsed and checked, the response built and serialized, metrics, logging;
//   ours   — the same server deciding over a 10,000-FlyteSecret catalog in memory (bench/request-path.ts).
// Prints req/s and server CPU µs per request (from /proc) for each, twice, and writes JSON.
// Options: --scenario flyte3|flyte20|native --seconds S (4) --servers noop,fixed,ours --out PATH --profile DIR (a CPU profile of each server)
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { connect, type TLSSocket } from "node:tls";
import pino from "pino";
import { option, root, servingCertDir, writeResults } from "./support.ts";

const role = process.argv[2];

if (role === "--server") {
  // Child: the webhook's server, deciding for real or answering a constant.
  const [, , , dir = "", mode = "ours", scenario = "flyte3"] = process.argv;
  const { catalog, namespace, review } = await import("./request-path.ts");
  const { startWebhookServer } = await import("../src/webhook/server.ts");
  const { createWebhookMetrics } = await import("../src/webhook/metrics.ts");
  const { admit, defaultAdmitConfig } = await import("../src/domain/admit.ts");
  const decideFor = (object: unknown) => {
    const r = admit(object, namespace, catalog, defaultAdmitConfig);
    return r.allowed
      ? { allowed: true, patch: r.patch }
      : { allowed: false, code: r.code, message: r.message };
  };
  const constant = decideFor(
    (JSON.parse(review(scenario)) as { request: { object: unknown } }).request.object,
  );
  const server = await startWebhookServer({
    port: 0,
    host: "127.0.0.1",
    tls: { certPath: join(dir, "tls.crt"), keyPath: join(dir, "tls.key") },
    metrics: createWebhookMetrics(),
    log: pino({ level: "warn" }),
    decide: mode === "fixed" ? () => constant : (request) => decideFor(request.object),
  });
  writeFileSync(join(dir, "port"), String(server.port));
  process.on("SIGTERM", () => process.exit(0));
} else {
  const scenario = option("scenario", "flyte3");
  const seconds = Number(option("seconds", "4"));
  const profile = option("profile", "");
  const only = option("servers", "noop,fixed,ours").split(",");
  const profileFlags = (server: string): string[] =>
    profile === ""
      ? []
      : ["--cpu-prof", `--cpu-prof-dir=${profile}`, `--cpu-prof-name=${server}-${Date.now()}.cpuprofile`];
  const { review } = await import("./request-path.ts");
  const dir = await servingCertDir();
  const body = Buffer.from(review(scenario));
  const request = Buffer.concat([
    Buffer.from(
      `POST /mutate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    ),
    body,
  ]);
  const ticks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  const cpuMicros = (pid: number): number => {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticks;
  };
  // The no-op answers as many bytes as the webhook does for this scenario.
  const { admissionResponse } = await import("../src/webhook/admission-review.ts");
  const { catalog, namespace } = await import("./request-path.ts");
  const { admit, defaultAdmitConfig } = await import("../src/domain/admit.ts");
  const parsed = JSON.parse(body.toString()) as { request: { uid: string; object: unknown } };
  const decided = admit(parsed.request.object, namespace, catalog, defaultAdmitConfig);
  const answer = JSON.stringify(
    admissionResponse(
      parsed.request.uid,
      decided.allowed ? { allowed: true, patch: decided.patch } : decided,
    ),
  );
  writeFileSync(join(dir, "responses.json"), JSON.stringify({ "/mutate": answer }));

  const load = async (port: number, pid: number): Promise<{ rps: number; cpuMicrosPerRequest: number }> => {
    const sockets = await Promise.all(
      Array.from(
        { length: 16 },
        () =>
          new Promise<TLSSocket>((resolve) => {
            const s = connect({ host: "127.0.0.1", port, rejectUnauthorized: false }, () => resolve(s));
            s.setNoDelay(true);
          }),
      ),
    );
    let done = 0;
    let measuring = false;
    let stop = false;
    let cpu0 = 0;
    let t0 = 0;
    let n0 = 0;
    setTimeout(() => {
      measuring = true;
      cpu0 = cpuMicros(pid);
      t0 = performance.now();
      n0 = done;
    }, 1000).unref();
    setTimeout(
      () => {
        stop = true;
      },
      1000 + seconds * 1000,
    ).unref();
    await Promise.all(
      sockets.map(async (socket) => {
        let buffered: Buffer = Buffer.alloc(0);
        while (!stop) {
          await new Promise<void>((resolve) => {
            const onData = (chunk: Buffer): void => {
              buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
              const end = buffered.indexOf("\r\n\r\n");
              if (end < 0) return;
              const length = Number(
                /content-length: *(\d+)/i.exec(buffered.subarray(0, end).toString())?.[1],
              );
              if (buffered.length < end + 4 + length) return;
              buffered = buffered.subarray(end + 4 + length);
              socket.off("data", onData);
              resolve();
            };
            socket.on("data", onData);
            socket.write(request);
          });
          done += 1;
        }
      }),
    );
    const requests = done - n0;
    const elapsed = (performance.now() - t0) / 1000;
    for (const s of sockets) s.destroy();
    if (!measuring) throw new Error("the run ended before measuring began");
    return {
      rps: Math.round(requests / elapsed),
      cpuMicrosPerRequest: Math.round((cpuMicros(pid) - cpu0) / requests),
    };
  };

  const results: Record<string, unknown>[] = [];
  for (const round of [1, 2])
    for (const server of (["noop", "fixed", "ours"] as const).filter((s) => only.includes(s))) {
      const portFile = join(dir, "port");
      try {
        unlinkSync(portFile);
      } catch {
        // not there yet
      }
      const args =
        server === "noop"
          ? [
              ...profileFlags(server),
              join(root, "bench", "noop-responder.ts"),
              dir,
              join(dir, "responses.json"),
              portFile,
            ]
          : [
              ...profileFlags(server),
              "--max-semi-space-size=8",
              join(root, "bench", "webhook-parts.ts"),
              "--server",
              dir,
              server,
              scenario,
            ];
      const child = spawn("taskset", ["-c", "1", process.execPath, ...args], { stdio: "inherit" });
      let port = 0;
      for (let i = 0; i < 300 && port === 0; i++) {
        try {
          port = Number(readFileSync(portFile, "utf8"));
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      if (port === 0) throw new Error(`the ${server} server did not start`);
      const figures = await load(port, child.pid ?? 0);
      if (profile === "") child.kill("SIGKILL");
      else {
        // SIGTERM lets the server exit and write its profile.
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      results.push({ round, server, ...figures });
      process.stderr.write(
        `[bench:webhook-parts] ${scenario} ${server}: ${figures.rps} req/s, ${figures.cpuMicrosPerRequest} CPU µs/request\n`,
      );
    }
  const path = writeResults(`webhook-parts-${scenario}`, {
    date: new Date().toISOString(),
    scenario,
    results,
  });
  process.stderr.write(`[bench:webhook-parts] wrote ${path}\n`);
  process.exit(0);
}
