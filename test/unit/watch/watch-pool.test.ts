import { describe, expect, it } from 'vitest';
import { ConnectError } from '../../../src/core/errors.js';
import type { Host } from '../../../src/core/inventory.js';
import type { Transport } from '../../../src/core/transport.js';
import { WatchPool } from '../../../src/watch/watch-pool.js';

const host = { name: 'node1' } as Host;

/** A transport that can be made to close, as when the device goes away. */
function fakeConn(): Transport & { isOpen: boolean; closed: number } {
  return {
    host: 'node1',
    isOpen: true,
    closed: 0,
    exec: () => Promise.reject(new Error('not used')),
    shell: () => Promise.reject(new Error('not used')),
    upload: () => Promise.reject(new Error('not used')),
    close() {
      this.isOpen = false;
      this.closed += 1;
      return Promise.resolve();
    },
  };
}

function setup(outcomes: ('ok' | 'fail')[]) {
  let now = 0;
  const conns: ReturnType<typeof fakeConn>[] = [];
  const dials: string[] = [];
  const pool = new WatchPool(
    () => {
      const next = outcomes.shift() ?? 'ok';
      if (next === 'fail') return Promise.reject(new ConnectError('node1', 'ECONNREFUSED'));
      const c = fakeConn();
      conns.push(c);
      return Promise.resolve(c);
    },
    { firstMs: 1_000, maxMs: 4_000 },
    (_h, outcome) => dials.push(outcome),
    () => now,
  );
  return { pool, conns, dials, advance: (ms: number) => (now += ms) };
}

describe('WatchPool: connections kept between rounds', () => {
  it('dials once and hands the same connection to every later round', async () => {
    const { pool, dials } = setup(['ok']);
    const first = await pool.get(host);
    expect(await pool.get(host)).toBe(first);
    expect(pool.isConnected('node1')).toBe(true);
    expect(dials).toEqual(['ok']);
  });

  it('dials again when the kept connection closed, with a new session', async () => {
    const { pool, conns, dials } = setup(['ok', 'ok']);
    await pool.get(host);
    const session = pool.session(host);
    conns[0]!.isOpen = false;
    expect(pool.isConnected('node1')).toBe(false);
    expect(await pool.get(host)).toBe(conns[1]);
    expect(pool.session(host)).not.toBe(session);
    expect(dials).toEqual(['ok', 'ok']);
  });

  it('waits a doubling backoff after failed dials, up to the maximum, and resets it on success', async () => {
    const { pool, dials, advance } = setup(['fail', 'fail', 'fail', 'fail', 'ok']);
    await expect(pool.get(host)).rejects.toThrow('ECONNREFUSED');
    await expect(pool.get(host)).rejects.toThrow(/ECONNREFUSED \(next dial in 1s\)/);
    advance(1_000);
    await expect(pool.get(host)).rejects.toThrow('ECONNREFUSED'); // 2nd failure: wait 2 s
    advance(1_999);
    await expect(pool.get(host)).rejects.toThrow(/next dial in 1ms/);
    advance(1);
    await expect(pool.get(host)).rejects.toThrow('ECONNREFUSED'); // 3rd: 4 s
    advance(4_000);
    await expect(pool.get(host)).rejects.toThrow('ECONNREFUSED'); // 4th: capped at 4 s
    advance(3_999);
    await expect(pool.get(host)).rejects.toThrow(/next dial in/);
    advance(1);
    await pool.get(host);
    expect(dials).toEqual(['failed', 'failed', 'failed', 'failed', 'ok']);
  });

  it('shares one dial between hosts asking at once, and closes everything at the end', async () => {
    const { pool, conns, dials } = setup(['ok']);
    const [a, b] = await Promise.all([pool.get(host), pool.get(host)]);
    expect(a).toBe(b);
    await pool.closeAll();
    expect(conns[0]!.closed).toBe(1);
    expect(dials).toEqual(['ok']);
  });
});
