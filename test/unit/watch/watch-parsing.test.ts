import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/watch/duration.js';
import { formatListenAddress, parseListenAddress } from '../../../src/watch/listen-address.js';
import { watchHealth } from '../../../src/watch/watch-health.js';

describe('watch flags', () => {
  it('reads durations as a sum of whole numbers with units', () => {
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1500ms')).toBe(1_500);
    for (const bad of ['', '5', 'm', '5 m', '1.5m', '5d', '-5m', '5mm'])
      expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('writes durations the way log lines need them', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(1_500)).toBe('1.5s');
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(5_430_000)).toBe('1h30m30s');
  });

  it('reads listen addresses, IPv6 in brackets, an empty host as every address', () => {
    expect(parseListenAddress('127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseListenAddress('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListenAddress(':9464')).toEqual({ host: '0.0.0.0', port: 9464 });
    for (const bad of ['9464', '127.0.0.1', '127.0.0.1:99999', '::1:9464', 'host:port'])
      expect(parseListenAddress(bad), bad).toBeUndefined();
    expect(formatListenAddress({ host: '::1', port: 9464 })).toBe('[::1]:9464');
  });
});

describe('watch health', () => {
  const minute = 60_000;
  it('is healthy while the first round runs and while rounds keep finishing', () => {
    expect(watchHealth({ intervalMs: 5 * minute, startedAt: 0, now: 2 * minute }).ok).toBe(true);
    expect(watchHealth({ intervalMs: 5 * minute, startedAt: 0, lastRoundAt: 10 * minute, now: 24 * minute }).ok).toBe(
      true,
    );
  });

  it('is unhealthy once three intervals pass without a finished round, and says so', () => {
    const h = watchHealth({ intervalMs: 5 * minute, startedAt: 0, lastRoundAt: 10 * minute, now: 26 * minute });
    expect(h).toEqual({ ok: false, text: 'unhealthy: no round has finished for 16m (interval 5m)' });
  });

  it('allows at least a minute with short intervals', () => {
    expect(watchHealth({ intervalMs: 1_000, startedAt: 0, now: 59_000 }).ok).toBe(true);
    expect(watchHealth({ intervalMs: 1_000, startedAt: 0, now: 61_000 }).ok).toBe(false);
  });
});
