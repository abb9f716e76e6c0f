import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * acp-play runs on every Node from 20.11 on, so `engines` says so, and no runtime
 * dependency may need a newer Node than that: an upgrade to a latest major that needs Node 22 fails here.
 */

interface Manifest {
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Readonly<Record<string, string>>;
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const own = manifest('.');

describe('the Node versions acp-play runs on', () => {
  it('are every Node from 20.11 on', () => {
    const range = own.engines!.node!;
    for (const version of ['20.11.0', '20.19.5', '22.0.0', '24.11.1', '26.0.0']) {
      expect(semver.satisfies(version, range), version).toBe(true);
    }
    expect(semver.satisfies('20.10.0', range)).toBe(false);
    expect(semver.satisfies(process.version, range)).toBe(true);
  });

  it('are the Node versions every runtime dependency runs on', () => {
    const needing = Object.keys(own.dependencies ?? {}).filter((name) => {
      const needs = manifest(join('node_modules', name)).engines?.node;
      return needs !== undefined && !semver.subset('>=20.11.0', needs);
    });
    expect(needing).toEqual([]);
  });
});
