import { createHash } from 'node:crypto';
import { ConfigError } from '../core/errors.js';

/** `--shard I/N`: this run takes shard I (1..N) of N. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `I/N` (1 <= I <= N); anything else is bad input, exit 3. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new ConfigError({
      severity: 'error',
      message: `--shard ${text} is not I/N with 1 <= I <= N`,
      fix: 'e.g. --shard 1/4 for the first of four shards (an Indexed Job passes JOB_COMPLETION_INDEX + 1)',
    });
  return { index, count };
}

/**
 * The shard (1..count) a site belongs to: the first 48 bits of the SHA-256 of its name, modulo count. It depends on
 * the name alone, so every run, machine and Node version puts a site in the same shard, and adding a site moves no
 * other site.
 */
export function shardOf(siteName: string, count: number): number {
  const digest = createHash('sha256').update(siteName, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

export function inShard(siteName: string, shard: Shard): boolean {
  return shardOf(siteName, shard.count) === shard.index;
}
