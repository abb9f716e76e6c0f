import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { inShard, parseShard, shardOf } from '../../../src/fleet/shard.js';

/** Site names as fleets spell them: regions, numbers, a few odd ones. */
const NAMES = [
  ...Array.from({ length: 2000 }, (_, i) => `edge-${['eu', 'us', 'ap'][i % 3]}-${String(i).padStart(4, '0')}`),
  'site1',
  'Site1',
  'lab',
  'dépôt-7',
  'a',
];

describe('--shard I/N', () => {
  it('puts every site in exactly one shard, for every N from 1 to 16', () => {
    for (let count = 1; count <= 16; count++) {
      const seen = new Map<string, number>();
      for (let index = 1; index <= count; index++)
        for (const name of NAMES.filter((n) => inShard(n, { index, count }))) seen.set(name, (seen.get(name) ?? 0) + 1);
      expect(seen.size).toBe(NAMES.length);
      expect([...seen.values()].every((times) => times === 1)).toBe(true);
    }
  });

  it('spreads sites evenly: each of 4 shards holds a quarter of 2000 names, within 10%', () => {
    const sizes = [1, 2, 3, 4].map((index) => NAMES.filter((n) => inShard(n, { index, count: 4 })).length);
    for (const size of sizes) expect(Math.abs(size - NAMES.length / 4)).toBeLessThan(NAMES.length / 40);
  });

  it('depends on the site name alone: the SHA-256 of the name, first 48 bits, modulo N, plus 1', () => {
    // sha256("site1") begins a35759642c31
    expect(shardOf('site1', 7)).toBe((0xa35759642c31 % 7) + 1);
    expect(shardOf('site1', 1)).toBe(1);
    expect(NAMES.map((n) => shardOf(n, 5))).toEqual(NAMES.map((n) => shardOf(n, 5)));
  });

  it('parses I/N with 1 <= I <= N, and anything else is bad input', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '-1/2', 'a/b', '1', '1/2/3', '', '1.5/3'])
      expect(() => parseShard(bad), bad).toThrow(ConfigError);
  });
});
