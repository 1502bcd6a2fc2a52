// A deduplicating, rate-limited work queue in the manner of client-go's: a key is queued at most once; a key being
// processed that is added again is processed once more afterwards (never concurrently); failures are retried with
// per-key exponential backoff; an overall token bucket bounds the rate of processing.

export interface WorkQueueOptions {
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Sustained keys per second and burst of the overall limiter. */
  readonly qps?: number;
  readonly burst?: number;
}

export type Processor = (key: string) => Promise<void>;

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private tokens: number;
  private lastRefill = Date.now();
  private running = false;
  private wake: (() => void) | undefined;
  private readonly options: Required<WorkQueueOptions>;

  constructor(options: WorkQueueOptions = {}) {
    this.options = { baseDelayMs: 200, maxDelayMs: 60_000, qps: 20, burst: 100, ...options };
    this.tokens = this.options.burst;
  }

  get depth(): number {
    return this.queue.length;
  }

  add(key: string): void {
    if (this.processing.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.wake?.();
  }

  addAfter(key: string, delayMs: number): void {
    if (this.delayed.has(key)) return;
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref();
    this.delayed.set(key, timer);
  }

  /** Schedules a retry after this key's next backoff delay. */
  retry(key: string): number {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (failures - 1));
    this.addAfter(key, delay);
    return delay;
  }

  /** Forgets a key's failures after it succeeded. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Runs `process` for keys one at a time until `stop`. */
  async run(process: Processor, onError: (key: string, error: unknown) => void): Promise<void> {
    this.running = true;
    while (this.running) {
      const key = this.queue.shift();
      if (key === undefined) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
        continue;
      }
      await this.takeToken();
      this.queued.delete(key);
      this.processing.add(key);
      try {
        await process(key);
      } catch (error) {
        onError(key, error);
      } finally {
        this.processing.delete(key);
        if (this.dirty.delete(key)) this.add(key);
      }
    }
  }

  stop(): void {
    this.running = false;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.wake?.();
  }

  private async takeToken(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(
        this.options.burst,
        this.tokens + ((now - this.lastRefill) / 1000) * this.options.qps,
      );
      this.lastRefill = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.ceil(((1 - this.tokens) / this.options.qps) * 1000)),
      );
    }
  }
}
