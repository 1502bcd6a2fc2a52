// Defaults that several parts of the program must agree on, in one place: config.ts reads its defaults from here,
// and the components fall back to the same values when given none.

/** The pod label keys holding a task's project and domain: Flyte's own. */
export const defaultPodLabels = { project: "project", domain: "domain" } as const;

/**
 * Value limits: the largest value one FlyteSecret may hold (also what the CLI and the Flyte API accept), and what
 * one managed Secret of a scope takes before the scope's next keys go to its next Secret: the sum of keys and values
 * (a Secret holds at most 1 MiB in all) and the number of keys. 128 keys: on the 2-core bench machine a 1,000-key
 * Secret costs the API server ~11 ms per write, a 250-key one ~4.5 ms and a 128-key one ~3.5 ms; with 128, an
 * organization rotation over 1,000 namespaces measured p99 3.8–6.0 s (256: 7.1 s; one Secret: 26 s), at the price of
 * more Secrets to create on a first start (README "Sizing").
 */
export const defaultLimits = {
  maxValueBytes: 512 * 1024,
  maxScopeBytes: 1000 * 1024,
  maxKeysPerSecret: 128,
} as const;

/** Lease timings of the controller's leader election, as client-go's defaults scaled to a small operator. */
export const defaultLeaseTimings = {
  leaseDurationSeconds: 15,
  renewDeadlineSeconds: 10,
  retryPeriodSeconds: 2,
} as const;

/**
 * The budget of the controller's Normal Events (Materialized, Recovered...): a burst, then a steady rate, across all
 * FlyteSecrets; the surplus is dropped and counted (`flyte_secrets_events_dropped_total`), as client-go's
 * EventRecorder drops what its spam filter refuses. Status is the record; Events are for people watching. A first
 * convergence of 10,000 FlyteSecrets would otherwise create 10,000 Events — as many writes as the statuses themselves.
 * Warning Events have no budget.
 */
export const defaultEventBudget = { burst: 100, perSecond: 5 } as const;
