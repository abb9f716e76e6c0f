import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';

/**
 * Shared pieces of the property tests: generators of odd names and values, and the one property every input
 * must keep: the error, if any, is a ConfigError whose every error problem is located in a file under `dir`.
 */

/** Names that have broken inventories: Ansible's own groups, inherited object keys, ranges, ports, odd text. */
export const oddName = fc.oneof(
  fc.constantFrom(
    'node0',
    'node1',
    'switch1',
    'all',
    'ungrouped',
    'nodes',
    '__proto__',
    'constructor',
    'toString',
    'a b',
    'Ethernet1/3',
    'x[1:3]',
    'n[01:02]',
    'h[a:c]',
    'h:2222',
    '[::1]:22',
    '2001:db8::1',
    'n[3:1]',
    'n[1:4:0]',
    'ünï',
  ),
  fc.string({ maxLength: 10 }),
);

/** Scalars that look like other types to YAML 1.1 or to acp-play. */
export const oddScalar = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2003-2005', '2000-2005,x', '1-4094', 'yes', 'off', '0x10', '017', '1e3', '~', 'enp4s0f0', 'trunk'),
);

/** Any value: scalars, lists and maps a few levels deep, with odd keys. */
export const oddValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    oddScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddName, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Inventories are read as YAML 1.1 (as Ansible does): generated files are written the same way (`n` quoted). */
export const YAML11 = { version: '1.1' } as const;

/** Writes `files` into a fresh folder, runs `body`, and removes the folder. */
export async function withFiles<T>(
  files: Record<string, string | Buffer>,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'acp-prop-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The only failure allowed: a ConfigError whose every error is located in a file under `dir`. */
export function expectLocatedConfigError(error: unknown, dir: string): void {
  if (!(error instanceof ConfigError)) throw error;
  const errors = error.problems.filter((p) => p.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  for (const problem of errors) {
    expect(problem.location?.file, problem.message).toBeDefined();
    expect(problem.location!.file.startsWith(dir), `${problem.location!.file}: ${problem.message}`).toBe(true);
    expect(problem.location!.line).toBeGreaterThanOrEqual(1);
  }
}
