// The webhook's Prometheus metrics (flyte_secrets_*): admissions by result, and latency.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface WebhookMetrics {
  readonly registry: Registry;
  readonly admissions: Counter<"result">;
  readonly latency: Histogram<"result">;
}

export function createWebhookMetrics(): WebhookMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "flyte_secrets_webhook_" });
  return {
    registry,
    admissions: new Counter({
      name: "flyte_secrets_admissions_total",
      help: "Admission requests by result: allowed, refused (a pod asked for something it may not have), invalid (malformed request), error.",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: "flyte_secrets_admission_duration_seconds",
      help: "Time to decide one admission request.",
      labelNames: ["result"] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
  };
}
