import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SITE1 } from '../../helpers/cli-run.js';

// Bad fleet flags are exit 3 before any site is loaded or any host contacted (site1's hosts do not exist here).
const fleet = mkdtempSync(join(tmpdir(), 'acp-fleet-flags-'));
cpSync(SITE1, join(fleet, 'edge-1'), { recursive: true });
cpSync(SITE1, join(fleet, 'edge-2'), { recursive: true });
const planFile = join(fleet, 'site.plan.json');
writeFileSync(planFile, '{}');
afterAll(() => rmSync(fleet, { recursive: true, force: true }));

describe('fleet flags', () => {
  it.each([
    [['plan', fleet, '--shard', '0/2'], /--shard 0\/2 is not I\/N/],
    [['plan', fleet, '--shard', '3/2'], /--shard 3\/2 is not I\/N/],
    [['apply', fleet, '--shard', 'half', '--yes'], /--shard half is not I\/N/],
    [['plan', fleet, '--sites', 'edge-3'], /--sites edge-3 matches no site of the fleet \(edge-1, edge-2\)/],
    [['plan', SITE1, '--shard', '1/2'], /one site's inventory/],
    [['plan', SITE1, '--sites', 'site1'], /one site's inventory/],
    [['apply', planFile, '--sites', 'edge-1', '--yes'], /is a plan file of one site/],
    [['plan', fleet, '--format', 'markdown'], /one site/],
    [['plan', fleet, '--forks', '0'], /--forks 0 is not a positive whole number/],
  ])('%j is exit 3 with the reason', async (args, reason) => {
    const r = await runCli(args);
    expect(r.code, r.err).toBe(3);
    expect(r.err).toMatch(reason);
  });

  it('an empty shard runs nothing and exits 0', async () => {
    // With 50 shards, one of the first three holds neither edge-1 nor edge-2.
    const { shardOf } = await import('../../../src/fleet/shard.js');
    const taken = new Set([shardOf('edge-1', 50), shardOf('edge-2', 50)]);
    const empty = [1, 2, 3].find((i) => !taken.has(i))!;
    const r = await runCli(['plan', fleet, '--shard', `${empty}/50`, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ format: 'acp-play/fleet@1', shard: `${empty}/50`, sites: [] });
  });
});
