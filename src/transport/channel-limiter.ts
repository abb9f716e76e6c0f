import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Caps the number of open channels on one SSH connection and retries channels the server refused.
 * OpenSSH allows 10 sessions per connection (MaxSessions) but frees slots lazily, so more than ~5 concurrent
 * channels start failing with "Channel open failure": cap at 4 and retry that error with backoff.
 */
export class ChannelLimiter {
  // The queue is p-limit's; what p-limit has not is the retry of a refused channel (inside the slot, so a retry
  // does not let another channel in) and `hold`, a slot kept past the call.
  private readonly limit: LimitFunction;

  constructor(
    readonly max = 4,
    private readonly retry: { attempts: number; baseDelayMs: number } = { attempts: 6, baseDelayMs: 25 },
  ) {
    this.limit = pLimit(max);
  }

  /** Runs `open` (which opens and uses one channel) when a slot is free, retrying a refused channel open. */
  run<T>(open: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await open();
        } catch (err) {
          if (!isChannelOpenFailure(err) || attempt >= this.retry.attempts) throw err;
          await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1));
        }
      }
    });
  }

  /**
   * Like `run`, for a channel that outlives the call (an interactive shell): the slot is kept until `release`.
   */
  async hold<T>(open: () => Promise<T>): Promise<{ value: T; release: () => void }> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: (v: T) => void;
    let failed!: (e: unknown) => void;
    const value = new Promise<T>((resolve, reject) => ((opened = resolve), (failed = reject)));
    void this.run(async () => {
      opened(await open());
      await held;
    }).catch(failed);
    return { value: await value, release: once(release) };
  }

  /** Channels open right now (for tests and diagnostics). */
  get inUse(): number {
    return this.limit.activeCount;
  }
}

/** True for ssh2's error when the server refuses to open a channel (too many sessions, for one). */
export function isChannelOpenFailure(err: unknown): boolean {
  return err instanceof Error && /Channel open failure/i.test(err.message);
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
