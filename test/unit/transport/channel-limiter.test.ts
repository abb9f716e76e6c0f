import { describe, expect, it } from 'vitest';
import { ChannelLimiter, sleep } from '../../../src/transport/channel-limiter.js';

describe('ChannelLimiter', () => {
  it('never runs more than max at once and runs everything', async () => {
    const limiter = new ChannelLimiter(4);
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        limiter.run(async () => {
          peak = Math.max(peak, limiter.inUse);
          await sleep(5);
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(peak).toBe(4);
    expect(limiter.inUse).toBe(0);
  });

  it('retries "Channel open failure" with backoff, then gives up', async () => {
    const limiter = new ChannelLimiter(4, { attempts: 3, baseDelayMs: 1 });
    let calls = 0;
    const ok = await limiter.run(async () => {
      if (++calls < 3) throw new Error('(SSH) Channel open failure: open failed');
      return 'opened';
    });
    expect([ok, calls]).toEqual(['opened', 3]);
    calls = 0;
    await expect(limiter.run(async () => (calls++, Promise.reject(new Error('Channel open failure'))))).rejects.toThrow(
      /Channel open failure/,
    );
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    const limiter = new ChannelLimiter(1);
    let calls = 0;
    await expect(limiter.run(async () => (calls++, Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(calls).toBe(1);
    expect(limiter.inUse).toBe(0);
  });

  it('hold keeps the slot until release', async () => {
    const limiter = new ChannelLimiter(1);
    const held = await limiter.hold(async () => 'shell');
    expect(held.value).toBe('shell');
    let ran = false;
    const waiting = limiter.run(async () => (ran = true));
    await sleep(10);
    expect(ran).toBe(false);
    held.release();
    await waiting;
    expect(ran).toBe(true);
  });
});
