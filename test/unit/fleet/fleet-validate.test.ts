import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SITE1 } from '../../helpers/cli-run.js';

describe('acp-play validate FLEET', () => {
  const fleet = mkdtempSync(join(tmpdir(), 'acp-fleet-validate-'));
  afterAll(() => rmSync(fleet, { recursive: true, force: true }));
  cpSync(SITE1, join(fleet, 'edge-a'), { recursive: true });
  cpSync(SITE1, join(fleet, 'edge-b'), { recursive: true });

  it('validates every site, one line each, exit 0', async () => {
    const run = await runCli(['validate', fleet]);
    expect(run.code, run.err).toBe(0);
    expect(run.out.split('\n')).toEqual([
      `${join(fleet, 'edge-a')}: valid (3 nodes, 1 switch, 6 VLANs, 3 NADs)`,
      `${join(fleet, 'edge-b')}: valid (3 nodes, 1 switch, 6 VLANs, 3 NADs)`,
      `fleet ${fleet}: 2 of 2 sites valid`,
      '',
    ]);
  });

  it('an invalid site is located and named, the others still validated; exit 3', async () => {
    const file = join(fleet, 'edge-b', 'group_vars', 'all.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^site:/m, 'sitee:'));
    const run = await runCli(['validate', fleet]);
    expect(run.code).toBe(3);
    expect(run.out).toContain(`${join(fleet, 'edge-a')}: valid`);
    expect(run.out).toContain(`${join(fleet, 'edge-b')}: invalid`);
    expect(run.out).toContain(`fleet ${fleet}: 1 of 2 sites valid`);
    expect(run.err).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: `, 'm'));
  });
});
