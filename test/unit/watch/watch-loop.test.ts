import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchLoop } from '../../../src/watch/watch-loop.js';

describe('WatchLoop: rounds on a fixed schedule, never overlapping', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('runs a round at once and then every interval', async () => {
    const starts: number[] = [];
    const loop = new WatchLoop({
      intervalMs: 1_000,
      runRound: () => (starts.push(Date.now()), Promise.resolve()),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(3_500);
    await loop.stop();
    expect(starts).toEqual([0, 1_000, 2_000, 3_000]);
  });

  it('skips a start time that finds the previous round running, and starts on the next one', async () => {
    const starts: number[] = [];
    let skips = 0;
    const loop = new WatchLoop({
      intervalMs: 1_000,
      onSkip: () => (skips += 1),
      // The first round takes 2.5 s: the starts at 1 s and 2 s are skipped.
      runRound: (n) => (starts.push(Date.now()), new Promise((r) => setTimeout(r, n === 1 ? 2_500 : 10))),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(4_100);
    await loop.stop();
    expect(starts).toEqual([0, 3_000, 4_000]);
    expect(skips).toBe(2);
  });

  it('stop() aborts the round in flight, waits for it, and starts no other', async () => {
    let aborted = false;
    let rounds = 0;
    const loop = new WatchLoop({
      intervalMs: 1_000,
      runRound: (_n, signal) => {
        rounds += 1;
        return new Promise((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            setTimeout(resolve, 100);
          }),
        );
      },
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(500);
    const stopped = loop.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(aborted).toBe(true);
    expect(rounds).toBe(1);
    expect(loop.running).toBe(false);
  });
});
