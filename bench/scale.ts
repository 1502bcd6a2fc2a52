// npm run bench:scale [-- --namespaces 1000 --flytesecrets 10000 --keys-per-secret 128 --out file.json --kubeconfig path]
// Builds a fleet on the local control plane (or the given cluster), runs the controller as a separate process, and
// measures: convergence (checked by an independent checker written from the README's rules, not the controller's
// code), the API server's raw write throughput with a plain client in the same run, controller RSS, writes and API
// calls at rest and after an unchanged restart, rotation propagation, 50 namespaces labelled at once, and the
// webhook's RSS with the catalog.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import {
  getJson,
  METADATA_LIST,
  METADATA_OBJECT,
  METADATA_WATCH,
  openWatch,
} from "../src/kube/connection.ts";
import { kubeConfigConnection, sendJson, shareConnections } from "../src/kube/http.ts";
import { ensureBinaries } from "../test/controlplane/binaries.ts";
import { ControlPlane } from "../test/controlplane/controlplane.ts";
import {
  chartNodeOptions,
  mib,
  option,
  percentile,
  RssSampler,
  type Running,
  root,
  rssBytes,
  scrape,
  servingCertDir,
  startProduct,
  sum,
  waitUntil,
  writeResults,
} from "./support.ts";

const NAMESPACES = Number(option("namespaces", "1000"));
const FLYTESECRETS = Number(option("flytesecrets", "10000"));
const CONTROL = "flyte-secrets";
const DOMAINS = ["development", "staging", "production"];
const log = (line: string): void => {
  process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

// ---- the fleet, and what the README says it must become ----

interface Fs {
  name: string;
  key: string;
  project?: string;
  domain?: string;
  value: string;
  /** The managed Secret the README's placement rule puts the key in (`place`, once creation times are known). */
  placedIn?: string;
}

const projects = Math.max(1, Math.ceil(NAMESPACES / DOMAINS.length));
const nsNames: Array<{ name: string; project: string; domain: string }> = [];
for (let i = 0; i < NAMESPACES; i++)
  nsNames.push({
    name: `team-${i}`,
    project: `p${i % projects}`,
    domain: DOMAINS[Math.floor(i / projects) % 3] as string,
  });
const shared = ["shared-a", "shared-b"];

const fleet: Fs[] = [];
for (let i = 0; i < FLYTESECRETS; i++) {
  const kind = i % 10; // 10 % org, 30 % project, 30 % domain, 30 % project+domain
  const value = randomBytes(24).toString("base64");
  const p = `p${Math.floor(i / 10) % projects}`;
  const d = DOMAINS[Math.floor(i / 10) % 3] as string;
  if (kind === 0) fleet.push({ name: `k${i}`, key: `KEY_${i}`, value });
  else if (kind <= 3) fleet.push({ name: `k${i}`, key: `KEY_${i}`, project: p, value });
  else if (kind <= 6) fleet.push({ name: `k${i}`, key: `KEY_${i}`, domain: d, value });
  else fleet.push({ name: `k${i}`, key: `KEY_${i}`, project: p, domain: d, value });
}

/** README "Namespaces": bound (P, D) sees org, P, D and P+D; shared sees every scope. Names per README §4. */
const secretName = (project?: string, domain?: string): string =>
  `flyte-secrets${project ? `.p.${project}` : ""}${domain ? `.d.${domain}` : ""}`;

/**
 * README "Where keys are placed": a scope's keys fill its first Secret up to `controller.limits.maxKeysPerSecret`
 * (128) keys, oldest FlyteSecret first (ties by name), then `.s.1`, `.s.2`... (values here are far below the byte
 * limit). `created` holds each FlyteSecret's creationTimestamp as the API server set it.
 */
const KEYS_PER_SECRET = Number(option("keys-per-secret", "128"));
function place(created: Map<string, string>): void {
  const byScope = new Map<string, Fs[]>();
  for (const f of fleet) {
    const scope = secretName(f.project, f.domain);
    byScope.set(scope, [...(byScope.get(scope) ?? []), f]);
  }
  for (const [scope, members] of byScope) {
    const time = (f: Fs) => Date.parse(created.get(f.name) ?? "");
    members.sort((a, b) => time(a) - time(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    members.forEach((f, i) => {
      const shard = Math.floor(i / KEYS_PER_SECRET);
      f.placedIn = shard === 0 ? scope : `${scope}.s.${shard}`;
    });
  }
}
const placedIn = (f: Fs): string => f.placedIn ?? secretName(f.project, f.domain);
const sees = (ns: { project?: string; domain?: string; shared?: boolean }, f: Fs): boolean =>
  ns.shared === true ||
  ((f.project === undefined || f.project === ns.project) &&
    (f.domain === undefined || f.domain === ns.domain));

function expectation(extra: Array<{ name: string; project: string; domain: string }> = []) {
  const namespaces = [
    ...nsNames.map((n) => ({ ...n, shared: false })),
    ...extra.map((n) => ({ ...n, shared: false })),
    ...shared.map((name) => ({ name, project: "", domain: "", shared: true })),
  ];
  const secrets = new Map<string, Map<string, string>>(); // ns/name -> key -> value
  const counts = new Map<string, number>(); // fs name -> namespaces
  for (const ns of namespaces)
    for (const f of fleet) {
      if (!sees(ns, f)) continue;
      const id = `${ns.name}/${placedIn(f)}`;
      let data = secrets.get(id);
      if (data === undefined) {
        data = new Map();
        secrets.set(id, data);
      }
      data.set(f.key, f.value);
      counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
    }
  const placements = new Map(fleet.map((f) => [f.name, placedIn(f)]));
  return { secrets, counts, placements };
}

// ---- helpers ----

async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        for (let attempt = 0; ; attempt++) {
          try {
            await work(item);
            break;
          } catch (error) {
            const code = (error as { code?: number }).code;
            if (code === 409) break;
            if (attempt > 5) throw error;
            await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
          }
        }
      }
    }),
  );
}

interface FsObject {
  metadata: { name: string; creationTimestamp?: string };
  status?: {
    namespaces?: number;
    expectedNamespaces?: number;
    secretName?: string;
    conditions?: Array<{ type: string; status: string; reason: string }>;
  };
}

/**
 * Every FlyteSecret's status, kept from one list and a watch (re-listed if the watch ends), so that checking whether
 * they are right costs the API server nothing while the controller converges: listing 10,000 FlyteSecrets every two
 * seconds, as this bench first did, took API-server CPU from the very work it measures.
 */
class StatusWatch {
  private readonly statuses = new Map<string, FsObject["status"]>();
  private stopWatch: () => void = () => {};
  private closed = false;

  private readonly kc: KubeConfig;

  constructor(kc: KubeConfig) {
    this.kc = kc;
  }

  async start(): Promise<void> {
    this.statuses.clear();
    let token: string | undefined;
    let resourceVersion = "";
    do {
      const page = await getJson<{
        items: FsObject[];
        metadata?: { continue?: string; resourceVersion?: string };
      }>(
        kubeConfigConnection(this.kc),
        `/apis/secrets.flyte.org/v1alpha1/namespaces/${CONTROL}/flytesecrets`,
        { limit: 2000, continue: token },
      );
      for (const fs of page.items) this.statuses.set(fs.metadata.name, fs.status);
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      token = page.metadata?.continue || undefined;
    } while (token);
    this.stopWatch = await openWatch(
      kubeConfigConnection(this.kc),
      `/apis/secrets.flyte.org/v1alpha1/namespaces/${CONTROL}/flytesecrets`,
      { resourceVersion, allowWatchBookmarks: "true" },
      { inactivityMs: 120_000 },
      (type, object) => {
        const fs = object as FsObject;
        if (type === "ADDED" || type === "MODIFIED") this.statuses.set(fs.metadata.name, fs.status);
        else if (type === "DELETED") this.statuses.delete(fs.metadata.name);
      },
      () => {
        if (!this.closed) void this.start();
      },
    );
  }

  stop(): void {
    this.closed = true;
    this.stopWatch();
  }

  /** README "Status": Materialized (NoNamespaces where none sees it) with the exact count, in the placed Secret. */
  right({ counts, placements }: { counts: Map<string, number>; placements: Map<string, string> }): {
    ok: boolean;
    wrong: number;
  } {
    let wrong = 0;
    for (const [name, placedIn] of placements) {
      const status = this.statuses.get(name);
      const ready = status?.conditions?.find((c) => c.type === "Ready");
      const want = counts.get(name) ?? 0;
      const reason = want === 0 ? "NoNamespaces" : "Materialized";
      if (
        ready?.status !== "True" ||
        ready.reason !== reason ||
        status?.namespaces !== want ||
        status?.secretName !== placedIn
      )
        wrong += 1;
    }
    return { ok: wrong === 0, wrong };
  }
}

/** The full check: every expected Secret holds exactly the expected keys and values; nothing else is managed. */
async function secretsRight(
  kc: KubeConfig,
  expected: Map<string, Map<string, string>>,
): Promise<{ ok: boolean; problems: number }> {
  let problems = 0;
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await getJson<{
      items: Array<{ metadata: { name: string; namespace: string }; data?: Record<string, string> }>;
      metadata?: { continue?: string };
    }>(kubeConfigConnection(kc), "/api/v1/secrets", {
      labelSelector: "app.kubernetes.io/managed-by=flyte-secrets",
      limit: 500,
      continue: token,
    });
    for (const s of page.items) {
      const id = `${s.metadata.namespace}/${s.metadata.name}`;
      if (s.metadata.namespace.startsWith("bench-")) continue;
      seen.add(id);
      const want = expected.get(id);
      const data = s.data ?? {};
      if (want === undefined || Object.keys(data).length !== want.size) {
        problems += 1;
        continue;
      }
      for (const [k, v] of want) if (data[k] !== Buffer.from(v).toString("base64")) problems += 1;
    }
    token = page.metadata?.continue || undefined;
  } while (token);
  for (const id of expected.keys()) if (!seen.has(id)) problems += 1;
  return { ok: problems === 0, problems };
}

/** A configuration file setting `controller.limits.maxKeysPerSecret` to `--keys-per-secret`. */
function keysPerSecretConfig(): string {
  const path = join(tmpdir(), `bench-scale-keys-${process.pid}.yaml`);
  writeFileSync(path, `controller:\n  limits:\n    maxKeysPerSecret: ${KEYS_PER_SECRET}\n`);
  return path;
}

async function startController(kubeconfig: string, port: number): Promise<Running> {
  const controller = startProduct(
    [
      "controller",
      "--kubeconfig",
      kubeconfig,
      "--control-namespace",
      CONTROL,
      "--metrics-port",
      String(port),
      "--log-level",
      option("log-level", "warn"),
      ...(KEYS_PER_SECRET === 128 ? [] : ["--config", keysPerSecretConfig()]),
    ],
    {},
    chartNodeOptions("controller"),
  );
  await waitUntil(
    async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined),
    600_000,
    "the controller to sync its caches",
    250,
  );
  return controller;
}

async function counters(port: number): Promise<{ writes: number; calls: number; watches: number }> {
  const m = await scrape(port);
  const calls = sum(m, "flyte_secrets_api_requests");
  const watches = m.get('flyte_secrets_api_requests{kind="watch"}') ?? 0;
  return { writes: sum(m, "flyte_secrets_api_writes_total"), calls: calls - watches, watches };
}

async function idle(port: number, quietMs: number): Promise<void> {
  // Idle: the queue is empty and no reconcile finished for `quietMs`.
  let last = -1;
  let since = Date.now();
  await waitUntil(
    async () => {
      const m = await scrape(port);
      const done = sum(m, "flyte_secrets_reconciles_total");
      const depth = m.get("flyte_secrets_queue_depth") ?? 0;
      if (done !== last || depth > 0) {
        last = done;
        since = Date.now();
        return undefined;
      }
      return Date.now() - since >= quietMs ? true : undefined;
    },
    900_000,
    "the controller to go idle",
    250,
  );
}

/** Rotates one source and records, per namespace, when its copy holds the new value. */
async function rotation(
  kc: KubeConfig,
  core: CoreV1Api,
  f: Fs,
  namespaces: number,
): Promise<Record<string, number>> {
  const name = placedIn(f);
  const fresh = randomBytes(24).toString("base64");
  const encoded = Buffer.from(fresh).toString("base64");
  const start = await getJson<{ metadata: { resourceVersion: string } }>(
    kubeConfigConnection(kc),
    "/api/v1/secrets",
    {
      fieldSelector: `metadata.name=${name}`,
      limit: 1,
    },
  );
  const arrived = new Map<string, number>();
  let t0 = 0;
  let stopWatch: () => void = () => {};
  const all = new Promise<void>((resolve, reject) => {
    void openWatch(
      kubeConfigConnection(kc),
      "/api/v1/secrets",
      { fieldSelector: `metadata.name=${name}`, resourceVersion: start.metadata.resourceVersion },
      { inactivityMs: 120_000 },
      (type, object) => {
        const s = object as { metadata?: { namespace?: string }; data?: Record<string, string> };
        if (type !== "MODIFIED" && type !== "ADDED") return;
        const ns = s.metadata?.namespace ?? "";
        if (s.data?.[f.key] === encoded && !arrived.has(ns)) arrived.set(ns, Date.now() - t0);
        if (arrived.size >= namespaces) resolve();
      },
      (error) => {
        if (arrived.size < namespaces) reject(new Error(`rotation watch ended: ${String(error)}`));
      },
    ).then((stop) => {
      stopWatch = stop;
    });
  });
  await new Promise((r) => setTimeout(r, 500));
  t0 = Date.now();
  await core.patchNamespacedSecret(
    { name: f.name, namespace: CONTROL, body: { data: { value: encoded } } },
    setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
  );
  f.value = fresh;
  await Promise.race([
    all,
    new Promise((_, reject) => setTimeout(() => reject(new Error("rotation timed out")), 300_000)),
  ]);
  stopWatch();
  const times = [...arrived.values()].sort((a, b) => a - b);
  return {
    namespaces: times.length,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? Number.NaN,
  };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    fleet: {
      namespaces: NAMESPACES + shared.length,
      flyteSecrets: FLYTESECRETS,
      keysPerSecret: KEYS_PER_SECRET,
    },
  };
  let plane: ControlPlane | undefined;
  let kubeconfig = option("kubeconfig", "");
  if (kubeconfig === "") {
    log("starting the local control plane");
    plane = await ControlPlane.start({ binaries: await ensureBinaries(log), log });
    kubeconfig = plane.info.kubeconfigPath;
  }
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  shareConnections(kc);
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const running: Running[] = [];
  try {
    const crd = readFileSync(join(root, "crds", "flytesecrets.secrets.flyte.org.yaml"), "utf8");
    const { load } = await import("js-yaml");
    const ext = kc.makeApiClient((await import("@kubernetes/client-node")).ApiextensionsV1Api);
    await ext.createCustomResourceDefinition({ body: load(crd) as never }).catch(() => undefined);
    await waitUntil(
      async () => {
        await custom.listNamespacedCustomObject({
          group: "secrets.flyte.org",
          version: "v1alpha1",
          plural: "flytesecrets",
          namespace: "default",
        });
        return true;
      },
      60_000,
      "the CRD",
    );

    // 1. The API server's own write limit, with a plain client, in this run.
    await core.createNamespace({ body: { metadata: { name: "bench-raw" } } }).catch(() => undefined);
    const rawCount = Number(option("raw-writes", "3000"));
    const rawStart = Date.now();
    await pool(
      Array.from({ length: rawCount }, (_, i) => i),
      32,
      async (i) => {
        await core.createNamespacedSecret({
          namespace: "bench-raw",
          body: { metadata: { name: `raw-${i}` }, stringData: { value: randomBytes(24).toString("base64") } },
        });
      },
    );
    const rawPerSecond = rawCount / ((Date.now() - rawStart) / 1000);
    results.apiServerWritesPerSecond = Math.round(rawPerSecond);
    log(`API server raw write throughput: ${Math.round(rawPerSecond)} writes/s (plain client, 32 in flight)`);

    // 2. The fleet.
    log(
      `creating ${NAMESPACES + shared.length} namespaces and ${FLYTESECRETS} FlyteSecrets with their Secrets`,
    );
    await core.createNamespace({ body: { metadata: { name: CONTROL } } }).catch(() => undefined);
    await pool([...nsNames, ...shared.map((name) => ({ name, project: "", domain: "" }))], 32, async (n) => {
      const nsLabels: Record<string, string> =
        n.project === ""
          ? { "secrets.flyte.org/shared": "true" }
          : { "secrets.flyte.org/project": n.project, "secrets.flyte.org/domain": n.domain };
      await core.createNamespace({ body: { metadata: { name: n.name, labels: nsLabels } } });
    });
    await pool(fleet, 32, async (f) => {
      await core.createNamespacedSecret({
        namespace: CONTROL,
        body: { metadata: { name: f.name }, stringData: { value: f.value } },
      });
    });
    await pool(fleet, 32, async (f) => {
      await custom.createNamespacedCustomObject({
        group: "secrets.flyte.org",
        version: "v1alpha1",
        plural: "flytesecrets",
        namespace: CONTROL,
        body: {
          apiVersion: "secrets.flyte.org/v1alpha1",
          kind: "FlyteSecret",
          metadata: { name: f.name },
          spec: {
            key: f.key,
            ...(f.project ? { project: f.project } : {}),
            ...(f.domain ? { domain: f.domain } : {}),
            valueFrom: { secretKeyRef: { name: f.name, key: "value" } },
          },
        },
      });
    });
    const created = new Map<string, string>();
    let createdToken: string | undefined;
    do {
      const page = (await custom.listNamespacedCustomObject({
        group: "secrets.flyte.org",
        version: "v1alpha1",
        plural: "flytesecrets",
        namespace: CONTROL,
        limit: 2000,
        ...(createdToken === undefined ? {} : { _continue: createdToken }),
      })) as { items: FsObject[]; metadata?: { continue?: string } };
      for (const fs of page.items) created.set(fs.metadata.name, fs.metadata.creationTimestamp ?? "");
      createdToken = page.metadata?.continue || undefined;
    } while (createdToken);
    place(created);
    let expected = expectation();
    const keyCopies = [...expected.secrets.values()].reduce((n, m) => n + m.size, 0);
    const writesNeeded = expected.secrets.size + FLYTESECRETS; // one create per managed Secret, one status per FlyteSecret
    results.managedSecrets = expected.secrets.size;
    results.keyCopies = keyCopies;
    log(`fleet ready: ${expected.secrets.size} managed Secrets, ${keyCopies} key copies expected`);

    // 3. Convergence, from the controller's start.
    const port = 18080 + Math.floor(Math.random() * 1000);
    const t0 = Date.now();
    const controller = await startController(kubeconfig, port);
    running.push(controller);
    const rss = new RssSampler(controller.pid);
    let convergedMs = 0;
    const statusWatch = new StatusWatch(kc);
    await statusWatch.start();
    let lastLog = 0;
    for (;;) {
      const statuses = statusWatch.right(expected);
      if (statuses.ok) {
        const checkStart = Date.now();
        const secrets = await secretsRight(kc, expected.secrets);
        if (secrets.ok) {
          convergedMs = checkStart - t0;
          break;
        }
        log(`statuses right, ${secrets.problems} Secret problems`);
      } else if (Date.now() - lastLog > 5000) {
        lastLog = Date.now();
        log(`${statuses.wrong} statuses not yet right`);
      }
      if (Date.now() - t0 > 1_800_000) throw new Error("no convergence within 30 minutes");
      await new Promise((r) => setTimeout(r, 250));
    }
    const atConvergence = await counters(port);
    const idealMs = (writesNeeded / rawPerSecond) * 1000;
    results.convergence = {
      seconds: convergedMs / 1000,
      writesNeeded,
      writesMade: atConvergence.writes,
      idealSeconds: Math.round(idealMs) / 1000,
      ratioToApiServerLimit: Math.round((convergedMs / idealMs) * 100) / 100,
    };
    log(
      `converged in ${convergedMs / 1000} s (${atConvergence.writes} writes; ideal ${Math.round(idealMs) / 1000} s; ratio ${(convergedMs / idealMs).toFixed(2)})`,
    );

    // 4. At rest: 60 s with nothing changing.
    await idle(port, 5000);
    const restStart = await counters(port);
    rss.peak = Math.max(rss.peak, rssBytes(controller.pid));
    const peakConverge = rss.peak;
    await new Promise((r) => setTimeout(r, Number(option("rest-seconds", "60")) * 1000));
    const restEnd = await counters(port);
    results.atRest = {
      seconds: Number(option("rest-seconds", "60")),
      writes: restEnd.writes - restStart.writes,
      apiCalls: restEnd.calls - restStart.calls,
      watchesOpened: restEnd.watches - restStart.watches,
    };
    const heap = await scrape(port);
    results.controllerRss = {
      peakMiB: mib(peakConverge),
      steadyMiB: mib(rssBytes(controller.pid)),
      heapUsedMiB: mib(heap.get("flyte_secrets_controller_nodejs_heap_size_used_bytes") ?? 0),
      heapTotalMiB: mib(heap.get("flyte_secrets_controller_nodejs_heap_size_total_bytes") ?? 0),
    };
    log(
      `at rest: ${JSON.stringify(results.atRest)}; controller RSS ${JSON.stringify(results.controllerRss)}`,
    );

    // 5. Rotations.
    const org = fleet.find((f) => f.project === undefined && f.domain === undefined) as Fs;
    const dom = fleet.find((f) => f.project === undefined && f.domain !== undefined) as Fs;
    const pd = fleet.find((f) => f.project !== undefined && f.domain !== undefined) as Fs;
    const holders = (f: Fs) => expected.counts.get(f.name) ?? 0;
    results.rotation = {
      organization: await rotation(kc, core, org, holders(org)),
      domain: await rotation(kc, core, dom, holders(dom)),
      projectDomain: await rotation(kc, core, pd, holders(pd)),
    };
    log(`rotation: ${JSON.stringify(results.rotation)}`);

    // 6. 50 namespaces labelled at once.
    await idle(port, 2000);
    const added = Array.from({ length: 50 }, (_, i) => ({
      name: `late-${i}`,
      project: `p${i % projects}`,
      domain: DOMAINS[i % 3] as string,
    }));
    await pool(added, 25, async (n) => {
      await core.createNamespace({ body: { metadata: { name: n.name } } });
    });
    const servedAt = new Map<string, number>();
    const wantNames = (n: { project: string; domain: string }) =>
      new Set(fleet.filter((f) => sees(n, f)).map(placedIn));
    const have = new Map<string, Set<string>>();
    const startRv = await getJson<{ metadata: { resourceVersion: string } }>(
      kubeConfigConnection(kc),
      "/api/v1/secrets",
      { labelSelector: "app.kubernetes.io/managed-by=flyte-secrets", limit: 1 },
      METADATA_LIST,
    );
    let labelT0 = 0;
    const served = new Promise<void>((resolve) => {
      void openWatch(
        kubeConfigConnection(kc),
        "/api/v1/secrets",
        {
          labelSelector: "app.kubernetes.io/managed-by=flyte-secrets",
          resourceVersion: startRv.metadata.resourceVersion,
        },
        { accept: METADATA_WATCH, inactivityMs: 120_000 },
        (type, object) => {
          const m = (object as { metadata?: { namespace?: string; name?: string } }).metadata;
          const n = added.find((a) => a.name === m?.namespace);
          if (type !== "ADDED" || n === undefined) return;
          const set = have.get(n.name) ?? new Set<string>();
          set.add(m?.name ?? "");
          have.set(n.name, set);
          if ([...wantNames(n)].every((w) => set.has(w)) && !servedAt.has(n.name))
            servedAt.set(n.name, Date.now() - labelT0);
          if (servedAt.size === added.length) resolve();
        },
        () => {},
      );
    });
    await new Promise((r) => setTimeout(r, 500));
    labelT0 = Date.now();
    await Promise.all(
      added.map((n) =>
        core.patchNamespace(
          {
            name: n.name,
            body: {
              metadata: {
                labels: { "secrets.flyte.org/project": n.project, "secrets.flyte.org/domain": n.domain },
              },
            },
          },
          setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
        ),
      ),
    );
    await Promise.race([
      served,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("labelled namespaces not served in 300 s")), 300_000),
      ),
    ]);
    const servedTimes = [...servedAt.values()].sort((a, b) => a - b);
    expected = expectation(added);
    const allRight = await waitUntil(
      async () => (statusWatch.right(expected).ok ? Date.now() - labelT0 : undefined),
      600_000,
      "statuses after labelling",
      250,
    );
    statusWatch.stop();
    results.labelled50 = {
      p50Ms: percentile(servedTimes, 50),
      maxMs: servedTimes.at(-1),
      statusesExactAfterMs: allRight,
    };
    log(`50 namespaces labelled: ${JSON.stringify(results.labelled50)}`);

    // 7. Restart with nothing changed.
    await idle(port, 3000);
    const secretsBefore = await secretsRight(kc, expected.secrets);
    await controller.stop();
    rss.stop();
    const restartT0 = Date.now();
    const again = await startController(kubeconfig, port);
    running.push(again);
    const rss2 = new RssSampler(again.pid);
    await idle(port, 5000);
    const restarted = await counters(port);
    const idleAfterMs = Date.now() - restartT0;
    await new Promise((r) => setTimeout(r, 10_000));
    const restarted2 = await counters(port);
    results.restart = {
      secretsRightBefore: secretsBefore.ok,
      writes: restarted2.writes,
      apiCallsAfterSync: restarted2.calls - restarted.calls,
      idleAfterSeconds: idleAfterMs / 1000,
      peakRssMiB: mib(rss2.peak),
    };
    log(`restart: ${JSON.stringify(results.restart)}`);
    rss2.stop();
    await again.stop();

    // 8. The webhook's memory with this catalog.
    const certDir = await servingCertDir();
    const wport = port + 1000;
    const webhook = startProduct(
      [
        "webhook",
        "--kubeconfig",
        kubeconfig,
        "--control-namespace",
        CONTROL,
        "--port",
        String(wport + 1),
        "--metrics-port",
        String(wport),
        "--cert-dir",
        certDir,
        "--log-level",
        "warn",
      ],
      {},
      chartNodeOptions("webhook"),
    );
    running.push(webhook);
    const wrss = new RssSampler(webhook.pid);
    await waitUntil(
      async () => ((await fetch(`http://127.0.0.1:${wport}/readyz`)).status === 200 ? true : undefined),
      600_000,
      "the webhook",
      250,
    );
    await new Promise((r) => setTimeout(r, 5000));
    results.webhookRss = { peakMiB: mib(wrss.peak), steadyMiB: mib(rssBytes(webhook.pid)) };
    log(`webhook RSS: ${JSON.stringify(results.webhookRss)}`);
    wrss.stop();
    await webhook.stop();

    // 9. The API server's own limit for this very workload, with nothing of ours running: a plain client (raw JSON
    // over one keep-alive agent) writes the same Secrets, keys and values into fresh namespaces, the same number
    // of status patches, and one organization rotation over those copies. Small writes (phase 1) understate what
    // 2 million key copies cost the API server: it tracks every data key in managedFields.
    if (!process.argv.includes("--no-floor")) {
      log("the API server's floor for this workload: the same writes from a plain client");
      const floorNs = (ns: string): string => `floor-${ns}`;
      const namespacesOf = [...new Set([...expected.secrets.keys()].map((id) => id.split("/")[0] as string))];
      await pool(namespacesOf, 32, async (ns) => {
        await sendJson(kc, "POST", "/api/v1/namespaces", {}, { metadata: { name: floorNs(ns) } });
      });
      const b64 = (v: string): string => Buffer.from(v).toString("base64");
      const secretsStart = Date.now();
      await pool([...expected.secrets], 32, async ([id, data]) => {
        const [ns, name] = id.split("/") as [string, string];
        await sendJson(
          kc,
          "POST",
          `/api/v1/namespaces/${floorNs(ns)}/secrets`,
          { fieldManager: "bench-floor" },
          {
            metadata: { name, labels: { "bench/floor": "true" } },
            type: "Opaque",
            data: Object.fromEntries([...data].map(([k, v]) => [k, b64(v)])),
          },
          { accept: METADATA_OBJECT },
        );
      });
      const secretsMs = Date.now() - secretsStart;
      const statusStart = Date.now();
      await pool(fleet, 32, async (f) => {
        await sendJson(
          kc,
          "PATCH",
          `/apis/secrets.flyte.org/v1alpha1/namespaces/${CONTROL}/flytesecrets/${f.name}/status`,
          {},
          {
            status: {
              conditions: [
                {
                  type: "Ready",
                  status: "True",
                  reason: "Materialized",
                  message: `floor write ${f.name}`,
                  lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
                },
              ],
            },
          },
          { contentType: "application/merge-patch+json" },
        );
      });
      const statusMs = Date.now() - statusStart;
      const convergenceFloorMs = secretsMs + statusMs;
      // One organization value rotated over the floor's copies, as many in flight as the controller has workers.
      const orgKey = fleet.find((f) => f.project === undefined && f.domain === undefined)?.key ?? "";
      // The namespaces the controller's rotation covered (phase 5 ran before the 50 were labelled).
      const rotated = new Set([...expectation().secrets.keys()].map((id) => id.split("/")[0] as string));
      const orgCopies = [...expected.secrets].filter(
        ([id, data]) => data.has(orgKey) && rotated.has(id.split("/")[0] as string),
      );
      const rotationStart = Date.now();
      const arrivedMs: number[] = [];
      await pool(orgCopies, 16, async ([id, data]) => {
        const [ns, name] = id.split("/") as [string, string];
        await sendJson(
          kc,
          "PUT",
          `/api/v1/namespaces/${floorNs(ns)}/secrets/${name}`,
          { fieldManager: "bench-floor" },
          {
            metadata: { name, labels: { "bench/floor": "true" } },
            type: "Opaque",
            data: Object.fromEntries([...data].map(([k, v]) => [k, b64(k === orgKey ? `${v}-rotated` : v)])),
          },
          { accept: METADATA_OBJECT },
        );
        arrivedMs.push(Date.now() - rotationStart);
      });
      arrivedMs.sort((a, b) => a - b);
      const convergence = results.convergence as { seconds: number };
      const organization = (results.rotation as { organization: { p99Ms: number } } | undefined)
        ?.organization;
      results.floor = {
        secretsSeconds: secretsMs / 1000,
        statusesSeconds: statusMs / 1000,
        convergenceSeconds: convergenceFloorMs / 1000,
        convergenceRatio: Math.round(((convergence.seconds * 1000) / convergenceFloorMs) * 100) / 100,
        organizationRotation: {
          namespaces: arrivedMs.length,
          p50Ms: percentile(arrivedMs, 50),
          p99Ms: percentile(arrivedMs, 99),
          maxMs: arrivedMs.at(-1) ?? Number.NaN,
          ratio:
            organization === undefined
              ? undefined
              : Math.round((organization.p99Ms / Math.max(1, percentile(arrivedMs, 99))) * 100) / 100,
        },
      };
      log(`floor: ${JSON.stringify(results.floor)}`);
    }
  } finally {
    for (const r of running) await r.stop("SIGKILL").catch(() => undefined);
    await plane?.stop();
  }
  const path = writeResults("scale", results);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nresults written to ${path}\n`);
  // Keep-alive connections and unref'd timers of the shared agents would hold the process (and the lock) open.
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:scale failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
