// A deduplicating work queue with client-go's semantics: a key is queued at most once; a key being processed that is
// added again is processed once more afterwards, never by two workers at once; several workers take keys in order;
// only failures are rate-limited (per-key exponential backoff) — a first attempt is never delayed.

export interface WorkQueueOptions {
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

export type Processor = (key: string) => Promise<void>;

export class WorkQueue {
  private queue: string[] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private running = false;
  private readonly waiting: Array<() => void> = [];
  private readonly options: Required<WorkQueueOptions>;

  constructor(options: WorkQueueOptions = {}) {
    this.options = { baseDelayMs: 200, maxDelayMs: 60_000, ...options };
  }

  /** Keys waiting (not counting those being processed). */
  get depth(): number {
    return this.queue.length - this.head;
  }

  /** Keys being processed right now. */
  get active(): number {
    return this.processing.size;
  }

  add(key: string): void {
    if (this.processing.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.waiting.shift()?.();
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

  /** Runs `process` with `workers` concurrent workers until `stop`; one key is never processed twice at once. */
  async run(process: Processor, onError: (key: string, error: unknown) => void, workers = 1): Promise<void> {
    this.running = true;
    const worker = async (): Promise<void> => {
      while (this.running) {
        const key = this.take();
        if (key === undefined) {
          await new Promise<void>((resolve) => this.waiting.push(resolve));
          continue;
        }
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
    };
    await Promise.all(Array.from({ length: Math.max(1, workers) }, () => worker()));
  }

  stop(): void {
    this.running = false;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    for (const wake of this.waiting.splice(0)) wake();
  }

  private take(): string | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head] as string;
    this.head += 1;
    // Compact now and then so a long-running queue does not keep every key it ever saw.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.queued.delete(key);
    return key;
  }
}
