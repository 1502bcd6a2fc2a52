// The controller's Prometheus metrics (flyte_secrets_*). Labels carry outcomes and resource names, never values.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export interface ControllerMetrics {
  readonly registry: Registry;
  readonly reconciles: Counter<"kind" | "result">;
  readonly reconcileDuration: Histogram<"kind">;
  readonly writes: Counter<"verb" | "resource">;
  readonly eventsDropped: Counter<"type">;
}

export function createControllerMetrics(
  queueDepth: () => number,
  managedSecrets: () => number,
  watchAges: () => ReadonlyArray<readonly [string, number]>,
  isLeader: () => boolean,
  apiRequests: () => ReadonlyMap<string, number> = () => new Map(),
): ControllerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "flyte_secrets_controller_" });
  const reconciles = new Counter({
    name: "flyte_secrets_reconciles_total",
    help: "Reconciliations by kind (namespace, status) and result (success, error).",
    labelNames: ["kind", "result"] as const,
    registers: [registry],
  });
  const reconcileDuration = new Histogram({
    name: "flyte_secrets_reconcile_duration_seconds",
    help: "Time spent in one reconciliation.",
    labelNames: ["kind"] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  });
  const writes = new Counter({
    name: "flyte_secrets_api_writes_total",
    help: "Writes made to the API server, by verb and resource.",
    labelNames: ["verb", "resource"] as const,
    registers: [registry],
  });
  const eventsDropped = new Counter({
    name: "flyte_secrets_events_dropped_total",
    help: "Events not recorded, by type: Normal Events beyond the budget, or any beyond 20,000 waiting.",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "flyte_secrets_queue_depth",
    help: "Keys waiting in the work queue.",
    registers: [registry],
    collect() {
      this.set(queueDepth());
    },
  });
  new Gauge({
    name: "flyte_secrets_managed_secrets",
    help: "Secrets the controller manages across all namespaces.",
    registers: [registry],
    collect() {
      this.set(managedSecrets());
    },
  });
  new Gauge({
    name: "flyte_secrets_watch_last_event_age_seconds",
    help: "Seconds since each watch last delivered an event or relist.",
    labelNames: ["resource"] as const,
    registers: [registry],
    collect() {
      for (const [resource, age] of watchAges()) this.set({ resource }, age);
    },
  });
  new Gauge({
    name: "flyte_secrets_leader",
    help: "1 when this controller replica holds the leader lease.",
    registers: [registry],
    collect() {
      this.set(isLeader() ? 1 : 0);
    },
  });
  new Gauge({
    name: "flyte_secrets_api_requests",
    help: "API requests made since start, by kind (watch = a watch opened; otherwise the HTTP method).",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      for (const [kind, count] of apiRequests()) this.set({ kind }, count);
    },
  });
  return { registry, reconciles, reconcileDuration, writes, eventsDropped };
}
