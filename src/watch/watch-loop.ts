/** What the loop runs each round. */
export type RoundRunner = (round: number, signal: AbortSignal) => Promise<void>;

/** Options of {@link WatchLoop}. */
export interface WatchLoopOptions {
  readonly intervalMs: number;
  readonly runRound: RoundRunner;
  /** A start time came while the previous round was still running: that round is skipped. */
  readonly onSkip?: () => void;
  /** A round threw (a bug, not a host failing: hosts fail inside their round). */
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs a round now and then at fixed start times (start + k × interval). Rounds never overlap: a start time that
 * finds the previous round still running is skipped and reported, and the next round starts at the next start time,
 * so slow rounds never queue up behind each other. `stop()` ends the schedule, aborts the round in flight (no new
 * host starts; hosts being gathered finish) and resolves when it has ended.
 */
export class WatchLoop {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private round = 0;
  private startedAt = 0;

  constructor(private readonly opts: WatchLoopOptions) {}

  start(): void {
    this.startedAt = Date.now();
    this.tick();
  }

  /** True while a round runs. */
  get running(): boolean {
    return this.current !== undefined;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  private tick(): void {
    if (this.abort.signal.aborted) return;
    if (this.current) this.opts.onSkip?.();
    else this.current = this.runOne();
    this.schedule();
  }

  private schedule(): void {
    const { intervalMs } = this.opts;
    const elapsed = Date.now() - this.startedAt;
    const next = (Math.floor(elapsed / intervalMs) + 1) * intervalMs;
    this.timer = setTimeout(() => this.tick(), next - elapsed);
  }

  private async runOne(): Promise<void> {
    this.round += 1;
    try {
      await this.opts.runRound(this.round, this.abort.signal);
    } catch (error) {
      this.opts.onError?.(error);
    } finally {
      this.current = undefined;
    }
  }
}
