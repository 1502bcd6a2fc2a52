// Leader election on a coordination.k8s.io Lease, as client-go does it: a candidate takes an expired or released
// lease with an optimistic-concurrency update, the leader renews it every retry period, and gives up leadership
// when it cannot renew within the renew deadline. Expiry is judged by the local time at which the lease was last
// seen to change, never by comparing clocks across machines. `release()` hands the lease over at once on shutdown.
import { CoordinationV1Api, type KubeConfig, type V1Lease, V1MicroTime } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { defaultLeaseTimings } from "../domain/defaults.ts";
import { describeApiError, statusCode } from "./errors.ts";

export interface LeaderElectionOptions {
  readonly namespace: string;
  readonly name: string;
  readonly identity: string;
  readonly leaseDurationSeconds?: number;
  readonly renewDeadlineSeconds?: number;
  readonly retryPeriodSeconds?: number;
  readonly onStartedLeading: () => void;
  readonly onStoppedLeading: () => void;
}

export class LeaderElector {
  private readonly api: CoordinationV1Api;
  private readonly options: Required<LeaderElectionOptions>;
  private readonly log: Logger;
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private observed: { holder: string; renewTime: string; at: number } | undefined;
  private lastRenewal = 0;

  constructor(kubeConfig: KubeConfig, options: LeaderElectionOptions, log: Logger) {
    this.api = kubeConfig.makeApiClient(CoordinationV1Api);
    this.options = { ...defaultLeaseTimings, ...options };
    this.log = log.child({ lease: `${options.namespace}/${options.name}`, identity: options.identity });
  }

  isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.stopped = false;
    void this.tick();
  }

  /** Stops campaigning and, when leading, releases the lease so a standby takes over immediately. */
  async release(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.leading) return;
    this.setLeading(false);
    try {
      const lease = await this.api.readNamespacedLease({
        name: this.options.name,
        namespace: this.options.namespace,
      });
      if (lease.spec?.holderIdentity !== this.options.identity) return;
      // Released: no holder at all (the field is left out).
      const { holderIdentity: _released, ...spec } = lease.spec;
      lease.spec = {
        ...spec,
        leaseDurationSeconds: 1,
        renewTime: new V1MicroTime(),
      };
      await this.api.replaceNamespacedLease({
        name: this.options.name,
        namespace: this.options.namespace,
        body: lease,
      });
      this.log.info("released leadership");
    } catch (error) {
      this.log.warn(
        { ...describeApiError(error), err: error },
        "could not release the lease; it will expire",
      );
    }
  }

  private setLeading(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    if (leading) {
      this.log.info("became leader");
      this.options.onStartedLeading();
    } else {
      this.log.info("stopped leading");
      this.options.onStoppedLeading();
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.options.retryPeriodSeconds * 1000);
  }

  private async tick(): Promise<void> {
    try {
      const acquired = await this.tryAcquireOrRenew();
      if (acquired) {
        this.lastRenewal = Date.now();
        this.setLeading(true);
      } else if (this.leading && Date.now() - this.lastRenewal > this.options.renewDeadlineSeconds * 1000) {
        this.setLeading(false);
      }
    } catch (error) {
      this.log.warn({ ...describeApiError(error), err: error }, "lease update failed");
      if (this.leading && Date.now() - this.lastRenewal > this.options.renewDeadlineSeconds * 1000) {
        this.setLeading(false);
      }
    }
    this.schedule();
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const { name, namespace, identity, leaseDurationSeconds } = this.options;
    const now = new V1MicroTime();
    let lease: V1Lease;
    try {
      lease = await this.api.readNamespacedLease({ name, namespace });
    } catch (error) {
      if (statusCode(error) !== 404) throw error;
      try {
        await this.api.createNamespacedLease({
          namespace,
          body: {
            metadata: { name, namespace },
            spec: {
              holderIdentity: identity,
              leaseDurationSeconds,
              acquireTime: now,
              renewTime: now,
              leaseTransitions: 0,
            },
          },
        });
        return true;
      } catch (createError) {
        if (statusCode(createError) === 409) return false;
        throw createError;
      }
    }
    const spec = lease.spec ?? {};
    const holder = spec.holderIdentity ?? "";
    const renewTime = spec.renewTime ? new Date(spec.renewTime).toISOString() : "";
    if (this.observed?.holder !== holder || this.observed.renewTime !== renewTime) {
      this.observed = { holder, renewTime, at: Date.now() };
    }
    const duration = (spec.leaseDurationSeconds ?? leaseDurationSeconds) * 1000;
    const expired = this.observed.at + duration < Date.now();
    if (holder !== "" && holder !== identity && !expired) return false;

    const takingOver = holder !== identity;
    lease.spec = {
      ...spec,
      holderIdentity: identity,
      leaseDurationSeconds,
      renewTime: now,
      acquireTime: takingOver || !spec.acquireTime ? now : new V1MicroTime(spec.acquireTime),
      leaseTransitions: (spec.leaseTransitions ?? 0) + (takingOver ? 1 : 0),
    };
    try {
      await this.api.replaceNamespacedLease({ name, namespace, body: lease });
      return true;
    } catch (error) {
      if (statusCode(error) === 409) return false;
      throw error;
    }
  }
}
