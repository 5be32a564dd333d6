import { InvalidInputError } from "../errors.js";

/** A clock the batcher reads; inject a fake one in tests. */
export interface BatcherClock {
  /** Milliseconds. */
  now(): number;
}

export interface GateBatcherOptions {
  /** Flush when this many tickets are pending (at most the contract's MAX_CHECKIN_BATCH, 500). */
  readonly maxSize: number;
  /** Flush when the oldest pending ticket has waited this long (ms). */
  readonly maxWaitMs: number;
  /** Records a batch on chain (e.g. `recordCheckIns`). */
  readonly flush: (tokenIds: readonly bigint[]) => Promise<void>;
  readonly clock?: BatcherClock;
}

/** Largest batch `EventTickets.recordCheckIns` accepts. */
export const MAX_CHECKIN_BATCH = 500;

/**
 * Collects admitted tickets at a gate and records them on chain in batches, so the queue at the
 * door never waits for a block. A ticket is queued at most once per batcher (duplicates are
 * refused locally; the contract also reports them by event). Flushes when `maxSize` tickets are
 * pending or, on `poll()`, when the oldest has waited `maxWaitMs`. A failed flush puts the tickets
 * back at the front of the queue.
 */
export class GateBatcher {
  private readonly options: GateBatcherOptions;
  private readonly clock: BatcherClock;
  private readonly seen = new Set<bigint>();
  private pending: bigint[] = [];
  private oldestAt: number | undefined;
  private flushing: Promise<void> | undefined;

  constructor(options: GateBatcherOptions) {
    if (!Number.isSafeInteger(options.maxSize) || options.maxSize < 1 || options.maxSize > MAX_CHECKIN_BATCH) {
      throw new InvalidInputError(`The batch size must be between 1 and ${MAX_CHECKIN_BATCH}.`);
    }
    if (!Number.isFinite(options.maxWaitMs) || options.maxWaitMs < 0) {
      throw new InvalidInputError("The batch wait must be zero or more milliseconds.");
    }
    this.options = options;
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  /** Tickets waiting to be recorded. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues an admitted ticket; returns false for a duplicate. Flushes when the batch is full. */
  async add(tokenId: bigint): Promise<boolean> {
    if (this.seen.has(tokenId)) return false;
    this.seen.add(tokenId);
    if (this.pending.length === 0) this.oldestAt = this.clock.now();
    this.pending.push(tokenId);
    if (this.pending.length >= this.options.maxSize) await this.flush();
    return true;
  }

  /** Flushes when the oldest pending ticket has waited long enough; call it from a timer. */
  async poll(): Promise<void> {
    if (this.oldestAt !== undefined && this.clock.now() - this.oldestAt >= this.options.maxWaitMs) await this.flush();
  }

  /** Records everything pending now, in batches of at most `maxSize`. */
  async flush(): Promise<void> {
    if (this.flushing !== undefined) await this.flushing;
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.options.maxSize);
      this.pending = this.pending.slice(batch.length);
      this.oldestAt = this.pending.length > 0 ? this.clock.now() : undefined;
      this.flushing = this.options.flush(batch);
      try {
        await this.flushing;
      } catch (error) {
        this.pending = [...batch, ...this.pending];
        this.oldestAt ??= this.clock.now();
        throw error;
      } finally {
        this.flushing = undefined;
      }
    }
  }
}
