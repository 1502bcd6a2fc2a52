// A token bucket: `burst` tokens at most, refilled at `perSecond`; each taken event spends one. Pure: the caller
// passes the time. The controller's Normal Events go through one (see `defaultEventBudget`).

export interface TokenBucketOptions {
  readonly burst: number;
  readonly perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number | undefined;
  private readonly options: TokenBucketOptions;

  constructor(options: TokenBucketOptions) {
    this.options = options;
    this.tokens = options.burst;
  }

  /** Spends a token if there is one at `nowMs` (milliseconds on any monotonic clock); false when there is none. */
  take(nowMs: number): boolean {
    if (this.last !== undefined && nowMs > this.last)
      this.tokens = Math.min(
        this.options.burst,
        this.tokens + ((nowMs - this.last) / 1000) * this.options.perSecond,
      );
    if (this.last === undefined || nowMs > this.last) this.last = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
