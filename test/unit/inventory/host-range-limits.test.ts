import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { DEFAULT_HOST_LIMITS, hostLimits } from '../../../src/inventory/host-limits.js';
import { expandHostEntry } from '../../../src/inventory/host-range.js';
import { loadInventory } from '../../../src/inventory/load-inventory.js';
import { loadProblems, writeInventory } from './inventory-test-helpers.js';

afterEach(() => vi.unstubAllEnvs());

describe('host limits', () => {
  it('defaults, and environment variables that change them', () => {
    expect(hostLimits({})).toMatchObject({ perRange: 10_000, perInventory: 100_000 });
    expect(hostLimits({ ACP_PLAY_MAX_RANGE_HOSTS: '200000', ACP_PLAY_MAX_HOSTS: '250000' })).toMatchObject({
      perRange: 200_000,
      perInventory: 250_000,
    });
    expect(DEFAULT_HOST_LIMITS.perRange).toBe(10_000);
  });

  it.each(['0', '-1', '1.5', 'lots', '20000000'])('ACP_PLAY_MAX_HOSTS=%s is a ConfigError naming it', (value) => {
    expect(() => hostLimits({ ACP_PLAY_MAX_HOSTS: value })).toThrow(ConfigError);
    expect(() => hostLimits({ ACP_PLAY_MAX_HOSTS: value })).toThrow(/ACP_PLAY_MAX_HOSTS/);
  });
});

describe('host ranges', () => {
  it('refuse a range past the limit before expanding it, products of ranges included', () => {
    expect(() => expandHostEntry('node[1:1000000000]')).toThrow(/names 1000000000 hosts \(limit 10000 per range/);
    expect(() => expandHostEntry('n[1:200][1:100]')).toThrow(/names 20000 hosts/);
    expect(() => expandHostEntry(`n${'[1:9]'.repeat(40)}`)).toThrow(/more than 10\^15/);
    expect(expandHostEntry('n[1:100][1:100]').names).toHaveLength(10_000);
  });

  it('expand 100,000 hosts when the limit allows it, in order', () => {
    vi.stubEnv('ACP_PLAY_MAX_RANGE_HOSTS', '100000');
    const { names } = expandHostEntry('h[000001:100000]');
    expect(names).toHaveLength(100_000);
    expect([names[0], names[99_999]]).toEqual(['h000001', 'h100000']);
  });

  it('scan long patterns in linear time (no backtracking regex)', () => {
    const started = Date.now();
    // As Ansible cuts it: from the first `[` to the first `]`, which is not a range.
    expect(() => expandHostEntry(`${'[a'.repeat(50_000)}[1:3]`)).toThrow(/must be numbers/);
    expect(expandHostEntry(`${'a-'.repeat(50_000)}x[1:3]`).names).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an inventory past the host limit is one located error', async () => {
    vi.stubEnv('ACP_PLAY_MAX_HOSTS', '5');
    const dir = writeInventory({ 'hosts.yaml': 'all:\n  hosts:\n    a[1:3]:\n    b[1:3]:\n' });
    const problems = await loadProblems(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        message: 'the inventory names more than 5 hosts (limit 5; ACP_PLAY_MAX_HOSTS raises it)',
        location: { file: `${dir}/hosts.yaml`, line: 4, col: 5 },
      }),
    ]);
  });

  it('100,000 hosts in one group load with every host in it once (linear adding)', async () => {
    vi.stubEnv('ACP_PLAY_MAX_RANGE_HOSTS', '100000');
    const dir = writeInventory({ hosts: '[big]\nh[1:100000]\nh[1:10]\n[other]\nh1\n' });
    const inv = await loadInventory(dir);
    expect(inv.hosts.size).toBe(100_000);
    expect(inv.groups.get('big')?.hosts).toHaveLength(100_000);
    expect(inv.groups.get('ungrouped')?.hosts).toEqual([]);
    expect(inv.hosts.get('h1')?.groups).toEqual(['all', 'big', 'other']);
  });
});
